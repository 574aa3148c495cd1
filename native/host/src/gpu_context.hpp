// gpu_context.hpp — a GPU the host renders on (`ofxhost render --gpu opencl`).
//
// A GpuContext owns the device, the context and one in-order queue. Plug-ins that declare GPU
// render support get that queue in their render inArgs and their images as device buffers made by
// storage(); the rest of the host still works on float CPU images and moves pixels across through
// ImageStorage::upload/download.
#pragma once

#include "image_storage.hpp"

#include <memory>
#include <string>

namespace ofxhost {

class GpuContext {
 public:
  virtual ~GpuContext() = default;
  // The cl_command_queue passed as OfxImageEffectPropOpenCLCommandQueue.
  virtual void *commandQueue() const = 0;
  // Device buffers (cl_mem) of packed pixel rows.
  virtual ImageStorageFactory storage() = 0;
  // A line for --verbose: platform and device.
  virtual std::string description() const = 0;
};

// OpenCL on the first platform's first device. Null with a reason in *error when there is no
// OpenCL (or the host was built without it).
std::shared_ptr<GpuContext> createOpenClContext(std::string *error);

}  // namespace ofxhost
