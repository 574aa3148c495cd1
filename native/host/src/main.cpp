// main.cpp — the ofxhost executable.
#include "app.hpp"

#include <iostream>

int main(int argc, char **argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return ofxhost::runOfxhost(args, std::cout, std::cerr);
}
