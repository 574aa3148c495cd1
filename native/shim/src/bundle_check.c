/* bundle_check.c — the bundle's files against runtime.manifest (see bundle_check.h). */
#include "bundle_check.h"

#include "boot_failure.h"
#include "file_handles.h"
#include "sha256.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The files whose SHA-256 is checked at every start, beyond the size check every file gets: the
 * ones the runtime maps at every boot and that kill the process when damaged at the same size
 * (native code executes garbage; a bad System.Private.CoreLib.dll makes the runtime abort), and the
 * JSON files hostfxr parses (28 MB). Hashing all 117 MB would take about as long as the boot itself
 * with the SHA extensions and five times as long without (README, "Bundle check"); truncation, the
 * usual damage, is caught everywhere by the size. ENHANCE_BUNDLE_CHECK=full hashes every file. */
static const char *const hashed_at_boot[] = {
    "libhostfxr.so", "libhostpolicy.so", "libcoreclr.so", "libclrjit.so", "libSystem.Native.so",
    "System.Private.CoreLib.dll",
};

static int hash_checked_at_boot(const char *relative_path, int full_check) {
  if (full_check) return 1;
  const char *name = strrchr(relative_path, '/');
  name = name != NULL ? name + 1 : relative_path;
  size_t length = strlen(name);
  if (length >= 5 && strcmp(name + length - 5, ".json") == 0) return 1;
  for (size_t i = 0; i < sizeof hashed_at_boot / sizeof hashed_at_boot[0]; ++i)
    if (strcmp(name, hashed_at_boot[i]) == 0) return 1;
  return 0;
}

/* Records the sentence for a file that could not be opened or read, by errno. */
static void fail_for_errno(const EnhanceBundlePaths *paths, const char *path, const char *doing, int error) {
  if (error == EMFILE || error == ENFILE)
    enhance_boot_failure_set("Enhance could not start: " ENHANCE_OUT_OF_FILE_HANDLES " (while %s %s).", doing, path);
  else if (error == ENOENT || error == ENOTDIR)
    enhance_boot_failure_set("Enhance's bundle is damaged: %s is missing. Reinstall %s.", path, paths->bundle_name);
  else if (error == EACCES || error == EPERM)
    enhance_boot_failure_set("Enhance could not start: %s cannot be read (%s). Fix the permissions of %s or reinstall it.",
                             path, strerror(error), paths->bundle_name);
  else
    enhance_boot_failure_set("Enhance's bundle is damaged: %s could not be %s (%s). Reinstall %s.", path,
                             strcmp(doing, "opening") == 0 ? "opened" : "read", strerror(error), paths->bundle_name);
}

/* SHA-256 of the open file `fd` from its start, into `hex`; returns 0 or an errno value. Plain
 * read() rather than mmap: a file that shrinks while we read it must not SIGBUS us either. */
static int hash_file(int fd, unsigned char *buffer, size_t buffer_size, char hex[65]) {
  if (lseek(fd, 0, SEEK_SET) != 0) return errno;
  EnhanceSha256 sha;
  enhance_sha256_init(&sha);
  for (;;) {
    ssize_t n = read(fd, buffer, buffer_size);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    enhance_sha256_update(&sha, buffer, (size_t)n);
  }
  uint8_t digest[ENHANCE_SHA256_DIGEST_SIZE];
  enhance_sha256_final(&sha, digest);
  enhance_sha256_hex(digest, hex);
  return 0;
}

/* Checks one listed file; returns 0, or -1 with the sentence recorded. */
static int check_file(const EnhanceBundlePaths *paths, const char *relative_path, unsigned long long expected_size,
                      const char *expected_hash, int full_check, unsigned char *buffer, size_t buffer_size) {
  char path[PATH_MAX];
  int n = snprintf(path, sizeof path, "%s/%s", paths->arch_dir, relative_path);
  if (n < 0 || (size_t)n >= sizeof path) {
    enhance_boot_failure_set("Enhance's install path is too long (%s).", paths->arch_dir);
    return -1;
  }
  if (enhance_is_directory(path)) {
    enhance_boot_failure_set("Enhance's bundle is damaged: %s is a folder, not a file. Reinstall %s.", path,
                             paths->bundle_name);
    return -1;
  }
  /* O_NONBLOCK: a FIFO in the file's place must not hang the host (lseek then fails on it). */
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    fail_for_errno(paths, path, "opening", errno);
    return -1;
  }
  int result = -1;
  off_t size = lseek(fd, 0, SEEK_END);
  if (size < 0) {
    enhance_boot_failure_set("Enhance's bundle is damaged: %s is not a regular file. Reinstall %s.", path,
                             paths->bundle_name);
  } else if ((unsigned long long)size < expected_size) {
    enhance_boot_failure_set("Enhance's bundle is damaged: %s is truncated (%llu of %llu bytes). Reinstall %s.", path,
                             (unsigned long long)size, expected_size, paths->bundle_name);
  } else if ((unsigned long long)size > expected_size) {
    enhance_boot_failure_set("Enhance's bundle is damaged: %s has the wrong size (%llu bytes, %llu expected). "
                             "Reinstall %s.", path, (unsigned long long)size, expected_size, paths->bundle_name);
  } else if (hash_checked_at_boot(relative_path, full_check)) {
    char actual_hash[65];
    int error = hash_file(fd, buffer, buffer_size, actual_hash);
    if (error != 0)
      fail_for_errno(paths, path, "reading", error);
    else if (strcmp(actual_hash, expected_hash) != 0)
      enhance_boot_failure_set("Enhance's bundle is damaged: %s is corrupted (its SHA-256 differs from the build's). "
                               "Reinstall %s.", path, paths->bundle_name);
    else
      result = 0;
  } else {
    result = 0;
  }
  close(fd);
  return result;
}

/* A path from the manifest stays inside the folder: relative, no "..", no empty components. */
static int is_safe_relative_path(const char *path) {
  if (path[0] == '\0' || path[0] == '/') return 0;
  for (const char *component = path; component != NULL;) {
    const char *slash = strchr(component, '/');
    size_t length = slash != NULL ? (size_t)(slash - component) : strlen(component);
    if (length == 0 || (length == 2 && component[0] == '.' && component[1] == '.') ||
        (length == 1 && component[0] == '.'))
      return 0;
    component = slash != NULL ? slash + 1 : NULL;
  }
  return 1;
}

/* Splits "<hash> <size> <path>" in place; returns 0 when the line has that form. */
static int parse_line(char *line, char **hash, unsigned long long *size, char **path) {
  line[strcspn(line, "\r\n")] = '\0';
  if (strlen(line) < 68 || line[64] != ' ') return -1;
  for (int i = 0; i < 64; ++i)
    if (!((line[i] >= '0' && line[i] <= '9') || (line[i] >= 'a' && line[i] <= 'f'))) return -1;
  line[64] = '\0';
  *hash = line;
  char *size_text = line + 65, *end = NULL;
  if (*size_text < '0' || *size_text > '9') return -1;
  errno = 0;
  *size = strtoull(size_text, &end, 10);
  if (errno != 0 || *end != ' ') return -1;
  *path = end + 1;
  return is_safe_relative_path(*path) ? 0 : -1;
}

int enhance_bundle_check(const EnhanceBundlePaths *paths) {
  FILE *manifest = fopen(paths->manifest, "re");
  if (manifest == NULL) {
    fail_for_errno(paths, paths->manifest, "opening", errno);
    return -1;
  }
  size_t buffer_size = (size_t)1 << 20;
  unsigned char *buffer = malloc(buffer_size); /* not on the stack: hosts call us on small-stack threads */
  char line[PATH_MAX + 128];
  int result = 0, listed = 0, line_number = 1;
  const char *mode = getenv(ENHANCE_BUNDLE_CHECK_ENV);
  int full_check = mode != NULL && strcmp(mode, "full") == 0;
  if (buffer == NULL) {
    enhance_boot_failure_set("Enhance could not start: out of memory while checking %s.", paths->bundle_name);
    result = -1;
  } else if (fgets(line, sizeof line, manifest) == NULL || strncmp(line, ENHANCE_MANIFEST_HEADER,
                                                                    strlen(ENHANCE_MANIFEST_HEADER)) != 0) {
    enhance_boot_failure_set("Enhance's bundle is damaged: %s is not an Enhance runtime manifest (or a newer one). "
                             "Reinstall %s.", paths->manifest, paths->bundle_name);
    result = -1;
  }
  while (result == 0 && fgets(line, sizeof line, manifest) != NULL) {
    ++line_number;
    char *hash, *relative_path;
    unsigned long long size;
    if (parse_line(line, &hash, &size, &relative_path) != 0) {
      enhance_boot_failure_set("Enhance's bundle is damaged: line %d of %s is not \"<sha256> <size> <path>\". "
                               "Reinstall %s.", line_number, paths->manifest, paths->bundle_name);
      result = -1;
      break;
    }
    ++listed;
    /* The developer's runtime (ENHANCE_DOTNET_ROOT) replaces the bundle's: its files are not ours
     * to check. */
    if (paths->dotnet_root_from_env && strncmp(relative_path, "dotnet/", 7) == 0) continue;
    result = check_file(paths, relative_path, size, hash, full_check, buffer, buffer_size);
  }
  if (result == 0 && ferror(manifest)) {
    fail_for_errno(paths, paths->manifest, "reading", errno);
    result = -1;
  }
  /* A build always lists the runtime; an empty list is a manifest cut short. */
  if (result == 0 && listed == 0) {
    enhance_boot_failure_set("Enhance's bundle is damaged: %s lists no files. Reinstall %s.", paths->manifest,
                             paths->bundle_name);
    result = -1;
  }
  free(buffer);
  fclose(manifest);
  return result;
}
