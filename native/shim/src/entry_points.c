/*
 * entry_points.c — the three symbols Enhance.ofx exports, and one OfxPlugin per node.
 *
 * The plug-in table comes from the CMake list ENHANCE_PLUGINS (cmake/Plugins.cmake) through the
 * generated enhance_plugin_table.h. Each plug-in gets its own trampoline because OFX's mainEntry
 * does not say which plug-in it belongs to; the trampoline adds the identifier for managed code.
 */
#include "enhance_plugin_table.h"
#include "shim_runtime.h"

#define ENHANCE_EXPORT __attribute__((visibility("default")))

static void plugin_set_host(OfxHost *host) { enhance_runtime_set_host(host); }

#define ENHANCE_DEFINE_TRAMPOLINE(index, identifier)                                                   \
  static OfxStatus main_entry_##index(const char *action, const void *handle, OfxPropertySetHandle in_args, \
                                      OfxPropertySetHandle out_args) {                                 \
    return enhance_runtime_dispatch(identifier, action, handle, in_args, out_args);                    \
  }
ENHANCE_PLUGIN_LIST(ENHANCE_DEFINE_TRAMPOLINE)

#define ENHANCE_DEFINE_PLUGIN(index, identifier)                                                       \
  {kOfxImageEffectPluginApi,     kOfxImageEffectPluginApiVersion, identifier,                          \
   ENHANCE_PLUGIN_VERSION_MAJOR, ENHANCE_PLUGIN_VERSION_MINOR,     plugin_set_host,                    \
   main_entry_##index},
static OfxPlugin plugins[] = {ENHANCE_PLUGIN_LIST(ENHANCE_DEFINE_PLUGIN)};

#define PLUGIN_COUNT ((int)(sizeof plugins / sizeof plugins[0]))

ENHANCE_EXPORT int OfxGetNumberOfPlugins(void) { return PLUGIN_COUNT; }

ENHANCE_EXPORT OfxPlugin *OfxGetPlugin(int nth) {
  return nth >= 0 && nth < PLUGIN_COUNT ? &plugins[nth] : (OfxPlugin *)0;
}

/* OFX 1.5: hosts that know it call this before anything else; older hosts use each plug-in's
 * setHost. Both only store the pointer: .NET is not started by scanning. */
ENHANCE_EXPORT OfxStatus OfxSetHost(const OfxHost *host) {
  enhance_runtime_set_host((OfxHost *)host);
  return kOfxStatOK;
}
