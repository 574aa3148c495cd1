/* file_handles.c — descriptor headroom before the boot (see file_handles.h). */
#include "file_handles.h"

#include "boot_failure.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/resource.h>

/* After a failure, this few free descriptors means the runtime ran into the limit. */
#define NEARLY_NONE_LEFT 4

static long soft_limit(void) {
  struct rlimit limit;
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return -1;
  return (long)limit.rlim_cur;
}

long enhance_free_file_handles(void) {
  long limit = soft_limit();
  if (limit < 0) return -1;
  DIR *fds = opendir("/proc/self/fd");
  if (fds == NULL) return (errno == EMFILE || errno == ENFILE) ? 0 : -1;
  long open_below_limit = 0;
  struct dirent *entry;
  while ((entry = readdir(fds)) != NULL) {
    char *end;
    long fd = strtol(entry->d_name, &end, 10);
    if (end != entry->d_name && *end == '\0' && fd < limit) ++open_below_limit;
  }
  closedir(fds);
  /* The listing counted its own descriptor, which is closed again now. */
  long free_handles = limit - (open_below_limit - 1);
  return free_handles < 0 ? 0 : free_handles;
}

int enhance_check_file_handles_for_boot(void) {
  long free_handles = enhance_free_file_handles();
  if (free_handles < 0 || free_handles >= ENHANCE_BOOT_FILE_HANDLES) return 0;
  enhance_boot_failure_set("Enhance could not start: " ENHANCE_OUT_OF_FILE_HANDLES " (%ld free under its limit of %ld; "
                           ".NET needs about %d to start).", free_handles, soft_limit(), ENHANCE_BOOT_FILE_HANDLES);
  return -1;
}

int enhance_blame_file_handles(const char *what_failed) {
  long free_handles = enhance_free_file_handles();
  if (free_handles < 0 || free_handles >= NEARLY_NONE_LEFT) return 0;
  enhance_boot_failure_set("Enhance could not start: " ENHANCE_OUT_OF_FILE_HANDLES " (%s with %ld left under its "
                           "limit of %ld).", what_failed, free_handles, soft_limit());
  return 1;
}
