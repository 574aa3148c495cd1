// effect.hpp — the objects behind OfxImageEffectHandle, OfxImageClipHandle and image handles.
//
// One Effect class serves as plug-in descriptor, descriptor-in-context and instance (OFX uses
// the same handle type for all three). Clips ask a ClipImageProvider (the render code) for
// images, so the suites need not know how the graph is evaluated.
#pragma once

#include "image_storage.hpp"
#include "param.hpp"
#include "pixel_format.hpp"
#include "property_set.hpp"

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ofxhost {

struct Plugin;
class Clip;

// An image handed to a plug-in: its properties (kOfxImagePropData, bounds, ...) plus storage.
class ClipImage : public PropertySet {
 public:
  ClipImage(const OfxRectI &bounds, Depth depth, Components comps, const ImageStorageFactory &factory);
  void setDescription(double time, OfxPointD renderScale, double pixelAspect, const OfxRectI &rodPixels, const std::string &uid);
  void fill(const FloatImage &src);  // converts to this image's depth/components
  FloatImage toFloat() const;

  OfxRectI bounds;
  Depth depth;
  Components components;
  ptrdiff_t rowBytes;
  std::unique_ptr<ImageStorage> storage;
  // Called by clipReleaseImage; the output image's hook does nothing (the host still needs it).
  std::function<void(ClipImage *)> onRelease;

  static ClipImage *fromHandle(OfxPropertySetHandle h);
};

class ClipImageProvider {
 public:
  virtual ~ClipImageProvider() = default;
  virtual OfxStatus getImage(Clip &clip, double time, const OfxRectD *region, OfxPropertySetHandle *image) = 0;
  virtual OfxStatus getRegionOfDefinition(Clip &clip, double time, OfxRectD *rod) = 0;
};

class Effect;

class Clip {
 public:
  Clip(const std::string &name, Effect *owner, bool isInstance);
  const std::string &name() const { return name_; }
  Effect *owner() const { return owner_; }
  bool isOutput() const { return name_ == kOfxImageEffectOutputClipName; }
  PropertySet props;
  ClipImageProvider *provider = nullptr;

  OfxImageClipHandle handle() { return reinterpret_cast<OfxImageClipHandle>(this); }
  static Clip *fromHandle(OfxImageClipHandle h);
  ~Clip() { magic_ = 0; }

 private:
  static constexpr unsigned kMagic = 0xc11bc11bu;
  unsigned magic_ = kMagic;
  std::string name_;
  Effect *owner_;
};

class Effect {
 public:
  enum class Role { Descriptor, ContextDescriptor, Instance };
  Effect(Plugin *plugin, Role role, const std::string &context);

  Plugin *plugin() const { return plugin_; }
  Role role() const { return role_; }
  const std::string &context() const { return context_; }
  std::string pluginId() const;

  PropertySet props;
  ParamSet params;
  std::vector<std::unique_ptr<Clip>> clips;  // in definition order
  Clip *defineClip(const std::string &name);
  Clip *findClip(const std::string &name) const;
  // Instance creation: clone clips and params of a context descriptor.
  void cloneFrom(const Effect &contextDescriptor);

  // Timeline (instances only): where paramGetValue reads when no action time is current.
  double timelineTime = 0.0;
  double firstFrame = 0.0, lastFrame = 0.0;

  std::mutex messagesLock;
  std::vector<std::string> persistentMessages;  // "TYPE: text"

  OfxImageEffectHandle handle() { return reinterpret_cast<OfxImageEffectHandle>(this); }
  static Effect *fromHandle(const void *h);
  ~Effect() { magic_ = 0; }

 private:
  static constexpr unsigned kMagic = 0xeffec7edu;
  unsigned magic_ = kMagic;
  Plugin *plugin_;
  Role role_;
  std::string context_;
};

// Image memory from the image effect suite (imageMemoryAlloc/Lock/Unlock/Free).
struct ImageMemory {
  static constexpr unsigned kMagic = 0x3e3041u;
  unsigned magic = kMagic;
  void *data = nullptr;
  int locks = 0;
};

}  // namespace ofxhost
