/* heap-probe.c — LD_PRELOADed into ofxhost by bench/soak-memory.sh. Every 50 ms it overwrites the
 * file named by SOAK_PROBE_OUT with glibc's view of the process heap (mallinfo2, summed over all
 * arenas): bytes the arenas hold from the system, bytes in use by live allocations, and bytes free
 * inside the arenas. RSS alone
 * cannot tell a leak (in-use grows) from fragmentation (free grows while in-use stays flat); this
 * can. The thread allocates nothing after start, so it does not disturb what it measures. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static void *probe_loop(void *path) {
  const struct timespec period = {0, 50 * 1000 * 1000};
  int fd = open((const char *)path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return NULL;
  for (;;) {
    nanosleep(&period, NULL);
    struct mallinfo2 m = mallinfo2();
    char line[160];
    /* Fixed width, so a shorter line never leaves the tail of a longer one behind. */
    int n = snprintf(line, sizeof line, "%15zu %15zu %15zu %15zu\n", m.arena, m.uordblks, m.fordblks, m.hblkhd);
    if (n > 0) (void)pwrite(fd, line, (size_t)n, 0);
  }
  return NULL;
}

__attribute__((constructor)) static void probe_start(void) {
  const char *path = getenv("SOAK_PROBE_OUT");
  if (path == NULL || *path == '\0') return;
  pthread_t t;
  if (pthread_create(&t, NULL, probe_loop, (void *)path) == 0) pthread_detach(t);
}
