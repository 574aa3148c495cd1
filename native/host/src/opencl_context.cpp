// opencl_context.cpp — the OpenCL GpuContext: context, in-order queue and cl_mem image storage.
#include "gpu_context.hpp"

#include "enhance/ofx_abi.h"

#if OFXHOST_HAVE_OPENCL
#define CL_TARGET_OPENCL_VERSION 120
#include <CL/cl.h>

#include <stdexcept>
#include <vector>
#endif

namespace ofxhost {

#if OFXHOST_HAVE_OPENCL
namespace {

std::string clError(const char *what, cl_int code) { return std::string(what) + " failed (OpenCL error " + std::to_string(code) + ")"; }

std::string platformInfo(cl_platform_id p, cl_platform_info what) {
  size_t n = 0;
  if (clGetPlatformInfo(p, what, 0, nullptr, &n) != CL_SUCCESS || n == 0) return "?";
  std::string s(n, '\0');
  clGetPlatformInfo(p, what, n, s.data(), nullptr);
  s.resize(n - 1);
  return s;
}

std::string deviceName(cl_device_id d) {
  size_t n = 0;
  if (clGetDeviceInfo(d, CL_DEVICE_NAME, 0, nullptr, &n) != CL_SUCCESS || n == 0) return "?";
  std::string s(n, '\0');
  clGetDeviceInfo(d, CL_DEVICE_NAME, n, s.data(), nullptr);
  s.resize(n - 1);
  return s;
}

// One image as a cl_mem buffer. Transfers are blocking and go through the shared in-order queue,
// so a download after Render also waits for everything the plug-in enqueued.
class OpenClImageStorage final : public ImageStorage {
 public:
  OpenClImageStorage(cl_context context, cl_command_queue queue, size_t bytes) : queue_(queue), size_(bytes) {
    cl_int err = CL_SUCCESS;
    // OpenCL rejects zero-sized buffers; an empty image still needs a valid handle.
    buffer_ = clCreateBuffer(context, CL_MEM_READ_WRITE, bytes > 0 ? bytes : 16, nullptr, &err);
    if (err != CL_SUCCESS) throw std::runtime_error(clError("clCreateBuffer", err));
  }
  ~OpenClImageStorage() override { clReleaseMemObject(buffer_); }
  OpenClImageStorage(const OpenClImageStorage &) = delete;
  OpenClImageStorage &operator=(const OpenClImageStorage &) = delete;

  void *data() override { return buffer_; }
  size_t size() const override { return size_; }
  bool hostAccessible() const override { return false; }
  void upload(const void *packed, size_t bytes) override {
    if (bytes == 0) return;
    cl_int err = clEnqueueWriteBuffer(queue_, buffer_, CL_TRUE, 0, bytes, packed, 0, nullptr, nullptr);
    if (err != CL_SUCCESS) throw std::runtime_error(clError("clEnqueueWriteBuffer", err));
  }
  void download(void *packed, size_t bytes) const override {
    if (bytes == 0) return;
    cl_int err = clEnqueueReadBuffer(queue_, buffer_, CL_TRUE, 0, bytes, packed, 0, nullptr, nullptr);
    if (err != CL_SUCCESS) throw std::runtime_error(clError("clEnqueueReadBuffer", err));
  }

 private:
  cl_command_queue queue_;
  cl_mem buffer_ = nullptr;
  size_t size_;
};

class OpenClContext final : public GpuContext {
 public:
  OpenClContext(cl_platform_id platform, cl_device_id device) {
    cl_int err = CL_SUCCESS;
    const cl_context_properties props[] = {CL_CONTEXT_PLATFORM, reinterpret_cast<cl_context_properties>(platform), 0};
    context_ = clCreateContext(props, 1, &device, nullptr, nullptr, &err);
    if (err != CL_SUCCESS) throw std::runtime_error(clError("clCreateContext", err));
    // In order: the OFX OpenCL contract lets plug-ins assume it.
    queue_ = clCreateCommandQueue(context_, device, 0, &err);
    if (err != CL_SUCCESS) {
      clReleaseContext(context_);
      throw std::runtime_error(clError("clCreateCommandQueue", err));
    }
    description_ = platformInfo(platform, CL_PLATFORM_NAME) + " / " + deviceName(device);
  }
  ~OpenClContext() override {
    clFinish(queue_);
    clReleaseCommandQueue(queue_);
    clReleaseContext(context_);
  }
  OpenClContext(const OpenClContext &) = delete;
  OpenClContext &operator=(const OpenClContext &) = delete;

  const char *apiName() const override { return "OpenCL"; }
  bool supportedBy(const PropertySet &p) const override {
    return p.str(kOfxImageEffectPropOpenCLRenderSupported, 0, "false") == "true";
  }
  void addRenderArgs(PropertySet &in, const PropertySet &) const override {
    in.defineInt(kOfxImageEffectPropOpenCLEnabled, {1});
    in.definePointer(kOfxImageEffectPropOpenCLCommandQueue, {queue_});
  }
  std::string description() const override { return description_; }
  ImageStorageFactory storage() override {
    cl_context context = context_;
    cl_command_queue queue = queue_;
    return [context, queue](size_t bytes) -> std::unique_ptr<ImageStorage> {
      return std::make_unique<OpenClImageStorage>(context, queue, bytes);
    };
  }

 private:
  cl_context context_ = nullptr;
  cl_command_queue queue_ = nullptr;
  std::string description_;
};

}  // namespace

std::shared_ptr<GpuContext> createOpenClContext(std::string *error) {
  cl_uint platforms = 0;
  cl_int err = clGetPlatformIDs(0, nullptr, &platforms);
  if (err != CL_SUCCESS || platforms == 0) {
    *error = "no OpenCL platform (install an ICD, e.g. pocl-opencl-icd)";
    return nullptr;
  }
  std::vector<cl_platform_id> ids(platforms);
  clGetPlatformIDs(platforms, ids.data(), nullptr);
  cl_device_id device = nullptr;
  if (clGetDeviceIDs(ids[0], CL_DEVICE_TYPE_ALL, 1, &device, nullptr) != CL_SUCCESS || device == nullptr) {
    *error = "the first OpenCL platform (" + platformInfo(ids[0], CL_PLATFORM_NAME) + ") has no device";
    return nullptr;
  }
  try {
    return std::make_shared<OpenClContext>(ids[0], device);
  } catch (const std::exception &e) {
    *error = e.what();
    return nullptr;
  }
}

#else

std::shared_ptr<GpuContext> createOpenClContext(std::string *error) {
  *error = "this ofxhost was built without OpenCL (install ocl-icd-opencl-dev and rebuild)";
  return nullptr;
}

#endif

}  // namespace ofxhost
