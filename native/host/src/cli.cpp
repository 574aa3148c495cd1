// cli.cpp — command-line parsing for ofxhost.
#include "cli.hpp"

#include <cstdlib>
#include <sstream>

namespace ofxhost {

std::string usage() {
  return R"(usage:
  ofxhost list   [--json] [--plugin-path DIR]... [--host-name NAME]
  ofxhost render --node ID[:LABEL]... --input PATH --output PATH [options]

render options:
  --node ID[:LABEL]          append a plug-in instance to the chain (Output of one feeds Source of the next)
  --input PATH               main input image (sequences: '#' or %0Nd replaced by the frame)
  --output PATH              output image ('out.####.exr' / 'out.%04d.exr' for several frames)
  --frames A[-B]             frames to render (default 0)
  --param NODE.NAME=V[,V..]  set a parameter (NODE = label or plug-in id); choices by index or option name
  --key NODE.NAME@F=V[,V..]  set a keyframe at frame F (linear between keys, held outside)
  --input-clip NODE.CLIP=PATH  wire an extra input clip of NODE to an image file
  --render-scale S           render at scale S (images and RoDs in scaled pixels)
  --pixel-aspect R           pixel aspect ratio of the project, clips and images, 0.1..10 (default 1)
  --tile N                   render the output window in NxN tiles
  --threads K                render tiles on K threads (plug-in thread safety honoured)
  --descriptor-tiles         tile as the plug-in's descriptor declared, even where an instance
                             turned tiles off (a host that reads only the descriptor)
  --depth byte|short|half|float  pixel depth handed to plug-ins (default float)
  --components RGBA|RGB|Alpha  components handed to plug-ins (default RGBA)
  --force-depth              hand depth/components even if the plug-in does not declare them
  --context filter|general   context to instantiate in (default: filter if supported)
  --output-format auto|uint8|uint16|half|float  sample type of the written file
  --host-name NAME           impersonate a host (DaVinciResolve, uk.co.thefoundry.nuke, fr.inria.Natron)
  --resolve-page Edit|Color|Fusion  pass OfxImageEffectPropResolvePage; Edit/Color ignore the effect's RoD
common options:
  --plugin-path DIR          search DIR too (after OFX_PLUGIN_PATH, before /usr/OFX/Plugins)
  --no-default-paths         search only --plugin-path directories (not OFX_PLUGIN_PATH, /usr/OFX/Plugins)
  --gpu opencl               render plug-ins declaring OpenCL render support on the first OpenCL
                             device (cl_mem buffers of packed rows, the host's in-order queue)
  --gpu cuda                 render plug-ins declaring CUDA render support on CUDA device 0
                             (CUdeviceptr images of packed rows, the host's stream; libcuda.so.1
                             is loaded at run time, OFXHOST_CUDA_LIBRARY names another file)
  --verbose                  print progress and log messages
exit status: 0 ok, 1 bad command line, 2 a plug-in returned an error, 3 host error (files, support)
)";
}

bool splitNodeRef(const std::string &ref, std::string *node, std::string *name) {
  const auto dot = ref.find_last_of('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == ref.size()) return false;
  *node = ref.substr(0, dot);
  *name = ref.substr(dot + 1);
  return true;
}

namespace {

std::vector<std::string> splitValues(const std::string &s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) out.push_back(item);
  if (!s.empty() && s.back() == ',') out.emplace_back();
  if (s.empty()) out.emplace_back();
  return out;
}

bool parseInt(const std::string &s, int *out) {
  if (s.empty()) return false;
  char *end = nullptr;
  const long v = std::strtol(s.c_str(), &end, 10);
  if (*end != '\0') return false;
  *out = static_cast<int>(v);
  return true;
}

bool parseDouble(const std::string &s, double *out) {
  if (s.empty()) return false;
  char *end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return *end == '\0';
}

// "A" or "A-B"; A may be negative ("-3-2").
bool parseFrames(const std::string &s, int *first, int *last) {
  const size_t sep = s.find('-', 1);
  if (sep == std::string::npos) {
    if (!parseInt(s, first)) return false;
    *last = *first;
    return true;
  }
  return parseInt(s.substr(0, sep), first) && parseInt(s.substr(sep + 1), last) && *last >= *first;
}

std::string knownHostLabel(const std::string &name) {
  if (name == "DaVinciResolve" || name == "DaVinciResolveLite") return "DaVinci Resolve";
  if (name == "uk.co.thefoundry.nuke") return "Nuke";
  if (name == "fr.inria.Natron") return "Natron";
  return name;
}

}  // namespace

bool parseCli(const std::vector<std::string> &argsIn, CliOptions *o, std::string *error) {
  *o = CliOptions();
  // Accept "--opt=value" as well as "--opt value".
  std::vector<std::string> args;
  for (const auto &a : argsIn) {
    const auto eq = a.find('=');
    if (a.rfind("--", 0) == 0 && eq != std::string::npos) {
      args.push_back(a.substr(0, eq));
      args.push_back(a.substr(eq + 1));
    } else {
      args.push_back(a);
    }
  }
  if (args.empty()) {
    *error = "no command given";
    return false;
  }
  o->command = args[0];
  if (o->command == "help" || o->command == "--help" || o->command == "-h") {
    o->command = "help";
    return true;
  }
  if (o->command != "list" && o->command != "render") {
    *error = "unknown command '" + o->command + "'";
    return false;
  }
  bool sawHostLabel = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string &a = args[i];
    auto value = [&](std::string *v) {
      if (i + 1 >= args.size()) {
        *error = a + " needs a value";
        return false;
      }
      *v = args[++i];
      return true;
    };
    std::string v;
    if (a == "--json") o->json = true;
    else if (a == "--verbose") o->verbose = true;
    else if (a == "--force-depth") o->forceDepth = true;
    else if (a == "--descriptor-tiles") o->descriptorTiles = true;
    else if (a == "--no-default-paths") o->noDefaultPaths = true;
    else if (a == "--plugin-path") {
      if (!value(&v)) return false;
      o->pluginPaths.push_back(v);
    } else if (a == "--host-name") {
      if (!value(&v)) return false;
      o->hostName = v;
      if (!sawHostLabel) o->hostLabel = knownHostLabel(v);
    } else if (a == "--host-label") {
      if (!value(&v)) return false;
      o->hostLabel = v;
      sawHostLabel = true;
    } else if (o->command == "list") {
      *error = "unknown option for list: " + a;
      return false;
    } else if (a == "--node") {
      if (!value(&v)) return false;
      const auto colon = v.find(':');
      NodeOption n{v.substr(0, colon), colon == std::string::npos ? v : v.substr(colon + 1)};
      if (n.pluginId.empty() || n.label.empty()) {
        *error = "--node needs ID or ID:LABEL, got '" + v + "'";
        return false;
      }
      o->nodes.push_back(n);
    } else if (a == "--input") {
      if (!value(&o->input)) return false;
    } else if (a == "--output") {
      if (!value(&o->output)) return false;
    } else if (a == "--frames") {
      if (!value(&v)) return false;
      if (!parseFrames(v, &o->firstFrame, &o->lastFrame)) {
        *error = "--frames needs A or A-B with A <= B, got '" + v + "'";
        return false;
      }
    } else if (a == "--param" || a == "--key") {
      if (!value(&v)) return false;
      const auto eq = v.find('=');
      ParamAssignment p;
      std::string ref = eq == std::string::npos ? v : v.substr(0, eq);
      p.keyed = a == "--key";
      if (p.keyed) {
        const auto at = ref.find_last_of('@');
        if (at == std::string::npos || !parseDouble(ref.substr(at + 1), &p.frame)) {
          *error = "--key needs NODE.NAME@FRAME=VALUE, got '" + v + "'";
          return false;
        }
        ref = ref.substr(0, at);
      }
      if (eq == std::string::npos || !splitNodeRef(ref, &p.node, &p.param)) {
        *error = a + " needs NODE.NAME" + (p.keyed ? "@FRAME" : "") + "=VALUE, got '" + v + "'";
        return false;
      }
      p.values = splitValues(v.substr(eq + 1));
      o->params.push_back(p);
    } else if (a == "--input-clip") {
      if (!value(&v)) return false;
      const auto eq = v.find('=');
      ClipAssignment c;
      if (eq == std::string::npos || !splitNodeRef(v.substr(0, eq), &c.node, &c.clip) || eq + 1 == v.size()) {
        *error = "--input-clip needs NODE.CLIP=PATH, got '" + v + "'";
        return false;
      }
      c.path = v.substr(eq + 1);
      o->clips.push_back(c);
    } else if (a == "--render-scale") {
      if (!value(&v)) return false;
      // Written as "inside (0, 1]" so that NaN, which fails every comparison, is refused too.
      if (!parseDouble(v, &o->renderScale) || !(o->renderScale > 0 && o->renderScale <= 1)) {
        *error = "--render-scale needs a number in (0, 1], got '" + v + "'";
        return false;
      }
    } else if (a == "--pixel-aspect") {
      if (!value(&v)) return false;
      // "inside [0.1, 10]" refuses NaN and the infinities too; beyond that no footage exists and
      // canonical sizes would lose the pixel grid.
      if (!parseDouble(v, &o->pixelAspect) || !(o->pixelAspect >= 0.1 && o->pixelAspect <= 10.0)) {
        *error = "--pixel-aspect needs a pixel aspect ratio in [0.1, 10], got '" + v + "'";
        return false;
      }
    } else if (a == "--tile") {
      if (!value(&v)) return false;
      if (!parseInt(v, &o->tileSize) || o->tileSize < 1) {
        *error = "--tile needs a positive tile size, got '" + v + "'";
        return false;
      }
    } else if (a == "--threads") {
      if (!value(&v)) return false;
      if (!parseInt(v, &o->threads) || o->threads < 1) {
        *error = "--threads needs a positive count, got '" + v + "'";
        return false;
      }
    } else if (a == "--depth") {
      if (!value(&v)) return false;
      // half is accepted so tests can hand a plug-in a depth it did not declare (with --force-depth).
      if (!parseDepth(v, &o->depth)) {
        *error = "--depth needs byte, short, half or float, got '" + v + "'";
        return false;
      }
    } else if (a == "--components") {
      if (!value(&v)) return false;
      if ((v != "RGBA" && v != "RGB" && v != "Alpha") || !parseComponents(v, &o->components)) {
        *error = "--components needs RGBA, RGB or Alpha, got '" + v + "'";
        return false;
      }
    } else if (a == "--resolve-page") {
      if (!value(&v)) return false;
      if (v != "Edit" && v != "Color" && v != "Fusion") {
        *error = "--resolve-page needs Edit, Color or Fusion, got '" + v + "'";
        return false;
      }
      o->resolvePage = v;
    } else if (a == "--gpu") {
      if (!value(&o->gpu)) return false;
      if (o->gpu != "opencl" && o->gpu != "cuda") {
        *error = "--gpu needs opencl or cuda, got '" + o->gpu + "'";
        return false;
      }
    } else if (a == "--context") {
      if (!value(&v)) return false;
      if (v != "filter" && v != "general") {
        *error = "--context needs filter or general, got '" + v + "'";
        return false;
      }
      o->context = v;
    } else if (a == "--output-format") {
      if (!value(&v)) return false;
      if (!parseFileFormat(v, &o->outputFormat)) {
        *error = "--output-format needs auto, uint8, uint16, half or float, got '" + v + "'";
        return false;
      }
    } else {
      *error = "unknown option '" + a + "'";
      return false;
    }
  }
  if (o->command == "render") {
    if (o->nodes.empty()) *error = "render needs at least one --node";
    else if (o->input.empty()) *error = "render needs --input";
    else if (o->output.empty()) *error = "render needs --output";
    if (!error->empty()) return false;
  }
  return true;
}

}  // namespace ofxhost
