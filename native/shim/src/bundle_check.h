/*
 * bundle_check.h — checks the bundle's runtime files against runtime.manifest before anything of
 * the runtime is loaded.
 *
 * A truncated library or assembly that the runtime maps kills the host with SIGBUS when a page past
 * the end is touched, and a corrupted System.Private.CoreLib.dll makes the runtime abort: neither
 * can be caught once loaded. So the shim checks the files first and, on any damage, fails the boot
 * with a sentence that names the file (boot_failure.h) instead of loading it.
 *
 * runtime.manifest (written at build time by cmake/WriteRuntimeManifest.cmake) lists every file
 * under dotnet/ and managed/ next to the binary, one per line after a header line:
 *
 *   # Enhance runtime manifest 1: <sha256> <size in bytes> <path relative to this folder>
 *   <64 lower-case hex digits> <size> <path>
 *
 * Every listed file must exist, be a regular file and have its size; the files the runtime maps at
 * every boot (hashed_at_boot in bundle_check.c) and the JSON files must also have their SHA-256.
 * ENHANCE_BUNDLE_CHECK=full checks the SHA-256 of every listed file (slower; for diagnosing a
 * bundle that crashes later, e.g. at the first model render).
 */
#ifndef ENHANCE_SHIM_BUNDLE_CHECK_H
#define ENHANCE_SHIM_BUNDLE_CHECK_H

#include "bundle_paths.h"

#define ENHANCE_MANIFEST_HEADER "# Enhance runtime manifest 1:"
#define ENHANCE_BUNDLE_CHECK_ENV "ENHANCE_BUNDLE_CHECK"

/* Returns 0 when the bundle matches its manifest. Otherwise records the sentence (what is damaged,
 * what to do) with enhance_boot_failure_set and returns -1. With ENHANCE_DOTNET_ROOT set the
 * bundle's own dotnet/ entries are skipped: the developer's runtime is used instead. */
int enhance_bundle_check(const EnhanceBundlePaths *paths);

#endif /* ENHANCE_SHIM_BUNDLE_CHECK_H */
