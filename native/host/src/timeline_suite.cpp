// timeline_suite.cpp — OfxTimeLineSuiteV1 over the instance's timeline (the frames rendered).
#include "action_context.hpp"
#include "effect.hpp"
#include "suites.hpp"
#include "suite_guard.hpp"

namespace ofxhost {
namespace {

OfxStatus getTime(void *instance, double *time) {
  Effect *e = Effect::fromHandle(instance);
  if (e == nullptr || time == nullptr) return kOfxStatErrBadHandle;
  *time = currentTimeFor(e);
  return kOfxStatOK;
}

OfxStatus gotoTime(void *instance, double time) {
  Effect *e = Effect::fromHandle(instance);
  if (e == nullptr) return kOfxStatErrBadHandle;
  e->timelineTime = time;
  return kOfxStatOK;
}

OfxStatus getTimeBounds(void *instance, double *first, double *last) {
  Effect *e = Effect::fromHandle(instance);
  if (e == nullptr || first == nullptr || last == nullptr) return kOfxStatErrBadHandle;
  *first = e->firstFrame;
  *last = e->lastFrame;
  return kOfxStatOK;
}

const OfxTimeLineSuiteV1 kSuite = {guarded<getTime>, guarded<gotoTime>, guarded<getTimeBounds>};

}  // namespace

const OfxTimeLineSuiteV1 *timeLineSuiteV1() { return &kSuite; }

}  // namespace ofxhost
