/* shim_test_support.h — what the shim's C tests share: a failure-counting CHECK, loading a built
 * Enhance.ofx like a host does, and capturing stderr. */
#ifndef ENHANCE_SHIM_TESTS_SUPPORT_H
#define ENHANCE_SHIM_TESTS_SUPPORT_H

#include "enhance/ofx_abi.h"

#include <stdio.h>

extern int shim_test_failures;

#define CHECK(condition, ...)                                                   \
  do {                                                                          \
    if (!(condition)) {                                                         \
      ++shim_test_failures;                                                     \
      fprintf(stderr, "%s:%d: CHECK failed: %s: ", __FILE__, __LINE__, #condition); \
      fprintf(stderr, __VA_ARGS__);                                             \
      fputc('\n', stderr);                                                      \
    }                                                                           \
  } while (0)

typedef struct ShimBinary {
  void *library;
  int (*get_number_of_plugins)(void);
  OfxPlugin *(*get_plugin)(int nth);
  OfxStatus (*set_host)(const OfxHost *host);
} ShimBinary;

/* dlopens `path` (RTLD_LOCAL, as hosts do) and resolves the three entry points; exits the test
 * with a message if any is missing. */
void shim_binary_open(const char *path, ShimBinary *binary);

/* 1 if a shared object whose path contains `name` is mapped into this process. */
int shim_process_has_library(const char *name);

/* Sends fd 2 to a temporary file until shim_stderr_end, which returns what was written
 * (static buffer) and also echoes it to the real stderr for the test log. */
void shim_stderr_begin(void);
const char *shim_stderr_end(void);

/* 1 if `pattern` occurs in `text`, where '*' in the pattern stands for any run of characters
 * except a line break (sizes and versions that differ between builds). */
int shim_text_matches(const char *text, const char *pattern);

/* Number of lines of `text` in which `pattern` (as above) occurs. */
int shim_count_matching_lines(const char *text, const char *pattern);

#endif /* ENHANCE_SHIM_TESTS_SUPPORT_H */
