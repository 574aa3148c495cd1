// frame_path.cpp — frame-number substitution in file names.
#include "frame_path.hpp"

#include <cstdio>
#include <cstdlib>

namespace ofxhost {

namespace {
// Finds a %d / %0Nd conversion; returns its position and length and the width.
bool findPrintf(const std::string &p, size_t *pos, size_t *len, int *width) {
  for (size_t i = 0; i + 1 < p.size(); ++i) {
    if (p[i] != '%') continue;
    size_t j = i + 1;
    int w = 0;
    while (j < p.size() && p[j] >= '0' && p[j] <= '9') w = w * 10 + (p[j++] - '0');
    if (j < p.size() && p[j] == 'd') {
      *pos = i;
      *len = j - i + 1;
      *width = w;
      return true;
    }
  }
  return false;
}

std::string padded(int frame, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*d", width, frame);
  return buf;
}
}  // namespace

bool hasFramePattern(const std::string &p) {
  size_t pos, len;
  int w;
  return p.find('#') != std::string::npos || findPrintf(p, &pos, &len, &w);
}

std::string framePath(const std::string &p, int frame) {
  size_t pos, len;
  int w;
  if (findPrintf(p, &pos, &len, &w)) return p.substr(0, pos) + padded(frame, w) + p.substr(pos + len);
  const size_t first = p.find('#');
  if (first == std::string::npos) return p;
  size_t last = first;
  while (last < p.size() && p[last] == '#') ++last;
  return p.substr(0, first) + padded(frame, static_cast<int>(last - first)) + p.substr(last);
}

}  // namespace ofxhost
