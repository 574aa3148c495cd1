// progress_suite.cpp — OfxProgressSuiteV1/V2: progress is printed in verbose mode; a batch host
// never cancels, so progressUpdate always answers "continue".
#include "effect.hpp"
#include "message_log.hpp"
#include "suites.hpp"
#include "suite_guard.hpp"

#include <cstdio>

namespace ofxhost {
namespace {

OfxStatus start(void *instance, const char *label) {
  if (Effect::fromHandle(instance) == nullptr) return kOfxStatErrBadHandle;
  if (verbose()) std::fprintf(stderr, "[ofx progress] %s: %s\n", Effect::fromHandle(instance)->pluginId().c_str(), label ? label : "");
  return kOfxStatOK;
}
OfxStatus startV2(void *instance, const char *label, const char *) { return start(instance, label); }

OfxStatus update(void *instance, double progress) {
  if (Effect::fromHandle(instance) == nullptr) return kOfxStatErrBadHandle;
  if (verbose()) std::fprintf(stderr, "[ofx progress] %.0f%%\n", progress * 100.0);
  return kOfxStatOK;
}

OfxStatus end(void *instance) { return Effect::fromHandle(instance) != nullptr ? kOfxStatOK : kOfxStatErrBadHandle; }

const OfxProgressSuiteV1 kV1 = {guarded<start>, guarded<update>, guarded<end>};
const OfxProgressSuiteV2 kV2 = {guarded<startV2>, guarded<update>, guarded<end>};

}  // namespace

const OfxProgressSuiteV1 *progressSuiteV1() { return &kV1; }
const OfxProgressSuiteV2 *progressSuiteV2() { return &kV2; }

}  // namespace ofxhost
