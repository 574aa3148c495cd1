// effect.cpp — Effect, Clip and ClipImage (see effect.hpp), and the thread's action context.
#include "effect.hpp"

#include "action_context.hpp"
#include "plugin.hpp"

#include <vector>

namespace ofxhost {

namespace {
thread_local ActionContext *t_action = nullptr;
}

ActionContext *currentAction() { return t_action; }
void setCurrentAction(ActionContext *ctx) { t_action = ctx; }

double currentTimeFor(const Effect *effect) {
  const ActionContext *a = t_action;
  if (a != nullptr && a->hasTime && (a->effect == effect || a->effect == nullptr)) return a->time;
  return effect != nullptr ? effect->timelineTime : 0.0;
}

ClipImage::ClipImage(const OfxRectI &b, Depth d, Components c, const ImageStorageFactory &factory)
    : bounds(b), depth(d), components(c) {
  const int w = b.x2 - b.x1, h = b.y2 - b.y1;
  rowBytes = static_cast<ptrdiff_t>(w) * componentCount(c) * static_cast<ptrdiff_t>(bytesPerComponent(d));
  storage = factory(static_cast<size_t>(rowBytes) * static_cast<size_t>(h > 0 ? h : 0));
  defineString(kOfxPropType, {kOfxTypeImage});
  definePointer(kOfxImagePropData, {storage->data()});
  defineInt(kOfxImagePropBounds, {b.x1, b.y1, b.x2, b.y2}, true);
  defineInt(kOfxImagePropRowBytes, {static_cast<int>(rowBytes)});
  defineString(kOfxImageEffectPropPixelDepth, {ofxName(d)});
  defineString(kOfxImageEffectPropComponents, {ofxName(c)});
  defineString(kOfxImageEffectPropPreMultiplication, {c == Components::RGB ? kOfxImageOpaque : kOfxImagePreMultiplied});
  defineDouble(kOfxImagePropPixelAspectRatio, {1.0});
  defineString(kOfxImagePropField, {kOfxImageFieldNone});
}

void ClipImage::setDescription(double time, OfxPointD scale, double pixelAspect, const OfxRectI &rod, const std::string &uid) {
  defineDouble(kOfxPropTime, {time});
  defineDouble(kOfxImagePropPixelAspectRatio, {pixelAspect});
  defineDouble(kOfxImageEffectPropRenderScale, {scale.x, scale.y}, true);
  defineInt(kOfxImagePropRegionOfDefinition, {rod.x1, rod.y1, rod.x2, rod.y2}, true);
  defineString(kOfxImagePropUniqueIdentifier, {uid});
}

void ClipImage::fill(const FloatImage &src) {
  FloatImage region = crop(src, bounds);
  if (storage->hostAccessible()) {
    packPixels(region, depth, components, storage->data(), rowBytes);
    return;
  }
  std::vector<unsigned char> staging(storage->size());
  packPixels(region, depth, components, staging.data(), rowBytes);
  storage->upload(staging.data(), staging.size());
}

FloatImage ClipImage::toFloat() const {
  FloatImage out(bounds);
  if (out.empty()) return out;
  if (storage->hostAccessible()) {
    unpackPixels(storage->data(), rowBytes, depth, components, out);
    return out;
  }
  std::vector<unsigned char> staging(storage->size());
  storage->download(staging.data(), staging.size());
  unpackPixels(staging.data(), rowBytes, depth, components, out);
  return out;
}

ClipImage *ClipImage::fromHandle(OfxPropertySetHandle h) {
  PropertySet *p = PropertySet::fromHandle(h);
  return p == nullptr ? nullptr : dynamic_cast<ClipImage *>(p);
}

Clip::Clip(const std::string &name, Effect *owner, bool isInstance) : name_(name), owner_(owner) {
  props.defineString(kOfxPropType, {kOfxTypeClip});
  props.defineString(kOfxPropName, {name}, true);
  props.defineString(kOfxPropLabel, {name});
  props.defineString(kOfxPropShortLabel, {name});
  props.defineString(kOfxPropLongLabel, {name});
  props.defineString(kOfxImageEffectPropSupportedComponents, {});
  props.defineInt(kOfxImageEffectPropTemporalClipAccess, {0});
  props.defineInt(kOfxImageClipPropOptional, {0});
  props.defineInt(kOfxImageClipPropIsMask, {0});
  props.defineString(kOfxImageClipPropFieldExtraction, {"OfxFieldDoubled"});
  props.defineInt(kOfxImageEffectPropSupportsTiles, {1});
  if (isInstance) {
    props.defineString(kOfxImageEffectPropPixelDepth, {kOfxBitDepthNone});
    props.defineString(kOfxImageEffectPropComponents, {kOfxImageComponentNone});
    props.defineString(kOfxImageClipPropUnmappedPixelDepth, {kOfxBitDepthNone});
    props.defineString(kOfxImageClipPropUnmappedComponents, {kOfxImageComponentNone});
    props.defineString(kOfxImageEffectPropPreMultiplication, {kOfxImagePreMultiplied});
    props.defineDouble(kOfxImagePropPixelAspectRatio, {1.0});
    props.defineDouble(kOfxImageEffectPropFrameRate, {25.0});
    props.defineDouble(kOfxImageEffectPropFrameRange, {0.0, 0.0}, true);
    props.defineString(kOfxImageClipPropFieldOrder, {kOfxImageFieldNone});
    props.defineInt(kOfxImageClipPropConnected, {0});
    props.defineDouble(kOfxImageEffectPropUnmappedFrameRange, {0.0, 0.0}, true);
    props.defineDouble(kOfxImageEffectPropUnmappedFrameRate, {25.0});
    props.defineInt(kOfxImageClipPropContinuousSamples, {0});
  }
}

Clip *Clip::fromHandle(OfxImageClipHandle h) {
  auto *c = reinterpret_cast<Clip *>(h);
  return (c != nullptr && c->magic_ == kMagic) ? c : nullptr;
}

Effect::Effect(Plugin *plugin, Role role, const std::string &context)
    : params(this), plugin_(plugin), role_(role), context_(context) {
  props.defineString(kOfxPropType, {role == Role::Instance ? kOfxTypeImageEffectInstance : kOfxTypeImageEffect});
  props.defineString(kOfxPropLabel, {plugin != nullptr ? plugin->identifier : ""});
  props.defineString(kOfxPropShortLabel, {""});
  props.defineString(kOfxPropLongLabel, {""});
  props.defineString(kOfxPropPluginDescription, {""});
  props.defineString(kOfxImageEffectPropSupportedContexts, {});
  props.defineString(kOfxImageEffectPluginPropGrouping, {""});
  props.defineInt(kOfxImageEffectPluginPropSingleInstance, {0});
  props.defineString(kOfxImageEffectPluginRenderThreadSafety, {kOfxImageEffectRenderInstanceSafe});
  props.defineInt(kOfxImageEffectPluginPropHostFrameThreading, {1});
  props.defineInt(kOfxImageEffectPropSupportsMultiResolution, {1});
  props.defineInt(kOfxImageEffectPropSupportsTiles, {1});
  props.defineInt(kOfxImageEffectPropTemporalClipAccess, {0});
  props.defineString(kOfxImageEffectPropSupportedPixelDepths, {});
  props.defineInt(kOfxImageEffectPluginPropFieldRenderTwiceAlways, {1});
  props.defineInt(kOfxImageEffectPropSupportsMultipleClipDepths, {0});
  props.defineInt(kOfxImageEffectPropSupportsMultipleClipPARs, {0});
  props.definePointer(kOfxPropInstanceData, {nullptr});
  // GPU render extensions: plug-ins opt in; the host uses device images only with --gpu opencl|cuda.
  props.defineString(kOfxImageEffectPropOpenCLRenderSupported, {"false"});
  props.defineString(kOfxImageEffectPropCudaRenderSupported, {"false"});
  props.defineString(kOfxImageEffectPropCudaStreamSupported, {"false"});
  if (!context.empty()) props.defineString(kOfxImageEffectPropContext, {context}, true);
}

std::string Effect::pluginId() const { return plugin_ != nullptr ? plugin_->identifier : std::string("?"); }

Clip *Effect::defineClip(const std::string &name) {
  if (findClip(name) != nullptr) return nullptr;
  clips.push_back(std::make_unique<Clip>(name, this, role_ == Role::Instance));
  return clips.back().get();
}

Clip *Effect::findClip(const std::string &name) const {
  for (const auto &c : clips)
    if (c->name() == name) return c.get();
  return nullptr;
}

void Effect::cloneFrom(const Effect &d) {
  props = d.props;
  props.setString(kOfxPropType, 0, kOfxTypeImageEffectInstance);
  params.cloneFrom(d.params);
  clips.clear();
  for (const auto &c : d.clips) {
    auto clip = std::make_unique<Clip>(c->name(), this, true);
    // Descriptor properties win over defaults, instance-only properties keep their defaults.
    for (const auto &kv : c->props.all()) {
      const Property &p = kv.second;
      switch (p.type) {
        case PropType::String: clip->props.defineString(kv.first, p.strings); break;
        case PropType::Int: clip->props.defineInt(kv.first, p.ints); break;
        case PropType::Double: clip->props.defineDouble(kv.first, p.doubles); break;
        case PropType::Pointer: clip->props.definePointer(kv.first, p.pointers); break;
      }
    }
    clips.push_back(std::move(clip));
  }
}

Effect *Effect::fromHandle(const void *h) {
  auto *e = static_cast<Effect *>(const_cast<void *>(h));
  return (e != nullptr && e->magic_ == kMagic) ? e : nullptr;
}

}  // namespace ofxhost
