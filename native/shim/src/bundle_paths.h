/*
 * bundle_paths.h — where the pieces of the installed bundle are, derived from the shim's own path.
 *
 *   <Name>.ofx.bundle/Contents/Linux-x86-64/<Name>.ofx        this binary
 *   <Name>.ofx.bundle/Contents/Linux-x86-64/runtime.manifest  size and SHA-256 of every file below
 *   <Name>.ofx.bundle/Contents/Linux-x86-64/dotnet/            private .NET runtime (dotnet_root)
 *   <Name>.ofx.bundle/Contents/Linux-x86-64/managed/           Enhance.Plugin.Host.dll + runtimeconfig
 *   <Name>.ofx.bundle/Contents/Resources/                      icons, models, licences
 *
 * ENHANCE_DOTNET_ROOT (environment) replaces the private runtime folder, for developers who run
 * the plug-in against an installed SDK.
 */
#ifndef ENHANCE_SHIM_BUNDLE_PATHS_H
#define ENHANCE_SHIM_BUNDLE_PATHS_H

#include <limits.h>
#include <stddef.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

#define ENHANCE_MANAGED_ASSEMBLY "Enhance.Plugin.Host.dll"
#define ENHANCE_RUNTIME_CONFIG "Enhance.Plugin.Host.runtimeconfig.json"
#define ENHANCE_DOTNET_ROOT_ENV "ENHANCE_DOTNET_ROOT"
#define ENHANCE_RUNTIME_MANIFEST "runtime.manifest"

typedef struct EnhanceBundlePaths {
  char binary[PATH_MAX];          /* absolute, symlinks resolved */
  char contents[PATH_MAX];        /* .../<Name>.ofx.bundle/Contents: EnhanceShimApi.bundle_root */
  char bundle_name[256];          /* "<Name>.ofx.bundle", for messages that say what to reinstall */
  char arch_dir[PATH_MAX];        /* .../Contents/Linux-x86-64, the folder holding this binary */
  char manifest[PATH_MAX];        /* arch_dir/runtime.manifest */
  char dotnet_root[PATH_MAX];     /* absolute: hostfxr rejects a relative dotnet_root */
  int dotnet_root_from_env;       /* 1 when ENHANCE_DOTNET_ROOT chose dotnet_root */
  char managed_dir[PATH_MAX];
  char assembly[PATH_MAX];
  char runtime_config[PATH_MAX];
} EnhanceBundlePaths;

/* Fills `paths` from the location of this shared object. Returns 0 on success; on failure writes
 * a sentence for the user into `error`. */
int enhance_bundle_paths_locate(EnhanceBundlePaths *paths, char *error, size_t error_size);

/* Writes into `out` the name of the sub-folder of `dir` with the highest dotted version
 * ("10.0.12" > "10.0.9" > "10.0.0-rc.2"). Returns 0 if found, -1 if `dir` is missing or holds none. */
int enhance_highest_version_dir(const char *dir, char *out, size_t out_size);

/* <0, 0, >0 like strcmp, comparing dotted numeric versions with an optional "-prerelease" tail
 * (a release sorts above its prereleases). */
int enhance_compare_versions(const char *a, const char *b);

/* 1 if `path` exists and is a directory / a regular file. */
int enhance_is_directory(const char *path);
int enhance_is_file(const char *path);

#endif /* ENHANCE_SHIM_BUNDLE_PATHS_H */
