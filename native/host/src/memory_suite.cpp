// memory_suite.cpp — OfxMemorySuiteV1 (64-byte aligned so plug-ins can use aligned SIMD loads).
#include "suites.hpp"
#include "suite_guard.hpp"

#include <cstdlib>

namespace ofxhost {
namespace {

OfxStatus memoryAlloc(void *, size_t n, void **out) {
  if (out == nullptr) return kOfxStatErrValue;
  *out = std::aligned_alloc(64, ((n + 63) / 64) * 64 + 64);
  return *out != nullptr ? kOfxStatOK : kOfxStatErrMemory;
}

OfxStatus memoryFree(void *p) {
  std::free(p);
  return kOfxStatOK;
}

const OfxMemorySuiteV1 kSuite = {guarded<memoryAlloc>, guarded<memoryFree>};

}  // namespace

const OfxMemorySuiteV1 *memorySuiteV1() { return &kSuite; }

}  // namespace ofxhost
