/* boot_trace.c — boot phase timing on stderr (see boot_trace.h). */
#include "boot_trace.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int tracing;
static struct timespec begin;

void enhance_trace_begin(void) {
  const char *value = getenv(ENHANCE_SHIM_TRACE_ENV);
  tracing = value != NULL && value[0] != '\0' && value[0] != '0';
  if (tracing) clock_gettime(CLOCK_MONOTONIC, &begin);
}

void enhance_trace(const char *phase) {
  if (!tracing) return;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  double ms = (double)(now.tv_sec - begin.tv_sec) * 1e3 + (double)(now.tv_nsec - begin.tv_nsec) / 1e6;
  fprintf(stderr, "[Enhance] boot +%.1f ms: %s\n", ms, phase);
}
