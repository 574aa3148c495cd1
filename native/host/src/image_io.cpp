// image_io.cpp — OpenImageIO read/write with flip and (un)premultiplication in float, once; area resampling.
#include "image_io.hpp"

#include "file_commit.hpp"
#include "image_source.hpp"
#include "pfm_io.hpp"

#if OFXHOST_HAVE_OIIO
#include <OpenImageIO/filesystem.h>
#include <OpenImageIO/imageio.h>
#endif

#include <algorithm>
#include <cctype>
#include <cmath>

namespace ofxhost {

namespace {
std::string lowerExtension(const std::string &path) {
  const auto dot = path.find_last_of('.');
  std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}
}  // namespace

bool parseFileFormat(const std::string &s, FileFormat *out) {
  if (s == "auto") *out = FileFormat::Auto;
  else if (s == "uint8") *out = FileFormat::UInt8;
  else if (s == "uint16") *out = FileFormat::UInt16;
  else if (s == "half") *out = FileFormat::Half;
  else if (s == "float") *out = FileFormat::Float;
  else return false;
  return true;
}

FloatImage readImage(const std::string &path) {
  if (lowerExtension(path) == "pfm") return readPfm(path);
#if OFXHOST_HAVE_OIIO
  // Ask for the file's own values: OpenImageIO would premultiply straight-alpha formats (PNG)
  // in the file's 8 or 16 bits; the host does it once, in float, below.
  OIIO::ImageSpec config;
  config.attribute("oiio:UnassociatedAlpha", 1);
  auto in = OIIO::ImageInput::open(path, &config);
  if (!in) throw HostError("cannot open image '" + path + "': " + OIIO::geterror());
  const OIIO::ImageSpec &spec = in->spec();
  const bool straight = spec.get_int_attribute("oiio:UnassociatedAlpha", 0) != 0;
  const int w = spec.width, h = spec.height, nc = spec.nchannels;
  std::vector<float> file(static_cast<size_t>(w) * static_cast<size_t>(h) * static_cast<size_t>(nc));
  if (!in->read_image(0, 0, 0, nc, OIIO::TypeDesc::FLOAT, file.data()))
    throw HostError("cannot read image '" + path + "': " + in->geterror());
  const int alpha = spec.alpha_channel >= 0 ? spec.alpha_channel : (nc == 4 ? 3 : (nc == 2 ? 1 : -1));
  FloatImage img(OfxRectI{0, 0, w, h});
  for (int fy = 0; fy < h; ++fy) {
    const int y = h - 1 - fy;  // file row 0 is the top; OFX row 0 is the bottom
    for (int x = 0; x < w; ++x) {
      const float *s = file.data() + (static_cast<size_t>(fy) * static_cast<size_t>(w) + static_cast<size_t>(x)) * static_cast<size_t>(nc);
      float *d = img.at(x, y);
      // OFX images are premultiplied: straight-alpha files (PNG, unassociated TIFF) are
      // premultiplied here, once; associated ones (EXR) are taken as stored.
      const float a = alpha >= 0 ? s[alpha] : 1.0f;
      if (nc >= 3) {
        d[0] = s[0], d[1] = s[1], d[2] = s[2];
      } else {
        d[0] = d[1] = d[2] = s[0];  // grey (+ alpha)
      }
      if (straight) d[0] *= a, d[1] *= a, d[2] *= a;
      d[3] = a;
    }
  }
  return img;
#else
  throw HostError("cannot read '" + path + "': this ofxhost was built without OpenImageIO and reads .pfm images only");
#endif
}

void writeImage(const std::string &path, const FloatImage &image, FileFormat format) {
  const std::string ext = lowerExtension(path);
  if (ext == "pfm") return writePfm(path, image);
#if OFXHOST_HAVE_OIIO
  const bool jpeg = ext == "jpg" || ext == "jpeg";
  const int nc = jpeg ? 3 : 4;
  const bool straightAlpha = ext == "png" || ext == "tif" || ext == "tiff" || ext == "tga" || ext == "webp";
  OIIO::TypeDesc type = OIIO::TypeDesc::UINT8;
  switch (format) {
    case FileFormat::Auto: type = (ext == "exr" || ext == "tif" || ext == "tiff") ? OIIO::TypeDesc::FLOAT : OIIO::TypeDesc::UINT8; break;
    case FileFormat::UInt8: type = OIIO::TypeDesc::UINT8; break;
    case FileFormat::UInt16: type = OIIO::TypeDesc::UINT16; break;
    case FileFormat::Half: type = OIIO::TypeDesc::HALF; break;
    case FileFormat::Float: type = OIIO::TypeDesc::FLOAT; break;
  }
  const int w = image.width(), h = image.height();
  if (w <= 0 || h <= 0) throw HostError("nothing to write to '" + path + "': the rendered image is empty");
  std::vector<float> file(static_cast<size_t>(w) * static_cast<size_t>(h) * static_cast<size_t>(nc));
  for (int fy = 0; fy < h; ++fy) {
    const int y = image.bounds.y1 + h - 1 - fy;
    for (int x = 0; x < w; ++x) {
      const float *s = image.at(image.bounds.x1 + x, y);
      float *d = file.data() + (static_cast<size_t>(fy) * static_cast<size_t>(w) + static_cast<size_t>(x)) * static_cast<size_t>(nc);
      // Formats that store straight alpha get it un-premultiplied here, in float, once, and the
      // writer is told so (oiio:UnassociatedAlpha below) and stores the values as they are. Left
      // to OpenImageIO, a PNG was un-premultiplied after quantising to 8 bits, which cost up to 8
      // levels where alpha is low. Associated formats (EXR) keep the OFX values as they are.
      const float a = s[3];
      if (straightAlpha || nc == 3) {
        const float inv = a > 0.0f ? 1.0f / a : 0.0f;  // fully transparent stays black
        for (int k = 0; k < 3; ++k) d[k] = a > 0.0f ? s[k] * inv : 0.0f;
      } else {
        for (int k = 0; k < 3; ++k) d[k] = s[k];
      }
      if (nc == 4) d[3] = a;
    }
  }
  auto out = OIIO::ImageOutput::create(path);
  if (!out) throw HostError("no image writer for '" + path + "': " + OIIO::geterror());
  OIIO::ImageSpec spec(w, h, nc, type);
  if (nc == 4) {
    spec.alpha_channel = 3;
    if (straightAlpha) spec.attribute("oiio:UnassociatedAlpha", 1);
  }
  if (out->supports("ioproxy")) {
    // Encoded in memory, then written by writeFileWhole, which checks every write: OpenImageIO's
    // PNG writer ignores failed writes (a full disk left a 16 KiB PNG and exit 0).
    std::vector<unsigned char> encoded;
    OIIO::Filesystem::IOVecOutput memory(encoded);
    if (!out->set_ioproxy(&memory) || !out->open(path, spec)) throw HostError("cannot create '" + path + "': " + out->geterror());
    if (!out->write_image(OIIO::TypeDesc::FLOAT, file.data()) || !out->close())
      throw HostError("cannot write '" + path + "': " + out->geterror());
    out.reset();
    writeFileWhole(path, encoded.data(), encoded.size());
    return;
  }
  // Writers without I/O proxies write a temporary file that replaces the output only on success.
  PendingFile pending(path);
  if (!out->open(pending.writePath(), spec)) throw HostError("cannot create '" + path + "': " + out->geterror());
  if (!out->write_image(OIIO::TypeDesc::FLOAT, file.data()) || !out->close())
    throw HostError("cannot write '" + path + "': " + out->geterror());
  out.reset();
  pending.commit();
#else
  (void)format;
  throw HostError("cannot write '" + path + "': this ofxhost was built without OpenImageIO and writes .pfm images only");
#endif
}

FloatImage resampleToScale(const FloatImage &full, OfxPointD scale) {
  if (scale.x == 1.0 && scale.y == 1.0) return full;
  const OfxRectI dstRect = toPixels(toCanonical(full.bounds, OfxPointD{1, 1}), scale);
  FloatImage out(dstRect);
  const int sw = full.width(), sh = full.height();
  // Each output pixel averages the source area it covers (box filter with fractional
  // coverage): exact for integer factors and linear, so a downscaled gain == gain of downscaled.
  std::vector<double> acc(4);
  for (int y = dstRect.y1; y < dstRect.y2; ++y) {
    const double sy0 = y / scale.y, sy1 = std::min<double>((y + 1) / scale.y, sh);
    for (int x = dstRect.x1; x < dstRect.x2; ++x) {
      const double sx0 = x / scale.x, sx1 = std::min<double>((x + 1) / scale.x, sw);
      std::fill(acc.begin(), acc.end(), 0.0);
      double area = 0.0;
      for (int yy = static_cast<int>(std::floor(sy0)); yy < static_cast<int>(std::ceil(sy1)); ++yy) {
        const double wy = std::min<double>(yy + 1, sy1) - std::max<double>(yy, sy0);
        for (int xx = static_cast<int>(std::floor(sx0)); xx < static_cast<int>(std::ceil(sx1)); ++xx) {
          const double wx = std::min<double>(xx + 1, sx1) - std::max<double>(xx, sx0);
          const float *s = full.at(full.bounds.x1 + xx, full.bounds.y1 + yy);
          for (int k = 0; k < 4; ++k) acc[static_cast<size_t>(k)] += s[k] * wx * wy;
          area += wx * wy;
        }
      }
      float *d = out.at(x, y);
      for (int k = 0; k < 4; ++k) d[k] = area > 0 ? static_cast<float>(acc[static_cast<size_t>(k)] / area) : 0.0f;
    }
  }
  return out;
}

}  // namespace ofxhost
