// pfm_io.hpp — Portable Float Map (.pfm) files, read and written without any library.
//
// The one image format of an ofxhost built without OpenImageIO (OFXHOST_WITH_OIIO=OFF): the
// build carried to GPU machines (tools/gpu-check.sh), where OpenImageIO and its ~360 MB of
// dependencies are not installed. PFM is float RGB ("PF") or grey ("Pf"), rows bottom to top
// (OFX's order), little-endian when the scale is negative. Reading gives alpha 1; writing
// unpremultiplies and drops alpha, like JPEG in the OpenImageIO build.
#pragma once

#include "float_image.hpp"

#include <string>

namespace ofxhost {

FloatImage readPfm(const std::string &path);                 // throws HostError
void writePfm(const std::string &path, const FloatImage &image);  // throws HostError

}  // namespace ofxhost
