// test_support.cpp — see test_support.hpp.
#include "test_support.hpp"

#include "app.hpp"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <sstream>

namespace ofxhost::test {

namespace {
// The build tree's folders, unless the environment names others: tools/gpu-check.sh runs this
// binary on a GPU machine where the build tree does not exist.
std::string folder(const char *variable, const char *builtIn) {
  const char *value = std::getenv(variable);
  return value != nullptr && *value != '\0' ? value : builtIn;
}
}  // namespace

std::string workDir(const std::string &name) {
  const std::filesystem::path dir = std::filesystem::path(folder("OFXHOST_TEST_WORK_DIR", OFXHOST_TEST_WORK_DIR)) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

FloatImage makePicture(int w, int h) {
  FloatImage img(OfxRectI{0, 0, w, h});
  uint32_t state = 12345u;  // xorshift: the same texture every run
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      state ^= state << 13, state ^= state >> 17, state ^= state << 5;
      const float noise = static_cast<float>(state % 1000u) / 1000.0f * 0.2f;
      const float a = 0.25f + 0.75f * static_cast<float>(x) / static_cast<float>(w - 1);
      float *p = img.at(x, y);
      p[0] = (0.1f + 0.6f * static_cast<float>(x) / static_cast<float>(w) + noise) * a;
      p[1] = (0.2f + 0.5f * static_cast<float>(y) / static_cast<float>(h)) * a;
      p[2] = (0.3f + 0.3f * std::sin(0.3f * static_cast<float>(x + y)) + noise) * a;
      p[3] = a;
    }
  return img;
}

double maxDifference(const FloatImage &a, const FloatImage &b) {
  if (!(a.bounds == b.bounds)) return std::numeric_limits<double>::infinity();
  double m = 0;
  for (size_t i = 0; i < a.pixels.size(); ++i) m = std::max(m, std::fabs(static_cast<double>(a.pixels[i]) - b.pixels[i]));
  return m;
}

std::string openfxPluginDir() { return folder("OFXHOST_TEST_OPENFX_PLUGIN_DIR", OFXHOST_TEST_OPENFX_PLUGIN_DIR); }

int runHost(const std::vector<std::string> &args, std::string *out, std::string *err) {
  std::vector<std::string> all = args;
  all.emplace_back("--plugin-path");
  all.emplace_back(folder("OFXHOST_TEST_PLUGIN_DIR", OFXHOST_TEST_PLUGIN_DIR));
  all.emplace_back("--no-default-paths");  // installed plug-ins must not change test results
  std::ostringstream o, e;
  const int rc = runOfxhost(all, o, e);
  if (out != nullptr) *out = o.str();
  if (err != nullptr) *err = e.str();
  return rc;
}

}  // namespace ofxhost::test
