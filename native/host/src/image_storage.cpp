// image_storage.cpp — host-memory image storage (64-byte aligned so plug-ins can use SIMD loads).
#include "image_storage.hpp"

#include <cstdlib>
#include <cstring>
#include <new>

namespace ofxhost {

HostImageStorage::HostImageStorage(size_t bytes) : size_(bytes) {
  const size_t rounded = ((bytes + 63) / 64) * 64;
  data_ = std::aligned_alloc(64, rounded == 0 ? 64 : rounded);
  if (data_ == nullptr) throw std::bad_alloc();
  std::memset(data_, 0, rounded == 0 ? 64 : rounded);
}

HostImageStorage::~HostImageStorage() { std::free(data_); }

void HostImageStorage::upload(const void *packed, size_t bytes) { std::memcpy(data_, packed, bytes < size_ ? bytes : size_); }

void HostImageStorage::download(void *packed, size_t bytes) const { std::memcpy(packed, data_, bytes < size_ ? bytes : size_); }

ImageStorageFactory hostStorageFactory() {
  return [](size_t bytes) { return std::unique_ptr<ImageStorage>(new HostImageStorage(bytes)); };
}

}  // namespace ofxhost
