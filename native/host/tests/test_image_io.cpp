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

// OpenImageIO hands every format over with associated alpha. PNG stores straight alpha, so a PNG
// comes back premultiplied exactly once; an EXR (associated by definition) comes back as stored.
TEST(ImageIo, StraightAlphaFilesArePremultipliedOnceOnRead) {
  const std::string dir = test::workDir("image_io_premult");
  const std::string path = dir + "/straight.png";
  const float straight[4] = {204 / 255.0f, 102 / 255.0f, 51 / 255.0f, 128 / 255.0f};
  auto out = OIIO::ImageOutput::create(path);
  OIIO::ImageSpec spec(1, 1, 4, OIIO::TypeDesc::UINT8);
  spec.alpha_channel = 3;
  spec.attribute("oiio:UnassociatedAlpha", 1);  // the values above are the file's own, straight
  ASSERT_TRUE(out->open(path, spec));
  ASSERT_TRUE(out->write_image(OIIO::TypeDesc::FLOAT, straight));
  out->close();
  const FloatImage img = readImage(path);
  for (int k = 0; k < 3; ++k) EXPECT_NEAR(img.at(0, 0)[k], straight[k] * straight[3], 1e-6);
  EXPECT_NEAR(img.at(0, 0)[3], straight[3], 1e-6);
}

TEST(ImageIo, AssociatedAlphaFilesAreReadAsStored) {
  const std::string dir = test::workDir("image_io_assoc");
  const std::string path = dir + "/associated.exr";
  const float data[4] = {0.4f, 0.2f, 0.1f, 0.5f};
  auto out = OIIO::ImageOutput::create(path);
  OIIO::ImageSpec spec(1, 1, 4, OIIO::TypeDesc::FLOAT);
  spec.alpha_channel = 3;
  ASSERT_TRUE(out->open(path, spec));
  ASSERT_TRUE(out->write_image(OIIO::TypeDesc::FLOAT, data));
  out->close();
  const FloatImage img = readImage(path);
  for (int k = 0; k < 4; ++k) EXPECT_FLOAT_EQ(img.at(0, 0)[k], data[k]);
}

// Issue 16: a semi-transparent PNG through a do-nothing render changed by up to 8 levels, because
// the host premultiplied and un-premultiplied again on top of OpenImageIO. Now a PNG written by
// the host holds the straight colour once, and reads back to the same premultiplied pixel.
TEST(ImageIo, PngRoundTripKeepsSemiTransparentPixels) {
  const std::string dir = test::workDir("image_io_png_round_trip");
  const std::string path = dir + "/rgba.png";
  FloatImage img(OfxRectI{0, 0, 1, 1});
  const float alpha = 30 / 255.0f, colour = 200 / 255.0f;
  float *p = img.at(0, 0);
  p[0] = p[1] = p[2] = colour * alpha;
  p[3] = alpha;
  writeImage(path, img, FileFormat::UInt8);
  auto in = OIIO::ImageInput::open(path, nullptr);
  ASSERT_TRUE(in);
  OIIO::ImageSpec config;
  config.attribute("oiio:UnassociatedAlpha", 1);  // the file's own (straight) values
  in->close();
  in = OIIO::ImageInput::open(path, &config);
  ASSERT_TRUE(in);
  unsigned char stored[4];
  ASSERT_TRUE(in->read_image(0, 0, 0, 4, OIIO::TypeDesc::UINT8, stored));
  EXPECT_EQ(stored[0], 200);
  EXPECT_EQ(stored[3], 30);
  const FloatImage back = readImage(path);
  EXPECT_NEAR(back.at(0, 0)[0], colour * alpha, 1e-6);
  EXPECT_NEAR(back.at(0, 0)[3], alpha, 1e-6);
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
