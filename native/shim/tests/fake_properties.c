/* fake_properties.c — a growable property store and the property suite over it (tests only). */
#include "fake_properties.h"

#include <stdlib.h>
#include <string.h>

void fake_properties_init(struct OfxPropertySetStruct *props) { memset(props, 0, sizeof *props); }

static FakeProperty *find(OfxPropertySetHandle props, const char *name) {
  if (props == NULL || name == NULL) return NULL;
  for (int i = 0; i < props->count; ++i)
    if (strcmp(props->items[i].name, name) == 0) return &props->items[i];
  return NULL;
}

/* Grows arrays to hold index `index`; aborts on allocation failure (test process). */
static void reserve(FakeProperty *p, int index) {
  if (index < p->capacity) return;
  int capacity = p->capacity == 0 ? 4 : p->capacity;
  while (capacity <= index) capacity *= 2;
  p->strings = realloc(p->strings, (size_t)capacity * sizeof *p->strings);
  p->ints = realloc(p->ints, (size_t)capacity * sizeof *p->ints);
  p->doubles = realloc(p->doubles, (size_t)capacity * sizeof *p->doubles);
  p->pointers = realloc(p->pointers, (size_t)capacity * sizeof *p->pointers);
  if (!p->strings || !p->ints || !p->doubles || !p->pointers) abort();
  for (int i = p->capacity; i < capacity; ++i) {
    p->strings[i] = NULL;
    p->ints[i] = 0;
    p->doubles[i] = 0;
    p->pointers[i] = NULL;
  }
  p->capacity = capacity;
}

static FakeProperty *find_or_add(OfxPropertySetHandle props, const char *name, FakeKind kind, int index) {
  if (props == NULL || name == NULL || index < 0) return NULL;
  FakeProperty *p = find(props, name);
  if (p == NULL) {
    if (props->count == props->capacity) {
      props->capacity = props->capacity == 0 ? 16 : props->capacity * 2;
      props->items = realloc(props->items, (size_t)props->capacity * sizeof *props->items);
      if (props->items == NULL) abort();
    }
    p = &props->items[props->count++];
    memset(p, 0, sizeof *p);
    p->name = strdup(name);
    p->kind = kind;
  }
  /* A host that knows its properties rejects type confusion; so does the fake. */
  if (p->kind != kind) return NULL;
  reserve(p, index);
  if (index >= p->dimension) p->dimension = index + 1;
  return p;
}

static OfxStatus set_string(OfxPropertySetHandle props, const char *name, int index, const char *value) {
  FakeProperty *p = find_or_add(props, name, FAKE_STRING, index);
  if (p == NULL) return kOfxStatErrValue;
  free(p->strings[index]);
  p->strings[index] = strdup(value ? value : "");
  return kOfxStatOK;
}
static OfxStatus set_int(OfxPropertySetHandle props, const char *name, int index, int value) {
  FakeProperty *p = find_or_add(props, name, FAKE_INT, index);
  if (p == NULL) return kOfxStatErrValue;
  p->ints[index] = value;
  return kOfxStatOK;
}
static OfxStatus set_double(OfxPropertySetHandle props, const char *name, int index, double value) {
  FakeProperty *p = find_or_add(props, name, FAKE_DOUBLE, index);
  if (p == NULL) return kOfxStatErrValue;
  p->doubles[index] = value;
  return kOfxStatOK;
}
static OfxStatus set_pointer(OfxPropertySetHandle props, const char *name, int index, void *value) {
  FakeProperty *p = find_or_add(props, name, FAKE_POINTER, index);
  if (p == NULL) return kOfxStatErrValue;
  p->pointers[index] = value;
  return kOfxStatOK;
}

static OfxStatus set_string_n(OfxPropertySetHandle props, const char *name, int count, const char *const *values) {
  for (int i = 0; i < count; ++i) {
    OfxStatus s = set_string(props, name, i, values[i]);
    if (s != kOfxStatOK) return s;
  }
  return kOfxStatOK;
}
static OfxStatus set_int_n(OfxPropertySetHandle props, const char *name, int count, const int *values) {
  for (int i = 0; i < count; ++i) {
    OfxStatus s = set_int(props, name, i, values[i]);
    if (s != kOfxStatOK) return s;
  }
  return kOfxStatOK;
}
static OfxStatus set_double_n(OfxPropertySetHandle props, const char *name, int count, const double *values) {
  for (int i = 0; i < count; ++i) {
    OfxStatus s = set_double(props, name, i, values[i]);
    if (s != kOfxStatOK) return s;
  }
  return kOfxStatOK;
}
static OfxStatus set_pointer_n(OfxPropertySetHandle props, const char *name, int count, void *const *values) {
  for (int i = 0; i < count; ++i) {
    OfxStatus s = set_pointer(props, name, i, values[i]);
    if (s != kOfxStatOK) return s;
  }
  return kOfxStatOK;
}

/* Looks a value up for a get: missing property, wrong type or index out of range. */
static OfxStatus lookup(OfxPropertySetHandle props, const char *name, FakeKind kind, int index, FakeProperty **out) {
  FakeProperty *p = find(props, name);
  if (p == NULL) return kOfxStatErrUnknown;
  if (p->kind != kind) return kOfxStatErrValue;
  if (index < 0 || index >= p->dimension) return kOfxStatErrBadIndex;
  *out = p;
  return kOfxStatOK;
}

static OfxStatus get_string(OfxPropertySetHandle props, const char *name, int index, char **value) {
  FakeProperty *p;
  OfxStatus s = lookup(props, name, FAKE_STRING, index, &p);
  if (s == kOfxStatOK) *value = p->strings[index] ? p->strings[index] : (char *)"";
  return s;
}
static OfxStatus get_int(OfxPropertySetHandle props, const char *name, int index, int *value) {
  FakeProperty *p;
  OfxStatus s = lookup(props, name, FAKE_INT, index, &p);
  if (s == kOfxStatOK) *value = p->ints[index];
  return s;
}
static OfxStatus get_double(OfxPropertySetHandle props, const char *name, int index, double *value) {
  FakeProperty *p;
  OfxStatus s = lookup(props, name, FAKE_DOUBLE, index, &p);
  if (s == kOfxStatOK) *value = p->doubles[index];
  return s;
}
static OfxStatus get_pointer(OfxPropertySetHandle props, const char *name, int index, void **value) {
  FakeProperty *p;
  OfxStatus s = lookup(props, name, FAKE_POINTER, index, &p);
  if (s == kOfxStatOK) *value = p->pointers[index];
  return s;
}

static OfxStatus get_string_n(OfxPropertySetHandle props, const char *name, int count, char **values) {
  for (int i = 0; i < count; ++i) {
    OfxStatus s = get_string(props, name, i, &values[i]);
    if (s != kOfxStatOK) return s;
  }
  return kOfxStatOK;
}
static OfxStatus get_int_n(OfxPropertySetHandle props, const char *name, int count, int *values) {
  for (int i = 0; i < count; ++i) {
    OfxStatus s = get_int(props, name, i, &values[i]);
    if (s != kOfxStatOK) return s;
  }
  return kOfxStatOK;
}
static OfxStatus get_double_n(OfxPropertySetHandle props, const char *name, int count, double *values) {
  for (int i = 0; i < count; ++i) {
    OfxStatus s = get_double(props, name, i, &values[i]);
    if (s != kOfxStatOK) return s;
  }
  return kOfxStatOK;
}
static OfxStatus get_pointer_n(OfxPropertySetHandle props, const char *name, int count, void **values) {
  for (int i = 0; i < count; ++i) {
    OfxStatus s = get_pointer(props, name, i, &values[i]);
    if (s != kOfxStatOK) return s;
  }
  return kOfxStatOK;
}

static OfxStatus reset(OfxPropertySetHandle props, const char *name) {
  FakeProperty *p = find(props, name);
  if (p == NULL) return kOfxStatErrUnknown;
  p->dimension = 0;
  return kOfxStatOK;
}

static OfxStatus dimension(OfxPropertySetHandle props, const char *name, int *count) {
  FakeProperty *p = find(props, name);
  if (p == NULL) return kOfxStatErrUnknown;
  *count = p->dimension;
  return kOfxStatOK;
}

static const OfxPropertySuiteV1 suite = {
    set_pointer,   set_string,   set_double,   set_int,   set_pointer_n, set_string_n,
    set_double_n,  set_int_n,    get_pointer,  get_string, get_double,   get_int,
    get_pointer_n, get_string_n, get_double_n, get_int_n,  reset,        dimension,
};

const OfxPropertySuiteV1 *fake_property_suite(void) { return &suite; }
