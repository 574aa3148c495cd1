// tiles.cpp — tile split and the tile render loop.
#include "tiles.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

namespace ofxhost {

std::vector<OfxRectI> splitIntoTiles(const OfxRectI &window, int tileSize) {
  if (isEmpty(window)) return {};
  if (tileSize <= 0) return {window};
  std::vector<OfxRectI> tiles;
  for (int y = window.y1; y < window.y2; y += tileSize)
    for (int x = window.x1; x < window.x2; x += tileSize)
      tiles.push_back(OfxRectI{x, y, std::min(x + tileSize, window.x2), std::min(y + tileSize, window.y2)});
  return tiles;
}

FloatImage renderTiled(ImageSource &source, double time, const OfxRectI &window, OfxPointD scale, int tileSize, int threads) {
  const std::vector<OfxRectI> tiles = splitIntoTiles(window, tileSize);
  FloatImage result(window);
  std::vector<FloatImage> rendered(tiles.size());
  std::vector<std::exception_ptr> errors(tiles.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < tiles.size(); i = next++) {
      try {
        rendered[i] = source.render(time, tiles[i], scale);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  const int n = std::max(1, std::min<int>(threads, static_cast<int>(tiles.size())));
  std::vector<std::thread> pool;
  for (int t = 1; t < n; ++t) pool.emplace_back(worker);
  worker();
  for (auto &t : pool) t.join();
  for (size_t i = 0; i < tiles.size(); ++i) {
    if (errors[i]) std::rethrow_exception(errors[i]);
    paste(rendered[i], result);
  }
  return result;
}

}  // namespace ofxhost
