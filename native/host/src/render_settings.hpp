// render_settings.hpp — how the host renders: what the CLI options select.
#pragma once

#include "gpu_context.hpp"
#include "image_storage.hpp"
#include "pixel_format.hpp"

#include <memory>
#include <string>

namespace ofxhost {

struct RenderSettings {
  Depth depth = Depth::Float;
  Components components = Components::RGBA;
  bool forceDepth = false;     // hand the plug-in unsupported depth/components anyway
  double renderScale = 1.0;
  double pixelAspect = 1.0;    // --pixel-aspect: every clip and image of the graph has this PAR
  int tileSize = 0;            // 0: whole window at once
  int threads = 1;
  bool descriptorTiles = false; // tile support read from the plug-in's descriptor, never the instance
  std::string resolvePage;     // "", "Edit", "Color" or "Fusion"
  std::string context;         // "" = filter if supported, else general
  double firstFrame = 0, lastFrame = 0;
  OfxPointD projectSize{0, 0}; // canonical size of the main input
  ImageStorageFactory storage = hostStorageFactory();
  // --gpu opencl|cuda: plug-ins declaring render support for its API get device images and its
  // queue/stream; the others keep CPU images.
  std::shared_ptr<GpuContext> gpu;

  // Resolve's Edit and Color pages never ask for the RoD: output = input size.
  bool ignoresRegionOfDefinition() const { return resolvePage == "Edit" || resolvePage == "Color"; }
  OfxPointD scale() const { return OfxPointD{renderScale, renderScale}; }
  // Pixels per canonical unit at a render scale: OFX's canonical x = pixel x * PAR / render
  // scale, y = pixel y / render scale. Render windows and image bounds stay in pixels.
  OfxPointD pixelsPerCanonical(OfxPointD renderScale) const { return OfxPointD{renderScale.x / pixelAspect, renderScale.y}; }
};

}  // namespace ofxhost
