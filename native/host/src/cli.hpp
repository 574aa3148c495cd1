// cli.hpp — ofxhost command line: `ofxhost list ...` and `ofxhost render ...` (see usage()).
#pragma once

#include "image_io.hpp"
#include "pixel_format.hpp"

#include <string>
#include <vector>

namespace ofxhost {

struct NodeOption {
  std::string pluginId;
  std::string label;  // defaults to pluginId
};

// --param NODE.NAME=V[,V..] (keyed = false) or --key NODE.NAME@FRAME=V[,V..] (keyed = true).
struct ParamAssignment {
  std::string node, param;
  std::vector<std::string> values;
  bool keyed = false;
  double frame = 0;
};

// --input-clip NODE.CLIP=PATH
struct ClipAssignment {
  std::string node, clip, path;
};

struct CliOptions {
  std::string command;  // "list", "render" or "help"
  std::vector<std::string> pluginPaths;
  bool noDefaultPaths = false;  // search only --plugin-path (reproducible tests)
  std::string hostName = "io.enhance.ofxhost";
  std::string hostLabel = "Enhance reference host";
  bool json = false;
  bool verbose = false;

  std::vector<NodeOption> nodes;
  std::string input, output;
  int firstFrame = 0, lastFrame = 0;
  std::vector<ParamAssignment> params;
  std::vector<ClipAssignment> clips;
  double renderScale = 1.0;
  double pixelAspect = 1.0;  // --pixel-aspect: project, clip and image pixel aspect ratio
  int tileSize = 0;
  int threads = 1;
  Depth depth = Depth::Float;
  Components components = Components::RGBA;
  bool forceDepth = false;
  bool descriptorTiles = false;  // --descriptor-tiles: ignore an instance's own kOfxImageEffectPropSupportsTiles
  std::string resolvePage;
  std::string context;
  std::string gpu;  // "" (CPU images), "opencl" or "cuda"
  FileFormat outputFormat = FileFormat::Auto;
};

// Returns false with a message in *error for invalid command lines.
bool parseCli(const std::vector<std::string> &args, CliOptions *out, std::string *error);
std::string usage();

// Splits "NODE.NAME" at the last '.', so plug-in identifiers with dots work as NODE.
bool splitNodeRef(const std::string &ref, std::string *node, std::string *name);

}  // namespace ofxhost
