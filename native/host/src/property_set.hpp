// property_set.hpp — the host's OFX property set: named, typed, multi-dimensional values.
//
// Every OFX handle the host gives out (host, effect, clip, param, image, action args) is backed
// by one of these. Types are fixed when a property is created: a setter of the wrong type is
// kOfxStatErrValue, an index past the dimension kOfxStatErrBadIndex (OFX semantics), a missing
// name kOfxStatErrUnknown. Setting a name that does not exist creates it, because plug-ins may put
// private or extension properties on descriptors and args (real hosts tolerate this too).
#pragma once

#include "enhance/ofx_abi.h"

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace ofxhost {

enum class PropType { Pointer, String, Double, Int };

struct Property {
  PropType type = PropType::Int;
  std::vector<void *> pointers;
  std::vector<std::string> strings;
  std::vector<double> doubles;
  std::vector<int> ints;
  // What propReset restores: the value the host created the property with.
  std::vector<void *> defaultPointers;
  std::vector<std::string> defaultStrings;
  std::vector<double> defaultDoubles;
  std::vector<int> defaultInts;
  bool readOnlyDimension = false;  // fixed-size host property: setting past the end is BadIndex

  int dimension() const;
};

class PropertySet {
 public:
  PropertySet() = default;
  PropertySet(const PropertySet &other);
  PropertySet &operator=(const PropertySet &other);

  // Host-side creation with a fixed type and default values (dimension = values.size()).
  void defineString(const std::string &name, std::vector<std::string> values, bool fixedDim = false);
  void defineDouble(const std::string &name, std::vector<double> values, bool fixedDim = false);
  void defineInt(const std::string &name, std::vector<int> values, bool fixedDim = false);
  void definePointer(const std::string &name, std::vector<void *> values, bool fixedDim = false);

  // OFX semantics; return kOfxStat* codes.
  OfxStatus setPointer(const char *name, int index, void *value);
  OfxStatus setString(const char *name, int index, const char *value);
  OfxStatus setDouble(const char *name, int index, double value);
  OfxStatus setInt(const char *name, int index, int value);
  OfxStatus getPointer(const char *name, int index, void **value) const;
  OfxStatus getString(const char *name, int index, char **value) const;
  OfxStatus getDouble(const char *name, int index, double *value) const;
  OfxStatus getInt(const char *name, int index, int *value) const;
  OfxStatus reset(const char *name);
  OfxStatus dimension(const char *name, int *count) const;

  // Convenience for host code (no status; fallback when absent or mistyped).
  bool has(const std::string &name) const;
  std::string str(const std::string &name, int index = 0, const std::string &fallback = "") const;
  double dbl(const std::string &name, int index = 0, double fallback = 0.0) const;
  int integer(const std::string &name, int index = 0, int fallback = 0) const;
  void *ptr(const std::string &name, int index = 0) const;
  std::vector<std::string> strings(const std::string &name) const;
  int dim(const std::string &name) const;
  const std::map<std::string, Property> &all() const { return props_; }

  OfxPropertySetHandle handle() { return reinterpret_cast<OfxPropertySetHandle>(this); }
  // Null when `h` is not a live PropertySet (a bad handle must not crash the host).
  static PropertySet *fromHandle(OfxPropertySetHandle h);

 private:
  Property *find(const char *name);
  const Property *find(const char *name) const;
  Property &obtain(const char *name, PropType type, OfxStatus &status);

  static constexpr unsigned kMagic = 0x0f5e7a11u;
  unsigned magic_ = kMagic;
  std::map<std::string, Property> props_;
  // Strings handed out by getString must stay valid while the set lives; the property's own
  // storage is that guarantee, and the lock keeps concurrent tile renders from racing on it.
  mutable std::recursive_mutex lock_;

 public:
  // Virtual so that image handles (ClipImage derives from this) can be recognised by dynamic_cast.
  virtual ~PropertySet() { magic_ = 0; }
};

}  // namespace ofxhost
