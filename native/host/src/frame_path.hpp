// frame_path.hpp — image sequence names: "out.####.exr" or "out.%04d.exr" with a frame number.
#pragma once

#include <string>

namespace ofxhost {

bool hasFramePattern(const std::string &pattern);
// '#' runs become the zero-padded frame (width = run length); printf-style %d/%0Nd likewise.
std::string framePath(const std::string &pattern, int frame);

}  // namespace ofxhost
