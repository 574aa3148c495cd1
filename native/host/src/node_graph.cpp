// node_graph.cpp — building and rendering the effect chain.
#include "node_graph.hpp"

#include "param_values.hpp"
#include "tiles.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace ofxhost {

NodeGraph::NodeGraph(PluginCache &plugins, const CliOptions &o) : plugins_(plugins), options_(o) {
  settings_.depth = o.depth;
  settings_.components = o.components;
  settings_.forceDepth = o.forceDepth;
  settings_.renderScale = o.renderScale;
  settings_.pixelAspect = o.pixelAspect;
  settings_.tileSize = o.tileSize;
  settings_.threads = o.threads;
  settings_.descriptorTiles = o.descriptorTiles;
  settings_.resolvePage = o.resolvePage;
  settings_.context = o.context;
  settings_.firstFrame = o.firstFrame;
  settings_.lastFrame = o.lastFrame;
  if (!o.gpu.empty()) {
    settings_.gpu = createGpuContext(o.gpu);
  }
}

NodeGraph::~NodeGraph() {
  if (begun_) {
    try {
      endSequence();
    } catch (const std::exception &) {
      // Already failing; the original error is what gets reported.
    }
  }
  // Downstream instances are destroyed before the nodes that feed them.
  while (!nodes_.empty()) nodes_.pop_back();
}

EffectNode &NodeGraph::findNode(const std::string &ref) {
  EffectNode *byLabel = nullptr;
  std::vector<EffectNode *> byId;
  for (auto &n : nodes_) {
    if (n->label() == ref) byLabel = n.get();
    if (n->plugin()->identifier == ref) byId.push_back(n.get());
  }
  if (byLabel != nullptr) return *byLabel;
  if (byId.size() == 1) return *byId.front();
  if (byId.size() > 1) throw HostError("node '" + ref + "' is ambiguous: give each --node a LABEL (ID:LABEL)");
  throw HostError("no node '" + ref + "' (use a --node label or plug-in identifier)");
}

void NodeGraph::build() {
  files_.push_back(std::make_unique<FileSource>(options_.input));
  FileSource &main = *files_.front();
  settings_.projectSize = main.size(options_.firstFrame);
  settings_.projectSize.x *= settings_.pixelAspect;  // canonical: a 720-pixel row at PAR 16/15 is 768 wide

  std::set<std::string> labels;
  for (const auto &n : options_.nodes) {
    Plugin *p = plugins_.find(n.pluginId);
    if (p == nullptr) {
      // A bundle that failed to load is the likely reason: say which, with why.
      std::string failed;
      for (const auto &u : plugins_.unloadable()) failed += "\n  cannot load " + u;
      throw HostError("no plug-in with identifier '" + n.pluginId + "' was found (try `ofxhost list`)" + failed);
    }
    if (!labels.insert(n.label).second) throw HostError("two nodes are labelled '" + n.label + "'");
    nodes_.push_back(std::make_unique<EffectNode>(p, n.label, settings_));
    nodes_.back()->create();
  }
  // The chain: each node's Source is the previous node (or the input file).
  for (size_t i = 0; i < nodes_.size(); ++i) {
    EffectNode &n = *nodes_[i];
    ImageSource *upstream = i == 0 ? static_cast<ImageSource *>(&main) : nodes_[i - 1].get();
    const std::vector<std::string> clips = n.inputClipNames();
    if (std::find(clips.begin(), clips.end(), kOfxImageEffectSimpleSourceClipName) != clips.end())
      n.connect(kOfxImageEffectSimpleSourceClipName, upstream);
    else if (!clips.empty())
      n.connect(clips.front(), upstream);  // general context without "Source": the first input
  }
  for (const auto &c : options_.clips) {
    files_.push_back(std::make_unique<FileSource>(c.path));
    // Read the first frame now: an unreadable file is a host error before any render starts,
    // not a failure the plug-in meets inside clipGetImage.
    files_.back()->size(options_.firstFrame);
    findNode(c.node).connect(c.clip, files_.back().get());
  }
  std::map<EffectNode *, std::vector<std::string>> edited;
  for (const auto &a : options_.params) {
    EffectNode &n = findNode(a.node);
    Param *p = n.findParam(a.param);
    if (p == nullptr) throw HostError(n.plugin()->identifier + " has no parameter '" + a.param + "'");
    applyAssignment(*p, a);
    auto &names = edited[&n];
    if (std::find(names.begin(), names.end(), a.param) == names.end()) names.push_back(a.param);
  }
  for (auto &n : nodes_) {
    n->paramsEdited(edited[n.get()]);
    n->clipPreferences();
  }
}

void NodeGraph::beginSequence() {
  for (auto &n : nodes_) n->beginSequence();
  begun_ = true;
}

void NodeGraph::endSequence() {
  begun_ = false;
  for (auto &n : nodes_) n->endSequence();
}

void NodeGraph::purgeCaches() {
  for (auto &n : nodes_) n->purgeCaches();
}

FloatImage NodeGraph::renderFrame(int frame) {
  const double time = frame;
  for (auto &n : nodes_) n->instance()->timelineTime = time;
  EffectNode &last = *nodes_.back();
  const OfxRectI window = last.regionOfDefinition(time, settings_.scale());
  return renderTiled(last, time, window, settings_.scale(), settings_.tileSize, settings_.threads);
}

}  // namespace ofxhost
