/*
 * test_real_boot — loads the assembled bundle like a host, boots the real managed plug-in, and
 * runs Load, Describe and DescribeInContext(Filter) for every plug-in. Prints the cold-start
 * time (dlopen to the end of the first Describe), the figure users feel when a host scans.
 *
 * Usage: test_real_boot <Enhance.ofx>
 */
#include "fake_host.h"
#include "shim_test_support.h"

#include <string.h>
#include <time.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s <Enhance.ofx>\n", argv[0]);
    return 2;
  }
  double start = now_ms();
  ShimBinary shim;
  shim_binary_open(argv[1], &shim);
  OfxHost *host = fake_host_init(2);
  CHECK(shim.set_host(host) == kOfxStatOK, "OfxSetHost failed");

  double first_describe_done = 0, first_load_done = 0;
  int count = shim.get_number_of_plugins();
  CHECK(count > 0, "no plug-ins listed");
  for (int i = 0; i < count; ++i) {
    OfxPlugin *plugin = shim.get_plugin(i);
    plugin->setHost(host);
    const char *id = plugin->pluginIdentifier;

    int failures_before = shim_test_failures;
    OfxStatus s = plugin->mainEntry(kOfxActionLoad, NULL, NULL, NULL);
    CHECK(s == kOfxStatOK || s == kOfxStatReplyDefault, "%s Load returned %d", id, s);
    if (i == 0) first_load_done = now_ms();

    OfxImageEffectHandle descriptor = fake_host_new_effect();
    s = plugin->mainEntry(kOfxActionDescribe, descriptor, NULL, NULL);
    CHECK(s == kOfxStatOK, "%s Describe returned %d", id, s);
    if (i == 0) first_describe_done = now_ms();
    OfxPropertySetHandle props = fake_host_effect_properties(descriptor);
    const char *label = fake_props_get_string(props, kOfxPropLabel, 0);
    CHECK(label != NULL && label[0] != '\0', "%s Describe set no label", id);
    const char *context = fake_props_get_string(props, kOfxImageEffectPropSupportedContexts, 0);
    CHECK(context != NULL, "%s Describe set no supported context", id);

    /* DescribeInContext in the filter context: clips and parameters get defined. */
    OfxImageEffectHandle in_context = fake_host_new_effect();
    OfxPropertySetHandle in_args = fake_host_new_property_set();
    fake_props_set_string(in_args, kOfxImageEffectPropContext, 0, kOfxImageEffectContextFilter);
    s = plugin->mainEntry(kOfxImageEffectActionDescribeInContext, in_context, in_args, NULL);
    CHECK(s == kOfxStatOK, "%s DescribeInContext(Filter) returned %d", id, s);
    CHECK(fake_host_effect_clip_count(in_context) >= 2, "%s defined %d clips, expected Source and Output", id,
          fake_host_effect_clip_count(in_context));

    printf("%-22s Load/Describe/DescribeInContext %s: label \"%s\", %d clips, %d params\n", id,
           shim_test_failures == failures_before ? "OK" : "FAILED", label ? label : "",
           fake_host_effect_clip_count(in_context), fake_host_effect_param_count(in_context));
  }
  for (int i = 0; i < fake_host_message_count(); ++i)
    fprintf(stderr, "host message: %s: %s\n", fake_host_message(i)->type, fake_host_message(i)->text);
  CHECK(shim_process_has_library("libcoreclr.so"), "the runtime does not seem to be loaded");

  printf("cold start: dlopen -> first Load done %.1f ms, -> first Describe done %.1f ms\n", first_load_done - start,
         first_describe_done - start);
  return shim_test_failures == 0 ? 0 : 1;
}
