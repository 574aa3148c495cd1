// property_set.cpp — typed property storage with OFX status semantics (see property_set.hpp).
#include "property_set.hpp"

namespace ofxhost {

int Property::dimension() const {
  switch (type) {
    case PropType::Pointer: return static_cast<int>(pointers.size());
    case PropType::String: return static_cast<int>(strings.size());
    case PropType::Double: return static_cast<int>(doubles.size());
    case PropType::Int: return static_cast<int>(ints.size());
  }
  return 0;
}

PropertySet::PropertySet(const PropertySet &other) : props_(other.props_) {}

PropertySet &PropertySet::operator=(const PropertySet &other) {
  if (this != &other) {
    std::scoped_lock both(lock_, other.lock_);
    props_ = other.props_;
  }
  return *this;
}

PropertySet *PropertySet::fromHandle(OfxPropertySetHandle h) {
  auto *p = reinterpret_cast<PropertySet *>(h);
  if (p == nullptr || p->magic_ != kMagic) return nullptr;
  return p;
}

void PropertySet::defineString(const std::string &name, std::vector<std::string> values, bool fixedDim) {
  std::lock_guard<std::recursive_mutex> g(lock_);
  Property p;
  p.type = PropType::String;
  p.strings = values;
  p.defaultStrings = std::move(values);
  p.readOnlyDimension = fixedDim;
  props_[name] = std::move(p);
}

void PropertySet::defineDouble(const std::string &name, std::vector<double> values, bool fixedDim) {
  std::lock_guard<std::recursive_mutex> g(lock_);
  Property p;
  p.type = PropType::Double;
  p.doubles = values;
  p.defaultDoubles = std::move(values);
  p.readOnlyDimension = fixedDim;
  props_[name] = std::move(p);
}

void PropertySet::defineInt(const std::string &name, std::vector<int> values, bool fixedDim) {
  std::lock_guard<std::recursive_mutex> g(lock_);
  Property p;
  p.type = PropType::Int;
  p.ints = values;
  p.defaultInts = std::move(values);
  p.readOnlyDimension = fixedDim;
  props_[name] = std::move(p);
}

void PropertySet::definePointer(const std::string &name, std::vector<void *> values, bool fixedDim) {
  std::lock_guard<std::recursive_mutex> g(lock_);
  Property p;
  p.type = PropType::Pointer;
  p.pointers = values;
  p.defaultPointers = std::move(values);
  p.readOnlyDimension = fixedDim;
  props_[name] = std::move(p);
}

Property *PropertySet::find(const char *name) {
  if (name == nullptr) return nullptr;
  auto it = props_.find(name);
  return it == props_.end() ? nullptr : &it->second;
}

const Property *PropertySet::find(const char *name) const {
  if (name == nullptr) return nullptr;
  auto it = props_.find(name);
  return it == props_.end() ? nullptr : &it->second;
}

Property &PropertySet::obtain(const char *name, PropType type, OfxStatus &status) {
  status = kOfxStatOK;
  auto it = props_.find(name);
  if (it == props_.end()) {
    Property p;
    p.type = type;
    it = props_.emplace(name, std::move(p)).first;
  } else if (it->second.type != type) {
    status = kOfxStatErrValue;
  }
  return it->second;
}

namespace {
// Setting index == dimension grows a variable-dimension property by one; anything further is
// an error (OFX: "index out of range" -> kOfxStatErrBadIndex).
template <typename T>
OfxStatus setAt(std::vector<T> &values, int index, T value, bool fixedDim) {
  if (index < 0) return kOfxStatErrBadIndex;
  auto i = static_cast<size_t>(index);
  if (i < values.size()) {
    values[i] = std::move(value);
    return kOfxStatOK;
  }
  if (fixedDim || i > values.size()) return kOfxStatErrBadIndex;
  values.push_back(std::move(value));
  return kOfxStatOK;
}

template <typename T>
OfxStatus getAt(const std::vector<T> &values, int index, T *out) {
  if (out == nullptr) return kOfxStatErrValue;
  if (index < 0 || static_cast<size_t>(index) >= values.size()) return kOfxStatErrBadIndex;
  *out = values[static_cast<size_t>(index)];
  return kOfxStatOK;
}
}  // namespace

OfxStatus PropertySet::setPointer(const char *name, int index, void *value) {
  if (name == nullptr) return kOfxStatErrUnknown;
  std::lock_guard<std::recursive_mutex> g(lock_);
  OfxStatus st;
  Property &p = obtain(name, PropType::Pointer, st);
  return st != kOfxStatOK ? st : setAt(p.pointers, index, value, p.readOnlyDimension);
}

OfxStatus PropertySet::setString(const char *name, int index, const char *value) {
  if (name == nullptr) return kOfxStatErrUnknown;
  if (value == nullptr) return kOfxStatErrValue;
  std::lock_guard<std::recursive_mutex> g(lock_);
  OfxStatus st;
  Property &p = obtain(name, PropType::String, st);
  return st != kOfxStatOK ? st : setAt(p.strings, index, std::string(value), p.readOnlyDimension);
}

OfxStatus PropertySet::setDouble(const char *name, int index, double value) {
  if (name == nullptr) return kOfxStatErrUnknown;
  std::lock_guard<std::recursive_mutex> g(lock_);
  OfxStatus st;
  Property &p = obtain(name, PropType::Double, st);
  return st != kOfxStatOK ? st : setAt(p.doubles, index, value, p.readOnlyDimension);
}

OfxStatus PropertySet::setInt(const char *name, int index, int value) {
  if (name == nullptr) return kOfxStatErrUnknown;
  std::lock_guard<std::recursive_mutex> g(lock_);
  OfxStatus st;
  Property &p = obtain(name, PropType::Int, st);
  return st != kOfxStatOK ? st : setAt(p.ints, index, value, p.readOnlyDimension);
}

OfxStatus PropertySet::getPointer(const char *name, int index, void **value) const {
  std::lock_guard<std::recursive_mutex> g(lock_);
  const Property *p = find(name);
  if (p == nullptr) return kOfxStatErrUnknown;
  if (p->type != PropType::Pointer) return kOfxStatErrValue;
  return getAt(p->pointers, index, value);
}

OfxStatus PropertySet::getString(const char *name, int index, char **value) const {
  std::lock_guard<std::recursive_mutex> g(lock_);
  const Property *p = find(name);
  if (p == nullptr) return kOfxStatErrUnknown;
  if (p->type != PropType::String) return kOfxStatErrValue;
  if (value == nullptr) return kOfxStatErrValue;
  if (index < 0 || static_cast<size_t>(index) >= p->strings.size()) return kOfxStatErrBadIndex;
  // OFX returns a char* into host storage that stays valid until the property changes.
  *value = const_cast<char *>(p->strings[static_cast<size_t>(index)].c_str());
  return kOfxStatOK;
}

OfxStatus PropertySet::getDouble(const char *name, int index, double *value) const {
  std::lock_guard<std::recursive_mutex> g(lock_);
  const Property *p = find(name);
  if (p == nullptr) return kOfxStatErrUnknown;
  if (p->type != PropType::Double) return kOfxStatErrValue;
  return getAt(p->doubles, index, value);
}

OfxStatus PropertySet::getInt(const char *name, int index, int *value) const {
  std::lock_guard<std::recursive_mutex> g(lock_);
  const Property *p = find(name);
  if (p == nullptr) return kOfxStatErrUnknown;
  if (p->type != PropType::Int) return kOfxStatErrValue;
  return getAt(p->ints, index, value);
}

OfxStatus PropertySet::reset(const char *name) {
  std::lock_guard<std::recursive_mutex> g(lock_);
  Property *p = find(name);
  if (p == nullptr) return kOfxStatErrUnknown;
  p->pointers = p->defaultPointers;
  p->strings = p->defaultStrings;
  p->doubles = p->defaultDoubles;
  p->ints = p->defaultInts;
  return kOfxStatOK;
}

OfxStatus PropertySet::dimension(const char *name, int *count) const {
  std::lock_guard<std::recursive_mutex> g(lock_);
  const Property *p = find(name);
  if (p == nullptr) return kOfxStatErrUnknown;
  if (count == nullptr) return kOfxStatErrValue;
  *count = p->dimension();
  return kOfxStatOK;
}

bool PropertySet::has(const std::string &name) const {
  std::lock_guard<std::recursive_mutex> g(lock_);
  return props_.count(name) != 0;
}

std::string PropertySet::str(const std::string &name, int index, const std::string &fallback) const {
  char *v = nullptr;
  return getString(name.c_str(), index, &v) == kOfxStatOK ? std::string(v) : fallback;
}

double PropertySet::dbl(const std::string &name, int index, double fallback) const {
  double v = 0;
  if (getDouble(name.c_str(), index, &v) == kOfxStatOK) return v;
  int i = 0;  // tolerate plug-ins that set a double property with propSetInt
  return getInt(name.c_str(), index, &i) == kOfxStatOK ? i : fallback;
}

int PropertySet::integer(const std::string &name, int index, int fallback) const {
  int v = 0;
  return getInt(name.c_str(), index, &v) == kOfxStatOK ? v : fallback;
}

void *PropertySet::ptr(const std::string &name, int index) const {
  void *v = nullptr;
  return getPointer(name.c_str(), index, &v) == kOfxStatOK ? v : nullptr;
}

std::vector<std::string> PropertySet::strings(const std::string &name) const {
  std::lock_guard<std::recursive_mutex> g(lock_);
  const Property *p = find(name.c_str());
  if (p == nullptr || p->type != PropType::String) return {};
  return p->strings;
}

int PropertySet::dim(const std::string &name) const {
  int n = 0;
  return dimension(name.c_str(), &n) == kOfxStatOK ? n : 0;
}

}  // namespace ofxhost
