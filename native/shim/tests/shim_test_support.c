/* shim_test_support.c — helpers for the shim's C tests (see shim_test_support.h). */
#include "shim_test_support.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int shim_test_failures;

void shim_binary_open(const char *path, ShimBinary *binary) {
  memset(binary, 0, sizeof *binary);
  binary->library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (binary->library == NULL) {
    fprintf(stderr, "cannot dlopen %s: %s\n", path, dlerror());
    exit(2);
  }
  /* POSIX allows converting dlsym's void* to a function pointer; memcpy keeps -Wpedantic quiet. */
  void *symbol = dlsym(binary->library, "OfxGetNumberOfPlugins");
  memcpy(&binary->get_number_of_plugins, &symbol, sizeof symbol);
  symbol = dlsym(binary->library, "OfxGetPlugin");
  memcpy(&binary->get_plugin, &symbol, sizeof symbol);
  symbol = dlsym(binary->library, "OfxSetHost");
  memcpy(&binary->set_host, &symbol, sizeof symbol);
  if (!binary->get_number_of_plugins || !binary->get_plugin || !binary->set_host) {
    fprintf(stderr, "%s lacks an OFX entry point\n", path);
    exit(2);
  }
}

int shim_process_has_library(const char *name) {
  FILE *maps = fopen("/proc/self/maps", "r");
  if (maps == NULL) return 0;
  char line[4096];
  int found = 0;
  while (!found && fgets(line, sizeof line, maps) != NULL) found = strstr(line, name) != NULL;
  fclose(maps);
  return found;
}

static int saved_stderr = -1;
static FILE *capture;

void shim_stderr_begin(void) {
  fflush(stderr);
  capture = tmpfile();
  if (capture == NULL) {
    perror("tmpfile");
    exit(2);
  }
  saved_stderr = dup(2);
  dup2(fileno(capture), 2);
}

const char *shim_stderr_end(void) {
  static char text[65536];
  fflush(stderr);
  dup2(saved_stderr, 2);
  close(saved_stderr);
  rewind(capture);
  size_t n = fread(text, 1, sizeof text - 1, capture);
  text[n] = '\0';
  fclose(capture);
  fprintf(stderr, "--- captured stderr ---\n%s--- end ---\n", text);
  return text;
}

/* Whether `pattern` matches at the very start of `text` (the rest of `text` may follow). */
static int matches_here(const char *text, const char *pattern) {
  if (*pattern == '\0') return 1;
  if (*pattern == '*') {
    for (const char *t = text;; ++t) {
      if (matches_here(t, pattern + 1)) return 1;
      if (*t == '\0' || *t == '\n') return 0;
    }
  }
  return *text != '\0' && *text == *pattern && matches_here(text + 1, pattern + 1);
}

int shim_text_matches(const char *text, const char *pattern) {
  for (const char *t = text;; ++t) {
    if (matches_here(t, pattern)) return 1;
    if (*t == '\0') return 0;
  }
}

int shim_count_matching_lines(const char *text, const char *pattern) {
  int count = 0;
  char line[8192];
  while (*text != '\0') {
    size_t length = strcspn(text, "\n");
    size_t kept = length < sizeof line - 1 ? length : sizeof line - 1;
    memcpy(line, text, kept);
    line[kept] = '\0';
    count += shim_text_matches(line, pattern);
    text += length;
    if (*text == '\n') ++text;
  }
  return count;
}
