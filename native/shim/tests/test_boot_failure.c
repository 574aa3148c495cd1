/*
 * test_boot_failure — a bundle whose runtime cannot start must leave the host running: every
 * action answers kOfxStatFailed, the user gets one sentence through the message suite at Load,
 * Describe and CreateInstance (with the right handle), and stderr gets it exactly once.
 *
 * Usage: test_boot_failure <Enhance.ofx> <expected text> <message suite version 0|1|2> [plugin-sethost]
 * A '*' in the expected text stands for any run of characters within the line (paths, sizes).
 */
#include "fake_host.h"
#include "shim_test_support.h"

#include <stdlib.h>
#include <string.h>

/* Checks that the last posted message is the failure sentence, posted against `handle`. */
static void check_posted(int before, void *handle, const char *expected, const char *action) {
  CHECK(fake_host_message_count() == before + 1, "%s posted %d messages, expected 1", action,
        fake_host_message_count() - before);
  const FakeMessage *m = fake_host_message(fake_host_message_count() - 1);
  if (m == NULL) return;
  CHECK(m->handle == handle, "%s message handle %p, expected %p", action, m->handle, handle);
  CHECK(strcmp(m->type, kOfxMessageError) == 0, "%s message type %s", action, m->type);
  CHECK(shim_text_matches(m->text, expected), "%s message \"%s\" lacks \"%s\"", action, m->text, expected);
  CHECK(strncmp(m->text, "Enhance", 7) == 0, "%s message should say it is Enhance: \"%s\"", action, m->text);
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s <Enhance.ofx> <expected text> <message suite version> [plugin-sethost]\n", argv[0]);
    return 2;
  }
  const char *expected = argv[2];
  int message_version = atoi(argv[3]);
  int via_plugin_sethost = argc > 4 && strcmp(argv[4], "plugin-sethost") == 0;

  shim_stderr_begin();
  ShimBinary shim;
  shim_binary_open(argv[1], &shim);
  OfxHost *host = fake_host_init(message_version);
  if (!via_plugin_sethost) shim.set_host(host);

  int count = shim.get_number_of_plugins();
  CHECK(count > 0, "no plug-ins listed");
  for (int i = 0; i < count; ++i) {
    OfxPlugin *plugin = shim.get_plugin(i);
    if (via_plugin_sethost) plugin->setHost(host);
    int posts = message_version > 0;

    int before = fake_host_message_count();
    OfxStatus s = plugin->mainEntry(kOfxActionLoad, NULL, NULL, NULL);
    CHECK(s == kOfxStatFailed, "%s Load returned %d", plugin->pluginIdentifier, s);
    if (posts) check_posted(before, NULL, expected, "Load");

    OfxImageEffectHandle descriptor = fake_host_new_effect();
    before = fake_host_message_count();
    s = plugin->mainEntry(kOfxActionDescribe, descriptor, NULL, NULL);
    CHECK(s == kOfxStatFailed, "%s Describe returned %d", plugin->pluginIdentifier, s);
    if (posts) check_posted(before, descriptor, expected, "Describe");

    OfxImageEffectHandle instance = fake_host_new_effect();
    before = fake_host_message_count();
    s = plugin->mainEntry(kOfxActionCreateInstance, instance, NULL, NULL);
    CHECK(s == kOfxStatFailed, "%s CreateInstance returned %d", plugin->pluginIdentifier, s);
    if (posts) check_posted(before, instance, expected, "CreateInstance");

    /* Actions where hosts show no messages fail quietly. */
    before = fake_host_message_count();
    s = plugin->mainEntry(kOfxImageEffectActionRender, instance, NULL, NULL);
    CHECK(s == kOfxStatFailed, "%s Render returned %d", plugin->pluginIdentifier, s);
    s = plugin->mainEntry(kOfxActionUnload, NULL, NULL, NULL);
    CHECK(s == kOfxStatFailed, "%s Unload returned %d", plugin->pluginIdentifier, s);
    CHECK(fake_host_message_count() == before, "Render/Unload posted messages");
  }
  if (message_version == 0) CHECK(fake_host_message_count() == 0, "posted without a message suite");

  const char *err = shim_stderr_end();
  int printed = shim_count_matching_lines(err, expected);
  CHECK(printed == 1, "stderr holds the sentence %d times, expected once", printed);

  if (shim_test_failures == 0)
    printf("boot failure handled: %d plug-ins answered Failed, %d messages posted\n", count, fake_host_message_count());
  /* Returning from main is the "host keeps running and exits normally" part of the check. */
  return shim_test_failures == 0 ? 0 : 1;
}
