// Image files: flip (files top-down, OFX bottom-up), premultiplication round trip, resampling.
#include "image_io.hpp"
#include "image_source.hpp"
#include "test_support.hpp"

#include <OpenImageIO/imageio.h>
#include <gtest/gtest.h>

using namespace ofxhost;

TEST(ImageIo, ExrRoundTripIsExactAndKeepsPremultipliedValues) {
  const std::string dir = test::workDir("image_io_roundtrip");
  const FloatImage pic = test::makePicture(23, 17);
  writeImage(dir + "/pic.exr", pic);
  const FloatImage back = readImage(dir + "/pic.exr");
  EXPECT_LT(test::maxDifference(pic, back), 1e-6);
}

TEST(ImageIo, FileRowZeroIsTheTopSoItBecomesTheLastOfxRow) {
  const std::string dir = test::workDir("image_io_flip");
  const std::string path = dir + "/flip.exr";
  {
    // Write a 1x2 straight-alpha file directly: top pixel red, bottom pixel green.
    const float data[8] = {1, 0, 0, 1, 0, 1, 0, 1};
    auto out = OIIO::ImageOutput::create(path);
    ASSERT_TRUE(out);
    OIIO::ImageSpec spec(1, 2, 4, OIIO::TypeDesc::FLOAT);
    ASSERT_TRUE(out->open(path, spec));
    ASSERT_TRUE(out->write_image(OIIO::TypeDesc::FLOAT, data));
    out->close();
  }
  const FloatImage img = readImage(path);
  EXPECT_EQ(img.at(0, 1)[0], 1.0f);  // top = highest y
  EXPECT_EQ(img.at(0, 0)[1], 1.0f);
}

TEST(ImageIo, StraightAlphaFilesArePremultipliedOnRead) {
  const std::string dir = test::workDir("image_io_premult");
  const std::string path = dir + "/half.exr";
  const float data[4] = {0.8f, 0.4f, 0.2f, 0.5f};
  auto out = OIIO::ImageOutput::create(path);
  OIIO::ImageSpec spec(1, 1, 4, OIIO::TypeDesc::FLOAT);
  spec.alpha_channel = 3;
  ASSERT_TRUE(out->open(path, spec));
  ASSERT_TRUE(out->write_image(OIIO::TypeDesc::FLOAT, data));
  out->close();
  const FloatImage img = readImage(path);
  EXPECT_FLOAT_EQ(img.at(0, 0)[0], 0.4f);
  EXPECT_FLOAT_EQ(img.at(0, 0)[1], 0.2f);
  EXPECT_FLOAT_EQ(img.at(0, 0)[3], 0.5f);
}

TEST(ImageIo, MissingFileIsAHostError) { EXPECT_THROW(readImage("/nonexistent/x.exr"), HostError); }

TEST(ImageIo, HalfScaleAveragesTwoByTwoBlocksAndRoundsSizeUp) {
  const FloatImage pic = test::makePicture(7, 5);
  const FloatImage half = resampleToScale(pic, OfxPointD{0.5, 0.5});
  EXPECT_TRUE(half.bounds == (OfxRectI{0, 0, 4, 3}));
  for (int k = 0; k < 4; ++k) {
    const float expected = (pic.at(2, 2)[k] + pic.at(3, 2)[k] + pic.at(2, 3)[k] + pic.at(3, 3)[k]) / 4.0f;
    EXPECT_NEAR(half.at(1, 1)[k], expected, 1e-6);
  }
  // The last column covers only source column 6.
  EXPECT_NEAR(half.at(3, 0)[0], (pic.at(6, 0)[0] + pic.at(6, 1)[0]) / 2.0f, 1e-6);
}
