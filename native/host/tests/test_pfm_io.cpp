// .pfm images, the one format of the ofxhost built without OpenImageIO (the GPU-machine build).
#include "image_io.hpp"
#include "image_source.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>

using namespace ofxhost;

TEST(PfmIo, OpaqueRoundTripIsExactAndRowsStayBottomUp) {
  const std::string dir = test::workDir("pfm_roundtrip");
  FloatImage pic = test::makePicture(19, 7);
  for (size_t i = 0; i < pic.pixels.size(); i += 4) pic.pixels[i + 3] = 1.0f;  // PFM has no alpha
  writeImage(dir + "/pic.pfm", pic);
  const FloatImage back = readImage(dir + "/pic.pfm");
  EXPECT_EQ(test::maxDifference(pic, back), 0.0);
}

TEST(PfmIo, ReadsAHandWrittenLittleEndianFileBottomRowFirst) {
  const std::string path = test::workDir("pfm_hand") + "/two.pfm";
  {
    std::ofstream f(path, std::ios::binary);
    f << "PF\n1 2\n-1.0\n";
    const float rows[6] = {1, 0, 0, 0, 1, 0};  // first row in the file is the bottom one: red
    f.write(reinterpret_cast<const char *>(rows), sizeof rows);
  }
  const FloatImage img = readImage(path);
  ASSERT_EQ(img.width(), 1);
  ASSERT_EQ(img.height(), 2);
  EXPECT_EQ(img.at(0, 0)[0], 1.0f);
  EXPECT_EQ(img.at(0, 1)[1], 1.0f);
  EXPECT_EQ(img.at(0, 1)[3], 1.0f);
}

TEST(PfmIo, ATruncatedFileIsAHostErrorNotGarbage) {
  const std::string path = test::workDir("pfm_short") + "/short.pfm";
  {
    std::ofstream f(path, std::ios::binary);
    f << "PF\n4 4\n-1.0\n";
    const float some[5] = {0, 0, 0, 0, 0};
    f.write(reinterpret_cast<const char *>(some), sizeof some);
  }
  EXPECT_THROW(readImage(path), HostError);
}
