// file_source.cpp — loads (once per frame) and rescales input images.
#include "file_source.hpp"

#include "frame_path.hpp"
#include "image_io.hpp"

#include <cmath>

namespace ofxhost {

const FloatImage &FileSource::scaled(double time, OfxPointD scale) {
  const std::string path = framePath(pattern_, static_cast<int>(std::floor(time + 0.5)));
  if (path != loadedPath_) {
    full_ = readImage(path);
    loadedPath_ = path;
    byScale_.clear();
  }
  if (scale.x == 1.0 && scale.y == 1.0) return full_;
  auto it = byScale_.find(scale.x);
  if (it == byScale_.end()) it = byScale_.emplace(scale.x, resampleToScale(full_, scale)).first;
  return it->second;
}

OfxRectI FileSource::regionOfDefinition(double time, OfxPointD scale) {
  std::lock_guard<std::mutex> g(lock_);
  return scaled(time, scale).bounds;
}

FloatImage FileSource::render(double time, const OfxRectI &window, OfxPointD scale) {
  std::lock_guard<std::mutex> g(lock_);
  const FloatImage &img = scaled(time, scale);
  return crop(img, intersect(window, img.bounds));
}

OfxPointD FileSource::size(double time) {
  std::lock_guard<std::mutex> g(lock_);
  const FloatImage &img = scaled(time, OfxPointD{1, 1});
  return OfxPointD{static_cast<double>(img.width()), static_cast<double>(img.height())};
}

}  // namespace ofxhost
