// app.hpp — the ofxhost program as a function (main() calls it; tests call it in-process).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace ofxhost {

// args excludes the program name. Exit codes: 0 ok, 1 bad command line, 2 a plug-in returned an
// error status, 3 host error (missing plug-in or file, unsupported depth/components, I/O).
int runOfxhost(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

}  // namespace ofxhost
