/* fake_host.c — the test host's suites and message log (see fake_host.h). */
#include "fake_host.h"

#include "fake_properties.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_MESSAGES 64
#define MAX_CHILDREN 64

struct OfxParamStruct {
  char *name;
  struct OfxPropertySetStruct props;
};
struct OfxParamSetStruct {
  struct OfxParamStruct *params[MAX_CHILDREN];
  int count;
  struct OfxPropertySetStruct props;
};
struct OfxImageClipStruct {
  char *name;
  struct OfxPropertySetStruct props;
};
struct OfxImageEffectStruct {
  struct OfxPropertySetStruct props;
  struct OfxParamSetStruct params;
  struct OfxImageClipStruct *clips[MAX_CHILDREN];
  int clip_count;
};

static struct OfxPropertySetStruct host_properties;
static OfxHost host;
static int message_version;
static FakeMessage messages[MAX_MESSAGES];
static int message_count;

/* ------------------------------------------------------------------ messages */

static OfxStatus record(int persistent, void *handle, const char *type, const char *id, const char *format,
                        va_list args) {
  if (message_count == MAX_MESSAGES) return kOfxStatErrMemory;
  FakeMessage *m = &messages[message_count++];
  m->handle = handle;
  m->persistent = persistent;
  snprintf(m->type, sizeof m->type, "%s", type ? type : "");
  snprintf(m->id, sizeof m->id, "%s", id ? id : "");
  /* Formats like a real host does, so a wrapper that passed text as the format would show. */
  vsnprintf(m->text, sizeof m->text, format, args);
  return kOfxStatOK;
}

static OfxStatus message(void *handle, const char *type, const char *id, const char *format, ...) {
  va_list args;
  va_start(args, format);
  OfxStatus s = record(0, handle, type, id, format, args);
  va_end(args);
  return s;
}

static OfxStatus persistent_message(void *handle, const char *type, const char *id, const char *format, ...) {
  va_list args;
  va_start(args, format);
  OfxStatus s = record(1, handle, type, id, format, args);
  va_end(args);
  return s;
}

static OfxStatus clear_persistent_message(void *handle) {
  (void)handle;
  return kOfxStatOK;
}

static const OfxMessageSuiteV1 message_v1 = {message};
static const OfxMessageSuiteV2 message_v2 = {message, persistent_message, clear_persistent_message};

int fake_host_message_count(void) { return message_count; }
const FakeMessage *fake_host_message(int index) {
  return index >= 0 && index < message_count ? &messages[index] : NULL;
}

/* ------------------------------------------------------------------ image effect suite */

static OfxStatus get_property_set(OfxImageEffectHandle effect, OfxPropertySetHandle *props) {
  if (effect == NULL) return kOfxStatErrBadHandle;
  *props = &effect->props;
  return kOfxStatOK;
}
static OfxStatus get_param_set(OfxImageEffectHandle effect, OfxParamSetHandle *params) {
  if (effect == NULL) return kOfxStatErrBadHandle;
  *params = &effect->params;
  return kOfxStatOK;
}
static OfxStatus clip_define(OfxImageEffectHandle effect, const char *name, OfxPropertySetHandle *props) {
  if (effect == NULL || name == NULL) return kOfxStatErrBadHandle;
  if (effect->clip_count == MAX_CHILDREN) return kOfxStatErrMemory;
  struct OfxImageClipStruct *clip = calloc(1, sizeof *clip);
  clip->name = strdup(name);
  fake_props_set_string(&clip->props, kOfxPropName, 0, name);
  effect->clips[effect->clip_count++] = clip;
  *props = &clip->props;
  return kOfxStatOK;
}
static OfxStatus clip_get_handle(OfxImageEffectHandle effect, const char *name, OfxImageClipHandle *clip,
                                 OfxPropertySetHandle *props) {
  if (effect == NULL || name == NULL) return kOfxStatErrBadHandle;
  for (int i = 0; i < effect->clip_count; ++i)
    if (strcmp(effect->clips[i]->name, name) == 0) {
      *clip = effect->clips[i];
      if (props != NULL) *props = &effect->clips[i]->props;
      return kOfxStatOK;
    }
  return kOfxStatErrUnknown;
}
static OfxStatus clip_get_property_set(OfxImageClipHandle clip, OfxPropertySetHandle *props) {
  if (clip == NULL) return kOfxStatErrBadHandle;
  *props = &clip->props;
  return kOfxStatOK;
}
/* Image access is outside these tests: the fake has no images. */
static OfxStatus clip_get_image(OfxImageClipHandle c, OfxTime t, const OfxRectD *r, OfxPropertySetHandle *i) {
  (void)c, (void)t, (void)r, (void)i;
  return kOfxStatErrUnsupported;
}
static OfxStatus clip_release_image(OfxPropertySetHandle i) {
  (void)i;
  return kOfxStatErrUnsupported;
}
static OfxStatus clip_get_rod(OfxImageClipHandle c, OfxTime t, OfxRectD *b) {
  (void)c, (void)t, (void)b;
  return kOfxStatErrUnsupported;
}
static int abort_render(OfxImageEffectHandle e) {
  (void)e;
  return 0;
}
static OfxStatus image_memory_alloc(OfxImageEffectHandle e, size_t n, OfxImageMemoryHandle *m) {
  (void)e, (void)n, (void)m;
  return kOfxStatErrUnsupported;
}
static OfxStatus image_memory_handle_op(OfxImageMemoryHandle m) {
  (void)m;
  return kOfxStatErrUnsupported;
}
static OfxStatus image_memory_lock(OfxImageMemoryHandle m, void **p) {
  (void)m, (void)p;
  return kOfxStatErrUnsupported;
}

static const OfxImageEffectSuiteV1 image_effect_suite = {
    get_property_set,   get_param_set,      clip_define,          clip_get_handle,        clip_get_property_set,
    clip_get_image,     clip_release_image, clip_get_rod,         abort_render,           image_memory_alloc,
    image_memory_handle_op, image_memory_lock, image_memory_handle_op,
};

/* ------------------------------------------------------------------ parameter suite */

static OfxStatus param_define(OfxParamSetHandle set, const char *type, const char *name, OfxPropertySetHandle *props) {
  if (set == NULL || type == NULL || name == NULL) return kOfxStatErrBadHandle;
  for (int i = 0; i < set->count; ++i)
    if (strcmp(set->params[i]->name, name) == 0) return kOfxStatErrExists;
  if (set->count == MAX_CHILDREN) return kOfxStatErrMemory;
  struct OfxParamStruct *param = calloc(1, sizeof *param);
  param->name = strdup(name);
  fake_props_set_string(&param->props, kOfxParamPropType, 0, type);
  fake_props_set_string(&param->props, kOfxPropName, 0, name);
  set->params[set->count++] = param;
  if (props != NULL) *props = &param->props;
  return kOfxStatOK;
}
static OfxStatus param_get_handle(OfxParamSetHandle set, const char *name, OfxParamHandle *param,
                                  OfxPropertySetHandle *props) {
  if (set == NULL || name == NULL) return kOfxStatErrBadHandle;
  for (int i = 0; i < set->count; ++i)
    if (strcmp(set->params[i]->name, name) == 0) {
      *param = set->params[i];
      if (props != NULL) *props = &set->params[i]->props;
      return kOfxStatOK;
    }
  return kOfxStatErrUnknown;
}
static OfxStatus param_set_get_property_set(OfxParamSetHandle set, OfxPropertySetHandle *props) {
  if (set == NULL) return kOfxStatErrBadHandle;
  *props = &set->props;
  return kOfxStatOK;
}
static OfxStatus param_get_property_set(OfxParamHandle param, OfxPropertySetHandle *props) {
  if (param == NULL) return kOfxStatErrBadHandle;
  *props = &param->props;
  return kOfxStatOK;
}
/* Values and animation need instances with real parameters: outside these tests. */
static OfxStatus unsupported_value(OfxParamHandle p, ...) {
  (void)p;
  return kOfxStatErrUnsupported;
}
static OfxStatus unsupported_value_at(OfxParamHandle p, OfxTime t, ...) {
  (void)p, (void)t;
  return kOfxStatErrUnsupported;
}
static OfxStatus unsupported_integral(OfxParamHandle p, OfxTime a, OfxTime b, ...) {
  (void)p, (void)a, (void)b;
  return kOfxStatErrUnsupported;
}
static OfxStatus no_keys(OfxParamHandle p, unsigned int *n) {
  (void)p;
  *n = 0;
  return kOfxStatOK;
}
static OfxStatus key_time(OfxParamHandle p, unsigned int k, OfxTime *t) {
  (void)p, (void)k, (void)t;
  return kOfxStatErrBadIndex;
}
static OfxStatus key_index(OfxParamHandle p, OfxTime t, int d, int *i) {
  (void)p, (void)t, (void)d, (void)i;
  return kOfxStatFailed;
}
static OfxStatus delete_key(OfxParamHandle p, OfxTime t) {
  (void)p, (void)t;
  return kOfxStatErrBadIndex;
}
static OfxStatus delete_all_keys(OfxParamHandle p) {
  (void)p;
  return kOfxStatOK;
}
static OfxStatus param_copy(OfxParamHandle to, OfxParamHandle from, OfxTime o, const OfxRangeD *r) {
  (void)to, (void)from, (void)o, (void)r;
  return kOfxStatErrUnsupported;
}
static OfxStatus edit_begin(OfxParamSetHandle s, const char *n) {
  (void)s, (void)n;
  return kOfxStatOK;
}
static OfxStatus edit_end(OfxParamSetHandle s) {
  (void)s;
  return kOfxStatOK;
}

static const OfxParameterSuiteV1 parameter_suite = {
    param_define,      param_get_handle, param_set_get_property_set, param_get_property_set,
    unsupported_value, unsupported_value_at, unsupported_value_at, unsupported_integral,
    unsupported_value, unsupported_value_at, no_keys, key_time, key_index, delete_key, delete_all_keys,
    param_copy,        edit_begin,       edit_end,
};

/* ------------------------------------------------------------------ memory suite */

static OfxStatus memory_alloc(void *handle, size_t n, void **data) {
  (void)handle;
  *data = malloc(n);
  return *data ? kOfxStatOK : kOfxStatErrMemory;
}
static OfxStatus memory_free(void *data) {
  free(data);
  return kOfxStatOK;
}
static const OfxMemorySuiteV1 memory_suite = {memory_alloc, memory_free};

/* ------------------------------------------------------------------ host */

static const void *fetch_suite(OfxPropertySetHandle h, const char *name, int version) {
  (void)h;
  if (strcmp(name, kOfxPropertySuite) == 0 && version == 1) return fake_property_suite();
  if (strcmp(name, kOfxImageEffectSuite) == 0 && version == 1) return &image_effect_suite;
  if (strcmp(name, kOfxParameterSuite) == 0 && version == 1) return &parameter_suite;
  if (strcmp(name, kOfxMemorySuite) == 0 && version == 1) return &memory_suite;
  if (strcmp(name, kOfxMessageSuite) == 0 && version <= message_version) {
    if (version == 1) return &message_v1;
    if (version == 2) return &message_v2;
  }
  return NULL;
}

OfxHost *fake_host_init(int message_suite_version) {
  message_version = message_suite_version;
  message_count = 0;
  fake_properties_init(&host_properties);
  const OfxPropertySuiteV1 *p = fake_property_suite();
  p->propSetString(&host_properties, kOfxPropName, 0, "io.enhance.ShimTestHost");
  p->propSetString(&host_properties, kOfxPropLabel, 0, "Enhance shim test host");
  p->propSetInt(&host_properties, kOfxPropAPIVersion, 0, 1);
  p->propSetInt(&host_properties, kOfxPropAPIVersion, 1, 4);
  p->propSetInt(&host_properties, kOfxImageEffectHostPropIsBackground, 0, 1);
  p->propSetInt(&host_properties, kOfxImageEffectPropSupportsOverlays, 0, 0);
  p->propSetInt(&host_properties, kOfxImageEffectPropSupportsMultiResolution, 0, 1);
  p->propSetInt(&host_properties, kOfxImageEffectPropSupportsTiles, 0, 1);
  p->propSetInt(&host_properties, kOfxImageEffectPropTemporalClipAccess, 0, 0);
  p->propSetString(&host_properties, kOfxImageEffectPropSupportedComponents, 0, kOfxImageComponentRGBA);
  p->propSetString(&host_properties, kOfxImageEffectPropSupportedContexts, 0, kOfxImageEffectContextFilter);
  p->propSetString(&host_properties, kOfxImageEffectPropSupportedContexts, 1, kOfxImageEffectContextGeneral);
  p->propSetString(&host_properties, kOfxImageEffectPropSupportedPixelDepths, 0, kOfxBitDepthFloat);
  p->propSetInt(&host_properties, kOfxImageEffectPropSupportsMultipleClipDepths, 0, 0);
  p->propSetInt(&host_properties, kOfxImageEffectPropSupportsMultipleClipPARs, 0, 0);
  p->propSetInt(&host_properties, kOfxParamHostPropMaxParameters, 0, -1);
  p->propSetInt(&host_properties, kOfxParamHostPropMaxPages, 0, 0);
  host.host = &host_properties;
  host.fetchSuite = fetch_suite;
  return &host;
}

OfxImageEffectHandle fake_host_new_effect(void) {
  struct OfxImageEffectStruct *effect = calloc(1, sizeof *effect);
  if (effect == NULL) abort();
  return effect;
}
OfxPropertySetHandle fake_host_effect_properties(OfxImageEffectHandle effect) { return &effect->props; }
int fake_host_effect_param_count(OfxImageEffectHandle effect) { return effect->params.count; }
int fake_host_effect_clip_count(OfxImageEffectHandle effect) { return effect->clip_count; }

OfxPropertySetHandle fake_host_new_property_set(void) {
  OfxPropertySetHandle props = calloc(1, sizeof *props);
  if (props == NULL) abort();
  return props;
}
OfxStatus fake_props_set_string(OfxPropertySetHandle props, const char *name, int index, const char *value) {
  return fake_property_suite()->propSetString(props, name, index, value);
}
OfxStatus fake_props_set_double(OfxPropertySetHandle props, const char *name, int index, double value) {
  return fake_property_suite()->propSetDouble(props, name, index, value);
}
const char *fake_props_get_string(OfxPropertySetHandle props, const char *name, int index) {
  char *value = NULL;
  return fake_property_suite()->propGetString(props, name, index, &value) == kOfxStatOK ? value : NULL;
}
