// image_source.hpp — anything that can feed a clip: an image file or an effect node.
#pragma once

#include "float_image.hpp"

#include <stdexcept>
#include <string>

namespace ofxhost {

class ImageSource {
 public:
  virtual ~ImageSource() = default;
  // Region of definition in pixel coordinates at `scale`.
  virtual OfxRectI regionOfDefinition(double time, OfxPointD scale) = 0;
  // The image over window ∩ RoD (premultiplied float RGBA). Must be safe to call concurrently.
  virtual FloatImage render(double time, const OfxRectI &window, OfxPointD scale) = 0;
};

// A plug-in action failed: carries the status and which plug-in/action, for the CLI report.
class OfxError : public std::runtime_error {
 public:
  OfxError(OfxStatus status, const std::string &pluginId, const std::string &action)
      : std::runtime_error(pluginId + ": " + action + " returned " + statusName(status)),
        status_(status), pluginId_(pluginId), action_(action) {}
  OfxStatus status() const { return status_; }
  const std::string &pluginId() const { return pluginId_; }
  static std::string statusName(OfxStatus s);

 private:
  OfxStatus status_;
  std::string pluginId_;
  std::string action_;
};

// Host-side problems (bad input file, unsupported depth, unknown node): not the plug-in's fault.
class HostError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace ofxhost
