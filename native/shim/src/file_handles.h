/*
 * file_handles.h — whether the host process has the file descriptors .NET needs to start.
 *
 * The runtime needs ~60 descriptors to boot and describe the nodes (libraries, the assemblies it
 * keeps open, event pipes). Under a low `ulimit -n` it fails in ways that name the
 * wrong cause ("file not found", "reinstall") or, when an assembly cannot be opened while managed
 * code is JIT-compiled, aborts the host. So the shim looks before it boots, and names the cause
 * when something fails with EMFILE/ENFILE. It never raises the limit itself: the host chose it
 * (some hosts still use select(), which breaks on descriptors above 1024).
 */
#ifndef ENHANCE_SHIM_FILE_HANDLES_H
#define ENHANCE_SHIM_FILE_HANDLES_H

/* Descriptors that must be free before the boot. Measured (README, "File handles"): the boot and
 * Describe of every node need about 60 beyond those already open, a first model render about 75;
 * below that the runtime fails, or aborts the host, partway. */
#define ENHANCE_BOOT_FILE_HANDLES 96

/* The sentence's cause and remedy, shared by every place that meets EMFILE/ENFILE. */
#define ENHANCE_OUT_OF_FILE_HANDLES "the host has run out of file handles; raise its limit (ulimit -n) and restart it"

/* Free descriptors under the soft RLIMIT_NOFILE (limit minus those open below it), or -1 when
 * unknown (no /proc, no limit). */
long enhance_free_file_handles(void);

/* Records the out-of-file-handles sentence (boot_failure.h) and returns -1 when fewer than
 * ENHANCE_BOOT_FILE_HANDLES are free; returns 0 otherwise, or when the count is unknown. */
int enhance_check_file_handles_for_boot(void);

/* Records the out-of-file-handles sentence, naming what failed, and returns 1 when the process has
 * (almost) no descriptor left now — the likely cause of a runtime failure just seen; 0 otherwise. */
int enhance_blame_file_handles(const char *what_failed);

#endif /* ENHANCE_SHIM_FILE_HANDLES_H */
