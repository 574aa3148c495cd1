// End to end: ofxhost (in-process) loads the C test plug-in bundle and renders through it.
#include "image_io.hpp"
#include "message_log.hpp"
#include "plugin.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace ofxhost;
namespace fs = std::filesystem;

namespace {

const char *kGain = "io.enhance.test.Gain";
const char *kNoTiles = "io.enhance.test.GainNoTiles";

// The picture with colour multiplied by `gain` (alpha kept): what the Gain plug-in computes.
FloatImage gained(const FloatImage &in, double gain) {
  FloatImage out = in;
  for (size_t i = 0; i < out.pixels.size(); i += 4)
    for (size_t k = 0; k < 3; ++k) out.pixels[i + k] = static_cast<float>(out.pixels[i + k] * gain);
  return out;
}

class EndToEnd : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = test::workDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    input = dir + "/in.exr";
    picture = test::makePicture(61, 37);
    writeImage(input, picture);
    clearPostedMessages();
  }
  // Renders through one Gain node with `extra` options; returns the exit code.
  int render(const std::string &plugin, const std::string &output, std::vector<std::string> extra, std::string *err = nullptr) {
    std::vector<std::string> args{"render", "--node", plugin + ":g", "--input", input, "--output", output};
    args.insert(args.end(), extra.begin(), extra.end());
    std::string e;
    const int rc = test::runHost(args, nullptr, &e);
    if (err != nullptr) *err = e;
    if (rc != 0 && err == nullptr) ADD_FAILURE() << e;
    return rc;
  }
  std::string dir, input;
  FloatImage picture;
};

}  // namespace

TEST_F(EndToEnd, ListDescribesBothPluginsAsJsonAndText) {
  std::string out;
  ASSERT_EQ(test::runHost({"list", "--json"}, &out), 0);
  EXPECT_NE(out.find("\"identifier\":\"io.enhance.test.Gain\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"identifier\":\"io.enhance.test.GainNoTiles\""), std::string::npos);
  EXPECT_NE(out.find("\"version\":[1,2]"), std::string::npos);
  EXPECT_NE(out.find("{\"name\":\"gain\",\"type\":\"OfxParamTypeDouble\",\"label\":\"Gain\",\"default\":[1],\"animates\":true}"),
            std::string::npos);
  EXPECT_NE(out.find("\"options\":[\"multiply\",\"invert\"]"), std::string::npos);
  EXPECT_NE(out.find("\"default\":\"hello\""), std::string::npos);
  ASSERT_EQ(test::runHost({"list"}, &out), 0);
  EXPECT_NE(out.find("io.enhance.test.GainNoTiles  version 1.0"), std::string::npos) << out;
  EXPECT_NE(out.find("tint  OfxParamTypeRGB  default=1,1,1  animates=yes"), std::string::npos) << out;
}

// Issue 17: the frame counter used to overflow past INT_MAX and the render never ended.
TEST_F(EndToEnd, TheLastFramesBeforeTheIntegerLimitRenderAndTheHostStops) {
  ASSERT_EQ(render(kGain, dir + "/out.##########.exr", {"--frames", "2147483646-2147483647"}), 0);
  EXPECT_TRUE(fs::exists(dir + "/out.2147483646.exr"));
  EXPECT_TRUE(fs::exists(dir + "/out.2147483647.exr"));
}

TEST_F(EndToEnd, StaticGainMultipliesColour) {
  ASSERT_EQ(render(kGain, dir + "/out.exr", {"--param", "g.gain=2"}), 0);
  EXPECT_LT(test::maxDifference(readImage(dir + "/out.exr"), gained(picture, 2.0)), 1e-5);
}

TEST_F(EndToEnd, KeyframedGainIsReadAtEachFrameAndHeldAfterTheLastKey) {
  ASSERT_EQ(render(kGain, dir + "/out.####.exr", {"--key", "g.gain@0=1", "--key", "g.gain@10=3", "--frames", "4-5"}), 0);
  EXPECT_LT(test::maxDifference(readImage(dir + "/out.0004.exr"), gained(picture, 1.8)), 1e-5);
  EXPECT_LT(test::maxDifference(readImage(dir + "/out.0005.exr"), gained(picture, 2.0)), 1e-5);
  ASSERT_EQ(render(kGain, dir + "/late.%02d.exr", {"--key", "g.gain@0=1", "--key", "g.gain@10=3", "--frames", "14"}), 0);
  EXPECT_LT(test::maxDifference(readImage(dir + "/late.14.exr"), gained(picture, 3.0)), 1e-5);
}

TEST_F(EndToEnd, TiledRenderOnThreadsEqualsUntiled) {
  const std::vector<std::string> params{"--param", "g.gain=1.5", "--param", "g.tint=1,0.5,2"};
  ASSERT_EQ(render(kGain, dir + "/whole.exr", params), 0);
  std::vector<std::string> tiled = params;
  tiled.insert(tiled.end(), {"--tile", "16", "--threads", "3"});
  ASSERT_EQ(render(kGain, dir + "/tiled.exr", tiled), 0);
  const FloatImage whole = readImage(dir + "/whole.exr");
  EXPECT_EQ(test::maxDifference(readImage(dir + "/tiled.exr"), whole), 0.0);
  FloatImage expected = gained(picture, 1.5);
  for (size_t i = 0; i < expected.pixels.size(); i += 4) expected.pixels[i + 1] *= 0.5f, expected.pixels[i + 2] *= 2.0f;
  EXPECT_LT(test::maxDifference(whole, expected), 1e-5);
}

TEST_F(EndToEnd, TilesFetchTheirInputsByRegionOfInterest) {
  // shift=5 reads 5 pixels left of each tile: without RoI-based fetching tile edges go black.
  ASSERT_EQ(render(kGain, dir + "/whole.exr", {"--param", "g.shift=5"}), 0);
  ASSERT_EQ(render(kGain, dir + "/tiled.exr", {"--param", "g.shift=5", "--tile", "8", "--threads", "3"}), 0);
  const FloatImage whole = readImage(dir + "/whole.exr");
  EXPECT_EQ(test::maxDifference(readImage(dir + "/tiled.exr"), whole), 0.0);
  EXPECT_EQ(whole.at(4, 10)[3], 0.0f);  // shifted in from outside the source
  for (int k = 0; k < 4; ++k) EXPECT_NEAR(whole.at(8, 10)[k], picture.at(3, 10)[k], 1e-6);
}

TEST_F(EndToEnd, ImagesFetchedFromAThreadThePluginStartedAreTheSame) {
  ASSERT_EQ(render(kGain, dir + "/foreign.exr", {"--param", "g.gain=2", "--param", "g.foreignThread=1", "--tile", "20"}), 0);
  EXPECT_LT(test::maxDifference(readImage(dir + "/foreign.exr"), gained(picture, 2.0)), 1e-5);
}

TEST_F(EndToEnd, PluginWithoutTilesRendersWholeFramesEvenWhenTilesAreAsked) {
  ASSERT_EQ(render(kNoTiles, dir + "/whole.exr", {"--param", "g.gain=0.5"}), 0);
  ASSERT_EQ(render(kNoTiles, dir + "/tiled.exr", {"--param", "g.gain=0.5", "--tile", "8", "--threads", "4"}), 0);
  EXPECT_EQ(test::maxDifference(readImage(dir + "/tiled.exr"), readImage(dir + "/whole.exr")), 0.0);
}

TEST_F(EndToEnd, HalfRenderScaleRendersTheDownscaledPicture) {
  ASSERT_EQ(render(kGain, dir + "/half.exr", {"--param", "g.gain=2", "--render-scale", "0.5"}), 0);
  const FloatImage half = readImage(dir + "/half.exr");
  EXPECT_TRUE(half.bounds == (OfxRectI{0, 0, 31, 19}));
  EXPECT_LT(test::maxDifference(half, gained(resampleToScale(picture, OfxPointD{0.5, 0.5}), 2.0)), 1e-5);
}

TEST_F(EndToEnd, ByteShortAndFloatDepthsQuantiseAsExpected) {
  ASSERT_EQ(render(kGain, dir + "/float.exr", {"--param", "g.gain=1.1", "--depth", "float"}), 0);
  const FloatImage asFloat = readImage(dir + "/float.exr");
  const struct {
    const char *depth;
    double step;
  } cases[] = {{"byte", 1.0 / 255.0}, {"short", 1.0 / 65535.0}};
  for (const auto &c : cases) {
    const std::string out = dir + "/" + c.depth + ".exr";
    ASSERT_EQ(render(kGain, out, {"--param", "g.gain=1.1", "--depth", c.depth}), 0);
    const FloatImage img = readImage(out);
    // Input and output are each rounded to the depth's step: at most 1.1 * 0.5 + 0.5 steps off
    // (gain 1.1 keeps every value of the picture below 1, so nothing clamps).
    EXPECT_LT(test::maxDifference(img, asFloat), 1.06 * c.step) << c.depth;
    EXPECT_GT(test::maxDifference(img, asFloat), 0.05 * c.step) << c.depth << " was not quantised";
  }
}

TEST_F(EndToEnd, RgbAndAlphaComponents) {
  ASSERT_EQ(render(kGain, dir + "/rgb.exr", {"--param", "g.gain=0.5", "--components", "RGB"}), 0);
  const FloatImage rgb = readImage(dir + "/rgb.exr");
  ASSERT_TRUE(rgb.bounds == picture.bounds);
  EXPECT_FLOAT_EQ(rgb.at(10, 10)[3], 1.0f);  // RGB images come back opaque
  EXPECT_NEAR(rgb.at(10, 10)[0], picture.at(10, 10)[0] * 0.5f, 1e-6);
  ASSERT_EQ(render(kGain, dir + "/alpha.exr", {"--param", "g.gain=0.5", "--components", "Alpha"}), 0);
  const FloatImage alpha = readImage(dir + "/alpha.exr");
  EXPECT_NEAR(alpha.at(10, 10)[3], picture.at(10, 10)[3] * 0.5f, 1e-6);
}

TEST_F(EndToEnd, RegionOfDefinitionIsHonouredExceptOnResolveEditAndColorPages) {
  ASSERT_EQ(render(kGain, dir + "/pad.exr", {"--param", "g.pad=4"}), 0);
  const FloatImage padded = readImage(dir + "/pad.exr");
  EXPECT_EQ(padded.width(), 69);
  EXPECT_EQ(padded.height(), 45);
  EXPECT_EQ(padded.at(0, 0)[3], 0.0f);  // outside the source: transparent
  EXPECT_NEAR(padded.at(4, 4)[0], picture.at(0, 0)[0], 1e-6);
  ASSERT_EQ(render(kGain, dir + "/edit.exr", {"--param", "g.pad=4", "--host-name", "DaVinciResolve", "--resolve-page", "Edit"}), 0);
  EXPECT_EQ(readImage(dir + "/edit.exr").width(), 61);
  bool sawPage = false;
  for (const auto &m : postedMessages()) sawPage = sawPage || (m.pluginId == kGain && m.text == "resolve page Edit");
  EXPECT_TRUE(sawPage) << "CreateInstance inArgs carried no OfxImageEffectPropResolvePage";
  ASSERT_EQ(render(kGain, dir + "/fusion.exr", {"--param", "g.pad=4", "--resolve-page", "Fusion"}), 0);
  EXPECT_EQ(readImage(dir + "/fusion.exr").width(), 69);
}

TEST_F(EndToEnd, ChainFeedsEachOutputIntoTheNextSource) {
  std::string err;
  const int rc = test::runHost({"render", "--node", std::string(kGain) + ":a", "--node", std::string(kGain) + ":b", "--input", input,
                                "--output", dir + "/chain.exr", "--param", "a.gain=2", "--param", "b.gain=1.5"},
                               nullptr, &err);
  ASSERT_EQ(rc, 0) << err;
  EXPECT_LT(test::maxDifference(readImage(dir + "/chain.exr"), gained(picture, 3.0)), 1e-5);
}

TEST_F(EndToEnd, ChoiceByOptionNameAndInputClipOverride) {
  const std::string other = dir + "/other.exr";
  writeImage(other, gained(picture, 0.25));
  ASSERT_EQ(render(kGain, dir + "/inv.exr", {"--param", "g.mode=invert", "--input-clip", "g.Source=" + other}), 0);
  const FloatImage inv = readImage(dir + "/inv.exr");
  const float *src = picture.at(20, 11);
  EXPECT_NEAR(inv.at(20, 11)[0], src[3] - 0.25f * src[0], 1e-5);  // premultiplied invert of the other file
}

TEST_F(EndToEnd, FailingRenderPrintsItsMessageAndExitsWithTwo) {
  std::string err;
  EXPECT_EQ(render(kGain, dir + "/fail.exr", {"--param", "g.fail=true"}, &err), 2);
  EXPECT_NE(err.find("kOfxStatFailed (1)"), std::string::npos) << err;
  EXPECT_NE(err.find(kGain), std::string::npos);
  bool posted = false;
  for (const auto &m : postedMessages()) posted = posted || (m.type == "ERROR" && m.text == "asked to fail at frame 0");
  EXPECT_TRUE(posted);
  EXPECT_FALSE(fs::exists(dir + "/fail.exr"));
}

TEST_F(EndToEnd, UnsupportedDepthIsRefusedUnlessForced) {
  std::string err;
  EXPECT_EQ(render(kNoTiles, dir + "/b.exr", {"--depth", "byte"}, &err), 3);
  EXPECT_NE(err.find("does not support pixel depth OfxBitDepthByte"), std::string::npos) << err;
  EXPECT_EQ(render(kNoTiles, dir + "/b.exr", {"--depth", "byte", "--force-depth"}, &err), 2);
  EXPECT_NE(err.find("kOfxStatErrImageFormat"), std::string::npos) << err;
}

TEST_F(EndToEnd, UserErrorsExitWithClearMessages) {
  std::string err;
  EXPECT_EQ(render("io.enhance.test.Missing", dir + "/x.exr", {}, &err), 3);
  EXPECT_NE(err.find("no plug-in with identifier 'io.enhance.test.Missing'"), std::string::npos) << err;
  EXPECT_EQ(render(kGain, dir + "/x.exr", {"--param", "g.nope=1"}, &err), 3);
  EXPECT_NE(err.find("has no parameter 'nope'"), std::string::npos) << err;
  EXPECT_EQ(render(kGain, dir + "/x.exr", {"--param", "g.tint=1,2"}, &err), 3);
  EXPECT_NE(err.find("needs 3 value(s)"), std::string::npos) << err;
  EXPECT_EQ(render(kGain, dir + "/x.exr", {"--input-clip", "g.Matte=" + input}, &err), 3);
  EXPECT_NE(err.find("no input clip named 'Matte'"), std::string::npos) << err;
  EXPECT_EQ(render(kGain, dir + "/x.exr", {"--frames", "1-2"}, &err), 1);
  EXPECT_EQ(render(kGain, dir + "/x.exr", {"--key", "g.fail@3=1"}, &err), 3);
  EXPECT_NE(err.find("does not animate"), std::string::npos) << err;
}

TEST(Discovery, SearchesRecursivelyAndSkipsAtDirectories) {
  const std::string root = test::workDir("discovery");
  const fs::path bundle = fs::path(OFXHOST_TEST_PLUGIN_DIR) / "Gain.ofx.bundle";
  fs::create_directories(root + "/nested/deeper");
  fs::create_directories(root + "/@disabled");
  fs::copy(bundle, root + "/@disabled/Gain.ofx.bundle", fs::copy_options::recursive);
  {
    PluginCache hidden;
    hidden.discover({root});
    EXPECT_TRUE(hidden.plugins().empty());
  }
  fs::copy(bundle, root + "/nested/deeper/Gain.ofx.bundle", fs::copy_options::recursive);
  PluginCache cache;
  cache.discover({root});
  ASSERT_EQ(cache.plugins().size(), 2u);
  ASSERT_NE(cache.find(kGain), nullptr);
  EXPECT_NE(cache.find(kGain)->binaryPath.find("nested/deeper/Gain.ofx.bundle/Contents/Linux-x86-64/Gain.ofx"), std::string::npos);
  EXPECT_EQ(cache.find(kGain)->versionMinor, 2u);
}

TEST(Discovery, OfxPluginPathComesFirst) {
  setenv("OFX_PLUGIN_PATH", "/first:/second", 1);
  const std::vector<std::string> dirs = PluginCache::searchPath({"/extra"});
  unsetenv("OFX_PLUGIN_PATH");
  EXPECT_EQ(dirs, (std::vector<std::string>{"/first", "/second", "/extra", "/usr/OFX/Plugins"}));
}

// --gpu opencl hands cl_mem buffers only to plug-ins that declare OpenCL render support; the
// Gain test plug-in does not, so it must still get CPU images and render exactly as without it.
TEST_F(EndToEnd, OpenClModeGivesCpuImagesToPluginsWithoutOpenClSupport) {
  ASSERT_EQ(render(kGain, dir + "/cpu.exr", {"--param", "g.gain=2"}), 0);
  std::string err;
  ASSERT_EQ(render(kGain, dir + "/opencl.exr", {"--param", "g.gain=2", "--gpu", "opencl"}, &err), 0) << err;
  EXPECT_EQ(test::maxDifference(readImage(dir + "/opencl.exr"), readImage(dir + "/cpu.exr")), 0.0);
}

// OFX 1.5 StrChoice: set on the command line by option text or by enum, listed with both.
TEST_F(EndToEnd, StringChoiceByOptionTextOrEnum) {
  ASSERT_EQ(render(kGain, dir + "/choice.exr", {"--param", "g.mode=invert"}), 0);
  ASSERT_EQ(render(kGain, dir + "/text.exr", {"--param", "g.operation=Invert colour"}), 0);
  ASSERT_EQ(render(kGain, dir + "/enum.exr", {"--param", "g.operation=invert"}), 0);
  ASSERT_EQ(render(kGain, dir + "/default.exr", {}), 0);
  const FloatImage inverted = readImage(dir + "/choice.exr");
  EXPECT_GT(test::maxDifference(inverted, picture), 0.1) << "invert must change the picture";
  EXPECT_EQ(test::maxDifference(readImage(dir + "/text.exr"), inverted), 0.0);
  EXPECT_EQ(test::maxDifference(readImage(dir + "/enum.exr"), inverted), 0.0);
  EXPECT_LT(test::maxDifference(readImage(dir + "/default.exr"), picture), 1e-6) << "default: the first enum, multiply";
  std::string err;
  EXPECT_EQ(render(kGain, dir + "/bad.exr", {"--param", "g.operation=Sideways"}, &err), 3);
  EXPECT_NE(err.find("give one of: multiply (Multiply colour), invert (Invert colour)"), std::string::npos) << err;
  std::string out;
  ASSERT_EQ(test::runHost({"list", "--json"}, &out), 0);
  EXPECT_NE(out.find("{\"name\":\"operation\",\"type\":\"OfxParamTypeStrChoice\",\"label\":\"operation\",\"default\":\"\","
                     "\"animates\":false,\"options\":[\"Multiply colour\",\"Invert colour\"],\"enums\":[\"multiply\",\"invert\"]}"),
            std::string::npos)
      << out;
}
