// app.cpp — `ofxhost list` and `ofxhost render`.
#include "app.hpp"

#include <chrono>

#include "cli.hpp"
#include "frame_path.hpp"
#include "host.hpp"
#include "image_io.hpp"
#include "list_command.hpp"
#include "message_log.hpp"
#include "node_graph.hpp"

namespace ofxhost {

namespace {

int render(PluginCache &plugins, const CliOptions &o, std::ostream &out, std::ostream &err) {
  if (o.lastFrame > o.firstFrame && !hasFramePattern(o.output)) {
    err << "ofxhost: several frames need a frame pattern in --output ('out.####.exr' or 'out.%04d.exr')\n";
    return 1;
  }
  NodeGraph graph(plugins, o);
  // To the caller's error stream (not stderr directly), so an in-process caller such as the tests sees it.
  if (o.verbose && graph.settings().gpu)
    err << "[ofxhost] " << graph.settings().gpu->apiName() << ": " << graph.settings().gpu->description() << "\n";
  try {
    graph.build();
    graph.beginSequence();
    // The loop ends on the last frame rather than past it: `f <= lastFrame` never turns false
    // when lastFrame is INT_MAX (--frames 2147483646-2147483647 rendered for ever).
    for (int f = o.firstFrame;; ++f) {
      const auto started = std::chrono::steady_clock::now();
      FloatImage img = graph.renderFrame(f);
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      const std::string path = framePath(o.output, f);
      writeImage(path, img, o.outputFormat);
      // The render time (input fetch, every node, no file writing) is what bench/plugin-frame-bench.sh reads.
      if (o.verbose) out << "frame " << f << " -> " << path << " (" << img.width() << "x" << img.height() << ") in " << ms << " ms\n";
      if (f == o.lastFrame) break;
    }
    graph.endSequence();
    graph.purgeCaches();
  } catch (const OfxError &e) {
    err << "ofxhost: render failed: " << e.what() << "\n";
    for (size_t i = 0; i < graph.size(); ++i) {
      Effect *inst = graph.node(i).instance();
      if (inst == nullptr) continue;
      std::lock_guard<std::mutex> g(inst->messagesLock);
      for (const auto &m : inst->persistentMessages) err << "  " << inst->pluginId() << ": " << m << "\n";
    }
    return 2;
  }
  return 0;
}

}  // namespace

int runOfxhost(const std::vector<std::string> &args, std::ostream &out, std::ostream &err) {
  CliOptions o;
  std::string error;
  if (!parseCli(args, &o, &error)) {
    err << "ofxhost: " << error << "\n\n" << usage();
    return 1;
  }
  if (o.command == "help") {
    out << usage();
    return 0;
  }
  configureHost(HostIdentity{o.hostName, o.hostLabel, o.gpu});
  setVerbose(o.verbose);
  try {
    PluginCache plugins;
    plugins.discover(o.noDefaultPaths ? o.pluginPaths : PluginCache::searchPath(o.pluginPaths));
    if (o.command == "list") {
      listPlugins(plugins, o.json, out);
      return 0;
    }
    return render(plugins, o, out, err);
  } catch (const OfxError &e) {
    err << "ofxhost: " << e.what() << "\n";
    return 2;
  } catch (const HostError &e) {
    err << "ofxhost: " << e.what() << "\n";
    return 3;
  } catch (const std::exception &e) {
    err << "ofxhost: " << e.what() << "\n";
    return 3;
  }
}

}  // namespace ofxhost
