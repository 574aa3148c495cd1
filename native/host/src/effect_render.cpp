// effect_render.cpp — EffectNode rendering: RoD, isIdentity, RoI, Render, and clip images.
#include "effect_node.hpp"

#include "action_context.hpp"
#include "message_log.hpp"

#include <algorithm>
#include <cstdio>

namespace ofxhost {

namespace {
// Guards against a plug-in that asks for its own Output RoD from inside GetRegionOfDefinition.
thread_local const EffectNode *t_inRod = nullptr;

void setRect(PropertySet &p, const char *name, const OfxRectD &r) { p.defineDouble(name, {r.x1, r.y1, r.x2, r.y2}, true); }
OfxRectD getRect(const PropertySet &p, const std::string &name, const OfxRectD &fallback) {
  if (p.dim(name) < 4) return fallback;
  return OfxRectD{p.dbl(name, 0), p.dbl(name, 1), p.dbl(name, 2), p.dbl(name, 3)};
}
}  // namespace

OfxRectI EffectNode::mainInputRod(double time, OfxPointD scale) {
  auto it = inputs_.find(kOfxImageEffectSimpleSourceClipName);
  if (it == inputs_.end() || it->second == nullptr) {
    for (const auto &kv : inputs_)
      if (kv.second != nullptr) return kv.second->regionOfDefinition(time, scale);
    return toPixels(OfxRectD{0, 0, settings_.projectSize.x, settings_.projectSize.y}, settings_.pixelsPerCanonical(scale));  // generator-like
  }
  return it->second->regionOfDefinition(time, scale);
}

OfxRectI EffectNode::regionOfDefinition(double time, OfxPointD scale) {
  const auto key = std::make_pair(time, scale.x);
  {
    std::lock_guard<std::mutex> g(cacheLock_);
    auto it = rodCache_.find(key);
    if (it != rodCache_.end()) return it->second;
  }
  const OfxRectI source = mainInputRod(time, scale);
  OfxRectI rod = source;
  if (!settings_.ignoresRegionOfDefinition()) {
    PropertySet in, out;
    in.defineDouble(kOfxPropTime, {time});
    in.defineDouble(kOfxImageEffectPropRenderScale, {scale.x, scale.y}, true);
    setRect(out, kOfxImageEffectPropRegionOfDefinition, toCanonical(source, settings_.pixelsPerCanonical(scale)));
    struct InRod {  // restored even when call() rethrows a host failure
      const EffectNode *previous = t_inRod;
      explicit InRod(const EffectNode *node) { t_inRod = node; }
      ~InRod() { t_inRod = previous; }
    };
    OfxStatus st;
    {
      InRod inRod(this);
      st = call(kOfxImageEffectActionGetRegionOfDefinition, &in, &out, time, true);
    }
    check(st, kOfxImageEffectActionGetRegionOfDefinition);
    if (st == kOfxStatOK)
      rod = toPixels(getRect(out, kOfxImageEffectPropRegionOfDefinition, toCanonical(source, settings_.pixelsPerCanonical(scale))),
                     settings_.pixelsPerCanonical(scale));
  }
  std::lock_guard<std::mutex> g(cacheLock_);
  rodCache_[key] = rod;
  return rod;
}

bool EffectNode::identity(double time, const OfxRectI &window, OfxPointD scale, FloatImage *result) {
  PropertySet in, out;
  in.defineDouble(kOfxPropTime, {time});
  in.defineString(kOfxImageEffectPropFieldToRender, {kOfxImageFieldNone});
  in.defineInt(kOfxImageEffectPropRenderWindow, {window.x1, window.y1, window.x2, window.y2}, true);
  in.defineDouble(kOfxImageEffectPropRenderScale, {scale.x, scale.y}, true);
  out.defineString(kOfxPropName, {""});
  out.defineDouble(kOfxPropTime, {time});
  OfxStatus st = call(kOfxImageEffectActionIsIdentity, &in, &out, time, true);
  if (st == kOfxStatReplyDefault || st == kOfxStatReplyNo) return false;
  check(st, kOfxImageEffectActionIsIdentity);
  const std::string clip = out.str(kOfxPropName);
  const double t = out.dbl(kOfxPropTime, 0, time);
  auto it = inputs_.find(clip);
  FloatImage img(window);  // an unconnected or unknown clip is transparent black
  if (it != inputs_.end() && it->second != nullptr) paste(it->second->render(t, window, scale), img);
  *result = std::move(img);
  return true;
}

std::map<std::string, OfxRectI> EffectNode::regionsOfInterest(double time, const OfxRectI &window, OfxPointD scale) {
  const OfxRectD canonicalWindow = toCanonical(window, settings_.pixelsPerCanonical(scale));
  PropertySet in, out;
  in.defineDouble(kOfxPropTime, {time});
  in.defineDouble(kOfxImageEffectPropRenderScale, {scale.x, scale.y}, true);
  setRect(in, kOfxImageEffectPropRegionOfInterest, canonicalWindow);
  for (const auto &kv : inputs_) setRect(out, ("OfxImageClipPropRoI_" + kv.first).c_str(), canonicalWindow);
  OfxStatus st = call(kOfxImageEffectActionGetRegionsOfInterest, &in, &out, time, true);
  check(st, kOfxImageEffectActionGetRegionsOfInterest);
  std::map<std::string, OfxRectI> rois;
  for (const auto &kv : inputs_) {
    if (kv.second != nullptr && !clipSupportsTiles(kv.first))
      rois[kv.first] = kv.second->regionOfDefinition(time, scale);  // a clip without tiles gets whole images
    else
      rois[kv.first] = toPixels(getRect(out, "OfxImageClipPropRoI_" + kv.first, canonicalWindow), settings_.pixelsPerCanonical(scale));
  }
  return rois;
}

// kOfxImageEffectActionGetFramesNeeded, asked of plug-ins that declare temporal clip access: every
// input clip's range starts as the frame itself (the spec's default) and the plug-in may widen it.
std::map<std::string, std::vector<double>> EffectNode::framesNeeded(double time) {
  std::map<std::string, std::vector<double>> ranges;
  for (const auto &kv : inputs_) ranges[kv.first] = {time, time};
  if (instance_->props.integer(kOfxImageEffectPropTemporalClipAccess, 0, 0) == 0) return ranges;
  PropertySet in, out;
  in.defineDouble(kOfxPropTime, {time});
  for (const auto &kv : inputs_) out.defineDouble("OfxImageClipPropFrameRange_" + kv.first, {time, time});
  OfxStatus st = call(kOfxImageEffectActionGetFramesNeeded, &in, &out, time, true);
  check(st, kOfxImageEffectActionGetFramesNeeded);
  for (auto &kv : ranges) {
    const std::string name = "OfxImageClipPropFrameRange_" + kv.first;
    int n = 0;
    if (st == kOfxStatOK && out.dimension(name.c_str(), &n) == kOfxStatOK && n >= 2) {
      kv.second.clear();
      for (int i = 0; i + 1 < n; i += 2) kv.second.insert(kv.second.end(), {out.dbl(name, i), out.dbl(name, i + 1)});
    }
    if (verbose()) {
      std::string list;
      for (size_t i = 0; i + 1 < kv.second.size(); i += 2)
        list += (i ? ", " : "") + std::to_string(kv.second[i]) + ".." + std::to_string(kv.second[i + 1]);
      std::fprintf(stderr, "[ofxhost] %s: frames needed at %g from %s: %s\n", label_.c_str(), time, kv.first.c_str(), list.c_str());
    }
  }
  return ranges;
}

FloatImage EffectNode::render(double time, const OfxRectI &window, OfxPointD scale) {
  const OfxRectI rod = regionOfDefinition(time, scale);
  const OfxRectI win = intersect(window, rod);
  if (isEmpty(win)) return FloatImage(win);
  if (supportsTiles()) return renderWindow(time, win, scale);
  // No tiles: the plug-in renders its whole RoD; the result serves every tile of this frame.
  const auto key = std::make_pair(time, scale.x);
  std::lock_guard<std::mutex> once(fullFrameLock_);  // concurrent tiles wait for one full render
  {
    std::lock_guard<std::mutex> g(cacheLock_);
    auto it = fullFrameCache_.find(key);
    if (it != fullFrameCache_.end()) return crop(it->second, win);
  }
  FloatImage full = renderWindow(time, rod, scale);
  std::lock_guard<std::mutex> g(cacheLock_);
  fullFrameCache_.clear();  // one frame is enough: frames are rendered in order
  auto &stored = fullFrameCache_[key] = std::move(full);
  return crop(stored, win);
}

FloatImage EffectNode::renderWindow(double time, const OfxRectI &window, OfxPointD scale) {
  FloatImage same;
  if (identity(time, window, scale, &same)) return same;

  RenderContext rc;
  rc.node = this;
  rc.time = time;
  rc.scale = scale;
  rc.window = window;
  rc.regionsOfInterest = regionsOfInterest(time, window, scale);
  rc.framesNeeded = framesNeeded(time);
  // Upstream renders happen before this node's lock is taken, so a chain of the same
  // thread-unsafe plug-in cannot deadlock on itself.
  for (const auto &kv : inputs_) {
    if (kv.second == nullptr) continue;
    const OfxRectI want = intersect(rc.regionsOfInterest[kv.first], kv.second->regionOfDefinition(time, scale));
    rc.inputs[kv.first] = kv.second->render(time, want, scale);
  }
  // A plug-in that declared render support for the GPU API in use renders on the host's queue or
  // stream; if it answers kOfxStatGPURenderFailed the host renders the same window again with CPU images.
  const bool gpu = gpuRender();
  OfxStatus st = renderAttempt(rc, gpu);
  if (gpu && st == kOfxStatGPURenderFailed) {
    if (verbose()) std::fprintf(stderr, "[ofxhost] %s: %s render failed, rendering on the CPU\n", label_.c_str(), settings_.gpu->apiName());
    st = renderAttempt(rc, false);
  }
  if (st != kOfxStatOK) throw OfxError(st, plugin_->identifier, kOfxImageEffectActionRender);
  return rc.output->toFloat();
}

bool EffectNode::gpuRender() const { return settings_.gpu != nullptr && settings_.gpu->supportedBy(instance_->props); }

ImageStorageFactory EffectNode::storageFor(const RenderContext *rc) const {
  return rc != nullptr && rc->gpu ? settings_.gpu->storage() : settings_.storage;
}

OfxStatus EffectNode::renderAttempt(RenderContext &rc, bool gpu) {
  const double time = rc.time;
  const OfxPointD scale = rc.scale;
  const OfxRectI window = rc.window;
  rc.gpu = gpu;
  if (gpu) settings_.gpu->enterRenderThread();
  Clip *outClip = instance_->findClip(kOfxImageEffectOutputClipName);
  auto output = std::make_unique<ClipImage>(window, clipDepth(*outClip), clipComponents(*outClip), storageFor(&rc));
  output->setDescription(time, scale, settings_.pixelAspect, regionOfDefinition(time, scale), label_ + "/out");
  output->onRelease = [](ClipImage *) {};  // the host reads it after Render
  rc.output = output.get();

  PropertySet in;
  addRenderArgs(in, time, scale);
  in.defineString(kOfxImageEffectPropFieldToRender, {kOfxImageFieldNone});
  in.defineInt(kOfxImageEffectPropRenderWindow, {window.x1, window.y1, window.x2, window.y2}, true);
  if (gpu) settings_.gpu->addRenderArgs(in, instance_->props);
  OfxStatus st;
  {
    std::unique_lock<std::mutex> guard;
    if (instance_->props.str(kOfxImageEffectPluginRenderThreadSafety) != kOfxImageEffectRenderFullySafe)
      guard = std::unique_lock<std::mutex>(renderLock());
    {
      std::lock_guard<std::mutex> g(activeLock_);
      active_.push_back(&rc);
    }
    // call() rethrows a host failure from inside the render: rc must leave active_ either way.
    struct Deactivate {
      EffectNode *node;
      RenderContext *rc;
      ~Deactivate() {
        std::lock_guard<std::mutex> g(node->activeLock_);
        node->active_.erase(std::find(node->active_.begin(), node->active_.end(), rc));
      }
    } deactivate{this, &rc};
    st = call(kOfxImageEffectActionRender, &in, nullptr, time, true, &rc);
  }
  if (gpu && st == kOfxStatOK) settings_.gpu->finishRender();
  {
    // The images of a failed attempt are the wrong kind for the retry.
    std::lock_guard<std::mutex> g(rc.lock);
    if (st != kOfxStatOK) rc.handedOut.clear();
  }
  rc.ownedOutput = std::move(output);
  return st;
}

RenderContext *EffectNode::renderFor(double time, bool *ambiguous) {
  *ambiguous = false;
  ActionContext *action = currentAction();
  if (action != nullptr && action->render != nullptr && action->render->node == this) return action->render;
  // A thread the plug-in started: only an unambiguous match is safe, because the images handed
  // out belong to that render and die with it.
  std::lock_guard<std::mutex> g(activeLock_);
  RenderContext *match = nullptr;
  int matches = 0;
  for (RenderContext *rc : active_)
    if (rc->time == time) match = rc, ++matches;
  if (matches == 0 && active_.size() == 1) return active_.front();
  *ambiguous = matches > 1 || (matches == 0 && active_.size() > 1);
  return matches == 1 ? match : nullptr;
}

namespace {

// Temporal access: a plug-in asking for another frame than the one its action is about may ask
// beyond the sequence (the frame before the first). OFX answers that with kOfxStatFailed ("the
// image does not exist in the clip"): no image, and the action goes on. A failure at the action's
// own frame is a real error and fails the render (see EffectNode::call).
bool isOtherFrame(double time) {
  const ActionContext *action = currentAction();
  return action != nullptr && action->hasTime && action->time != time;
}

}  // namespace

template <typename Query>
OfxStatus EffectNode::guardedClipQuery(const Clip &clip, double time, const char *what, Query &&query) {
  try {
    return query();
  } catch (const std::exception &e) {
    if (isOtherFrame(time)) {
      if (verbose()) std::fprintf(stderr, "[ofxhost] %s: no %s of %s at frame %g (%s)\n", label_.c_str(), what, clip.name().c_str(), time, e.what());
      return kOfxStatFailed;
    }
    noteSuiteFailure(std::current_exception());
    return kOfxStatFailed;
  } catch (...) {
    noteSuiteFailure(std::current_exception());
    return kOfxStatFailed;
  }
}

OfxStatus EffectNode::getImage(Clip &clip, double time, const OfxRectD *region, OfxPropertySetHandle *image) {
  return guardedClipQuery(clip, time, "image", [&] { return fetchImage(clip, time, region, image); });
}

OfxStatus EffectNode::getRegionOfDefinition(Clip &clip, double time, OfxRectD *rod) {
  return guardedClipQuery(clip, time, "region of definition", [&] { return clipRegionOfDefinition(clip, time, rod); });
}

OfxStatus EffectNode::fetchImage(Clip &clip, double time, const OfxRectD *region, OfxPropertySetHandle *image) {
  bool ambiguous = false;
  RenderContext *rc = renderFor(time, &ambiguous);
  if (ambiguous) {
    // Several renders of this instance run at once (FullySafe + --threads) and the call comes
    // from a thread the host did not start: there is no telling which render it belongs to.
    std::fprintf(stderr, "[ofxhost] %s: clipGetImage(%s) from a plug-in thread during concurrent renders of one instance "
                 "is ambiguous; fetch images on the render thread or declare InstanceSafe\n",
                 plugin_->identifier.c_str(), clip.name().c_str());
    return kOfxStatFailed;
  }
  if (clip.isOutput()) {
    if (rc == nullptr || rc->output == nullptr) return kOfxStatFailed;  // only during Render
    *image = rc->output->handle();
    return kOfxStatOK;
  }
  auto src = inputs_.find(clip.name());
  if (src == inputs_.end() || src->second == nullptr) return kOfxStatFailed;  // unconnected clip
  const OfxPointD scale = rc != nullptr ? rc->scale : settings_.scale();
  OfxRectI want = src->second->regionOfDefinition(time, scale);
  if (region != nullptr) want = intersect(want, toPixels(*region, settings_.pixelsPerCanonical(scale)));
  else if (rc != nullptr) want = intersect(want, rc->regionsOfInterest[clip.name()]);
  FloatImage pixels;
  const FloatImage *pre = nullptr;
  if (rc != nullptr && time == rc->time) {
    auto it = rc->inputs.find(clip.name());
    if (it != rc->inputs.end()) pre = &it->second;
  }
  if (pre != nullptr && region == nullptr) {
    pixels = *pre;
  } else if (pre != nullptr && intersect(want, pre->bounds) == want) {
    pixels = crop(*pre, want);  // an explicit region inside what was prefetched
  } else {
    if (rc != nullptr && time != rc->time && verbose()) {
      const auto found = rc->framesNeeded.find(clip.name());
      bool declared = false;
      if (found != rc->framesNeeded.end())
        for (size_t i = 0; i + 1 < found->second.size(); i += 2)
          declared = declared || (time >= found->second[i] && time <= found->second[i + 1]);
      if (!declared)
        std::fprintf(stderr, "[ofxhost] %s: fetched %s at frame %g, outside the frames GetFramesNeeded declared for frame %g\n",
                     label_.c_str(), clip.name().c_str(), time, rc->time);
    }
    // Another frame (temporal access) or a region beyond the RoI: render it upstream now.
    pixels = src->second->render(time, want, scale);
  }
  auto img = std::make_unique<ClipImage>(pixels.bounds, clipDepth(clip), clipComponents(clip), storageFor(rc));
  img->fill(pixels);
  img->setDescription(time, scale, settings_.pixelAspect, src->second->regionOfDefinition(time, scale),
                      label_ + "/" + clip.name() + "/" + std::to_string(time));
  ClipImage *raw = img.get();
  if (rc != nullptr) {
    raw->onRelease = [rc](ClipImage *done) {
      std::lock_guard<std::mutex> g(rc->lock);
      for (auto it = rc->handedOut.begin(); it != rc->handedOut.end(); ++it)
        if (it->get() == done) {
          rc->handedOut.erase(it);
          return;
        }
    };
    std::lock_guard<std::mutex> g(rc->lock);
    rc->handedOut.push_back(std::move(img));
  } else {
    raw->onRelease = [](ClipImage *done) { delete done; };
    img.release();
  }
  *image = raw->handle();
  return kOfxStatOK;
}

OfxStatus EffectNode::clipRegionOfDefinition(Clip &clip, double time, OfxRectD *rod) {
  bool ambiguous = false;
  RenderContext *rc = renderFor(time, &ambiguous);
  const OfxPointD scale = rc != nullptr ? rc->scale : settings_.scale();
  if (clip.isOutput()) {
    const OfxRectI r = t_inRod == this ? mainInputRod(time, scale) : regionOfDefinition(time, scale);
    *rod = toCanonical(r, settings_.pixelsPerCanonical(scale));
    return kOfxStatOK;
  }
  auto src = inputs_.find(clip.name());
  if (src == inputs_.end() || src->second == nullptr) {
    *rod = OfxRectD{0, 0, 0, 0};
    return kOfxStatOK;
  }
  *rod = toCanonical(src->second->regionOfDefinition(time, scale), settings_.pixelsPerCanonical(scale));
  return kOfxStatOK;
}

}  // namespace ofxhost
