/* fake_properties.h — the fake host's property store (see fake_host.h). Internal to the tests. */
#ifndef ENHANCE_SHIM_TESTS_FAKE_PROPERTIES_H
#define ENHANCE_SHIM_TESTS_FAKE_PROPERTIES_H

#include "enhance/ofx_abi.h"

typedef enum FakeKind { FAKE_NONE, FAKE_STRING, FAKE_INT, FAKE_DOUBLE, FAKE_POINTER } FakeKind;

typedef struct FakeProperty {
  char *name;
  FakeKind kind;
  int dimension;
  int capacity;
  char **strings;
  int *ints;
  double *doubles;
  void **pointers;
} FakeProperty;

struct OfxPropertySetStruct {
  FakeProperty *items;
  int count;
  int capacity;
};

/* The OfxPropertySuiteV1 over this store: setting creates a property (growing its dimension as
 * needed); getting a missing one answers kOfxStatErrUnknown, a missing index kOfxStatErrBadIndex. */
const OfxPropertySuiteV1 *fake_property_suite(void);

void fake_properties_init(struct OfxPropertySetStruct *props);

#endif /* ENHANCE_SHIM_TESTS_FAKE_PROPERTIES_H */
