// effect_node.hpp — one plug-in instance in a render graph.
//
// Lifecycle (effect_node.cpp): describe in context, check depth/components support, create the
// instance, clip preferences, user edits (InstanceChanged), begin/end sequence, destroy.
// Rendering (effect_render.cpp): RoD, isIdentity, RoI -> upstream renders, Render, and the
// clip image provider that answers clipGetImage/clipGetRegionOfDefinition during it.
#pragma once

#include "effect.hpp"
#include "image_source.hpp"
#include "plugin.hpp"
#include "render_settings.hpp"

#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ofxhost {

class EffectNode;

// The state of one Render action (one tile of one frame) while the plug-in runs.
class RenderContext {
 public:
  EffectNode *node = nullptr;
  double time = 0;
  OfxPointD scale{1, 1};
  OfxRectI window{0, 0, 0, 0};
  std::map<std::string, FloatImage> inputs;     // prefetched over RoI ∩ input RoD
  std::map<std::string, OfxRectI> regionsOfInterest;
  // Temporal access: the frame ranges (first, last pairs) per input clip from GetFramesNeeded.
  std::map<std::string, std::vector<double>> framesNeeded;
  ClipImage *output = nullptr;
  std::unique_ptr<ClipImage> ownedOutput;  // the image behind output
  bool gpu = false;  // images of this render are device memory of settings.gpu (cl_mem / CUdeviceptr)
  std::mutex lock;
  std::vector<std::unique_ptr<ClipImage>> handedOut;  // freed on release or at the end
};

class EffectNode : public ImageSource, public ClipImageProvider {
 public:
  EffectNode(Plugin *plugin, std::string label, const RenderSettings &settings);
  ~EffectNode() override;
  EffectNode(const EffectNode &) = delete;
  EffectNode &operator=(const EffectNode &) = delete;

  const std::string &label() const { return label_; }
  Plugin *plugin() const { return plugin_; }
  Effect *instance() const { return instance_.get(); }
  const std::string &context() const { return context_; }

  // Describes, validates and creates the instance. Throws HostError / OfxError.
  void create();
  // Wires an input clip; the main input is "Source". Unknown clip names are a HostError.
  void connect(const std::string &clip, ImageSource *source);
  std::vector<std::string> inputClipNames() const;
  Param *findParam(const std::string &name) const;
  // Tells the plug-in these params were edited by the user, then re-runs clip preferences.
  void paramsEdited(const std::vector<std::string> &names);
  void clipPreferences();
  void beginSequence();
  void endSequence();
  void purgeCaches();  // kOfxActionPurgeCaches, and the host's own caches of this node

  OfxRectI regionOfDefinition(double time, OfxPointD scale) override;
  FloatImage render(double time, const OfxRectI &window, OfxPointD scale) override;

  // Called by the plug-in through the image effect suite. A host failure behind them (an input
  // file that cannot be read, an upstream node's error) is kept (noteSuiteFailure) and the
  // plug-in gets kOfxStatFailed; the action it was in rethrows the failure once it returns.
  OfxStatus getImage(Clip &clip, double time, const OfxRectD *region, OfxPropertySetHandle *image) override;
  OfxStatus getRegionOfDefinition(Clip &clip, double time, OfxRectD *rod) override;

 private:
  OfxStatus fetchImage(Clip &clip, double time, const OfxRectD *region, OfxPropertySetHandle *image);
  OfxStatus clipRegionOfDefinition(Clip &clip, double time, OfxRectD *rod);
  void noteSuiteFailure(std::exception_ptr failure);
  // Runs a clip query for the plug-in with nothing thrown back into it: see effect_render.cpp.
  template <typename Query>
  OfxStatus guardedClipQuery(const Clip &clip, double time, const char *what, Query &&query);
  void rethrowSuiteFailure();
  OfxStatus call(const char *action, PropertySet *in, PropertySet *out, double time, bool hasTime,
                 RenderContext *render = nullptr);
  void check(OfxStatus st, const char *action) const;  // throws OfxError unless OK/default
  bool supportsTiles() const;
  // The clip's kOfxImageEffectPropSupportsTiles (true for a name the effect did not define).
  bool clipSupportsTiles(const std::string &clipName) const;
  OfxRectI mainInputRod(double time, OfxPointD scale);
  FloatImage renderWindow(double time, const OfxRectI &window, OfxPointD scale);
  bool identity(double time, const OfxRectI &window, OfxPointD scale, FloatImage *out);
  std::map<std::string, OfxRectI> regionsOfInterest(double time, const OfxRectI &window, OfxPointD scale);
  std::map<std::string, std::vector<double>> framesNeeded(double time);
  void addRenderArgs(PropertySet &in, double time, OfxPointD scale) const;
  std::mutex &renderLock();
  // GPU mode (--gpu opencl|cuda): whether this plug-in renders on the host's OpenCL queue or CUDA
  // stream, where a render's images live, and one Render call with CPU or device images.
  bool gpuRender() const;
  ImageStorageFactory storageFor(const RenderContext *rc) const;
  OfxStatus renderAttempt(RenderContext &rc, bool gpu);
  Depth clipDepth(const Clip &c) const;
  // The render in progress for a clipGetImage call: the calling thread's, or, for a call from a
  // thread the plug-in started itself, the one active render of this node at `time` (null and
  // *ambiguous when several renders of this instance run at once).
  RenderContext *renderFor(double time, bool *ambiguous);
  Components clipComponents(const Clip &c) const;

  Plugin *plugin_;
  std::string label_;
  RenderSettings settings_;
  std::string context_;
  std::unique_ptr<Effect> instance_;
  std::map<std::string, ImageSource *> inputs_;
  std::mutex instanceLock_;  // InstanceSafe: one render at a time on this instance
  std::mutex cacheLock_;
  std::map<std::pair<double, double>, OfxRectI> rodCache_;
  // A plug-in without tile support renders its whole RoD; keep it for the other tiles.
  std::map<std::pair<double, double>, FloatImage> fullFrameCache_;
  std::mutex fullFrameLock_;  // one whole-RoD render at a time fills fullFrameCache_
  std::mutex activeLock_;
  std::vector<RenderContext *> active_;
  std::mutex failureLock_;
  std::exception_ptr suiteFailure_;  // the first host failure inside a suite call, until rethrown
  bool sequenceBegun_ = false;
  int uidCounter_ = 0;
};

}  // namespace ofxhost
