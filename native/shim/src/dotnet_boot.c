/* dotnet_boot.c — hostfxr boot of the managed plug-in (see dotnet_boot.h). */
#include "glibc_compat.h"

#include "dotnet_boot.h"

#include "boot_failure.h"
#include "boot_trace.h"
#include "file_handles.h"

#include <coreclr_delegates.h>
#include <dlfcn.h>
#include <errno.h>
#include <hostfxr.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define MANAGED_TYPE "Enhance.Plugin.Host.NativeEntryPoints, Enhance.Plugin.Host"
#define MANAGED_METHOD "Boot"

/* hostfxr reports errors through a per-thread callback; the boot runs on one thread, so a static
 * buffer collects everything it says during the attempt. */
static char *runtime_error_buffer;
static size_t runtime_error_capacity;

static void capture_runtime_error(const char_t *message) {
  if (runtime_error_buffer == NULL || message == NULL) return;
  size_t used = strlen(runtime_error_buffer);
  if (used + 3 >= runtime_error_capacity) return;
  if (used > 0) {
    strcpy(runtime_error_buffer + used, " | ");
    used += 3;
  }
  snprintf(runtime_error_buffer + used, runtime_error_capacity - used, "%s", message);
}

/* Names the hostfxr status codes a user can meet here (dotnet/runtime docs/design/features/
 * host-error-codes.md), so the sentence says more than a hex number. */
static const char *status_name(int32_t rc) {
  switch ((uint32_t)rc) {
    case 0x80008083u: return "a runtime component is missing";
    case 0x80008087u: return "libcoreclr.so was not found";
    case 0x80008088u: return "libcoreclr.so could not be loaded";
    case 0x80008089u: return "the runtime failed to initialise";
    case 0x8000808cu: return "dependencies could not be resolved";
    case 0x80008093u: return "the runtimeconfig.json file is invalid";
    case 0x80008096u: return "no compatible Microsoft.NETCore.App version was found";
    case 0x800080a3u: return "the runtime is in an invalid state";
    case 0x800080a5u: return "another plug-in already started an incompatible .NET runtime in this process";
    /* From load_assembly_and_get_function_pointer (CLR HRESULTs). */
    case 0x80070002u: return "file not found";
    case 0x80131522u: return "type not found";
    case 0x80131513u: return "method not found";
    case 0x80131047u: return "bad assembly name";
    case 0x80131509u: return "the assembly is not the Enhance plug-in it should be";
    default: return ((uint32_t)rc & 0xffff0000u) == 0x80130000u ? "runtime error" : "hosting error";
  }
}

/* ": <first line of what the runtime said>" for the user-facing sentence, or "" (stderr gets all
 * of it). */
static const char *first_runtime_line(char *copy, size_t size) {
  if (runtime_error_buffer == NULL || runtime_error_buffer[0] == '\0') return "";
  snprintf(copy, size, ": %s", runtime_error_buffer);
  char *cut = strstr(copy, " | ");
  if (cut != NULL) *cut = '\0';
  return copy;
}

typedef struct HostFxr {
  hostfxr_initialize_for_runtime_config_fn initialize_for_runtime_config;
  hostfxr_get_runtime_delegate_fn get_runtime_delegate;
  hostfxr_close_fn close;
  hostfxr_set_error_writer_fn set_error_writer;
} HostFxr;

/* Finds and loads libhostfxr.so from the runtime folder. */
static int load_hostfxr(const EnhanceBundlePaths *paths, HostFxr *fxr) {
  if (!enhance_is_directory(paths->dotnet_root)) {
    if (paths->dotnet_root_from_env)
      enhance_boot_failure_set("Enhance could not start its .NET runtime: %s (set by " ENHANCE_DOTNET_ROOT_ENV
                               ") is missing. Fix or unset " ENHANCE_DOTNET_ROOT_ENV ".", paths->dotnet_root);
    else
      enhance_boot_failure_set("Enhance could not start its .NET runtime: %s is missing. Reinstall %s.",
                               paths->dotnet_root, paths->bundle_name);
    return -1;
  }
  char fxr_dir[PATH_MAX], version[256], library[PATH_MAX];
  int length = snprintf(fxr_dir, sizeof fxr_dir, "%s/host/fxr", paths->dotnet_root);
  if (length < 0 || (size_t)length >= sizeof fxr_dir || enhance_highest_version_dir(fxr_dir, version, sizeof version) != 0) {
    enhance_boot_failure_set("Enhance could not start its .NET runtime: %s holds no runtime host (host/fxr/<version>). "
                             "Reinstall %s.", paths->dotnet_root, paths->bundle_name);
    return -1;
  }
  int n = snprintf(library, sizeof library, "%s/%s/libhostfxr.so", fxr_dir, version);
  if (n < 0 || (size_t)n >= sizeof library || !enhance_is_file(library)) {
    enhance_boot_failure_set("Enhance could not start its .NET runtime: %s/%s/libhostfxr.so is missing. Reinstall %s.",
                             fxr_dir, version, paths->bundle_name);
    return -1;
  }
  /* RTLD_LOCAL: hostfxr's symbols must not interpose on the host's or another plug-in's. */
  void *lib = dlopen(library, RTLD_NOW | RTLD_LOCAL);
  if (lib == NULL) {
    const char *why = dlerror();
    /* dlerror words the open() failure with strerror, in the same locale as ours. */
    if (why != NULL && (strstr(why, strerror(EMFILE)) != NULL || strstr(why, strerror(ENFILE)) != NULL))
      enhance_boot_failure_set("Enhance could not start: " ENHANCE_OUT_OF_FILE_HANDLES " (loading %s).", library);
    enhance_boot_failure_set("Enhance could not start its .NET runtime: %s could not be loaded (%s). Reinstall %s.",
                             library, why ? why : "unknown error", paths->bundle_name);
    return -1;
  }
  fxr->initialize_for_runtime_config =
      (hostfxr_initialize_for_runtime_config_fn)dlsym(lib, "hostfxr_initialize_for_runtime_config");
  fxr->get_runtime_delegate = (hostfxr_get_runtime_delegate_fn)dlsym(lib, "hostfxr_get_runtime_delegate");
  fxr->close = (hostfxr_close_fn)dlsym(lib, "hostfxr_close");
  fxr->set_error_writer = (hostfxr_set_error_writer_fn)dlsym(lib, "hostfxr_set_error_writer");
  if (!fxr->initialize_for_runtime_config || !fxr->get_runtime_delegate || !fxr->close || !fxr->set_error_writer) {
    enhance_boot_failure_set("Enhance could not start its .NET runtime: %s lacks the hosting functions of .NET 6 or "
                             "later; the runtime is damaged. Reinstall %s.", library, paths->bundle_name);
    return -1; /* the library stays loaded: unloading a half-used hostfxr is not safe */
  }
  return 0;
}

/* Initialises the runtime from the runtimeconfig and returns the assembly-loading delegate. */
static int get_load_delegate(const EnhanceBundlePaths *paths, const HostFxr *fxr,
                             load_assembly_and_get_function_pointer_fn *load) {
  char detail[512];
  if (!enhance_is_file(paths->runtime_config) || !enhance_is_file(paths->assembly)) {
    enhance_boot_failure_set("Enhance could not start its .NET runtime: %s is missing. Reinstall %s.",
                             enhance_is_file(paths->runtime_config) ? paths->assembly : paths->runtime_config,
                             paths->bundle_name);
    return -1;
  }
  /* dotnet_root must be absolute (bundle_paths resolves it); host_path is the shim itself, which
   * hostfxr uses only for diagnostics and app-local lookups. */
  struct hostfxr_initialize_parameters parameters = {sizeof parameters, paths->binary, paths->dotnet_root};
  hostfxr_handle context = NULL;
  int32_t rc = fxr->initialize_for_runtime_config(paths->runtime_config, &parameters, &context);
  /* 0: first context; 1: the runtime already runs in this process (another plug-in or the host
   * itself) and our config is compatible; 2: compatible but with different properties, which we
   * accept because Enhance sets no runtime properties it depends on. */
  if (rc < 0 || rc > 2 || context == NULL) {
    /* The runtime reports a file it could not open as "internal error" or "not found": when the
     * process is out of descriptors now, that is the cause (the first sentence recorded wins). */
    enhance_blame_file_handles("the runtime failed to initialise");
    if ((uint32_t)rc == 0x800080a5u)
      enhance_boot_failure_set("Enhance could not start its .NET runtime: another plug-in already runs a .NET runtime "
                               "that %s is incompatible with (error 0x%08x%s). Remove the other .NET-based plug-in.",
                               paths->runtime_config, (unsigned)rc, first_runtime_line(detail, sizeof detail));
    else
      enhance_boot_failure_set("Enhance could not start its .NET runtime: hostfxr rejected %s (error 0x%08x, %s%s). "
                               "Reinstall %s.", paths->runtime_config, (unsigned)rc, status_name(rc),
                               first_runtime_line(detail, sizeof detail), paths->bundle_name);
    if (context != NULL) fxr->close(context);
    return -1;
  }
  rc = fxr->get_runtime_delegate(context, hdt_load_assembly_and_get_function_pointer, (void **)load);
  /* The runtime stays loaded after the context closes; the delegate remains valid. */
  fxr->close(context);
  if (rc != 0 || *load == NULL) {
    enhance_blame_file_handles("the runtime failed to start");
    enhance_boot_failure_set("Enhance could not start its .NET runtime: the runtime in %s did not start (error 0x%08x, "
                             "%s%s). Reinstall %s.", paths->dotnet_root, (unsigned)rc, status_name(rc),
                             first_runtime_line(detail, sizeof detail), paths->bundle_name);
    return -1;
  }
  return 0;
}

int enhance_dotnet_boot(const EnhanceBundlePaths *paths, const EnhanceShimApi *shim, EnhanceManagedApi *managed,
                        char *runtime_error, size_t runtime_error_size) {
  runtime_error[0] = '\0';
  HostFxr fxr;
  memset(&fxr, 0, sizeof fxr);
  if (load_hostfxr(paths, &fxr) != 0) return -1;
  enhance_trace("hostfxr loaded");

  runtime_error_buffer = runtime_error;
  runtime_error_capacity = runtime_error_size;
  hostfxr_error_writer_fn previous_writer = fxr.set_error_writer(capture_runtime_error);

  int result = -1;
  load_assembly_and_get_function_pointer_fn load = NULL;
  if (get_load_delegate(paths, &fxr, &load) == 0) {
    enhance_trace("runtime initialised");
    EnhanceBootFn boot = NULL;
    char detail[512];
    int rc = load(paths->assembly, MANAGED_TYPE, MANAGED_METHOD, UNMANAGEDCALLERSONLY_METHOD, NULL, (void **)&boot);
    enhance_trace("managed assembly loaded");
    if (rc != 0 || boot == NULL) {
      enhance_blame_file_handles("loading the managed plug-in failed");
      enhance_boot_failure_set("Enhance could not start its .NET runtime: %s has no usable %s.%s (error 0x%08x, %s%s). "
                               "Reinstall %s.", paths->assembly, MANAGED_TYPE, MANAGED_METHOD, (unsigned)rc, status_name(rc),
                               first_runtime_line(detail, sizeof detail), paths->bundle_name);
    } else {
      memset(managed, 0, sizeof *managed);
      OfxStatus status = boot(shim, managed);
      enhance_trace("managed Boot returned");
      if (status != kOfxStatOK) {
        enhance_boot_failure_set("Enhance's managed plug-in failed to start (OFX status %d); see the messages above "
                                 "on stderr. Reinstall %s if this persists.", status, paths->bundle_name);
      } else if (managed->version != ENHANCE_MANAGED_API_VERSION || managed->main_entry == NULL ||
                 managed->set_host == NULL) {
        enhance_boot_failure_set("Enhance's managed plug-in speaks interface version %d, but its native shim expects "
                                 "%d; the bundle mixes files of different builds. Reinstall %s.",
                                 managed->version, ENHANCE_MANAGED_API_VERSION, paths->bundle_name);
      } else {
        result = 0;
      }
    }
  }

  fxr.set_error_writer(previous_writer);
  runtime_error_buffer = NULL;
  runtime_error_capacity = 0;
  return result;
}
