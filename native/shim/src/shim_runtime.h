/*
 * shim_runtime.h — the shim's process-wide state: the host pointer, the one-time lazy boot of
 * .NET, and the dispatch of actions to managed code (or to the failure answer).
 */
#ifndef ENHANCE_SHIM_RUNTIME_H
#define ENHANCE_SHIM_RUNTIME_H

#include "enhance/ofx_abi.h"

/* Stores the host (OfxSetHost or a plug-in's setHost) and forwards it to managed code if .NET is
 * already running; otherwise the boot forwards it. Never boots. */
void enhance_runtime_set_host(OfxHost *host);

/* Boots .NET on first use (once per process, thread-safe), then passes the action to managed
 * `main_entry`, or answers kOfxStatFailed with the failure message when boot failed. */
OfxStatus enhance_runtime_dispatch(const char *plugin_identifier, const char *action, const void *handle,
                                   OfxPropertySetHandle in_args, OfxPropertySetHandle out_args);

#endif /* ENHANCE_SHIM_RUNTIME_H */
