/*
 * dotnet_boot.h — starts .NET inside the host process through hostfxr and calls the managed Boot.
 *
 * hostfxr is found by path (dotnet_root/host/fxr/<highest version>/libhostfxr.so) rather than
 * through libnethost, whose static library drags in libstdc++ and a newer glibc floor.
 */
#ifndef ENHANCE_SHIM_DOTNET_BOOT_H
#define ENHANCE_SHIM_DOTNET_BOOT_H

#include "bundle_paths.h"
#include "enhance/shim_api.h"

#include <stddef.h>

/* Loads the runtime, the managed assembly, and calls
 * Enhance.Plugin.Host.NativeEntryPoints.Boot(shim, managed). Returns 0 when `managed` is filled
 * and usable. On failure records the sentence with enhance_boot_failure_set and copies the
 * runtime's own error text (from hostfxr's error writer) into `runtime_error`. */
int enhance_dotnet_boot(const EnhanceBundlePaths *paths, const EnhanceShimApi *shim, EnhanceManagedApi *managed,
                        char *runtime_error, size_t runtime_error_size);

#endif /* ENHANCE_SHIM_DOTNET_BOOT_H */
