// param.hpp — parameter descriptors/instances and parameter sets.
//
// A Param owns its properties (type, name, default, range, ...) and its value: numeric params
// keep a KeyframeCurve (one dimension per component), string-like params a string. Descriptors
// and instances use the same class; an instance set is cloned from its descriptor set and takes
// its values from kOfxParamPropDefault.
#pragma once

#include "keyframe_curve.hpp"
#include "property_set.hpp"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ofxhost {

class Effect;
class ParamSet;

enum class ParamKind { Integer, Double, Boolean, Choice, String, None };

class Param {
 public:
  Param(const std::string &type, const std::string &name, ParamSet *owner);

  const std::string &type() const { return type_; }
  const std::string &name() const { return name_; }
  ParamSet *owner() const { return owner_; }
  ParamKind kind() const { return kind_; }
  // Number of values (1..4) for numeric params, 1 for strings, 0 for group/page/pushbutton.
  int dimension() const { return dim_; }
  bool animates() const;
  // OFX 1.5 string-valued choice (kind String): the value is one of kOfxParamPropChoiceEnum.
  bool isStrChoice() const;
  // Whether `value` may be a StrChoice's value (any string while no enums are declared).
  bool acceptsChoiceEnum(const std::string &value) const;

  PropertySet props;
  KeyframeCurve curve;  // numeric params: ints/bools/choices are stored as doubles
  std::string stringValue;
  std::string stringReturn;  // storage behind the const char* paramGetValue hands out
  std::mutex lock;

  void resetToDefault();     // value := kOfxParamPropDefault
  void setStatic(const std::vector<double> &v) { curve.setStatic(v); }
  std::vector<double> valueAt(double time) const;  // rounded for integral kinds

  OfxParamHandle handle() { return reinterpret_cast<OfxParamHandle>(this); }
  static Param *fromHandle(OfxParamHandle h);

  ~Param() { magic_ = 0; }

 private:
  static constexpr unsigned kMagic = 0x9a7a3e11u;
  unsigned magic_ = kMagic;
  std::string type_, name_;
  ParamSet *owner_;
  ParamKind kind_;
  int dim_;
};

class ParamSet {
 public:
  explicit ParamSet(Effect *owner) : owner_(owner) {}
  Effect *owner() const { return owner_; }

  Param *define(const std::string &type, const std::string &name);  // null when the name exists
  Param *find(const std::string &name) const;
  const std::vector<std::unique_ptr<Param>> &params() const { return params_; }
  // Instance creation: copy descriptors' properties, then set each value to its default.
  void cloneFrom(const ParamSet &descriptors);

  PropertySet props;

  OfxParamSetHandle handle() { return reinterpret_cast<OfxParamSetHandle>(this); }
  static ParamSet *fromHandle(OfxParamSetHandle h);
  ~ParamSet() { magic_ = 0; }

 private:
  static constexpr unsigned kMagic = 0x9a7a5e75u;
  unsigned magic_ = kMagic;
  Effect *owner_;
  std::vector<std::unique_ptr<Param>> params_;
};

// Type-derived facts: how many components and what kind of value.
int paramDimension(const std::string &type);
ParamKind paramKind(const std::string &type);
bool isKnownParamType(const std::string &type);

}  // namespace ofxhost
