// The official OpenFX Support library (vendored in third_party/openfx) as a client: its Invert
// example loads, describes and renders through ofxhost. Also the raw-API Rectangle example, whose
// default rectangle is given in normalised coordinates. The Support library reads every host
// property it knows at Load and fails Describe with kOfxStatErrMissingHostFeature when one is
// missing, so this is the test that the host description is complete (issue 16 item 3).
#include "host.hpp"
#include "image_io.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace ofxhost;

namespace {

const char *kInvert = "net.sf.openfx.invertPlugin";

// Invert computes max - value on every channel of the premultiplied image, alpha included.
FloatImage inverted(const FloatImage &in) {
  FloatImage out = in;
  for (float &v : out.pixels) v = 1.0f - v;
  return out;
}

class OpenFxSupport : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = test::workDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    input = dir + "/in.exr";  // EXR keeps premultiplied values as they are: no straight-alpha round trip
    picture = test::makePicture(53, 29);
    writeImage(input, picture);
  }
  int render(const std::string &output, std::vector<std::string> extra, std::string *err) {
    std::vector<std::string> args{"render", "--node", kInvert, "--input", input, "--output", output,
                                  "--plugin-path", test::openfxPluginDir()};
    args.insert(args.end(), extra.begin(), extra.end());
    return test::runHost(args, nullptr, err);
  }
  std::string dir, input;
  FloatImage picture;
};

}  // namespace

TEST_F(OpenFxSupport, TheInvertExampleIsListedWithItsSupportLibraryDescription) {
  std::string out, err;
  ASSERT_EQ(test::runHost({"list", "--json", "--plugin-path", test::openfxPluginDir()}, &out, &err), 0) << err;
  EXPECT_NE(out.find("\"identifier\":\"net.sf.openfx.invertPlugin\""), std::string::npos) << out << err;
  EXPECT_NE(out.find("\"label\":\"Invert\""), std::string::npos) << out;
}

TEST_F(OpenFxSupport, FloatRenderInvertsEveryChannel) {
  std::string err;
  ASSERT_EQ(render(dir + "/out.exr", {}, &err), 0) << err;
  const FloatImage out = readImage(dir + "/out.exr");
  ASSERT_EQ(out.width(), 53);
  ASSERT_EQ(out.height(), 29);
  EXPECT_LT(test::maxDifference(out, inverted(picture)), 1e-6);
  // A pixel by value, so a no-op or a copy cannot pass: 1 - 0.25 alpha at the left edge.
  EXPECT_NEAR(out.at(0, 0)[3], 1.0f - picture.at(0, 0)[3], 1e-6);
  EXPECT_GT(out.at(0, 0)[3], 0.7f);
}

TEST_F(OpenFxSupport, ByteAndShortRendersInvertWithinOneCodeValue) {
  for (const char *depth : {"byte", "short"}) {
    std::string err;
    const std::string output = dir + "/out_" + depth + ".exr";
    ASSERT_EQ(render(output, {"--depth", depth}, &err), 0) << depth << ": " << err;
    EXPECT_LT(test::maxDifference(readImage(output), inverted(picture)), std::string(depth) == "byte" ? 1.0 / 255 + 1e-6 : 1.0 / 65535 + 1e-6)
        << depth;
  }
}

TEST_F(OpenFxSupport, TiledThreadedRenderMatchesTheWholeFrame) {
  std::string err;
  ASSERT_EQ(render(dir + "/out.exr", {"--tile", "16", "--threads", "3"}, &err), 0) << err;
  EXPECT_LT(test::maxDifference(readImage(dir + "/out.exr"), inverted(picture)), 1e-6);
}

// Every host property OFX::Private::fetchHostDescription (ofxsImageEffect.cpp) reads, with the
// dimension it reads: the render test above fails on the first one missing, this names it.
TEST(HostDescription, AdvertisesEveryPropertyTheSupportLibraryReads) {
  configureHost(HostIdentity{});
  const PropertySet &p = hostProperties();
  const std::vector<std::pair<const char *, int>> read = {
      {kOfxPropAPIVersion, 2}, {kOfxPropName, 1}, {kOfxPropLabel, 1}, {kOfxPropVersion, 3}, {kOfxPropVersionLabel, 1},
      {kOfxImageEffectHostPropIsBackground, 1}, {kOfxImageEffectPropSupportsOverlays, 1},
      {kOfxImageEffectPropSupportsMultiResolution, 1}, {kOfxImageEffectPropSupportsTiles, 1},
      {kOfxImageEffectPropTemporalClipAccess, 1}, {kOfxImageEffectPropSupportsMultipleClipDepths, 1},
      {kOfxImageEffectPropSupportsMultipleClipPARs, 1}, {kOfxImageEffectPropSetableFrameRate, 1},
      {kOfxImageEffectPropSetableFielding, 1}, {kOfxImageEffectInstancePropSequentialRender, 1},
      {kOfxParamHostPropSupportsStringAnimation, 1}, {kOfxParamHostPropSupportsCustomInteract, 1},
      {kOfxParamHostPropSupportsChoiceAnimation, 1}, {kOfxParamHostPropSupportsStrChoice, 1},
      {kOfxParamHostPropSupportsStrChoiceAnimation, 1}, {kOfxParamHostPropSupportsBooleanAnimation, 1},
      {kOfxParamHostPropSupportsCustomAnimation, 1}, {kOfxPropHostOSHandle, 1},
      {kOfxParamHostPropSupportsParametricAnimation, 1}, {kOfxImageEffectPropOpenCLRenderSupported, 1},
      {kOfxImageEffectPropCudaRenderSupported, 1}, {kOfxImageEffectPropCudaStreamSupported, 1},
      {kOfxImageEffectPropMetalRenderSupported, 1}, {kOfxImageEffectPropRenderQualityDraft, 1},
      {kOfxImageEffectHostPropNativeOrigin, 1}, {kOfxImageEffectPropOpenGLRenderSupported, 1},
      {kOfxParamHostPropMaxParameters, 1}, {kOfxParamHostPropMaxPages, 1}, {kOfxParamHostPropPageRowColumnCount, 2},
  };
  for (const auto &[name, dim] : read) {
    EXPECT_TRUE(p.has(name)) << name;
    EXPECT_GE(p.dim(name), dim) << name;
  }
  EXPECT_GT(p.dim(kOfxImageEffectPropSupportedComponents), 0);
  EXPECT_GT(p.dim(kOfxImageEffectPropSupportedContexts), 0);
  EXPECT_GT(p.dim(kOfxImageEffectPropSupportedPixelDepths), 0);
  EXPECT_EQ(p.str(kOfxImageEffectHostPropNativeOrigin), "kOfxImageEffectHostPropNativeOriginBottomLeft");
  EXPECT_EQ(p.integer(kOfxParamHostPropSupportsStrChoice), 1);
}

// Rectangle's corners default to (0.4, 0.4) and (0.6, 0.6) of the project (normalised,
// XYAbsolute); it paints opaque black there over the source. Read as canonical values the
// rectangle is smaller than a pixel and nothing is drawn (issue 16 item 5). At PAR 2 the project
// is 200 canonical units wide and the plug-in divides by the image PAR: the same pixels.
TEST_F(OpenFxSupport, RectangleDrawsAtItsNormalisedDefaultCorners) {
  for (const char *par : {"1", "2"}) {
    picture = test::makePicture(100, 50);
    writeImage(input, picture);
    std::string err;
    const std::string output = dir + "/rect_" + par + ".exr";
    ASSERT_EQ(test::runHost({"render", "--node", "uk.co.thefoundry.GeneratorExample", "--input", input, "--output", output,
                             "--plugin-path", test::openfxPluginDir(), "--pixel-aspect", par},
                            nullptr, &err),
              0)
        << err;
    const FloatImage out = readImage(output);
    ASSERT_EQ(out.width(), 100) << par;
    ASSERT_EQ(out.height(), 50) << par;
    int painted = 0;
    for (int y = 0; y < 50; ++y)
      for (int x = 0; x < 100; ++x) {
        const bool inside = x >= 40 && x < 60 && y >= 20 && y < 30;
        const float *o = out.at(x, y), *s = picture.at(x, y);
        if (inside) {
          // Alpha is composited as a + 1 - a: 1 within float rounding.
          painted += o[0] == 0.0f && o[1] == 0.0f && o[2] == 0.0f && std::fabs(o[3] - 1.0f) < 1e-6f;
        } else {
          for (int k = 0; k < 4; ++k) ASSERT_EQ(o[k], s[k]) << "PAR " << par << " pixel " << x << "," << y;
        }
      }
    EXPECT_EQ(painted, 20 * 10) << "PAR " << par;
  }
}
