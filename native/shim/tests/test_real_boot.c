/*
 * test_real_boot — loads assembled bundles like a host, boots the real managed plug-in, and runs
 * Load, Describe and DescribeInContext(Filter) for every plug-in. Prints the cold-start time of
 * the first bundle (dlopen to the end of its first Describe), the figure users feel when a host
 * scans.
 *
 * Several binaries may be given: each is a separate copy of the bundle loaded into this one
 * process, as when a user has Enhance installed twice. The second finds .NET already running
 * (hostfxr answers "already initialised") and must still boot.
 *
 * Usage: test_real_boot <Enhance.ofx> [<another copy's Enhance.ofx>...]
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

/* Load/Describe/DescribeInContext for every plug-in of one binary; returns the time the first
 * Describe finished. */
static double exercise_binary(const char *path, OfxHost *host, double *first_load_done) {
  ShimBinary shim;
  shim_binary_open(path, &shim);
  CHECK(shim.set_host(host) == kOfxStatOK, "OfxSetHost failed");

  double first_describe_done = 0;
  int count = shim.get_number_of_plugins();
  CHECK(count > 0, "no plug-ins listed in %s", path);
  for (int i = 0; i < count; ++i) {
    OfxPlugin *plugin = shim.get_plugin(i);
    plugin->setHost(host);
    const char *id = plugin->pluginIdentifier;

    int failures_before = shim_test_failures;
    OfxStatus s = plugin->mainEntry(kOfxActionLoad, NULL, NULL, NULL);
    CHECK(s == kOfxStatOK || s == kOfxStatReplyDefault, "%s Load returned %d", id, s);
    if (i == 0) *first_load_done = now_ms();

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
  return first_describe_done;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s <Enhance.ofx> [<another copy's Enhance.ofx>...]\n", argv[0]);
    return 2;
  }
  OfxHost *host = fake_host_init(2);
  for (int b = 1; b < argc; ++b) {
    double start = now_ms(), first_load_done = 0;
    double first_describe_done = exercise_binary(argv[b], host, &first_load_done);
    printf("%s start of %s: dlopen -> first Load done %.1f ms, -> first Describe done %.1f ms\n",
           b == 1 ? "cold" : "second-bundle", argv[b], first_load_done - start, first_describe_done - start);
  }
  for (int i = 0; i < fake_host_message_count(); ++i)
    fprintf(stderr, "host message: %s: %s\n", fake_host_message(i)->type, fake_host_message(i)->text);
  CHECK(shim_process_has_library("libcoreclr.so"), "the runtime does not seem to be loaded");
  return shim_test_failures == 0 ? 0 : 1;
}
