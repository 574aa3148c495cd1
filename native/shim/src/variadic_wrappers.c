/* variadic_wrappers.c — C makes the variadic OFX calls on managed code's behalf (see
 * variadic_wrappers.h). Components travel as separate variadic arguments: pointers for gets,
 * values for sets (doubles by value go in XMM registers, which only a C caller sets up right). */
#include "variadic_wrappers.h"

/* The most components any OFX parameter has (RGBA). */
#define MAX_COMPONENTS 4

/* Expands to one call per component count; `CALL(args...)` is the suite call with the param and,
 * when at_time, the time already in place. */
#define ENHANCE_SPREAD_POINTERS(CALL, v)                                                   \
  switch (count) {                                                                         \
    case 1: return CALL(&(v)[0]);                                                          \
    case 2: return CALL(&(v)[0], &(v)[1]);                                                 \
    case 3: return CALL(&(v)[0], &(v)[1], &(v)[2]);                                        \
    case 4: return CALL(&(v)[0], &(v)[1], &(v)[2], &(v)[3]);                               \
    default: return kOfxStatErrValue;                                                      \
  }
#define ENHANCE_SPREAD_VALUES(CALL, v)                                                     \
  switch (count) {                                                                         \
    case 1: return CALL((v)[0]);                                                           \
    case 2: return CALL((v)[0], (v)[1]);                                                   \
    case 3: return CALL((v)[0], (v)[1], (v)[2]);                                           \
    case 4: return CALL((v)[0], (v)[1], (v)[2], (v)[3]);                                   \
    default: return kOfxStatErrValue;                                                      \
  }

#define GET_NOW(...) suite->paramGetValue(param, __VA_ARGS__)
#define GET_AT(...) suite->paramGetValueAtTime(param, time, __VA_ARGS__)
#define SET_NOW(...) suite->paramSetValue(param, __VA_ARGS__)
#define SET_AT(...) suite->paramSetValueAtTime(param, time, __VA_ARGS__)

/* Common argument checks: a missing suite function is a host that lacks the feature. */
static OfxStatus check_call(const OfxParameterSuiteV1 *suite, int at_time, int is_set, const void *values,
                            int count) {
  if (suite == NULL || values == NULL) return kOfxStatErrBadHandle;
  if (count < 1 || count > MAX_COMPONENTS) return kOfxStatErrValue;
  const void *fn = is_set ? (at_time ? (const void *)suite->paramSetValueAtTime : (const void *)suite->paramSetValue)
                          : (at_time ? (const void *)suite->paramGetValueAtTime : (const void *)suite->paramGetValue);
  return fn == NULL ? kOfxStatErrMissingHostFeature : kOfxStatOK;
}

OfxStatus enhance_param_get_doubles(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                                    OfxTime time, int count, double *values) {
  OfxStatus status = check_call(suite, at_time, 0, values, count);
  if (status != kOfxStatOK) return status;
  if (at_time) { ENHANCE_SPREAD_POINTERS(GET_AT, values) }
  ENHANCE_SPREAD_POINTERS(GET_NOW, values)
}

OfxStatus enhance_param_get_ints(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                                 OfxTime time, int count, int *values) {
  OfxStatus status = check_call(suite, at_time, 0, values, count);
  if (status != kOfxStatOK) return status;
  if (at_time) { ENHANCE_SPREAD_POINTERS(GET_AT, values) }
  ENHANCE_SPREAD_POINTERS(GET_NOW, values)
}

OfxStatus enhance_param_get_string(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                                   OfxTime time, const char **value) {
  OfxStatus status = check_call(suite, at_time, 0, value, 1);
  if (status != kOfxStatOK) return status;
  /* OFX declares the out-argument as char**; the host keeps ownership of the text. */
  char **out = (char **)value;
  return at_time ? suite->paramGetValueAtTime(param, time, out) : suite->paramGetValue(param, out);
}

OfxStatus enhance_param_set_doubles(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                                    OfxTime time, int count, const double *values) {
  OfxStatus status = check_call(suite, at_time, 1, values, count);
  if (status != kOfxStatOK) return status;
  if (at_time) { ENHANCE_SPREAD_VALUES(SET_AT, values) }
  ENHANCE_SPREAD_VALUES(SET_NOW, values)
}

OfxStatus enhance_param_set_ints(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                                 OfxTime time, int count, const int *values) {
  OfxStatus status = check_call(suite, at_time, 1, values, count);
  if (status != kOfxStatOK) return status;
  if (at_time) { ENHANCE_SPREAD_VALUES(SET_AT, values) }
  ENHANCE_SPREAD_VALUES(SET_NOW, values)
}

OfxStatus enhance_param_set_string(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                                   OfxTime time, const char *value) {
  OfxStatus status = check_call(suite, at_time, 1, value, 1);
  if (status != kOfxStatOK) return status;
  return at_time ? suite->paramSetValueAtTime(param, time, value) : suite->paramSetValue(param, value);
}

/* The text always goes through "%s": a message containing '%' (a path, a percentage) must not be
 * read as a format string by the host's printf. */
OfxStatus enhance_message(const OfxMessageSuiteV1 *suite, void *handle, const char *message_type,
                          const char *message_id, const char *text) {
  if (suite == NULL || text == NULL) return kOfxStatErrBadHandle;
  if (suite->message == NULL) return kOfxStatErrMissingHostFeature;
  return suite->message(handle, message_type, message_id, "%s", text);
}

OfxStatus enhance_set_persistent_message(const OfxMessageSuiteV2 *suite, void *handle,
                                         const char *message_type, const char *message_id, const char *text) {
  if (suite == NULL || text == NULL) return kOfxStatErrBadHandle;
  if (suite->setPersistentMessage == NULL) return kOfxStatErrMissingHostFeature;
  return suite->setPersistentMessage(handle, message_type, message_id, "%s", text);
}

void enhance_shim_api_fill_wrappers(EnhanceShimApi *api) {
  api->version = ENHANCE_SHIM_API_VERSION;
  api->param_get_doubles = enhance_param_get_doubles;
  api->param_get_ints = enhance_param_get_ints;
  api->param_get_string = enhance_param_get_string;
  api->param_set_doubles = enhance_param_set_doubles;
  api->param_set_ints = enhance_param_set_ints;
  api->param_set_string = enhance_param_set_string;
  api->message = enhance_message;
  api->set_persistent_message = enhance_set_persistent_message;
}
