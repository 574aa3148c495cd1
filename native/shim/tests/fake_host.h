/*
 * fake_host.h — the smallest OFX host the shim's tests need: a property store, the image effect
 * and parameter suites enough for Load/Describe/DescribeInContext, a memory suite, and a message
 * suite (v1 and/or v2) that records every message so tests can check what the user would see.
 * One host per process (the message suite has no host argument), so the state is global.
 */
#ifndef ENHANCE_SHIM_TESTS_FAKE_HOST_H
#define ENHANCE_SHIM_TESTS_FAKE_HOST_H

#include "enhance/ofx_abi.h"

typedef struct FakeMessage {
  void *handle;
  char type[64];
  char id[128];
  char text[2048];
  int persistent;
} FakeMessage;

/* message_suite_version: 2 offers OfxMessageSuite v2 and v1, 1 offers only v1, 0 offers none. */
OfxHost *fake_host_init(int message_suite_version);

int fake_host_message_count(void);
const FakeMessage *fake_host_message(int index);


/* A fresh effect handle (descriptor or instance): property set, parameter set, clips. */
OfxImageEffectHandle fake_host_new_effect(void);
OfxPropertySetHandle fake_host_effect_properties(OfxImageEffectHandle effect);
int fake_host_effect_param_count(OfxImageEffectHandle effect);
int fake_host_effect_clip_count(OfxImageEffectHandle effect);

/* A standalone property set (for inArgs/outArgs). */
OfxPropertySetHandle fake_host_new_property_set(void);
OfxStatus fake_props_set_string(OfxPropertySetHandle props, const char *name, int index, const char *value);
OfxStatus fake_props_set_double(OfxPropertySetHandle props, const char *name, int index, double value);
/* The string at `index`, or NULL when the property is missing or not a string. */
const char *fake_props_get_string(OfxPropertySetHandle props, const char *name, int index);

#endif /* ENHANCE_SHIM_TESTS_FAKE_HOST_H */
