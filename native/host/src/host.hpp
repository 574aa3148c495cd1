// host.hpp — the host description (OfxHost and its property set) plug-ins see.
#pragma once

#include "property_set.hpp"

#include <string>

namespace ofxhost {

struct HostIdentity {
  std::string name = "io.enhance.ofxhost";
  std::string label = "Enhance reference host";
  std::string gpu = "";  // --gpu: "opencl" advertises OpenCL buffer rendering, "cuda" CUDA rendering with streams
};

// Rebuilds the host property set (call before any plug-in is loaded). Impersonating another
// host (--host-name DaVinciResolve ...) changes kOfxPropName/label and the capabilities that
// host is known to have (Resolve: no tiles, no multi-resolution).
void configureHost(const HostIdentity &identity);
OfxHost *ofxHost();
PropertySet &hostProperties();
const HostIdentity &hostIdentity();

}  // namespace ofxhost
