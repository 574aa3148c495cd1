// --pixel-aspect R (issue 16 item 2, host half): the project, every clip and every image carry
// the pixel aspect ratio, and host geometry follows OFX's canonical x = pixel x * PAR / scale.
#include "cli.hpp"
#include "host.hpp"
#include "image_io.hpp"
#include "node_graph.hpp"
#include "plugin.hpp"
#include "suites.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace ofxhost;

namespace {

const char *kGain = "io.enhance.test.Gain";
const double kPal = 768.0 / 720.0;  // PAL 4:3 pixels (1.0666667 on the command line)

class PixelAspect : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = test::workDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    input = dir + "/in.exr";
    picture = test::makePicture(720, 576);
    writeImage(input, picture);
  }
  int render(const std::string &output, std::vector<std::string> extra, std::string *err) {
    std::vector<std::string> args{"render", "--node", std::string(kGain) + ":g", "--input", input, "--output", output};
    args.insert(args.end(), extra.begin(), extra.end());
    return test::runHost(args, nullptr, err);
  }
  std::string dir, input;
  FloatImage picture;
};

}  // namespace

TEST_F(PixelAspect, PalInputRendersAtItsPixelSizeAndMatchesTheSquarePixelRender) {
  std::string err;
  ASSERT_EQ(render(dir + "/square.exr", {"--param", "g.gain=2"}, &err), 0) << err;
  ASSERT_EQ(render(dir + "/pal.exr", {"--param", "g.gain=2", "--pixel-aspect", "1.0666667"}, &err), 0) << err;
  const FloatImage pal = readImage(dir + "/pal.exr");
  EXPECT_EQ(pal.width(), 720);
  EXPECT_EQ(pal.height(), 576);
  EXPECT_EQ(test::maxDifference(pal, readImage(dir + "/square.exr")), 0.0);  // a pixel-wise effect
  EXPECT_GT(test::maxDifference(pal, picture), 0.1) << "the gain was applied";
}

// The Gain plug-in pads its RoD by "pad" canonical units on each side: at PAR 2 that is half as
// many pixels across and as many pixels up and down.
TEST_F(PixelAspect, CanonicalRoDGrowthBecomesPixelsThroughThePar) {
  std::string err;
  ASSERT_EQ(render(dir + "/pad.exr", {"--param", "g.pad=4", "--pixel-aspect", "2"}, &err), 0) << err;
  const FloatImage padded = readImage(dir + "/pad.exr");
  EXPECT_EQ(padded.width(), 720 + 2 * 2);
  EXPECT_EQ(padded.height(), 576 + 2 * 4);
  ASSERT_EQ(render(dir + "/pad_half.exr", {"--param", "g.pad=4", "--pixel-aspect", "2", "--render-scale", "0.5"}, &err), 0) << err;
  const FloatImage half = readImage(dir + "/pad_half.exr");
  EXPECT_EQ(half.width(), 360 + 2 * 1);
  EXPECT_EQ(half.height(), 288 + 2 * 2);
}

// What the plug-in is told: project PAR and canonical size on the instance, the PAR on every clip.
TEST_F(PixelAspect, ProjectAndClipsCarryTheParAndTheCanonicalProjectWidth) {
  configureHost(HostIdentity{});
  PluginCache plugins;
  plugins.discover({OFXHOST_TEST_PLUGIN_DIR});
  CliOptions o;
  o.command = "render";
  o.nodes = {NodeOption{kGain, "g"}};
  o.input = input;
  o.output = dir + "/unused.exr";
  o.pixelAspect = kPal;
  NodeGraph graph(plugins, o);
  graph.build();
  const Effect &effect = *graph.node(0).instance();
  EXPECT_DOUBLE_EQ(effect.props.dbl(kOfxImageEffectPropProjectPixelAspectRatio), kPal);
  EXPECT_NEAR(effect.props.dbl(kOfxImageEffectPropProjectSize, 0), 768.0, 1e-9);
  EXPECT_DOUBLE_EQ(effect.props.dbl(kOfxImageEffectPropProjectSize, 1), 576.0);
  for (const auto &clip : effect.clips) EXPECT_DOUBLE_EQ(clip->props.dbl(kOfxImagePropPixelAspectRatio), kPal) << clip->name();
  OfxRectD rod{};
  ASSERT_EQ(graph.node(0).getRegionOfDefinition(*effect.findClip(kOfxImageEffectSimpleSourceClipName), 0.0, &rod), kOfxStatOK);
  EXPECT_NEAR(rod.x2, 768.0, 1e-9);  // the file's RoD in canonical coordinates: width x PAR
  EXPECT_DOUBLE_EQ(rod.y2, 576.0);
  // An image of the clip: bounds in pixels, the PAR on the image.
  OfxPropertySetHandle image = nullptr;
  ASSERT_EQ(graph.node(0).getImage(*effect.findClip(kOfxImageEffectSimpleSourceClipName), 0.0, nullptr, &image), kOfxStatOK);
  ClipImage *img = ClipImage::fromHandle(image);
  ASSERT_NE(img, nullptr);
  EXPECT_DOUBLE_EQ(img->dbl(kOfxImagePropPixelAspectRatio), kPal);
  EXPECT_EQ(img->integer(kOfxImagePropBounds, 2), 720);
  EXPECT_EQ(img->integer(kOfxImagePropRegionOfDefinition, 2), 720);
  ASSERT_EQ(imageEffectSuiteV1()->clipReleaseImage(image), kOfxStatOK);
}

TEST_F(PixelAspect, OutOfRangeOrNonNumericRatiosAreRefusedWithExit1) {
  for (const char *bad : {"0", "-1", "0.05", "11", "nan", "inf", "x", ""}) {
    std::string err;
    EXPECT_EQ(render(dir + "/x.exr", {"--pixel-aspect", bad}, &err), 1) << bad;
    EXPECT_NE(err.find("--pixel-aspect needs a pixel aspect ratio in [0.1, 10]"), std::string::npos) << bad << ": " << err;
  }
}
