/*
 * test_variadic_wrappers — the EnhanceShimApi wrappers make the right variadic calls: each
 * component count passes the right number of pointers (gets) or values (sets), doubles survive
 * the XMM-register convention, times reach the AtTime variants, and message text is never used
 * as a format string.
 */
#include "../src/variadic_wrappers.h"
#include "shim_test_support.h"

#include <stdarg.h>
#include <string.h>

/* The fake parameter: what a get returns, and what the last set/get received. */
typedef enum ValueKind { KIND_DOUBLE, KIND_INT, KIND_STRING } ValueKind;
struct OfxParamStruct {
  ValueKind kind;
  int count;
  double doubles[4];
  int ints[4];
  const char *string;
  double last_time;
  int last_was_at_time;
};

static OfxStatus get_values(OfxParamHandle p, va_list args) {
  for (int i = 0; i < p->count; ++i) {
    if (p->kind == KIND_DOUBLE) *va_arg(args, double *) = p->doubles[i];
    if (p->kind == KIND_INT) *va_arg(args, int *) = p->ints[i];
    if (p->kind == KIND_STRING) *va_arg(args, const char **) = p->string;
  }
  return kOfxStatOK;
}
static OfxStatus set_values(OfxParamHandle p, va_list args) {
  for (int i = 0; i < p->count; ++i) {
    if (p->kind == KIND_DOUBLE) p->doubles[i] = va_arg(args, double);
    if (p->kind == KIND_INT) p->ints[i] = va_arg(args, int);
    if (p->kind == KIND_STRING) p->string = va_arg(args, const char *);
  }
  return kOfxStatOK;
}
static OfxStatus param_get(OfxParamHandle p, ...) {
  va_list args;
  va_start(args, p);
  p->last_was_at_time = 0;
  OfxStatus s = get_values(p, args);
  va_end(args);
  return s;
}
static OfxStatus param_get_at(OfxParamHandle p, OfxTime time, ...) {
  va_list args;
  va_start(args, time);
  p->last_was_at_time = 1;
  p->last_time = time;
  OfxStatus s = get_values(p, args);
  va_end(args);
  return s;
}
static OfxStatus param_set(OfxParamHandle p, ...) {
  va_list args;
  va_start(args, p);
  p->last_was_at_time = 0;
  OfxStatus s = set_values(p, args);
  va_end(args);
  return s;
}
static OfxStatus param_set_at(OfxParamHandle p, OfxTime time, ...) {
  va_list args;
  va_start(args, time);
  p->last_was_at_time = 1;
  p->last_time = time;
  OfxStatus s = set_values(p, args);
  va_end(args);
  return s;
}

static char last_message[512];
static void *last_handle;
static int last_persistent;
static OfxStatus record(int persistent, void *handle, const char *format, va_list args) {
  last_persistent = persistent;
  last_handle = handle;
  vsnprintf(last_message, sizeof last_message, format, args);
  return kOfxStatOK;
}
static OfxStatus message(void *handle, const char *type, const char *id, const char *format, ...) {
  (void)type, (void)id;
  va_list args;
  va_start(args, format);
  OfxStatus s = record(0, handle, format, args);
  va_end(args);
  return s;
}
static OfxStatus persistent(void *handle, const char *type, const char *id, const char *format, ...) {
  (void)type, (void)id;
  va_list args;
  va_start(args, format);
  OfxStatus s = record(1, handle, format, args);
  va_end(args);
  return s;
}

int main(void) {
  OfxParameterSuiteV1 suite;
  memset(&suite, 0, sizeof suite);
  suite.paramGetValue = param_get;
  suite.paramGetValueAtTime = param_get_at;
  suite.paramSetValue = param_set;
  suite.paramSetValueAtTime = param_set_at;
  EnhanceShimApi api;
  memset(&api, 0, sizeof api);
  enhance_shim_api_fill_wrappers(&api);
  CHECK(api.version == ENHANCE_SHIM_API_VERSION, "version %d", api.version);

  struct OfxParamStruct param;
  for (int count = 1; count <= 4; ++count) {
    for (int at_time = 0; at_time <= 1; ++at_time) {
      /* Doubles: distinct, non-integral values so a swapped or dropped component shows. */
      memset(&param, 0, sizeof param);
      param.kind = KIND_DOUBLE;
      param.count = count;
      const double source[4] = {0.125, -3.5, 1e-300, 12345.678};
      memcpy(param.doubles, source, sizeof source);
      double got[4] = {0, 0, 0, 0};
      CHECK(api.param_get_doubles(&suite, &param, at_time, 7.5, count, got) == kOfxStatOK, "get doubles");
      for (int i = 0; i < count; ++i) CHECK(got[i] == source[i], "get double %d/%d = %g", i, count, got[i]);
      for (int i = count; i < 4; ++i) CHECK(got[i] == 0, "get wrote past count %d", count);
      CHECK(param.last_was_at_time == at_time && (!at_time || param.last_time == 7.5), "get doubles time");

      const double set[4] = {-0.75, 2.25, 4096.5, -1e10};
      memset(param.doubles, 0, sizeof param.doubles);
      CHECK(api.param_set_doubles(&suite, &param, at_time, 42.25, count, set) == kOfxStatOK, "set doubles");
      for (int i = 0; i < count; ++i) CHECK(param.doubles[i] == set[i], "set double %d/%d = %g", i, count, param.doubles[i]);
      CHECK(param.last_was_at_time == at_time && (!at_time || param.last_time == 42.25), "set doubles time");

      /* Ints. */
      memset(&param, 0, sizeof param);
      param.kind = KIND_INT;
      param.count = count;
      const int ints[4] = {7, -9, 1 << 30, 3};
      memcpy(param.ints, ints, sizeof ints);
      int got_ints[4] = {0, 0, 0, 0};
      CHECK(api.param_get_ints(&suite, &param, at_time, 3.0, count, got_ints) == kOfxStatOK, "get ints");
      for (int i = 0; i < count; ++i) CHECK(got_ints[i] == ints[i], "get int %d/%d = %d", i, count, got_ints[i]);
      const int set_ints[4] = {-1, 2, -3, 4};
      CHECK(api.param_set_ints(&suite, &param, at_time, 3.0, count, set_ints) == kOfxStatOK, "set ints");
      for (int i = 0; i < count; ++i) CHECK(param.ints[i] == set_ints[i], "set int %d/%d", i, count);
      CHECK(param.last_was_at_time == at_time, "ints time variant");
    }
  }

  /* Strings. */
  memset(&param, 0, sizeof param);
  param.kind = KIND_STRING;
  param.count = 1;
  param.string = "model-x4.onnx";
  const char *text = NULL;
  CHECK(api.param_get_string(&suite, &param, 1, 2.0, &text) == kOfxStatOK && text != NULL &&
            strcmp(text, "model-x4.onnx") == 0, "get string");
  CHECK(api.param_set_string(&suite, &param, 0, 0, "other") == kOfxStatOK && strcmp(param.string, "other") == 0,
        "set string");

  /* Bad arguments are reported, not passed on. */
  double d[4];
  param.kind = KIND_DOUBLE;
  CHECK(api.param_get_doubles(&suite, &param, 0, 0, 0, d) == kOfxStatErrValue, "count 0");
  CHECK(api.param_get_doubles(&suite, &param, 0, 0, 5, d) == kOfxStatErrValue, "count 5");
  CHECK(api.param_get_doubles(NULL, &param, 0, 0, 1, d) == kOfxStatErrBadHandle, "NULL suite");
  OfxParameterSuiteV1 empty;
  memset(&empty, 0, sizeof empty);
  CHECK(api.param_set_doubles(&empty, &param, 1, 0, 1, d) == kOfxStatErrMissingHostFeature, "missing function");

  /* Messages: '%' in the text must arrive literally. */
  OfxMessageSuiteV2 messages = {message, persistent, NULL};
  const char *tricky = "100% done: %s %d %n";
  int handle_target;
  CHECK(api.message((const OfxMessageSuiteV1 *)&messages, &handle_target, kOfxMessageError, "id", tricky) == kOfxStatOK,
        "message");
  CHECK(strcmp(last_message, tricky) == 0 && last_handle == &handle_target && !last_persistent, "message text \"%s\"",
        last_message);
  CHECK(api.set_persistent_message(&messages, NULL, kOfxMessageWarning, "id", "50% left") == kOfxStatOK &&
            strcmp(last_message, "50% left") == 0 && last_persistent,
        "persistent message \"%s\"", last_message);
  OfxMessageSuiteV2 v1_only = {message, NULL, NULL};
  CHECK(api.set_persistent_message(&v1_only, NULL, kOfxMessageWarning, "id", "x") == kOfxStatErrMissingHostFeature,
        "persistent message without support");

  if (shim_test_failures == 0) printf("variadic wrappers: all component counts and variants pass values intact\n");
  return shim_test_failures == 0 ? 0 : 1;
}
