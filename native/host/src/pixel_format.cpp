// pixel_format.cpp — depth/component conversions at the plug-in boundary.
#include "pixel_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include <Imath/half.h>

namespace ofxhost {

bool parseDepth(const std::string &s, Depth *out) {
  if (s == "byte" || s == kOfxBitDepthByte) *out = Depth::Byte;
  else if (s == "short" || s == kOfxBitDepthShort) *out = Depth::Short;
  else if (s == "half" || s == kOfxBitDepthHalf) *out = Depth::Half;
  else if (s == "float" || s == kOfxBitDepthFloat) *out = Depth::Float;
  else return false;
  return true;
}

bool parseComponents(const std::string &s, Components *out) {
  if (s == "RGBA" || s == kOfxImageComponentRGBA) *out = Components::RGBA;
  else if (s == "RGB" || s == kOfxImageComponentRGB) *out = Components::RGB;
  else if (s == "Alpha" || s == kOfxImageComponentAlpha) *out = Components::Alpha;
  else return false;
  return true;
}

const char *ofxName(Depth d) {
  switch (d) {
    case Depth::Byte: return kOfxBitDepthByte;
    case Depth::Short: return kOfxBitDepthShort;
    case Depth::Half: return kOfxBitDepthHalf;
    case Depth::Float: return kOfxBitDepthFloat;
  }
  return kOfxBitDepthNone;
}

const char *ofxName(Components c) {
  switch (c) {
    case Components::RGBA: return kOfxImageComponentRGBA;
    case Components::RGB: return kOfxImageComponentRGB;
    case Components::Alpha: return kOfxImageComponentAlpha;
  }
  return kOfxImageComponentNone;
}

size_t bytesPerComponent(Depth d) {
  switch (d) {
    case Depth::Byte: return 1;
    case Depth::Short: return 2;
    case Depth::Half: return 2;
    case Depth::Float: return 4;
  }
  return 4;
}

int componentCount(Components c) { return c == Components::RGBA ? 4 : c == Components::RGB ? 3 : 1; }

namespace {

template <typename T>
T quantise(float v, float maxValue) {
  const float scaled = std::nearbyint(std::clamp(v, 0.0f, 1.0f) * maxValue);
  return static_cast<T>(scaled);
}

void storeComponent(Depth d, void *row, size_t index, float v) {
  switch (d) {
    case Depth::Byte: static_cast<uint8_t *>(row)[index] = quantise<uint8_t>(v, 255.0f); break;
    case Depth::Short: static_cast<uint16_t *>(row)[index] = quantise<uint16_t>(v, 65535.0f); break;
    case Depth::Half: static_cast<Imath::half *>(row)[index] = Imath::half(v); break;
    case Depth::Float: static_cast<float *>(row)[index] = v; break;
  }
}

float loadComponent(Depth d, const void *row, size_t index) {
  switch (d) {
    case Depth::Byte: return static_cast<const uint8_t *>(row)[index] / 255.0f;
    case Depth::Short: return static_cast<const uint16_t *>(row)[index] / 65535.0f;
    case Depth::Half: return static_cast<float>(static_cast<const Imath::half *>(row)[index]);
    case Depth::Float: return static_cast<const float *>(row)[index];
  }
  return 0.0f;
}

}  // namespace

void packPixels(const FloatImage &src, Depth d, Components c, void *dst, ptrdiff_t rowBytes) {
  const int n = componentCount(c);
  for (int y = 0; y < src.height(); ++y) {
    void *row = static_cast<char *>(dst) + rowBytes * y;
    const float *in = src.pixels.data() + static_cast<size_t>(y) * static_cast<size_t>(src.width()) * 4;
    for (int x = 0; x < src.width(); ++x, in += 4) {
      const size_t o = static_cast<size_t>(x) * static_cast<size_t>(n);
      if (c == Components::Alpha) {
        storeComponent(d, row, o, in[3]);
      } else {
        for (int k = 0; k < n; ++k) storeComponent(d, row, o + static_cast<size_t>(k), in[k]);
      }
    }
  }
}

void unpackPixels(const void *src, ptrdiff_t rowBytes, Depth d, Components c, FloatImage &dst) {
  const int n = componentCount(c);
  for (int y = 0; y < dst.height(); ++y) {
    const void *row = static_cast<const char *>(src) + rowBytes * y;
    float *out = dst.pixels.data() + static_cast<size_t>(y) * static_cast<size_t>(dst.width()) * 4;
    for (int x = 0; x < dst.width(); ++x, out += 4) {
      const size_t o = static_cast<size_t>(x) * static_cast<size_t>(n);
      if (c == Components::Alpha) {
        const float a = loadComponent(d, row, o);
        out[0] = out[1] = out[2] = out[3] = a;
      } else {
        for (int k = 0; k < n; ++k) out[k] = loadComponent(d, row, o + static_cast<size_t>(k));
        if (c == Components::RGB) out[3] = 1.0f;
      }
    }
  }
}

}  // namespace ofxhost
