/*
 * boot_failure.h — what the shim does when .NET cannot be started.
 *
 * The host must keep running: the shim remembers one sentence saying what happened and what to do,
 * prints it on stderr once, and from then on answers every action with kOfxStatFailed, posting the
 * sentence through the host's message suite at the actions where a host shows messages to the user
 * (Load, Describe, CreateInstance).
 */
#ifndef ENHANCE_SHIM_BOOT_FAILURE_H
#define ENHANCE_SHIM_BOOT_FAILURE_H

#include "enhance/ofx_abi.h"

#include <stddef.h>

#define ENHANCE_BOOT_FAILURE_MESSAGE_ID "io.enhance.BootFailed"

/* Records the sentence (printf-style). The first call wins: later, less specific failures do not
 * overwrite the cause. */
void enhance_boot_failure_set(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* The recorded sentence, or NULL when boot has not failed. */
const char *enhance_boot_failure_text(void);

/* Prints the sentence (and the runtime's own error text, if any) on stderr. Called once, at the
 * end of the failed boot. */
void enhance_boot_failure_print(const char *runtime_error_text);

/* Answers `action` for a plug-in whose runtime failed: posts the sentence through `host`'s message
 * suite (v2, else v1) at Load (handle NULL), Describe and CreateInstance (the plug-in or instance
 * handle), and returns kOfxStatFailed. `host` may be NULL (no setHost yet): nothing is posted. */
OfxStatus enhance_boot_failure_answer(const OfxHost *host, const char *action, const void *handle);

#endif /* ENHANCE_SHIM_BOOT_FAILURE_H */
