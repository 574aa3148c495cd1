/*
 * shim_api.h — the contract between the native shim (Enhance.ofx) and the managed plug-in.
 *
 * The shim boots .NET, then calls the managed `Enhance.Plugin.Host.NativeEntryPoints.Boot` with an
 * EnhanceShimApi (what native code offers managed code) and receives an EnhanceManagedApi (the
 * managed entry points as [UnmanagedCallersOnly] function pointers).
 *
 * Why the shim offers wrappers: OFX's paramGetValue/paramSetValue(AtTime) and the message suite's
 * functions are C-variadic. A C# function pointer call cannot follow the x86-64 variadic
 * convention (AL must hold the count of vector registers used, doubles travel in XMM registers),
 * so C# calls these typed, fixed-arity wrappers and C makes the variadic call.
 */
#ifndef ENHANCE_SHIM_API_H
#define ENHANCE_SHIM_API_H

#include "ofx_abi.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ENHANCE_SHIM_API_VERSION 1

typedef struct EnhanceShimApi {
  int version;              /* ENHANCE_SHIM_API_VERSION */
  const char *bundle_root;  /* absolute path of "<Name>.ofx.bundle/Contents" (no trailing slash) */

  /* Parameter values. `at_time` 0 calls paramGetValue/paramSetValue, 1 the ...AtTime variants.
   * `count` is the number of components (1 for Integer/Double/Boolean/Choice, 2 for 2D, 3 for 3D
   * and RGB, 4 for RGBA). Booleans and choices are ints. */
  OfxStatus (*param_get_doubles)(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                                 OfxTime time, int count, double *values);
  OfxStatus (*param_get_ints)(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                              OfxTime time, int count, int *values);
  OfxStatus (*param_get_string)(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                                OfxTime time, const char **value);
  OfxStatus (*param_set_doubles)(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                                 OfxTime time, int count, const double *values);
  OfxStatus (*param_set_ints)(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                              OfxTime time, int count, const int *values);
  OfxStatus (*param_set_string)(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                                OfxTime time, const char *value);

  /* Messages: the text is passed as a "%s" argument, never as a format string. `suite` is an
   * OfxMessageSuiteV1 or V2 (message is the first member of both). */
  OfxStatus (*message)(const OfxMessageSuiteV1 *suite, void *handle, const char *message_type,
                       const char *message_id, const char *text);
  OfxStatus (*set_persistent_message)(const OfxMessageSuiteV2 *suite, void *handle,
                                      const char *message_type, const char *message_id,
                                      const char *text);
} EnhanceShimApi;

#define ENHANCE_MANAGED_API_VERSION 1

typedef struct EnhanceManagedApi {
  int version; /* ENHANCE_MANAGED_API_VERSION, written by managed code */
  /* The host pointer, from OfxSetHost or the plug-in's setHost. May be called more than once. */
  void (*set_host)(OfxHost *host);
  /* One OFX main entry for every plug-in in the binary: the shim's per-plug-in trampolines pass
   * the plug-in identifier. Never lets an exception escape; returns an OFX status. */
  OfxStatus (*main_entry)(const char *plugin_identifier, const char *action, const void *handle,
                          OfxPropertySetHandle in_args, OfxPropertySetHandle out_args);
} EnhanceManagedApi;

/* The managed Boot function: fills `managed`, returns kOfxStatOK or an error status. */
typedef OfxStatus (*EnhanceBootFn)(const EnhanceShimApi *shim, EnhanceManagedApi *managed);

#ifdef __cplusplus
}
#endif

#endif /* ENHANCE_SHIM_API_H */
