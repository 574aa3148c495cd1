/*
 * test_scan_without_boot — a host scanning plug-ins must not pay for .NET: OfxSetHost,
 * OfxGetNumberOfPlugins, OfxGetPlugin and setHost only describe the table.
 *
 * Usage: test_scan_without_boot <Enhance.ofx in a complete bundle> <major> <minor> <id>...
 */
#include "fake_host.h"
#include "shim_test_support.h"

#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: %s <Enhance.ofx> <major> <minor> <plugin id>...\n", argv[0]);
    return 2;
  }
  unsigned major = (unsigned)atoi(argv[2]), minor = (unsigned)atoi(argv[3]);
  int expected = argc - 4;

  ShimBinary shim;
  shim_binary_open(argv[1], &shim);
  OfxHost *host = fake_host_init(2);
  CHECK(shim.set_host(host) == kOfxStatOK, "OfxSetHost should accept the host");

  int count = shim.get_number_of_plugins();
  CHECK(count == expected, "OfxGetNumberOfPlugins = %d, expected %d", count, expected);
  for (int i = 0; i < count && i < expected; ++i) {
    OfxPlugin *plugin = shim.get_plugin(i);
    CHECK(plugin != NULL, "OfxGetPlugin(%d) is NULL", i);
    if (plugin == NULL) continue;
    CHECK(strcmp(plugin->pluginApi, kOfxImageEffectPluginApi) == 0, "pluginApi %s", plugin->pluginApi);
    CHECK(plugin->apiVersion == 1, "apiVersion %d", plugin->apiVersion);
    CHECK(strcmp(plugin->pluginIdentifier, argv[4 + i]) == 0, "plug-in %d is %s, expected %s", i,
          plugin->pluginIdentifier, argv[4 + i]);
    CHECK(plugin->pluginVersionMajor == major && plugin->pluginVersionMinor == minor, "%s version %u.%u",
          plugin->pluginIdentifier, plugin->pluginVersionMajor, plugin->pluginVersionMinor);
    CHECK(plugin->setHost != NULL && plugin->mainEntry != NULL, "%s lacks setHost/mainEntry", plugin->pluginIdentifier);
    /* Each plug-in needs its own trampoline, or managed code could not tell them apart. */
    for (int j = 0; j < i; ++j)
      CHECK(shim.get_plugin(j)->mainEntry != plugin->mainEntry, "plug-ins %d and %d share a mainEntry", j, i);
    plugin->setHost(host);
  }
  CHECK(shim.get_plugin(-1) == NULL, "OfxGetPlugin(-1) should be NULL");
  CHECK(shim.get_plugin(count) == NULL, "OfxGetPlugin(count) should be NULL");

  /* The bundle next to this binary has a runtime: had scanning booted it, hostfxr or coreclr
   * would now be mapped. */
  CHECK(!shim_process_has_library("libhostfxr.so"), "scanning loaded libhostfxr.so");
  CHECK(!shim_process_has_library("libcoreclr.so"), "scanning loaded libcoreclr.so");
  CHECK(fake_host_message_count() == 0, "scanning posted %d message(s)", fake_host_message_count());

  if (shim_test_failures == 0) printf("scan without boot: %d plug-ins listed, .NET not loaded\n", count);
  return shim_test_failures == 0 ? 0 : 1;
}
