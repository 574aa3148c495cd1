// parameter_suite.cpp — OfxParameterSuiteV1.
//
// The value functions are C-variadic (so their bodies run in guardSuiteCall rather than through
// guarded<>): the caller passes one pointer (get) or one value (set)
// per component, typed by the parameter: int for Integer/Boolean/Choice (and int* to read),
// double for Double/2D/3D/RGB/RGBA, const char* for String/Custom/StrChoice (const char** to read).
#include "action_context.hpp"
#include "effect.hpp"
#include "suites.hpp"
#include "suite_guard.hpp"

#include <cstdarg>

namespace ofxhost {
namespace {

OfxStatus paramDefine(OfxParamSetHandle set, const char *type, const char *name, OfxPropertySetHandle *props) {
  ParamSet *ps = ParamSet::fromHandle(set);
  if (ps == nullptr) return kOfxStatErrBadHandle;
  if (type == nullptr || name == nullptr) return kOfxStatErrValue;
  if (!isKnownParamType(type)) return kOfxStatErrUnknown;
  Param *p = ps->define(type, name);
  if (p == nullptr) return kOfxStatErrExists;
  if (props != nullptr) *props = p->props.handle();
  return kOfxStatOK;
}

OfxStatus paramGetHandle(OfxParamSetHandle set, const char *name, OfxParamHandle *param, OfxPropertySetHandle *props) {
  ParamSet *ps = ParamSet::fromHandle(set);
  if (ps == nullptr) return kOfxStatErrBadHandle;
  Param *p = name != nullptr ? ps->find(name) : nullptr;
  if (p == nullptr) return kOfxStatErrUnknown;
  if (param != nullptr) *param = p->handle();
  if (props != nullptr) *props = p->props.handle();
  return kOfxStatOK;
}

OfxStatus paramSetGetPropertySet(OfxParamSetHandle set, OfxPropertySetHandle *props) {
  ParamSet *ps = ParamSet::fromHandle(set);
  if (ps == nullptr) return kOfxStatErrBadHandle;
  *props = ps->props.handle();
  return kOfxStatOK;
}

OfxStatus paramGetPropertySet(OfxParamHandle param, OfxPropertySetHandle *props) {
  Param *p = Param::fromHandle(param);
  if (p == nullptr) return kOfxStatErrBadHandle;
  *props = p->props.handle();
  return kOfxStatOK;
}

const Effect *effectOf(const Param *p) { return p->owner() != nullptr ? p->owner()->owner() : nullptr; }

// Writes a value read at `time` through the caller's pointers.
OfxStatus readInto(Param *p, double time, va_list ap) {
  std::lock_guard<std::mutex> g(p->lock);
  switch (p->kind()) {
    case ParamKind::None: return kOfxStatErrBadHandle;
    case ParamKind::String: {
      auto out = va_arg(ap, const char **);
      if (out == nullptr) return kOfxStatErrValue;
      p->stringReturn = p->stringValue;
      *out = p->stringReturn.c_str();
      return kOfxStatOK;
    }
    case ParamKind::Double: {
      const std::vector<double> v = p->valueAt(time);
      for (int i = 0; i < p->dimension(); ++i) {
        auto out = va_arg(ap, double *);
        if (out == nullptr) return kOfxStatErrValue;
        *out = v[static_cast<size_t>(i)];
      }
      return kOfxStatOK;
    }
    default: {
      const std::vector<double> v = p->valueAt(time);
      for (int i = 0; i < p->dimension(); ++i) {
        auto out = va_arg(ap, int *);
        if (out == nullptr) return kOfxStatErrValue;
        *out = static_cast<int>(v[static_cast<size_t>(i)]);
      }
      return kOfxStatOK;
    }
  }
}

// Reads the caller's values; `atTime` adds a key, otherwise the static value is set (and, if
// the param is animated, a key at the current time, which is what hosts do for a user edit).
OfxStatus writeFrom(Param *p, bool atTime, double time, va_list ap) {
  std::lock_guard<std::mutex> g(p->lock);
  if (p->kind() == ParamKind::None) return kOfxStatErrBadHandle;
  if (p->kind() == ParamKind::String) {
    if (atTime) return kOfxStatErrValue;  // this host does not animate strings (see host props)
    const char *s = va_arg(ap, const char *);
    if (s == nullptr) return kOfxStatErrValue;
    if (p->isStrChoice() && !p->acceptsChoiceEnum(s)) return kOfxStatErrValue;  // not one of its enums
    p->stringValue = s;
    return kOfxStatOK;
  }
  std::vector<double> v(static_cast<size_t>(p->dimension()));
  for (double &x : v) x = p->kind() == ParamKind::Double ? va_arg(ap, double) : static_cast<double>(va_arg(ap, int));
  if (p->kind() == ParamKind::Boolean) v[0] = v[0] != 0.0 ? 1.0 : 0.0;
  if (atTime) {
    if (!p->animates()) return kOfxStatErrValue;
    p->curve.setKey(time, v);
  } else if (p->curve.keyCount() > 0) {
    p->curve.setKey(time, v);
  } else {
    p->curve.setStatic(v);
  }
  p->props.setInt(kOfxParamPropIsAnimating, 0, p->curve.keyCount() > 0 ? 1 : 0);
  return kOfxStatOK;
}

OfxStatus paramGetValue(OfxParamHandle h, ...) {
  Param *p = Param::fromHandle(h);
  if (p == nullptr) return kOfxStatErrBadHandle;
  va_list ap;
  va_start(ap, h);
  OfxStatus st = guardSuiteCall([&] { return readInto(p, currentTimeFor(effectOf(p)), ap); });
  va_end(ap);
  return st;
}

OfxStatus paramGetValueAtTime(OfxParamHandle h, OfxTime time, ...) {
  Param *p = Param::fromHandle(h);
  if (p == nullptr) return kOfxStatErrBadHandle;
  va_list ap;
  va_start(ap, time);
  OfxStatus st = guardSuiteCall([&] { return readInto(p, time, ap); });
  va_end(ap);
  return st;
}

OfxStatus writeDoubles(Param *p, const std::vector<double> &v, va_list ap) {
  if (p->kind() != ParamKind::Double) return kOfxStatErrBadHandle;  // only doubles are differentiable
  for (int i = 0; i < p->dimension(); ++i) {
    auto out = va_arg(ap, double *);
    if (out == nullptr) return kOfxStatErrValue;
    *out = v[static_cast<size_t>(i)];
  }
  return kOfxStatOK;
}

OfxStatus paramGetDerivative(OfxParamHandle h, OfxTime time, ...) {
  Param *p = Param::fromHandle(h);
  if (p == nullptr) return kOfxStatErrBadHandle;
  std::lock_guard<std::mutex> g(p->lock);
  va_list ap;
  va_start(ap, time);
  OfxStatus st = guardSuiteCall([&] { return writeDoubles(p, p->curve.derivativeAt(time), ap); });
  va_end(ap);
  return st;
}

OfxStatus paramGetIntegral(OfxParamHandle h, OfxTime t1, OfxTime t2, ...) {
  Param *p = Param::fromHandle(h);
  if (p == nullptr) return kOfxStatErrBadHandle;
  std::lock_guard<std::mutex> g(p->lock);
  va_list ap;
  va_start(ap, t2);
  OfxStatus st = guardSuiteCall([&] { return writeDoubles(p, p->curve.integral(t1, t2), ap); });
  va_end(ap);
  return st;
}

OfxStatus paramSetValue(OfxParamHandle h, ...) {
  Param *p = Param::fromHandle(h);
  if (p == nullptr) return kOfxStatErrBadHandle;
  va_list ap;
  va_start(ap, h);
  OfxStatus st = guardSuiteCall([&] { return writeFrom(p, false, currentTimeFor(effectOf(p)), ap); });
  va_end(ap);
  return st;
}

OfxStatus paramSetValueAtTime(OfxParamHandle h, OfxTime time, ...) {
  Param *p = Param::fromHandle(h);
  if (p == nullptr) return kOfxStatErrBadHandle;
  va_list ap;
  va_start(ap, time);
  OfxStatus st = guardSuiteCall([&] { return writeFrom(p, true, time, ap); });
  va_end(ap);
  return st;
}

OfxStatus paramGetNumKeys(OfxParamHandle h, unsigned int *n) {
  Param *p = Param::fromHandle(h);
  if (p == nullptr) return kOfxStatErrBadHandle;
  std::lock_guard<std::mutex> g(p->lock);
  *n = p->curve.keyCount();
  return kOfxStatOK;
}

OfxStatus paramGetKeyTime(OfxParamHandle h, unsigned int nth, OfxTime *time) {
  Param *p = Param::fromHandle(h);
  if (p == nullptr) return kOfxStatErrBadHandle;
  std::lock_guard<std::mutex> g(p->lock);
  return p->curve.keyTime(nth, time) ? kOfxStatOK : kOfxStatErrBadIndex;
}

OfxStatus paramGetKeyIndex(OfxParamHandle h, OfxTime time, int direction, int *index) {
  Param *p = Param::fromHandle(h);
  if (p == nullptr) return kOfxStatErrBadHandle;
  std::lock_guard<std::mutex> g(p->lock);
  return p->curve.keyIndex(time, direction, index) ? kOfxStatOK : kOfxStatFailed;
}

OfxStatus paramDeleteKey(OfxParamHandle h, OfxTime time) {
  Param *p = Param::fromHandle(h);
  if (p == nullptr) return kOfxStatErrBadHandle;
  std::lock_guard<std::mutex> g(p->lock);
  if (!p->curve.deleteKey(time)) return kOfxStatErrBadIndex;
  return kOfxStatOK;
}

OfxStatus paramDeleteAllKeys(OfxParamHandle h) {
  Param *p = Param::fromHandle(h);
  if (p == nullptr) return kOfxStatErrBadHandle;
  std::lock_guard<std::mutex> g(p->lock);
  // The curve keeps the value it had at the current time, as hosts do when keys are removed.
  if (p->curve.keyCount() > 0) p->curve.setStatic(p->curve.valueAt(currentTimeFor(effectOf(p))));
  p->curve.deleteAllKeys();
  return kOfxStatOK;
}

OfxStatus paramCopy(OfxParamHandle to, OfxParamHandle from, OfxTime offset, const OfxRangeD *range) {
  Param *dst = Param::fromHandle(to);
  Param *src = Param::fromHandle(from);
  if (dst == nullptr || src == nullptr) return kOfxStatErrBadHandle;
  if (dst == src) return kOfxStatOK;
  if (dst->type() != src->type()) return kOfxStatErrValue;
  std::scoped_lock both(dst->lock, src->lock);
  dst->stringValue = src->stringValue;
  if (range == nullptr) {
    dst->curve = src->curve;
    if (offset != 0.0) {
      dst->curve.deleteAllKeys();
      for (const auto &k : src->curve.keys()) dst->curve.setKey(k.first + offset, k.second);
    }
    return kOfxStatOK;
  }
  for (const auto &k : src->curve.keys())
    if (k.first >= range->min && k.first <= range->max) dst->curve.setKey(k.first + offset, k.second);
  return kOfxStatOK;
}

OfxStatus paramEditBegin(OfxParamSetHandle set, const char *) {
  return ParamSet::fromHandle(set) != nullptr ? kOfxStatOK : kOfxStatErrBadHandle;
}
OfxStatus paramEditEnd(OfxParamSetHandle set) { return ParamSet::fromHandle(set) != nullptr ? kOfxStatOK : kOfxStatErrBadHandle; }

const OfxParameterSuiteV1 kSuite = {
    // the variadic value functions guard their own bodies (guardSuiteCall)
    guarded<paramDefine>, guarded<paramGetHandle>, guarded<paramSetGetPropertySet>,
    guarded<paramGetPropertySet>, paramGetValue, paramGetValueAtTime, paramGetDerivative, paramGetIntegral,
    paramSetValue, paramSetValueAtTime, guarded<paramGetNumKeys>, guarded<paramGetKeyTime>,
    guarded<paramGetKeyIndex>, guarded<paramDeleteKey>, guarded<paramDeleteAllKeys>, guarded<paramCopy>,
    guarded<paramEditBegin>, guarded<paramEditEnd>,
};

}  // namespace

const OfxParameterSuiteV1 *parameterSuiteV1() { return &kSuite; }

}  // namespace ofxhost
