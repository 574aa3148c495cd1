// effect_node.cpp — EffectNode lifecycle: create, clip preferences, edits, sequences, destroy.
#include "effect_node.hpp"

#include "action_context.hpp"
#include "host.hpp"
#include "message_log.hpp"
#include "normalised_defaults.hpp"

#include <algorithm>
#include <cstdio>

namespace ofxhost {

namespace {
bool contains(const std::vector<std::string> &v, const std::string &s) { return std::find(v.begin(), v.end(), s) != v.end(); }
const char *kOpenGLEnabled = "OfxImageEffectPropOpenGLEnabled";  // ofxGPURender.h; not in ofx_abi.h
}  // namespace

EffectNode::EffectNode(Plugin *plugin, std::string label, const RenderSettings &settings)
    : plugin_(plugin), label_(std::move(label)), settings_(settings) {}

EffectNode::~EffectNode() {
  if (!instance_) return;
  if (sequenceBegun_) {
    try {
      endSequence();
    } catch (const std::exception &) {
      // Destruction must not throw; the error was (or will be) reported by the render path.
    }
  }
  ActionContext ctx{instance_.get(), false, 0.0, nullptr};
  ActionScope scope(&ctx);
  plugin_->call(kOfxActionDestroyInstance, instance_->handle(), nullptr, nullptr);
  instance_.reset();
}

OfxStatus EffectNode::call(const char *action, PropertySet *in, PropertySet *out, double time, bool hasTime,
                           RenderContext *render) {
  ActionContext ctx{instance_.get(), hasTime, time, render};
  ActionScope scope(&ctx);
  const OfxStatus st = plugin_->call(action, instance_->handle(), in ? in->handle() : nullptr, out ? out->handle() : nullptr);
  // The plug-in has returned: a host failure it was told about as kOfxStatFailed is the real
  // error (e.g. "cannot read image ..."), whatever the plug-in made of it.
  rethrowSuiteFailure();
  return st;
}

void EffectNode::noteSuiteFailure(std::exception_ptr failure) {
  std::lock_guard<std::mutex> g(failureLock_);
  if (!suiteFailure_) suiteFailure_ = failure;
}

void EffectNode::rethrowSuiteFailure() {
  std::exception_ptr failure;
  {
    std::lock_guard<std::mutex> g(failureLock_);
    std::swap(failure, suiteFailure_);
  }
  if (failure) std::rethrow_exception(failure);
}

void EffectNode::check(OfxStatus st, const char *action) const {
  if (st != kOfxStatOK && st != kOfxStatReplyDefault) throw OfxError(st, plugin_->identifier, action);
}

void EffectNode::create() {
  OfxStatus st = plugin_->ensureDescribed();
  if (st != kOfxStatOK) throw OfxError(st, plugin_->identifier, kOfxActionDescribe);
  const std::vector<std::string> contexts = plugin_->supportedContexts();
  if (!settings_.context.empty()) {
    context_ = settings_.context == "filter" ? kOfxImageEffectContextFilter
               : settings_.context == "general" ? kOfxImageEffectContextGeneral
                                                : settings_.context;
    if (!contains(contexts, context_)) throw HostError(plugin_->identifier + " does not support context " + context_);
  } else if (contains(contexts, kOfxImageEffectContextFilter)) {
    context_ = kOfxImageEffectContextFilter;
  } else if (contains(contexts, kOfxImageEffectContextGeneral)) {
    context_ = kOfxImageEffectContextGeneral;
  } else {
    throw HostError(plugin_->identifier + " supports neither the filter nor the general context");
  }
  Effect *described = nullptr;
  st = plugin_->ensureDescribedIn(context_, &described);
  if (st != kOfxStatOK) throw OfxError(st, plugin_->identifier, kOfxImageEffectActionDescribeInContext);

  // Depth and components must be ones the plug-in declared, unless the user forces them (to
  // test a plug-in's error handling).
  const std::string depth = ofxName(settings_.depth);
  const std::vector<std::string> depths = described->props.strings(kOfxImageEffectPropSupportedPixelDepths);
  if (!settings_.forceDepth && !contains(depths, depth))
    throw HostError(plugin_->identifier + " does not support pixel depth " + depth + " (use --force-depth to hand it anyway)");
  const std::string comps = ofxName(settings_.components);
  for (const char *clipName : {kOfxImageEffectOutputClipName, kOfxImageEffectSimpleSourceClipName}) {
    Clip *c = described->findClip(clipName);
    if (c == nullptr) {
      if (std::string(clipName) == kOfxImageEffectOutputClipName) throw HostError(plugin_->identifier + " defines no Output clip");
      continue;
    }
    const std::vector<std::string> supported = c->props.strings(kOfxImageEffectPropSupportedComponents);
    if (!settings_.forceDepth && !supported.empty() && !contains(supported, comps))
      throw HostError(plugin_->identifier + " clip " + clipName + " does not support components " + comps +
                      " (use --force-depth to hand them anyway)");
  }

  instance_ = std::make_unique<Effect>(plugin_, Effect::Role::Instance, context_);
  instance_->cloneFrom(*described);
  instance_->firstFrame = settings_.firstFrame;
  instance_->lastFrame = settings_.lastFrame;
  instance_->timelineTime = settings_.firstFrame;
  PropertySet &p = instance_->props;
  p.defineString(kOfxImageEffectPropContext, {context_}, true);
  p.defineInt(kOfxPropIsInteractive, {0});
  p.defineDouble(kOfxImageEffectPropProjectSize, {settings_.projectSize.x, settings_.projectSize.y}, true);
  p.defineDouble(kOfxImageEffectPropProjectExtent, {settings_.projectSize.x, settings_.projectSize.y}, true);
  p.defineDouble(kOfxImageEffectPropProjectOffset, {0.0, 0.0}, true);
  p.defineDouble(kOfxImageEffectPropProjectPixelAspectRatio, {settings_.pixelAspect});
  p.defineDouble(kOfxImageEffectInstancePropEffectDuration, {settings_.lastFrame - settings_.firstFrame + 1.0});
  p.defineInt(kOfxImageEffectInstancePropSequentialRender, {0});
  p.defineDouble(kOfxImageEffectPropFrameRate, {25.0});
  // Spatial defaults declared as fractions of the project become canonical values now that the
  // project is known (the project offset is always 0 here).
  applyNormalisedDefaults(instance_->params, settings_.projectSize, OfxPointD{0.0, 0.0});
  for (auto &c : instance_->clips) {
    c->provider = this;
    c->props.defineDouble(kOfxImageEffectPropFrameRange, {settings_.firstFrame, settings_.lastFrame}, true);
    c->props.defineDouble(kOfxImageEffectPropUnmappedFrameRange, {settings_.firstFrame, settings_.lastFrame}, true);
    c->props.defineInt(kOfxImageClipPropConnected, {c->isOutput() ? 1 : 0});
    c->props.defineDouble(kOfxImagePropPixelAspectRatio, {settings_.pixelAspect});
  }

  // Resolve passes its page in CreateInstance's inArgs; the standard passes nothing.
  PropertySet in;
  if (!settings_.resolvePage.empty()) in.defineString(kOfxImageEffectPropResolvePage, {settings_.resolvePage});
  ActionContext ctx{instance_.get(), false, 0.0, nullptr};
  ActionScope scope(&ctx);
  st = plugin_->call(kOfxActionCreateInstance, instance_->handle(), settings_.resolvePage.empty() ? nullptr : in.handle(), nullptr);
  if (st != kOfxStatOK && st != kOfxStatReplyDefault) {
    instance_.reset();  // a failed create is not destroyed (OFX)
    throw OfxError(st, plugin_->identifier, kOfxActionCreateInstance);
  }
}

void EffectNode::connect(const std::string &clipName, ImageSource *source) {
  Clip *c = instance_->findClip(clipName);
  if (c == nullptr || c->isOutput())
    throw HostError(plugin_->identifier + " has no input clip named '" + clipName + "'");
  inputs_[clipName] = source;
  c->props.setInt(kOfxImageClipPropConnected, 0, source != nullptr ? 1 : 0);
}

std::vector<std::string> EffectNode::inputClipNames() const {
  std::vector<std::string> names;
  for (const auto &c : instance_->clips)
    if (!c->isOutput()) names.push_back(c->name());
  return names;
}

Param *EffectNode::findParam(const std::string &name) const { return instance_->params.find(name); }

void EffectNode::paramsEdited(const std::vector<std::string> &names) {
  if (names.empty()) return;
  const double time = instance_->timelineTime;
  PropertySet reason;
  reason.defineString(kOfxPropChangeReason, {kOfxChangeUserEdited});
  check(call(kOfxActionBeginInstanceChanged, &reason, nullptr, time, true), kOfxActionBeginInstanceChanged);
  for (const auto &n : names) {
    PropertySet in;
    in.defineString(kOfxPropType, {kOfxTypeParameter});
    in.defineString(kOfxPropName, {n});
    in.defineString(kOfxPropChangeReason, {kOfxChangeUserEdited});
    in.defineDouble(kOfxPropTime, {time});
    in.defineDouble(kOfxImageEffectPropRenderScale, {settings_.renderScale, settings_.renderScale});
    check(call(kOfxActionInstanceChanged, &in, nullptr, time, true), kOfxActionInstanceChanged);
  }
  check(call(kOfxActionEndInstanceChanged, &reason, nullptr, time, true), kOfxActionEndInstanceChanged);
}

void EffectNode::clipPreferences() {
  const std::string depth = ofxName(settings_.depth);
  PropertySet out;
  for (const auto &c : instance_->clips) {
    // Extra inputs get the requested components when they accept them, else their first choice.
    std::string comps = ofxName(settings_.components);
    const std::vector<std::string> supported = c->props.strings(kOfxImageEffectPropSupportedComponents);
    if (!settings_.forceDepth && !supported.empty() && !contains(supported, comps)) comps = supported.front();
    out.defineString(std::string("OfxImageClipPropComponents_") + c->name(), {comps});
    out.defineString(std::string("OfxImageClipPropDepth_") + c->name(), {depth});
    out.defineDouble(std::string("OfxImageClipPropPAR_") + c->name(), {settings_.pixelAspect});
  }
  out.defineString(kOfxImageEffectPropPreMultiplication, {kOfxImagePreMultiplied});
  out.defineInt(kOfxImageClipPropContinuousSamples, {0});
  out.defineInt(kOfxImageEffectFrameVarying, {0});
  out.defineDouble(kOfxImageEffectPropFrameRate, {25.0});
  out.defineString(kOfxImageClipPropFieldOrder, {kOfxImageFieldNone});
  check(call(kOfxImageEffectActionGetClipPreferences, nullptr, &out, instance_->timelineTime, false),
        kOfxImageEffectActionGetClipPreferences);
  for (const auto &c : instance_->clips) {
    const std::string d = out.str(std::string("OfxImageClipPropDepth_") + c->name(), 0, depth);
    const std::string k = out.str(std::string("OfxImageClipPropComponents_") + c->name(), 0, ofxName(settings_.components));
    Depth dd;
    Components kk;
    // Half is only handed out on request (--depth half --force-depth), to test plug-ins' refusal.
    if (!parseDepth(d, &dd) || (dd == Depth::Half && !settings_.forceDepth))
      throw HostError(plugin_->identifier + " asked for pixel depth " + d + " on clip " + c->name() + ", which this host does not support");
    if (!parseComponents(k, &kk))
      throw HostError(plugin_->identifier + " asked for components " + k + " on clip " + c->name() + ", which this host does not support");
    c->props.defineString(kOfxImageEffectPropPixelDepth, {d});
    c->props.defineString(kOfxImageEffectPropComponents, {k});
    c->props.defineString(kOfxImageClipPropUnmappedPixelDepth, {depth});
    c->props.defineString(kOfxImageClipPropUnmappedComponents, {ofxName(settings_.components)});
    // The host does not support clips of different PARs (kOfxImageEffectPropSupportsMultipleClipPARs
    // is 0), so a PAR asked for here is not honoured: every clip keeps the project's.
    const double par = out.dbl(std::string("OfxImageClipPropPAR_") + c->name(), 0, settings_.pixelAspect);
    if (par != settings_.pixelAspect && verbose())
      std::fprintf(stderr, "[ofxhost] %s asked for pixel aspect %g on clip %s; every clip keeps %g (--pixel-aspect)\n",
                   plugin_->identifier.c_str(), par, c->name().c_str(), settings_.pixelAspect);
    c->props.defineDouble(kOfxImagePropPixelAspectRatio, {settings_.pixelAspect});
    c->props.defineString(kOfxImageEffectPropPreMultiplication,
                          {c->isOutput() ? out.str(kOfxImageEffectPropPreMultiplication, 0, kOfxImagePreMultiplied) : kOfxImagePreMultiplied});
  }
}

void EffectNode::addRenderArgs(PropertySet &in, double time, OfxPointD scale) const {
  in.defineDouble(kOfxPropTime, {time});
  in.defineDouble(kOfxImageEffectPropRenderScale, {scale.x, scale.y}, true);
  in.defineInt(kOfxImageEffectPropSequentialRenderStatus, {0});
  in.defineInt(kOfxImageEffectPropInteractiveRenderStatus, {0});
  in.defineInt(kOfxImageEffectPropRenderQualityDraft, {0});
  in.defineInt(kOfxImageEffectPropCudaEnabled, {0});
  in.defineInt(kOfxImageEffectPropOpenCLEnabled, {0});
  in.defineInt(kOpenGLEnabled, {0});
}

void EffectNode::beginSequence() {
  PropertySet in;
  addRenderArgs(in, settings_.firstFrame, settings_.scale());
  in.defineDouble(kOfxImageEffectPropFrameRange, {settings_.firstFrame, settings_.lastFrame}, true);
  in.defineDouble(kOfxImageEffectPropFrameStep, {1.0});
  in.defineInt(kOfxPropIsInteractive, {0});
  check(call(kOfxImageEffectActionBeginSequenceRender, &in, nullptr, settings_.firstFrame, false),
        kOfxImageEffectActionBeginSequenceRender);
  sequenceBegun_ = true;
}

void EffectNode::endSequence() {
  sequenceBegun_ = false;
  PropertySet in;
  addRenderArgs(in, settings_.lastFrame, settings_.scale());
  in.defineDouble(kOfxImageEffectPropFrameRange, {settings_.firstFrame, settings_.lastFrame}, true);
  in.defineDouble(kOfxImageEffectPropFrameStep, {1.0});
  in.defineInt(kOfxPropIsInteractive, {0});
  check(call(kOfxImageEffectActionEndSequenceRender, &in, nullptr, settings_.lastFrame, false),
        kOfxImageEffectActionEndSequenceRender);
}

void EffectNode::purgeCaches() {
  {
    std::lock_guard<std::mutex> g(cacheLock_);
    rodCache_.clear();
    fullFrameCache_.clear();
  }
  check(call(kOfxActionPurgeCaches, nullptr, nullptr, instance_->timelineTime, false), kOfxActionPurgeCaches);
}

bool EffectNode::supportsTiles() const {
  if (hostProperties().integer(kOfxImageEffectPropSupportsTiles, 0, 1) == 0) return false;
  // An instance may turn tiles off after describing them (OFX: read/write on the instance);
  // --descriptor-tiles plays a host that reads only what the descriptor declared.
  const PropertySet &declared = settings_.descriptorTiles ? plugin_->descriptor->props : instance_->props;
  if (declared.integer(kOfxImageEffectPropSupportsTiles, 0, 1) == 0) return false;
  // Only the output clip's refusal means whole-frame renders. An input clip that refuses tiles is
  // handed full-RoD images instead (regionsOfInterest), as the OFX spec asks of a host, so an effect
  // that needs one clip whole (e.g. a plate it analyses) still renders the rest in tiles.
  for (const auto &c : instance_->clips)
    if (c->isOutput() && !clipSupportsTiles(c->name())) return false;
  return true;
}

bool EffectNode::clipSupportsTiles(const std::string &clipName) const {
  for (const auto &c : instance_->clips)
    if (c->name() == clipName) return c->props.integer(kOfxImageEffectPropSupportsTiles, 0, 1) != 0;
  return true;
}

std::mutex &EffectNode::renderLock() {
  const std::string safety = instance_->props.str(kOfxImageEffectPluginRenderThreadSafety, 0, kOfxImageEffectRenderInstanceSafe);
  if (safety == kOfxImageEffectRenderUnsafe) return plugin_->unsafeRenderLock;
  return instanceLock_;
}

Depth EffectNode::clipDepth(const Clip &c) const {
  Depth d = settings_.depth;
  parseDepth(c.props.str(kOfxImageEffectPropPixelDepth), &d);
  return d;
}

Components EffectNode::clipComponents(const Clip &c) const {
  Components k = settings_.components;
  parseComponents(c.props.str(kOfxImageEffectPropComponents), &k);
  return k;
}

}  // namespace ofxhost
