// image_io.hpp — image files <-> FloatImage through OpenImageIO.
//
// Files are straight (unpremultiplied) alpha, rows top to bottom. FloatImage is premultiplied,
// rows bottom to top (OFX). Reading premultiplies and flips; writing flips and unpremultiplies.
// A file without alpha reads as alpha 1.
#pragma once

#include "float_image.hpp"

#include <string>

namespace ofxhost {

enum class FileFormat { Auto, UInt8, UInt16, Half, Float };

FloatImage readImage(const std::string &path);  // throws HostError
// Auto picks float for .exr/.tif/.tiff, 8 bits otherwise. JPEG gets RGB only.
void writeImage(const std::string &path, const FloatImage &image, FileFormat format = FileFormat::Auto);
bool parseFileFormat(const std::string &s, FileFormat *out);

// Area-average resample of an image (bounds origin 0,0) to `scale`: output covers
// toPixels(canonical RoD, scale). Used to deliver source images at a render scale.
FloatImage resampleToScale(const FloatImage &full, OfxPointD scale);

}  // namespace ofxhost
