// suite_guard.hpp — no C++ exception may cross a suite function back into a plug-in.
//
// Plug-ins are C or C++ built by someone else: an exception unwinding through their frames is
// std::terminate (SIGABRT) at best. Every suite function that can throw (allocation, an input
// file that cannot be read behind clipGetImage, an upstream node's failure) is wrapped: the
// exception becomes an OFX status and a line on stderr. Where the host needs the failure itself
// (clip images), EffectNode also keeps it and rethrows it after the plug-in's action returns.
#pragma once

#include "enhance/ofx_abi.h"

#include <cstdio>
#include <exception>
#include <new>

namespace ofxhost {

// The status for the exception being handled (call only inside a catch block).
inline OfxStatus statusForCurrentException() noexcept {
  try {
    throw;
  } catch (const std::bad_alloc &) {
    std::fprintf(stderr, "[ofxhost] out of memory inside a suite call\n");
    return kOfxStatErrMemory;
  } catch (const std::exception &e) {
    std::fprintf(stderr, "[ofxhost] %s (inside a suite call)\n", e.what());
    return kOfxStatFailed;
  } catch (...) {
    std::fprintf(stderr, "[ofxhost] unknown exception inside a suite call\n");
    return kOfxStatFailed;
  }
}

// Runs `body` (returning OfxStatus) and turns any exception into a status.
template <class F>
OfxStatus guardSuiteCall(F &&body) noexcept {
  try {
    return body();
  } catch (...) {
    return statusForCurrentException();
  }
}

// guarded<fn>: the same signature as `fn`, for a suite table, with the exception barrier.
// Only for functions returning OfxStatus (not the variadic ones: they use guardSuiteCall).
template <auto Fn>
struct Guarded;
template <class... A, OfxStatus (*Fn)(A...)>
struct Guarded<Fn> {
  static OfxStatus call(A... args) noexcept { return guardSuiteCall([&] { return Fn(args...); }); }
};
template <auto Fn>
constexpr auto guarded = &Guarded<Fn>::call;

}  // namespace ofxhost
