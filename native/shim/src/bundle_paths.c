/* bundle_paths.c — locating the bundle's parts from the shim's own path (see bundle_paths.h). */
#define _GNU_SOURCE /* dladdr */
#include "glibc_compat.h"

#include "bundle_paths.h"

#include <ctype.h>
#include <dirent.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Deliberately no stat(): since glibc 2.33 it is a versioned libc function (stat@GLIBC_2.33),
 * which would raise the shim's glibc floor above Rocky/Alma 8's 2.28. */
int enhance_is_directory(const char *path) {
  DIR *d = opendir(path);
  if (d == NULL) return 0;
  closedir(d);
  return 1;
}

int enhance_is_file(const char *path) { return access(path, R_OK) == 0 && !enhance_is_directory(path); }

/* Cuts the last path component off `path` in place; returns 0, or -1 when nothing is left. */
static int strip_last_component(char *path) {
  char *slash = strrchr(path, '/');
  if (slash == NULL || slash == path) return -1;
  *slash = '\0';
  return 0;
}

/* snprintf that reports truncation, so a too-long install path fails clearly instead of pointing
 * at a different file. */
static int join(char *out, size_t size, const char *a, const char *b) {
  int n = snprintf(out, size, "%s/%s", a, b);
  return (n < 0 || (size_t)n >= size) ? -1 : 0;
}

int enhance_bundle_paths_locate(EnhanceBundlePaths *paths, char *error, size_t error_size) {
  memset(paths, 0, sizeof *paths);

  /* dladdr on one of our own functions names the file the host loaded us from, whatever the
   * host's search path was. realpath resolves symlinked installs to the real bundle. */
  Dl_info info;
  if (dladdr((const void *)&enhance_bundle_paths_locate, &info) == 0 || info.dli_fname == NULL) {
    snprintf(error, error_size, "Enhance could not find its own file (dladdr failed); reinstall the bundle.");
    return -1;
  }
  if (realpath(info.dli_fname, paths->binary) == NULL) {
    snprintf(error, error_size, "Enhance could not resolve its own path %s; reinstall the bundle.", info.dli_fname);
    return -1;
  }

  char binary_dir[PATH_MAX];
  snprintf(binary_dir, sizeof binary_dir, "%s", paths->binary);
  snprintf(paths->contents, sizeof paths->contents, "%s", paths->binary);
  if (strip_last_component(binary_dir) != 0 || strip_last_component(paths->contents) != 0 ||
      strip_last_component(paths->contents) != 0) {
    snprintf(error, error_size,
             "Enhance.ofx at %s is not inside a <Name>.ofx.bundle/Contents/Linux-x86-64 folder; "
             "install the whole Enhance.ofx.bundle.",
             paths->binary);
    return -1;
  }

  char bundle_dir[PATH_MAX];
  snprintf(bundle_dir, sizeof bundle_dir, "%s", paths->contents);
  const char *bundle_name = "Enhance.ofx.bundle";
  if (strip_last_component(bundle_dir) == 0) {
    const char *slash = strrchr(bundle_dir, '/');
    if (slash != NULL && strstr(slash + 1, ".ofx.bundle") != NULL) bundle_name = slash + 1;
  }
  snprintf(paths->bundle_name, sizeof paths->bundle_name, "%s", bundle_name);

  const char *override_root = getenv(ENHANCE_DOTNET_ROOT_ENV);
  if (override_root != NULL && override_root[0] != '\0') {
    paths->dotnet_root_from_env = 1;
    /* hostfxr needs an absolute dotnet_root; if the folder is missing keep the text so the
     * failure sentence can name it. */
    if (realpath(override_root, paths->dotnet_root) == NULL)
      snprintf(paths->dotnet_root, sizeof paths->dotnet_root, "%s", override_root);
  } else if (join(paths->dotnet_root, sizeof paths->dotnet_root, binary_dir, "dotnet") != 0) {
    snprintf(error, error_size, "Enhance's install path is too long (%s).", binary_dir);
    return -1;
  }

  snprintf(paths->arch_dir, sizeof paths->arch_dir, "%s", binary_dir);
  if (join(paths->manifest, sizeof paths->manifest, binary_dir, ENHANCE_RUNTIME_MANIFEST) != 0 ||
      join(paths->managed_dir, sizeof paths->managed_dir, binary_dir, "managed") != 0 ||
      join(paths->assembly, sizeof paths->assembly, paths->managed_dir, ENHANCE_MANAGED_ASSEMBLY) != 0 ||
      join(paths->runtime_config, sizeof paths->runtime_config, paths->managed_dir, ENHANCE_RUNTIME_CONFIG) != 0) {
    snprintf(error, error_size, "Enhance's install path is too long (%s).", binary_dir);
    return -1;
  }
  return 0;
}

/* Reads one run of digits from *s (advancing it); returns its value, saturating rather than
 * overflowing on absurd input. */
static unsigned long read_number(const char **s) {
  unsigned long value = 0;
  while (isdigit((unsigned char)**s)) {
    if (value < 100000000UL) value = value * 10 + (unsigned long)(**s - '0');
    ++*s;
  }
  return value;
}

int enhance_compare_versions(const char *a, const char *b) {
  while (*a != '\0' && *a != '-' && *b != '\0' && *b != '-') {
    unsigned long na = read_number(&a), nb = read_number(&b);
    if (na != nb) return na < nb ? -1 : 1;
    if (*a == '.') ++a;
    if (*b == '.') ++b;
    /* A non-numeric, non-separator character ends the numeric part. */
    if (*a != '\0' && *a != '-' && !isdigit((unsigned char)*a)) break;
    if (*b != '\0' && *b != '-' && !isdigit((unsigned char)*b)) break;
  }
  int a_more = *a != '\0' && *a != '-', b_more = *b != '\0' && *b != '-';
  if (a_more != b_more) return a_more ? 1 : -1; /* 10.0.1 > 10.0 */
  int a_pre = *a == '-', b_pre = *b == '-';
  if (a_pre != b_pre) return a_pre ? -1 : 1; /* 10.0.0 > 10.0.0-rc.1 */
  return a_pre ? strcmp(a, b) : 0;
}

int enhance_highest_version_dir(const char *dir, char *out, size_t out_size) {
  DIR *d = opendir(dir);
  if (d == NULL) return -1;
  int found = 0;
  struct dirent *entry;
  while ((entry = readdir(d)) != NULL) {
    if (!isdigit((unsigned char)entry->d_name[0])) continue; /* skips ".", "..", stray files */
    char full[PATH_MAX];
    if (join(full, sizeof full, dir, entry->d_name) != 0 || !enhance_is_directory(full)) continue;
    if (!found || enhance_compare_versions(entry->d_name, out) > 0) {
      if (strlen(entry->d_name) >= out_size) continue;
      snprintf(out, out_size, "%s", entry->d_name);
      found = 1;
    }
  }
  closedir(d);
  return found ? 0 : -1;
}
