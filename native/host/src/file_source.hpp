// file_source.hpp — an image file (or sequence) as a clip input, delivered at the render scale.
#pragma once

#include "image_source.hpp"

#include <map>
#include <mutex>
#include <string>

namespace ofxhost {

class FileSource : public ImageSource {
 public:
  explicit FileSource(std::string pathPattern) : pattern_(std::move(pathPattern)) {}
  OfxRectI regionOfDefinition(double time, OfxPointD scale) override;
  FloatImage render(double time, const OfxRectI &window, OfxPointD scale) override;
  // Size of the image at `time`, canonical (full-scale) pixels.
  OfxPointD size(double time);

 private:
  const FloatImage &scaled(double time, OfxPointD scale);  // caller holds lock_
  std::string pattern_;
  std::mutex lock_;
  std::string loadedPath_;
  FloatImage full_;
  std::map<double, FloatImage> byScale_;  // for loadedPath_
};

}  // namespace ofxhost
