// param_values.cpp — text -> parameter values, by parameter type.
#include "param_values.hpp"

#include "image_source.hpp"

#include <cstdlib>

namespace ofxhost {

namespace {

double toNumber(const Param &p, const std::string &s) {
  char *end = nullptr;
  if (p.kind() == ParamKind::Boolean) {
    if (s == "true" || s == "on" || s == "yes" || s == "1") return 1.0;
    if (s == "false" || s == "off" || s == "no" || s == "0") return 0.0;
    throw HostError("parameter '" + p.name() + "' is boolean: use true/false, 1/0, on/off or yes/no, not '" + s + "'");
  }
  if (p.kind() == ParamKind::Choice) {
    const std::vector<std::string> options = p.props.strings(kOfxParamPropChoiceOption);
    for (size_t i = 0; i < options.size(); ++i)
      if (options[i] == s) return static_cast<double>(i);
    const long v = std::strtol(s.c_str(), &end, 10);
    if (s.empty() || *end != '\0' || v < 0 || (!options.empty() && static_cast<size_t>(v) >= options.size())) {
      std::string list;
      for (const auto &o : options) list += (list.empty() ? "" : ", ") + o;
      throw HostError("parameter '" + p.name() + "' is a choice: give an index or one of: " + list);
    }
    return static_cast<double>(v);
  }
  if (p.kind() == ParamKind::Integer) {
    const long v = std::strtol(s.c_str(), &end, 10);
    if (s.empty() || *end != '\0') throw HostError("parameter '" + p.name() + "' needs integers, not '" + s + "'");
    return static_cast<double>(v);
  }
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0') throw HostError("parameter '" + p.name() + "' needs numbers, not '" + s + "'");
  return v;
}

// A StrChoice is set by its enum (what the plug-in reads) or by its option text (what a user
// sees); either way the stored value is the enum.
std::string strChoiceValue(const Param &p, const std::string &s) {
  const std::vector<std::string> enums = p.props.strings(kOfxParamPropChoiceEnum);
  const std::vector<std::string> options = p.props.strings(kOfxParamPropChoiceOption);
  if (p.acceptsChoiceEnum(s)) return s;
  for (size_t i = 0; i < options.size() && i < enums.size(); ++i)
    if (options[i] == s) return enums[i];
  std::string list;
  for (size_t i = 0; i < enums.size(); ++i)
    list += (list.empty() ? "" : ", ") + enums[i] + (i < options.size() ? " (" + options[i] + ")" : "");
  throw HostError("parameter '" + p.name() + "' is a string choice: give one of: " + list);
}

}  // namespace

void applyAssignment(Param &p, const ParamAssignment &a) {
  std::lock_guard<std::mutex> g(p.lock);
  if (p.kind() == ParamKind::None) throw HostError("parameter '" + p.name() + "' (" + p.type() + ") has no value to set");
  if (p.kind() == ParamKind::String) {
    if (a.keyed) throw HostError("parameter '" + p.name() + "' is a string and cannot be keyframed");
    std::string joined;  // commas belong to the string
    for (size_t i = 0; i < a.values.size(); ++i) joined += (i ? "," : "") + a.values[i];
    p.stringValue = p.isStrChoice() ? strChoiceValue(p, joined) : joined;
    return;
  }
  if (static_cast<int>(a.values.size()) != p.dimension())
    throw HostError("parameter '" + p.name() + "' (" + p.type() + ") needs " + std::to_string(p.dimension()) +
                    " value(s), got " + std::to_string(a.values.size()));
  std::vector<double> v;
  for (const auto &s : a.values) v.push_back(toNumber(p, s));
  if (a.keyed) {
    if (!p.animates()) throw HostError("parameter '" + p.name() + "' does not animate (kOfxParamPropAnimates = 0)");
    p.curve.setKey(a.frame, v);
    p.props.setInt(kOfxParamPropIsAnimating, 0, 1);
  } else {
    p.curve.setStatic(v);
  }
}

}  // namespace ofxhost
