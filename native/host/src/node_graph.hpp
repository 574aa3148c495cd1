// node_graph.hpp — the render graph built from a command line: files and a chain of effects.
//
// Node i's Source clip is fed by node i-1's output (node 0's by the --input file); extra input
// clips are wired to files by name (--input-clip). Rendering a frame asks the last node for its
// RoD and renders that window, in tiles when asked; each node pulls what it needs upstream
// through its regions of interest.
#pragma once

#include "cli.hpp"
#include "effect_node.hpp"
#include "file_source.hpp"
#include "plugin.hpp"

#include <memory>
#include <vector>

namespace ofxhost {

class NodeGraph {
 public:
  NodeGraph(PluginCache &plugins, const CliOptions &options);
  ~NodeGraph();
  NodeGraph(const NodeGraph &) = delete;
  NodeGraph &operator=(const NodeGraph &) = delete;

  void build();  // creates instances, wires clips, applies params, runs clip preferences
  void beginSequence();
  void endSequence();
  void purgeCaches();  // after a batch: plug-ins may drop what they cached (models, LUTs)
  FloatImage renderFrame(int frame);
  EffectNode &node(size_t i) { return *nodes_[i]; }
  size_t size() const { return nodes_.size(); }
  const RenderSettings &settings() const { return settings_; }

 private:
  EffectNode &findNode(const std::string &ref);
  PluginCache &plugins_;
  CliOptions options_;
  RenderSettings settings_;
  std::vector<std::unique_ptr<FileSource>> files_;
  std::vector<std::unique_ptr<EffectNode>> nodes_;
  bool begun_ = false;
};

}  // namespace ofxhost
