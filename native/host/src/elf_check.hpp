// elf_check.hpp — refuse a plug-in binary that dlopen would crash on.
//
// glibc maps an ELF's loadable segments straight from the file; when the file is shorter than
// its program headers say (a truncated copy, an interrupted download), touching the missing part
// raises SIGBUS inside dlopen instead of an error. Checking the headers against the file size
// first turns that into a message.
#pragma once

#include <string>

namespace ofxhost {

// True when `path` is not an ELF file (dlopen reports those itself) or is an ELF whose headers
// and loadable segments lie inside the file. False with the reason in *why otherwise.
bool elfIsComplete(const std::string &path, std::string *why);

}  // namespace ofxhost
