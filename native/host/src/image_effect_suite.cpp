// image_effect_suite.cpp — OfxImageEffectSuiteV1: effect/clip handles, images, image memory.
#include "effect.hpp"
#include "suites.hpp"
#include "suite_guard.hpp"

#include <cstdlib>

namespace ofxhost {
namespace {

OfxStatus getPropertySet(OfxImageEffectHandle h, OfxPropertySetHandle *props) {
  Effect *e = Effect::fromHandle(h);
  if (e == nullptr) return kOfxStatErrBadHandle;
  *props = e->props.handle();
  return kOfxStatOK;
}

OfxStatus getParamSet(OfxImageEffectHandle h, OfxParamSetHandle *set) {
  Effect *e = Effect::fromHandle(h);
  if (e == nullptr) return kOfxStatErrBadHandle;
  *set = e->params.handle();
  return kOfxStatOK;
}

OfxStatus clipDefine(OfxImageEffectHandle h, const char *name, OfxPropertySetHandle *props) {
  Effect *e = Effect::fromHandle(h);
  if (e == nullptr) return kOfxStatErrBadHandle;
  if (name == nullptr) return kOfxStatErrValue;
  if (e->role() == Effect::Role::Instance) return kOfxStatErrBadHandle;  // only descriptors define clips
  Clip *c = e->defineClip(name);
  if (c == nullptr) return kOfxStatErrExists;
  if (props != nullptr) *props = c->props.handle();
  return kOfxStatOK;
}

OfxStatus clipGetHandle(OfxImageEffectHandle h, const char *name, OfxImageClipHandle *clip, OfxPropertySetHandle *props) {
  Effect *e = Effect::fromHandle(h);
  if (e == nullptr) return kOfxStatErrBadHandle;
  Clip *c = name != nullptr ? e->findClip(name) : nullptr;
  if (c == nullptr) return kOfxStatErrUnknown;
  if (clip != nullptr) *clip = c->handle();
  if (props != nullptr) *props = c->props.handle();
  return kOfxStatOK;
}

OfxStatus clipGetPropertySet(OfxImageClipHandle h, OfxPropertySetHandle *props) {
  Clip *c = Clip::fromHandle(h);
  if (c == nullptr) return kOfxStatErrBadHandle;
  *props = c->props.handle();
  return kOfxStatOK;
}

OfxStatus clipGetImage(OfxImageClipHandle h, OfxTime time, const OfxRectD *region, OfxPropertySetHandle *image) {
  Clip *c = Clip::fromHandle(h);
  if (c == nullptr || image == nullptr) return kOfxStatErrBadHandle;
  *image = nullptr;
  if (c->provider == nullptr) return kOfxStatFailed;  // outside a render: nothing to fetch
  return c->provider->getImage(*c, time, region, image);
}

OfxStatus clipReleaseImage(OfxPropertySetHandle h) {
  ClipImage *img = ClipImage::fromHandle(h);
  if (img == nullptr) return kOfxStatErrBadHandle;
  if (img->onRelease) img->onRelease(img);
  return kOfxStatOK;
}

OfxStatus clipGetRegionOfDefinition(OfxImageClipHandle h, OfxTime time, OfxRectD *rod) {
  Clip *c = Clip::fromHandle(h);
  if (c == nullptr || rod == nullptr) return kOfxStatErrBadHandle;
  if (c->provider == nullptr) return kOfxStatFailed;
  return c->provider->getRegionOfDefinition(*c, time, rod);
}

// A batch host has no user to press cancel.
int abortRender(OfxImageEffectHandle) { return 0; }

OfxStatus imageMemoryAlloc(OfxImageEffectHandle, size_t n, OfxImageMemoryHandle *handle) {
  if (handle == nullptr) return kOfxStatErrValue;
  auto *m = new ImageMemory();
  m->data = std::aligned_alloc(64, ((n + 63) / 64) * 64 + 64);
  if (m->data == nullptr) {
    delete m;
    return kOfxStatErrMemory;
  }
  *handle = reinterpret_cast<OfxImageMemoryHandle>(m);
  return kOfxStatOK;
}

ImageMemory *memoryFromHandle(OfxImageMemoryHandle h) {
  auto *m = reinterpret_cast<ImageMemory *>(h);
  return (m != nullptr && m->magic == ImageMemory::kMagic) ? m : nullptr;
}

OfxStatus imageMemoryFree(OfxImageMemoryHandle h) {
  ImageMemory *m = memoryFromHandle(h);
  if (m == nullptr) return kOfxStatErrBadHandle;
  std::free(m->data);
  m->magic = 0;
  delete m;
  return kOfxStatOK;
}

OfxStatus imageMemoryLock(OfxImageMemoryHandle h, void **ptr) {
  ImageMemory *m = memoryFromHandle(h);
  if (m == nullptr) return kOfxStatErrBadHandle;
  ++m->locks;
  *ptr = m->data;
  return kOfxStatOK;
}

OfxStatus imageMemoryUnlock(OfxImageMemoryHandle h) {
  ImageMemory *m = memoryFromHandle(h);
  if (m == nullptr) return kOfxStatErrBadHandle;
  if (m->locks > 0) --m->locks;
  return kOfxStatOK;
}

const OfxImageEffectSuiteV1 kSuite = {
    // abortRender only returns 0 and needs no guard
    guarded<getPropertySet>, guarded<getParamSet>, guarded<clipDefine>, guarded<clipGetHandle>,
    guarded<clipGetPropertySet>, guarded<clipGetImage>, guarded<clipReleaseImage>,
    guarded<clipGetRegionOfDefinition>, abortRender, guarded<imageMemoryAlloc>, guarded<imageMemoryFree>,
    guarded<imageMemoryLock>, guarded<imageMemoryUnlock>,
};

}  // namespace

const OfxImageEffectSuiteV1 *imageEffectSuiteV1() { return &kSuite; }

}  // namespace ofxhost
