/* shim_runtime.c — lazy boot, host forwarding and dispatch (see shim_runtime.h). */
#include "glibc_compat.h"

#include "shim_runtime.h"

#include "boot_failure.h"
#include "boot_trace.h"
#include "bundle_check.h"
#include "bundle_paths.h"
#include "dotnet_boot.h"
#include "file_handles.h"
#include "variadic_wrappers.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

/* Scanning (OfxGetNumberOfPlugins/OfxGetPlugin) must stay cheap, so .NET starts here, at the first
 * action, exactly once. Everything below is written inside the once routine (or under host_lock)
 * and read after pthread_once returns. */
static pthread_once_t boot_once = PTHREAD_ONCE_INIT;
static int booted;
static EnhanceManagedApi managed_api;
static EnhanceShimApi shim_api;          /* must outlive Boot: managed code keeps the pointer */
static EnhanceBundlePaths bundle_paths;  /* shim_api.bundle_root points into it */

static pthread_mutex_t host_lock = PTHREAD_MUTEX_INITIALIZER;
static OfxHost *current_host;

void enhance_runtime_set_host(OfxHost *host) {
  pthread_mutex_lock(&host_lock);
  current_host = host;
  /* Forwarding under the lock keeps set_host calls in the order the host made them, even when
   * a boot on another thread forwards the stored host at the same time. */
  if (booted && host != NULL) managed_api.set_host(host);
  pthread_mutex_unlock(&host_lock);
}

static OfxHost *stored_host(void) {
  pthread_mutex_lock(&host_lock);
  OfxHost *host = current_host;
  pthread_mutex_unlock(&host_lock);
  return host;
}

static void boot_runtime(void) {
  char error[1024];
  char runtime_error[2048];
  runtime_error[0] = '\0';
  enhance_trace_begin();
  if (enhance_bundle_paths_locate(&bundle_paths, error, sizeof error) != 0) {
    enhance_boot_failure_set("%s", error);
    enhance_boot_failure_print(NULL);
    return;
  }
  /* Too few descriptors make the runtime fail with misleading errors, or abort the host from
   * managed code: better to say so and not start. */
  if (enhance_check_file_handles_for_boot() != 0) {
    enhance_boot_failure_print(NULL);
    return;
  }
  /* Before anything of the runtime is opened by the loader: a damaged file that is mapped kills
   * the host (SIGBUS, abort), a failed check only fails the boot. */
  if (enhance_bundle_check(&bundle_paths) != 0) {
    enhance_boot_failure_print(NULL);
    return;
  }
  enhance_trace("bundle checked against " ENHANCE_RUNTIME_MANIFEST);
  enhance_shim_api_fill_wrappers(&shim_api);
  shim_api.bundle_root = bundle_paths.contents;
  if (enhance_dotnet_boot(&bundle_paths, &shim_api, &managed_api, runtime_error, sizeof runtime_error) != 0) {
    enhance_boot_failure_print(runtime_error);
    return;
  }
  /* Managed code now holds pointers into this binary (the wrappers, shim_api) and the runtime
   * cannot be unloaded: pin the binary so a host that dlcloses plug-ins after Unload does not
   * unmap code .NET still calls. */
  if (dlopen(bundle_paths.binary, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE) == NULL)
    fprintf(stderr, "[Enhance] warning: could not pin %s in memory: %s\n", bundle_paths.binary, dlerror());
  pthread_mutex_lock(&host_lock);
  booted = 1;
  if (current_host != NULL) managed_api.set_host(current_host);
  pthread_mutex_unlock(&host_lock);
  enhance_trace("host forwarded to managed code; boot done");
}

OfxStatus enhance_runtime_dispatch(const char *plugin_identifier, const char *action, const void *handle,
                                   OfxPropertySetHandle in_args, OfxPropertySetHandle out_args) {
  pthread_once(&boot_once, boot_runtime);
  if (!booted) return enhance_boot_failure_answer(stored_host(), action, handle);
  return managed_api.main_entry(plugin_identifier, action, handle, in_args, out_args);
}
