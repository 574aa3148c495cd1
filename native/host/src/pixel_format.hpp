// pixel_format.hpp — OFX pixel depths/components and conversion to/from the float working image.
#pragma once

#include "float_image.hpp"

#include <cstddef>
#include <string>

namespace ofxhost {

enum class Depth { Byte, Short, Half, Float };
enum class Components { RGBA, RGB, Alpha };

bool parseDepth(const std::string &ofxOrShort, Depth *out);        // "byte" or kOfxBitDepthByte ...
bool parseComponents(const std::string &ofxOrShort, Components *out);  // "RGBA" or kOfxImageComponentRGBA ...
const char *ofxName(Depth d);
const char *ofxName(Components c);
size_t bytesPerComponent(Depth d);
int componentCount(Components c);

// Packs `src` (premultiplied float RGBA) into rows bottom-to-top, `rowBytes` apart. Byte/short are
// scaled to 0..255/0..65535, rounded and clamped; RGB drops alpha; Alpha keeps only alpha.
void packPixels(const FloatImage &src, Depth d, Components c, void *dst, ptrdiff_t rowBytes);
// The inverse: RGB gets alpha 1; Alpha becomes (a, a, a, a) so it stays visible when written out.
void unpackPixels(const void *src, ptrdiff_t rowBytes, Depth d, Components c, FloatImage &dst);

}  // namespace ofxhost
