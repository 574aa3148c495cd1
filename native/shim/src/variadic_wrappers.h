/*
 * variadic_wrappers.h — typed, fixed-arity wrappers around OFX's C-variadic functions, handed to
 * managed code in EnhanceShimApi (C# cannot make an x86-64 variadic call through a pointer).
 * Signatures follow shim_api.h exactly.
 */
#ifndef ENHANCE_SHIM_VARIADIC_WRAPPERS_H
#define ENHANCE_SHIM_VARIADIC_WRAPPERS_H

#include "enhance/shim_api.h"

OfxStatus enhance_param_get_doubles(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                                    OfxTime time, int count, double *values);
OfxStatus enhance_param_get_ints(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                                 OfxTime time, int count, int *values);
OfxStatus enhance_param_get_string(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                                   OfxTime time, const char **value);
OfxStatus enhance_param_set_doubles(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                                    OfxTime time, int count, const double *values);
OfxStatus enhance_param_set_ints(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                                 OfxTime time, int count, const int *values);
OfxStatus enhance_param_set_string(const OfxParameterSuiteV1 *suite, OfxParamHandle param, int at_time,
                                   OfxTime time, const char *value);
OfxStatus enhance_message(const OfxMessageSuiteV1 *suite, void *handle, const char *message_type,
                          const char *message_id, const char *text);
OfxStatus enhance_set_persistent_message(const OfxMessageSuiteV2 *suite, void *handle,
                                         const char *message_type, const char *message_id, const char *text);

/* Fills every wrapper pointer and the version of `api` (bundle_root is the caller's). */
void enhance_shim_api_fill_wrappers(EnhanceShimApi *api);

#endif /* ENHANCE_SHIM_VARIADIC_WRAPPERS_H */
