// test_support.hpp — helpers shared by the host's image and end-to-end tests.
#pragma once

#include "float_image.hpp"

#include <string>
#include <vector>

namespace ofxhost::test {

// A per-test scratch directory under the build tree (created empty).
std::string workDir(const std::string &name);
// A deterministic test picture: smooth colour ramps, pseudo-random texture and an alpha ramp
// (some pixels half transparent), premultiplied, w x h at origin 0,0.
FloatImage makePicture(int w, int h);
// Largest absolute difference over all channels; bounds must match (else +inf).
double maxDifference(const FloatImage &a, const FloatImage &b);
// Where the official OpenFX Support library's Invert example bundle is built (third_party/openfx).
std::string openfxPluginDir();
// Runs ofxhost in-process with the test plug-in bundle directory on the search path.
int runHost(const std::vector<std::string> &args, std::string *out = nullptr, std::string *err = nullptr);

}  // namespace ofxhost::test
