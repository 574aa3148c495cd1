// float_image.hpp — the host's working image: premultiplied float RGBA over a pixel rectangle.
//
// OFX convention: y goes up, row 0 of `pixels` is the bottom row (y = bounds.y1). Every node's
// result travels between nodes in this form; conversion to the plug-in's depth/components
// happens only at the plug-in boundary (pixel_convert).
#pragma once

#include "enhance/ofx_abi.h"

#include <vector>

namespace ofxhost {

struct FloatImage {
  OfxRectI bounds{0, 0, 0, 0};
  std::vector<float> pixels;  // 4 floats per pixel, rows bottom to top

  FloatImage() = default;
  explicit FloatImage(OfxRectI b);
  int width() const { return bounds.x2 - bounds.x1; }
  int height() const { return bounds.y2 - bounds.y1; }
  bool empty() const { return width() <= 0 || height() <= 0; }
  float *at(int x, int y) {
    return pixels.data() + (static_cast<size_t>(y - bounds.y1) * static_cast<size_t>(width()) + static_cast<size_t>(x - bounds.x1)) * 4;
  }
  const float *at(int x, int y) const { return const_cast<FloatImage *>(this)->at(x, y); }
};

OfxRectI intersect(const OfxRectI &a, const OfxRectI &b);
bool isEmpty(const OfxRectI &r);
bool operator==(const OfxRectI &a, const OfxRectI &b);
// Copies the overlap of src into dst (pixels outside src's bounds are left as they are).
void paste(const FloatImage &src, FloatImage &dst);
// A copy of `src` restricted to `region` (pixels outside src are transparent black).
FloatImage crop(const FloatImage &src, const OfxRectI &region);

// Canonical <-> pixel coordinates at a render scale (pixel aspect ratio 1). Pixel rects are
// rounded outwards so a region always covers every pixel it touches.
OfxRectI toPixels(const OfxRectD &canonical, OfxPointD scale);
OfxRectD toCanonical(const OfxRectI &pixels, OfxPointD scale);

}  // namespace ofxhost
