/* boot_failure.c — the shim's answer when .NET could not be started (see boot_failure.h). */
#include "boot_failure.h"

#include "variadic_wrappers.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Written once, inside the boot's pthread_once; read afterwards by any thread (pthread_once
 * orders the write before every reader that passed through it). */
static char failure_text[1024];
static int failure_recorded;

void enhance_boot_failure_set(const char *format, ...) {
  if (failure_recorded) return;
  va_list args;
  va_start(args, format);
  vsnprintf(failure_text, sizeof failure_text, format, args);
  va_end(args);
  failure_recorded = 1;
}

const char *enhance_boot_failure_text(void) { return failure_recorded ? failure_text : NULL; }

void enhance_boot_failure_print(const char *runtime_error_text) {
  if (!failure_recorded) return;
  fprintf(stderr, "[Enhance] %s\n", failure_text);
  if (runtime_error_text != NULL && runtime_error_text[0] != '\0')
    fprintf(stderr, "[Enhance] .NET host said: %s\n", runtime_error_text);
  fflush(stderr);
}

/* Which handle the message is posted against, or -1 for actions where hosts do not show
 * messages (posting at every render would flood the user). */
static int message_handle_for(const char *action, const void *handle, void **out) {
  if (action == NULL) return -1;
  if (strcmp(action, kOfxActionLoad) == 0) {
    *out = NULL; /* no plug-in handle exists yet at Load */
    return 0;
  }
  if (strcmp(action, kOfxActionDescribe) == 0 || strcmp(action, kOfxActionCreateInstance) == 0) {
    *out = (void *)handle;
    return 0;
  }
  return -1;
}

OfxStatus enhance_boot_failure_answer(const OfxHost *host, const char *action, const void *handle) {
  void *message_handle = NULL;
  const char *text = enhance_boot_failure_text();
  if (text == NULL) text = "Enhance could not start its .NET runtime.";
  if (host != NULL && host->fetchSuite != NULL && message_handle_for(action, handle, &message_handle) == 0) {
    /* v2 starts with the same `message` member as v1, so either serves the typed wrapper. */
    const OfxMessageSuiteV1 *suite = (const OfxMessageSuiteV1 *)host->fetchSuite(host->host, kOfxMessageSuite, 2);
    if (suite == NULL) suite = (const OfxMessageSuiteV1 *)host->fetchSuite(host->host, kOfxMessageSuite, 1);
    if (suite != NULL)
      enhance_message(suite, message_handle, kOfxMessageError, ENHANCE_BOOT_FAILURE_MESSAGE_ID, text);
  }
  return kOfxStatFailed;
}
