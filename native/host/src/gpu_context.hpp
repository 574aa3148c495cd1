// gpu_context.hpp — a GPU the host renders on (`ofxhost render --gpu opencl|cuda`).
//
// A GpuContext owns the device, the context and one in-order queue (OpenCL) or stream (CUDA).
// Plug-ins that declare render support for its API get device images made by storage() and the
// queue/stream in their render inArgs; the rest of the host still works on float CPU images and
// moves pixels across through ImageStorage::upload/download.
#pragma once

#include "image_storage.hpp"
#include "property_set.hpp"

#include <memory>
#include <string>

namespace ofxhost {

class GpuContext {
 public:
  virtual ~GpuContext() = default;
  // "OpenCL" or "CUDA", for messages.
  virtual const char *apiName() const = 0;
  // Whether a plug-in instance opted in to this API's device images (its *RenderSupported property).
  virtual bool supportedBy(const PropertySet &instanceProps) const = 0;
  // The Render inArgs of a GPU render: the enabled flag and the queue or stream.
  virtual void addRenderArgs(PropertySet &in, const PropertySet &instanceProps) const = 0;
  // Called on the render thread before its images are made and Render is called: CUDA makes the
  // context current there, as Resolve does on its render threads.
  virtual void enterRenderThread() const {}
  // After Render returned: the plug-in's work must be done before the host reads its output.
  virtual void finishRender() const {}
  // Device images (cl_mem / CUdeviceptr) of packed pixel rows.
  virtual ImageStorageFactory storage() = 0;
  // A line for --verbose: platform/driver and device.
  virtual std::string description() const = 0;
};

// OpenCL on the first platform's first device. Null with a reason in *error when there is no
// OpenCL (or the host was built without it).
std::shared_ptr<GpuContext> createOpenClContext(std::string *error);

// CUDA on device 0 through the driver API, loaded with dlopen (libcuda.so.1, or the file named
// by OFXHOST_CUDA_LIBRARY): no build-time CUDA dependency. Null with a reason in *error when the
// driver library, cuInit or a device is missing.
std::shared_ptr<GpuContext> createCudaContext(std::string *error);

// "opencl" or "cuda" to its context; any failure throws HostError with one sentence saying why.
std::shared_ptr<GpuContext> createGpuContext(const std::string &api);

}  // namespace ofxhost
