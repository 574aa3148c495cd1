// property_suite.cpp — OfxPropertySuiteV1: C entry points over PropertySet.
#include "property_set.hpp"
#include "suites.hpp"
#include "suite_guard.hpp"

namespace ofxhost {
namespace {

#define OFXHOST_SET_OR_BADHANDLE(h)                 \
  PropertySet *set = PropertySet::fromHandle(h);    \
  if (set == nullptr) return kOfxStatErrBadHandle

OfxStatus propSetPointer(OfxPropertySetHandle h, const char *p, int i, void *v) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return set->setPointer(p, i, v);
}
OfxStatus propSetString(OfxPropertySetHandle h, const char *p, int i, const char *v) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return set->setString(p, i, v);
}
OfxStatus propSetDouble(OfxPropertySetHandle h, const char *p, int i, double v) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return set->setDouble(p, i, v);
}
OfxStatus propSetInt(OfxPropertySetHandle h, const char *p, int i, int v) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return set->setInt(p, i, v);
}

// The N variants set/get `count` values starting at index 0, stopping at the first error.
template <typename T, typename F>
OfxStatus forEachIndex(int count, const T *values, F f) {
  if (count < 0 || (count > 0 && values == nullptr)) return kOfxStatErrValue;
  for (int i = 0; i < count; ++i) {
    OfxStatus st = f(i, values[i]);
    if (st != kOfxStatOK) return st;
  }
  return kOfxStatOK;
}

OfxStatus propSetPointerN(OfxPropertySetHandle h, const char *p, int n, void *const *v) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return forEachIndex(n, v, [&](int i, void *x) { return set->setPointer(p, i, x); });
}
OfxStatus propSetStringN(OfxPropertySetHandle h, const char *p, int n, const char *const *v) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return forEachIndex(n, v, [&](int i, const char *x) { return set->setString(p, i, x); });
}
OfxStatus propSetDoubleN(OfxPropertySetHandle h, const char *p, int n, const double *v) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return forEachIndex(n, v, [&](int i, double x) { return set->setDouble(p, i, x); });
}
OfxStatus propSetIntN(OfxPropertySetHandle h, const char *p, int n, const int *v) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return forEachIndex(n, v, [&](int i, int x) { return set->setInt(p, i, x); });
}

OfxStatus propGetPointer(OfxPropertySetHandle h, const char *p, int i, void **v) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return set->getPointer(p, i, v);
}
OfxStatus propGetString(OfxPropertySetHandle h, const char *p, int i, char **v) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return set->getString(p, i, v);
}
OfxStatus propGetDouble(OfxPropertySetHandle h, const char *p, int i, double *v) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return set->getDouble(p, i, v);
}
OfxStatus propGetInt(OfxPropertySetHandle h, const char *p, int i, int *v) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return set->getInt(p, i, v);
}

template <typename T, typename F>
OfxStatus getEachIndex(int count, T *values, F f) {
  if (count < 0 || (count > 0 && values == nullptr)) return kOfxStatErrValue;
  for (int i = 0; i < count; ++i) {
    OfxStatus st = f(i, &values[i]);
    if (st != kOfxStatOK) return st;
  }
  return kOfxStatOK;
}

OfxStatus propGetPointerN(OfxPropertySetHandle h, const char *p, int n, void **v) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return getEachIndex(n, v, [&](int i, void **x) { return set->getPointer(p, i, x); });
}
OfxStatus propGetStringN(OfxPropertySetHandle h, const char *p, int n, char **v) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return getEachIndex(n, v, [&](int i, char **x) { return set->getString(p, i, x); });
}
OfxStatus propGetDoubleN(OfxPropertySetHandle h, const char *p, int n, double *v) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return getEachIndex(n, v, [&](int i, double *x) { return set->getDouble(p, i, x); });
}
OfxStatus propGetIntN(OfxPropertySetHandle h, const char *p, int n, int *v) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return getEachIndex(n, v, [&](int i, int *x) { return set->getInt(p, i, x); });
}
OfxStatus propReset(OfxPropertySetHandle h, const char *p) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return set->reset(p);
}
OfxStatus propGetDimension(OfxPropertySetHandle h, const char *p, int *count) {
  OFXHOST_SET_OR_BADHANDLE(h);
  return set->dimension(p, count);
}

const OfxPropertySuiteV1 kSuite = {
    guarded<propSetPointer>, guarded<propSetString>, guarded<propSetDouble>, guarded<propSetInt>,
    guarded<propSetPointerN>, guarded<propSetStringN>, guarded<propSetDoubleN>, guarded<propSetIntN>,
    guarded<propGetPointer>, guarded<propGetString>, guarded<propGetDouble>, guarded<propGetInt>,
    guarded<propGetPointerN>, guarded<propGetStringN>, guarded<propGetDoubleN>, guarded<propGetIntN>,
    guarded<propReset>, guarded<propGetDimension>,
};

}  // namespace

const OfxPropertySuiteV1 *propertySuiteV1() { return &kSuite; }

}  // namespace ofxhost
