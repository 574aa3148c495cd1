// Tile split and assembly: tiles cover the window exactly; tiled renders equal untiled ones.
#include "tiles.hpp"

#include <gtest/gtest.h>

#include <atomic>

using namespace ofxhost;

namespace {
// A source whose pixel values depend on position only, counting its render calls.
class PatternSource : public ImageSource {
 public:
  OfxRectI regionOfDefinition(double, OfxPointD) override { return OfxRectI{-3, 2, 61, 45}; }
  FloatImage render(double time, const OfxRectI &window, OfxPointD scale) override {
    ++calls;
    FloatImage img(intersect(window, regionOfDefinition(time, scale)));
    for (int y = img.bounds.y1; y < img.bounds.y2; ++y)
      for (int x = img.bounds.x1; x < img.bounds.x2; ++x) {
        float *p = img.at(x, y);
        p[0] = static_cast<float>(x) * 0.25f + static_cast<float>(time);
        p[1] = static_cast<float>(y);
        p[2] = static_cast<float>(x * y);
        p[3] = 1.0f;
      }
    return img;
  }
  std::atomic<int> calls{0};
};
}  // namespace

TEST(Tiles, SplitCoversTheWindowWithoutOverlap) {
  const OfxRectI window{-3, 2, 61, 45};
  const auto tiles = splitIntoTiles(window, 16);
  ASSERT_EQ(tiles.size(), 4u * 3u);  // 64 x 43 pixels -> 4 columns, 3 rows
  long area = 0;
  for (const auto &t : tiles) {
    EXPECT_FALSE(isEmpty(t));
    EXPECT_LE(t.x2 - t.x1, 16);
    EXPECT_LE(t.y2 - t.y1, 16);
    EXPECT_TRUE(intersect(t, window) == t);
    area += static_cast<long>(t.x2 - t.x1) * (t.y2 - t.y1);
    for (const auto &u : tiles)
      if (&t != &u) {
        EXPECT_TRUE(isEmpty(intersect(t, u)));
      }
  }
  EXPECT_EQ(area, 64L * 43L);
}

TEST(Tiles, NoTileSizeMeansOneTile) {
  EXPECT_EQ(splitIntoTiles(OfxRectI{0, 0, 10, 10}, 0).size(), 1u);
  EXPECT_TRUE(splitIntoTiles(OfxRectI{0, 0, 0, 10}, 4).empty());
}

TEST(Tiles, TiledRenderEqualsUntiledOnAnyThreadCount) {
  PatternSource src;
  const OfxRectI window{-3, 2, 61, 45};
  const FloatImage whole = renderTiled(src, 2.0, window, OfxPointD{1, 1}, 0, 1);
  EXPECT_EQ(src.calls.load(), 1);
  for (int threads : {1, 3, 8}) {
    src.calls = 0;
    const FloatImage tiled = renderTiled(src, 2.0, window, OfxPointD{1, 1}, 7, threads);
    EXPECT_EQ(src.calls.load(), static_cast<int>(splitIntoTiles(window, 7).size()));
    ASSERT_TRUE(tiled.bounds == whole.bounds);
    EXPECT_EQ(tiled.pixels, whole.pixels) << threads << " threads";
  }
}

TEST(Tiles, FirstFailingTileIsRethrown) {
  class Failing : public PatternSource {
   public:
    FloatImage render(double t, const OfxRectI &w, OfxPointD s) override {
      if (w.x1 >= 30) throw HostError("tile at x=" + std::to_string(w.x1));
      return PatternSource::render(t, w, s);
    }
  } src;
  try {
    renderTiled(src, 0.0, OfxRectI{0, 0, 64, 8}, OfxPointD{1, 1}, 8, 4);
    FAIL() << "expected an error";
  } catch (const HostError &e) {
    EXPECT_STREQ(e.what(), "tile at x=32");
  }
}
