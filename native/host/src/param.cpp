// param.cpp — parameter model (see param.hpp).
#include "param.hpp"

#include <algorithm>
#include <cmath>

namespace ofxhost {

int paramDimension(const std::string &t) {
  if (t == kOfxParamTypeInteger || t == kOfxParamTypeDouble || t == kOfxParamTypeBoolean ||
      t == kOfxParamTypeChoice || t == kOfxParamTypeStrChoice || t == kOfxParamTypeString || t == kOfxParamTypeCustom)
    return 1;
  if (t == kOfxParamTypeDouble2D || t == kOfxParamTypeInteger2D) return 2;
  if (t == kOfxParamTypeDouble3D || t == kOfxParamTypeInteger3D || t == kOfxParamTypeRGB) return 3;
  if (t == kOfxParamTypeRGBA) return 4;
  return 0;  // group, page, pushbutton
}

ParamKind paramKind(const std::string &t) {
  if (t == kOfxParamTypeInteger || t == kOfxParamTypeInteger2D || t == kOfxParamTypeInteger3D) return ParamKind::Integer;
  if (t == kOfxParamTypeDouble || t == kOfxParamTypeDouble2D || t == kOfxParamTypeDouble3D || t == kOfxParamTypeRGB ||
      t == kOfxParamTypeRGBA)
    return ParamKind::Double;
  if (t == kOfxParamTypeBoolean) return ParamKind::Boolean;
  if (t == kOfxParamTypeChoice) return ParamKind::Choice;
  // A StrChoice's value is its chosen enum string: stored and passed like a string (char*).
  if (t == kOfxParamTypeString || t == kOfxParamTypeCustom || t == kOfxParamTypeStrChoice) return ParamKind::String;
  return ParamKind::None;
}

bool isKnownParamType(const std::string &t) {
  return paramDimension(t) > 0 || t == kOfxParamTypeGroup || t == kOfxParamTypePage || t == kOfxParamTypePushButton;
}

Param::Param(const std::string &type, const std::string &name, ParamSet *owner)
    : curve(paramDimension(type) > 0 ? paramDimension(type) : 1,
            (paramKind(type) == ParamKind::Boolean || paramKind(type) == ParamKind::Choice) ? Interpolation::Step
                                                                                           : Interpolation::Linear),
      type_(type),
      name_(name),
      owner_(owner),
      kind_(paramKind(type)),
      dim_(paramDimension(type)) {
  // The properties every parameter descriptor has, with the spec's defaults.
  props.defineString(kOfxPropType, {kOfxTypeParameter});
  props.defineString(kOfxParamPropType, {type}, true);
  props.defineString(kOfxPropName, {name}, true);
  props.defineString(kOfxPropLabel, {name});
  props.defineString(kOfxPropShortLabel, {name});
  props.defineString(kOfxPropLongLabel, {name});
  props.defineString(kOfxParamPropScriptName, {name});
  props.defineString(kOfxParamPropHint, {""});
  props.defineString(kOfxParamPropParent, {""});
  props.defineInt(kOfxParamPropEnabled, {1});
  props.defineInt(kOfxParamPropSecret, {0});
  props.defineInt(kOfxParamPropEvaluateOnChange, {1});
  props.defineInt(kOfxParamPropPersistant, {1});
  props.defineInt(kOfxParamPropCanUndo, {1});
  props.definePointer(kOfxPropInstanceData, {nullptr});
  const bool numeric = kind_ == ParamKind::Integer || kind_ == ParamKind::Double || kind_ == ParamKind::Boolean ||
                       kind_ == ParamKind::Choice;
  props.defineInt(kOfxParamPropAnimates, {numeric ? 1 : 0});
  props.defineInt(kOfxParamPropIsAnimating, {0});
  const size_t n = static_cast<size_t>(dim_);
  switch (kind_) {
    case ParamKind::Double:
      props.defineDouble(kOfxParamPropDefault, std::vector<double>(n, type == kOfxParamTypeRGBA ? 0.0 : 0.0), true);
      props.defineDouble(kOfxParamPropMin, std::vector<double>(n, -1e300), true);
      props.defineDouble(kOfxParamPropMax, std::vector<double>(n, 1e300), true);
      props.defineDouble(kOfxParamPropDisplayMin, std::vector<double>(n, -1e300), true);
      props.defineDouble(kOfxParamPropDisplayMax, std::vector<double>(n, 1e300), true);
      props.defineDouble(kOfxParamPropIncrement, {1.0});
      props.defineInt(kOfxParamPropDigits, {2});
      props.defineString(kOfxParamPropDoubleType, {kOfxParamDoubleTypePlain});
      props.defineString(kOfxParamPropDefaultCoordinateSystem, {kOfxParamCoordinatesCanonical});
      break;
    case ParamKind::Integer:
      props.defineInt(kOfxParamPropDefault, std::vector<int>(n, 0), true);
      props.defineInt(kOfxParamPropMin, std::vector<int>(n, -2147483647), true);
      props.defineInt(kOfxParamPropMax, std::vector<int>(n, 2147483647), true);
      props.defineInt(kOfxParamPropDisplayMin, std::vector<int>(n, -2147483647), true);
      props.defineInt(kOfxParamPropDisplayMax, std::vector<int>(n, 2147483647), true);
      break;
    case ParamKind::Boolean:
      props.defineInt(kOfxParamPropDefault, {0}, true);
      break;
    case ParamKind::Choice:
      props.defineInt(kOfxParamPropDefault, {0}, true);
      props.defineString(kOfxParamPropChoiceOption, {});
      break;
    case ParamKind::String:
      props.defineString(kOfxParamPropDefault, {""}, true);
      if (isStrChoice()) {
        props.defineString(kOfxParamPropChoiceOption, {});  // what a user would see
        props.defineString(kOfxParamPropChoiceEnum, {});    // the values, one per option
      } else {
        props.defineString(kOfxParamPropStringMode, {kOfxParamStringIsSingleLine});
        props.defineInt(kOfxParamPropStringFilePathExists, {1});
      }
      break;
    case ParamKind::None:
      if (type == kOfxParamTypePage) props.defineString(kOfxParamPropPageChild, {});
      if (type == kOfxParamTypeGroup) props.defineInt(kOfxParamPropGroupOpen, {1});
      break;
  }
  if (dim_ >= 2 && kind_ != ParamKind::String) {
    static const char *labels[] = {"x", "y", "z", "w"};
    static const char *colour[] = {"r", "g", "b", "a"};
    const bool isColour = type == kOfxParamTypeRGB || type == kOfxParamTypeRGBA;
    std::vector<std::string> dl;
    for (int i = 0; i < dim_; ++i) dl.emplace_back(isColour ? colour[i] : labels[i]);
    props.defineString(kOfxParamPropDimensionLabel, dl, true);
  }
}

Param *Param::fromHandle(OfxParamHandle h) {
  auto *p = reinterpret_cast<Param *>(h);
  return (p != nullptr && p->magic_ == kMagic) ? p : nullptr;
}

bool Param::isStrChoice() const { return type_ == kOfxParamTypeStrChoice; }

bool Param::acceptsChoiceEnum(const std::string &value) const {
  const std::vector<std::string> enums = props.strings(kOfxParamPropChoiceEnum);
  return enums.empty() || std::find(enums.begin(), enums.end(), value) != enums.end();
}

bool Param::animates() const {
  return kind_ != ParamKind::String && kind_ != ParamKind::None && props.integer(kOfxParamPropAnimates, 0, 0) != 0;
}

void Param::resetToDefault() {
  if (kind_ == ParamKind::String) {
    stringValue = props.str(kOfxParamPropDefault);
    // OFX 1.5: a StrChoice without a default takes its first option.
    if (isStrChoice() && stringValue.empty()) stringValue = props.str(kOfxParamPropChoiceEnum);
    return;
  }
  if (kind_ == ParamKind::None) return;
  std::vector<double> v(static_cast<size_t>(dim_));
  for (int i = 0; i < dim_; ++i) v[static_cast<size_t>(i)] = props.dbl(kOfxParamPropDefault, i, 0.0);
  curve.deleteAllKeys();
  curve.setStatic(v);
}

std::vector<double> Param::valueAt(double time) const {
  std::vector<double> v = curve.valueAt(time);
  if (kind_ != ParamKind::Double)
    for (double &x : v) x = std::round(x);  // ints interpolate linearly, then round (like Natron)
  return v;
}

Param *ParamSet::define(const std::string &type, const std::string &name) {
  if (find(name) != nullptr) return nullptr;
  params_.push_back(std::make_unique<Param>(type, name, this));
  return params_.back().get();
}

Param *ParamSet::find(const std::string &name) const {
  for (const auto &p : params_)
    if (p->name() == name) return p.get();
  return nullptr;
}

void ParamSet::cloneFrom(const ParamSet &descriptors) {
  props = descriptors.props;
  params_.clear();
  for (const auto &d : descriptors.params()) {
    auto p = std::make_unique<Param>(d->type(), d->name(), this);
    p->props = d->props;
    p->props.setString(kOfxPropType, 0, kOfxTypeParameterInstance);
    p->resetToDefault();
    params_.push_back(std::move(p));
  }
}

ParamSet *ParamSet::fromHandle(OfxParamSetHandle h) {
  auto *p = reinterpret_cast<ParamSet *>(h);
  return (p != nullptr && p->magic_ == kMagic) ? p : nullptr;
}

}  // namespace ofxhost
