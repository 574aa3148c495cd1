// cuda_context.cpp — the CUDA GpuContext: device 0's primary context, one stream, CUdeviceptr images.
//
// The driver API is bound at run time with dlopen, so ofxhost builds and runs on machines without
// NVIDIA; only `--gpu cuda` needs the driver. This mirrors what Resolve does for a CUDA render:
// the context is current on the render thread, images are device pointers of packed rows
// (float RGBA: width × 4 floats per row), and plug-ins that declare stream support get the stream
// (OfxImageEffectPropCudaStream) and must not synchronise; others get no stream and finish their
// work before returning.
#include "gpu_context.hpp"

#include "image_source.hpp"
#include "enhance/ofx_abi.h"

#include <dlfcn.h>

#include <cstdint>
#include <cstdlib>
#include <stdexcept>

namespace ofxhost {

namespace {

using CUresult = int;
using CUdevice = int;
using CUdeviceptr = unsigned long long;
using CUcontext = void *;
using CUstream = void *;

// The driver functions the host needs, with the ABI-stable (_v2) names the CUDA headers map to.
struct CudaApi {
  CUresult (*init)(unsigned) = nullptr;
  CUresult (*driverGetVersion)(int *) = nullptr;
  CUresult (*deviceGetCount)(int *) = nullptr;
  CUresult (*deviceGet)(CUdevice *, int) = nullptr;
  CUresult (*deviceGetName)(char *, int, CUdevice) = nullptr;
  CUresult (*primaryCtxRetain)(CUcontext *, CUdevice) = nullptr;
  CUresult (*primaryCtxRelease)(CUdevice) = nullptr;
  CUresult (*ctxSetCurrent)(CUcontext) = nullptr;
  CUresult (*streamCreate)(CUstream *, unsigned) = nullptr;
  CUresult (*streamDestroy)(CUstream) = nullptr;
  CUresult (*streamSynchronize)(CUstream) = nullptr;
  CUresult (*memAlloc)(CUdeviceptr *, size_t) = nullptr;
  CUresult (*memFree)(CUdeviceptr) = nullptr;
  CUresult (*memcpyHtoDAsync)(CUdeviceptr, const void *, size_t, CUstream) = nullptr;
  CUresult (*memcpyDtoHAsync)(void *, CUdeviceptr, size_t, CUstream) = nullptr;
  CUresult (*getErrorName)(CUresult, const char **) = nullptr;
};

template <typename F>
bool bind(void *library, const char *name, F *target, std::string *missing) {
  *target = reinterpret_cast<F>(dlsym(library, name));
  if (*target == nullptr && missing->empty()) *missing = name;
  return *target != nullptr;
}

std::string cuError(const CudaApi &api, const char *what, CUresult code) {
  const char *name = nullptr;
  if (api.getErrorName != nullptr) api.getErrorName(code, &name);
  return std::string(what) + " failed with " + (name != nullptr ? name : "CUresult") + " (" + std::to_string(code) + ")";
}

void check(const CudaApi &api, CUresult code, const char *what) {
  if (code != 0) throw std::runtime_error(cuError(api, what, code));
}

// One image as device memory. Every call makes the context current first: images are made and
// freed on whichever render thread needs them. Transfers are ordered on the host's stream and
// waited for, so a download after Render also waits for everything the plug-in enqueued there.
class CudaImageStorage final : public ImageStorage {
 public:
  CudaImageStorage(CudaApi api, CUcontext context, CUstream stream, size_t bytes)
      : api_(api), context_(context), stream_(stream), size_(bytes) {
    check(api_, api_.ctxSetCurrent(context_), "cuCtxSetCurrent");
    // cuMemAlloc rejects 0 bytes; an empty image still needs a valid pointer.
    check(api_, api_.memAlloc(&pointer_, bytes > 0 ? bytes : 16), "cuMemAlloc");
  }
  ~CudaImageStorage() override {
    // The plug-in may have left kernels using this memory on the stream (it need not wait).
    api_.ctxSetCurrent(context_);
    api_.streamSynchronize(stream_);
    api_.memFree(pointer_);
  }
  CudaImageStorage(const CudaImageStorage &) = delete;
  CudaImageStorage &operator=(const CudaImageStorage &) = delete;

  void *data() override { return reinterpret_cast<void *>(static_cast<uintptr_t>(pointer_)); }
  size_t size() const override { return size_; }
  bool hostAccessible() const override { return false; }
  void upload(const void *packed, size_t bytes) override {
    if (bytes == 0) return;
    check(api_, api_.ctxSetCurrent(context_), "cuCtxSetCurrent");
    check(api_, api_.memcpyHtoDAsync(pointer_, packed, bytes < size_ ? bytes : size_, stream_), "cuMemcpyHtoDAsync");
    check(api_, api_.streamSynchronize(stream_), "cuStreamSynchronize");  // the caller frees `packed` next
  }
  void download(void *packed, size_t bytes) const override {
    if (bytes == 0) return;
    check(api_, api_.ctxSetCurrent(context_), "cuCtxSetCurrent");
    check(api_, api_.memcpyDtoHAsync(packed, pointer_, bytes < size_ ? bytes : size_, stream_), "cuMemcpyDtoHAsync");
    check(api_, api_.streamSynchronize(stream_), "cuStreamSynchronize");
  }

 private:
  CudaApi api_;
  CUcontext context_;
  CUstream stream_;
  CUdeviceptr pointer_ = 0;
  size_t size_;
};

class CudaContext final : public GpuContext {
 public:
  CudaContext(const CudaApi &api, CUdevice device, const std::string &description)
      : api_(api), device_(device), description_(description) {
    check(api_, api_.primaryCtxRetain(&context_, device_), "cuDevicePrimaryCtxRetain");
    CUresult st = api_.ctxSetCurrent(context_);
    // CU_STREAM_DEFAULT (0), not non-blocking: a plug-in that ignores the stream and works on the
    // legacy default stream is still ordered before the host's downloads.
    if (st == 0) st = api_.streamCreate(&stream_, 0);
    if (st != 0) {
      api_.primaryCtxRelease(device_);
      throw std::runtime_error(cuError(api_, "creating the CUDA stream", st));
    }
  }
  ~CudaContext() override {
    api_.ctxSetCurrent(context_);
    api_.streamSynchronize(stream_);
    api_.streamDestroy(stream_);
    api_.primaryCtxRelease(device_);
    // The library stays loaded: the plug-in may still hold functions of it until process exit.
  }
  CudaContext(const CudaContext &) = delete;
  CudaContext &operator=(const CudaContext &) = delete;

  const char *apiName() const override { return "CUDA"; }
  bool supportedBy(const PropertySet &p) const override {
    const std::string v = p.str(kOfxImageEffectPropCudaRenderSupported, 0, "false");
    return v == "true" || v == "needed";
  }
  void addRenderArgs(PropertySet &in, const PropertySet &p) const override {
    in.defineInt(kOfxImageEffectPropCudaEnabled, {1});
    // Without declared stream support the plug-in gets no stream (0: the legacy default stream)
    // and must finish its work before returning; finishRender() covers either way.
    const bool streams = p.str(kOfxImageEffectPropCudaStreamSupported, 0, "false") == "true";
    in.definePointer(kOfxImageEffectPropCudaStream, {streams ? stream_ : nullptr});
  }
  void enterRenderThread() const override { check(api_, api_.ctxSetCurrent(context_), "cuCtxSetCurrent"); }
  void finishRender() const override { check(api_, api_.streamSynchronize(stream_), "cuStreamSynchronize"); }
  std::string description() const override { return description_; }
  ImageStorageFactory storage() override {
    const CudaApi api = api_;
    CUcontext context = context_;
    CUstream stream = stream_;
    return [api, context, stream](size_t bytes) -> std::unique_ptr<ImageStorage> {
      return std::make_unique<CudaImageStorage>(api, context, stream, bytes);
    };
  }

 private:
  CudaApi api_;
  CUdevice device_;
  CUcontext context_ = nullptr;
  CUstream stream_ = nullptr;
  std::string description_;
};

}  // namespace

std::shared_ptr<GpuContext> createCudaContext(std::string *error) {
  const char *override = std::getenv("OFXHOST_CUDA_LIBRARY");
  const std::string name = override != nullptr && *override != '\0' ? override : "libcuda.so.1";
  void *library = dlopen(name.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    *error = "there is no CUDA driver here (" + name + " could not be loaded; install the NVIDIA driver or render without --gpu cuda)";
    return nullptr;
  }
  CudaApi api;
  std::string missing;
  bind(library, "cuInit", &api.init, &missing);
  bind(library, "cuDriverGetVersion", &api.driverGetVersion, &missing);
  bind(library, "cuDeviceGetCount", &api.deviceGetCount, &missing);
  bind(library, "cuDeviceGet", &api.deviceGet, &missing);
  bind(library, "cuDeviceGetName", &api.deviceGetName, &missing);
  bind(library, "cuDevicePrimaryCtxRetain", &api.primaryCtxRetain, &missing);
  bind(library, "cuDevicePrimaryCtxRelease_v2", &api.primaryCtxRelease, &missing);
  bind(library, "cuCtxSetCurrent", &api.ctxSetCurrent, &missing);
  bind(library, "cuStreamCreate", &api.streamCreate, &missing);
  bind(library, "cuStreamDestroy_v2", &api.streamDestroy, &missing);
  bind(library, "cuStreamSynchronize", &api.streamSynchronize, &missing);
  bind(library, "cuMemAlloc_v2", &api.memAlloc, &missing);
  bind(library, "cuMemFree_v2", &api.memFree, &missing);
  bind(library, "cuMemcpyHtoDAsync_v2", &api.memcpyHtoDAsync, &missing);
  bind(library, "cuMemcpyDtoHAsync_v2", &api.memcpyDtoHAsync, &missing);
  bind(library, "cuGetErrorName", &api.getErrorName, &missing);
  if (!missing.empty()) {
    *error = "the CUDA driver " + name + " is too old or not a CUDA driver (it lacks " + missing + ")";
    return nullptr;
  }
  CUresult st = api.init(0);
  if (st != 0) {
    *error = "the CUDA driver found no usable GPU (" + cuError(api, "cuInit", st) + ")";
    return nullptr;
  }
  int count = 0;
  st = api.deviceGetCount(&count);
  if (st != 0 || count == 0) {
    *error = "the CUDA driver sees no GPU" + (st != 0 ? " (" + cuError(api, "cuDeviceGetCount", st) + ")" : std::string());
    return nullptr;
  }
  CUdevice device = 0;
  char deviceName[256] = {0};
  int version = 0;
  st = api.deviceGet(&device, 0);
  if (st != 0) {
    *error = cuError(api, "cuDeviceGet(0)", st);
    return nullptr;
  }
  api.deviceGetName(deviceName, sizeof deviceName - 1, device);
  api.driverGetVersion(&version);
  const std::string description = std::string(deviceName) + " (device 0 of " + std::to_string(count) + "), driver CUDA " +
                                  std::to_string(version / 1000) + "." + std::to_string(version % 1000 / 10);
  try {
    return std::make_shared<CudaContext>(api, device, description);
  } catch (const std::exception &e) {
    *error = e.what();
    return nullptr;
  }
}

std::shared_ptr<GpuContext> createGpuContext(const std::string &api) {
  std::string why;
  std::shared_ptr<GpuContext> context = api == "cuda" ? createCudaContext(&why) : createOpenClContext(&why);
  if (context == nullptr) throw HostError("--gpu " + api + ": " + why);
  return context;
}

}  // namespace ofxhost
