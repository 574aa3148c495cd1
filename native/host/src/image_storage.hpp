// image_storage.hpp — where the pixels handed to a plug-in live.
//
// The host converts its float working images to the plug-in's depth/components into an
// ImageStorage and back. Today only host memory exists; a CUDA or OpenCL implementation slots in
// by implementing this interface (data() then returns the device pointer / cl_mem and upload /
// download move the packed pixels across), without touching the render code.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>

namespace ofxhost {

class ImageStorage {
 public:
  virtual ~ImageStorage() = default;
  // What goes into kOfxImagePropData.
  virtual void *data() = 0;
  virtual size_t size() const = 0;
  // True when data() can be read/written by the CPU; otherwise use upload/download.
  virtual bool hostAccessible() const = 0;
  virtual void upload(const void *packed, size_t bytes) = 0;
  virtual void download(void *packed, size_t bytes) const = 0;
};

class HostImageStorage final : public ImageStorage {
 public:
  explicit HostImageStorage(size_t bytes);
  ~HostImageStorage() override;
  HostImageStorage(const HostImageStorage &) = delete;
  HostImageStorage &operator=(const HostImageStorage &) = delete;
  void *data() override { return data_; }
  size_t size() const override { return size_; }
  bool hostAccessible() const override { return true; }
  void upload(const void *packed, size_t bytes) override;
  void download(void *packed, size_t bytes) const override;

 private:
  void *data_ = nullptr;
  size_t size_ = 0;
};

using ImageStorageFactory = std::function<std::unique_ptr<ImageStorage>(size_t bytes)>;
ImageStorageFactory hostStorageFactory();

}  // namespace ofxhost
