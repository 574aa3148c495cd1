/*
 * boot_trace.h — optional timing of the boot phases on stderr, for diagnosing slow plug-in scans
 * in a real host. Enabled by the environment variable ENHANCE_SHIM_TRACE=1; silent otherwise.
 */
#ifndef ENHANCE_SHIM_BOOT_TRACE_H
#define ENHANCE_SHIM_BOOT_TRACE_H

#define ENHANCE_SHIM_TRACE_ENV "ENHANCE_SHIM_TRACE"

/* Starts the clock (and reads the environment) at the beginning of the boot. */
void enhance_trace_begin(void);

/* Prints "[Enhance] boot +12.3 ms: <phase>" when tracing is on. */
void enhance_trace(const char *phase);

#endif /* ENHANCE_SHIM_BOOT_TRACE_H */
