// float_image.cpp — rectangle helpers and copies for FloatImage.
#include "float_image.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ofxhost {

FloatImage::FloatImage(OfxRectI b) : bounds(b) {
  if (isEmpty(b)) {
    bounds = {b.x1, b.y1, b.x1, b.y1};
    return;
  }
  pixels.assign(static_cast<size_t>(width()) * static_cast<size_t>(height()) * 4, 0.0f);
}

OfxRectI intersect(const OfxRectI &a, const OfxRectI &b) {
  OfxRectI r{std::max(a.x1, b.x1), std::max(a.y1, b.y1), std::min(a.x2, b.x2), std::min(a.y2, b.y2)};
  if (r.x2 < r.x1) r.x2 = r.x1;
  if (r.y2 < r.y1) r.y2 = r.y1;
  return r;
}

bool isEmpty(const OfxRectI &r) { return r.x2 <= r.x1 || r.y2 <= r.y1; }

bool operator==(const OfxRectI &a, const OfxRectI &b) { return a.x1 == b.x1 && a.y1 == b.y1 && a.x2 == b.x2 && a.y2 == b.y2; }

void paste(const FloatImage &src, FloatImage &dst) {
  const OfxRectI r = intersect(src.bounds, dst.bounds);
  if (isEmpty(r)) return;
  const size_t rowFloats = static_cast<size_t>(r.x2 - r.x1) * 4;
  for (int y = r.y1; y < r.y2; ++y) std::memcpy(dst.at(r.x1, y), src.at(r.x1, y), rowFloats * sizeof(float));
}

FloatImage crop(const FloatImage &src, const OfxRectI &region) {
  FloatImage out(region);
  paste(src, out);
  return out;
}

OfxRectI toPixels(const OfxRectD &c, OfxPointD s) {
  // A tiny tolerance so that 0.5 * 3 = 1.5000000001 does not grow a rect by a whole pixel.
  constexpr double eps = 1e-6;
  return OfxRectI{static_cast<int>(std::floor(c.x1 * s.x + eps)), static_cast<int>(std::floor(c.y1 * s.y + eps)),
                  static_cast<int>(std::ceil(c.x2 * s.x - eps)), static_cast<int>(std::ceil(c.y2 * s.y - eps))};
}

OfxRectD toCanonical(const OfxRectI &p, OfxPointD s) {
  return OfxRectD{p.x1 / s.x, p.y1 / s.y, p.x2 / s.x, p.y2 / s.y};
}

}  // namespace ofxhost
