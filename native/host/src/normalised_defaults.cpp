// normalised_defaults.cpp — see normalised_defaults.hpp.
#include "normalised_defaults.hpp"

namespace ofxhost {

namespace {

bool hasNormalisedDefault(const Param &p) {
  return p.kind() == ParamKind::Double &&
         p.props.str(kOfxParamPropDefaultCoordinateSystem, 0, kOfxParamCoordinatesCanonical) == kOfxParamCoordinatesNormalised;
}

}  // namespace

std::vector<double> canonicalDefault(const Param &p, OfxPointD size, OfxPointD offset) {
  std::vector<double> v(static_cast<size_t>(p.dimension()));
  for (int i = 0; i < p.dimension(); ++i) v[static_cast<size_t>(i)] = p.props.dbl(kOfxParamPropDefault, i, 0.0);
  if (!hasNormalisedDefault(p)) return v;
  const std::string type = p.props.str(kOfxParamPropDoubleType, 0, kOfxParamDoubleTypePlain);
  // Which axis each component measures (true: X); only the X/Y/XY types are spatial.
  bool alongX[2] = {true, false};
  bool absolute = false;
  if (p.dimension() == 1 && (type == kOfxParamDoubleTypeX || type == kOfxParamDoubleTypeXAbsolute)) {
    absolute = type == kOfxParamDoubleTypeXAbsolute;
  } else if (p.dimension() == 1 && (type == kOfxParamDoubleTypeY || type == kOfxParamDoubleTypeYAbsolute)) {
    alongX[0] = false;
    absolute = type == kOfxParamDoubleTypeYAbsolute;
  } else if (p.dimension() == 2 && (type == kOfxParamDoubleTypeXY || type == kOfxParamDoubleTypeXYAbsolute)) {
    absolute = type == kOfxParamDoubleTypeXYAbsolute;
  } else {
    return v;  // not spatial: the coordinate system does not apply
  }
  for (size_t i = 0; i < v.size(); ++i) {
    const bool x = alongX[i];
    v[i] = v[i] * (x ? size.x : size.y) + (absolute ? (x ? offset.x : offset.y) : 0.0);
  }
  return v;
}

void applyNormalisedDefaults(ParamSet &params, OfxPointD size, OfxPointD offset) {
  for (const auto &p : params.params()) {
    if (!hasNormalisedDefault(*p)) continue;
    std::lock_guard<std::mutex> g(p->lock);
    p->curve.deleteAllKeys();
    p->setStatic(canonicalDefault(*p, size, offset));
  }
}

}  // namespace ofxhost
