// tiles.hpp — splitting a render window into tiles and rendering them (possibly concurrently).
#pragma once

#include "image_source.hpp"

#include <vector>

namespace ofxhost {

// Row-major N×N tiles covering `window` exactly (edge tiles are smaller). tileSize <= 0: one tile.
std::vector<OfxRectI> splitIntoTiles(const OfxRectI &window, int tileSize);

// Renders every tile of `window` from `source` on `threads` threads and assembles them.
// The first failure (in tile order, so reports are deterministic) is rethrown.
FloatImage renderTiled(ImageSource &source, double time, const OfxRectI &window, OfxPointD scale, int tileSize, int threads);

}  // namespace ofxhost
