// pfm_io.cpp — see pfm_io.hpp.
#include "pfm_io.hpp"

#include "file_commit.hpp"
#include "image_source.hpp"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <utility>
#include <vector>

namespace ofxhost {

namespace {

bool hostIsLittleEndian() {
  const uint16_t probe = 1;
  unsigned char first = 0;
  std::memcpy(&first, &probe, 1);
  return first == 1;
}

float swapBytes(float v) {
  unsigned char b[4];
  std::memcpy(b, &v, 4);
  std::swap(b[0], b[3]);
  std::swap(b[1], b[2]);
  std::memcpy(&v, b, 4);
  return v;
}

}  // namespace

FloatImage readPfm(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw HostError("cannot open image '" + path + "'");
  std::string magic;
  int w = 0, h = 0;
  double scale = 0;
  in >> magic >> w >> h >> scale;
  if (!in || (magic != "PF" && magic != "Pf") || w <= 0 || h <= 0 || scale == 0)
    throw HostError("'" + path + "' is not a PFM image (PF or Pf, width, height, scale)");
  in.get();  // the single whitespace before the raster
  const int nc = magic == "PF" ? 3 : 1;
  std::vector<float> file(static_cast<size_t>(w) * static_cast<size_t>(h) * static_cast<size_t>(nc));
  in.read(reinterpret_cast<char *>(file.data()), static_cast<std::streamsize>(file.size() * sizeof(float)));
  if (!in) throw HostError("'" + path + "' ends before its " + std::to_string(w) + "x" + std::to_string(h) + " raster");
  const bool swap = (scale < 0) != hostIsLittleEndian();
  FloatImage img(OfxRectI{0, 0, w, h});
  for (int y = 0; y < h; ++y)  // PFM rows run bottom to top, like OFX
    for (int x = 0; x < w; ++x) {
      const float *s = file.data() + (static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)) * static_cast<size_t>(nc);
      float *d = img.at(x, y);
      for (int k = 0; k < 3; ++k) d[k] = swap ? swapBytes(s[nc == 3 ? k : 0]) : s[nc == 3 ? k : 0];
      d[3] = 1.0f;
    }
  return img;
}

void writePfm(const std::string &path, const FloatImage &image) {
  const int w = image.width(), h = image.height();
  if (w <= 0 || h <= 0) throw HostError("nothing to write to '" + path + "': the rendered image is empty");
  std::vector<float> file(static_cast<size_t>(w) * static_cast<size_t>(h) * 3);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const float *s = image.at(image.bounds.x1 + x, image.bounds.y1 + y);
      float *d = file.data() + (static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)) * 3;
      const float a = s[3];
      for (int k = 0; k < 3; ++k) d[k] = a > 0.0f ? s[k] / a : 0.0f;  // files hold straight colour
    }
  std::string bytes = "PF\n" + std::to_string(w) + " " + std::to_string(h) + "\n" + (hostIsLittleEndian() ? "-1.0" : "1.0") + "\n";
  bytes.append(reinterpret_cast<const char *>(file.data()), file.size() * sizeof(float));
  writeFileWhole(path, bytes.data(), bytes.size());  // whole or not at all, every write checked
}

}  // namespace ofxhost
