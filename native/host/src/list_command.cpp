// list_command.cpp — plug-in descriptions as text or JSON.
#include "list_command.hpp"

#include "image_source.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace ofxhost {

namespace {

std::string jsonString(const std::string &s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string jsonStrings(const std::vector<std::string> &v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + jsonString(v[i]);
  return out + "]";
}

std::string number(double d) {
  std::ostringstream ss;
  ss.precision(17);
  ss << d;
  return ss.str();
}

// The default value as JSON (string, or array of numbers) and as text.
std::string defaultJson(const Param &p) {
  if (p.kind() == ParamKind::String) return jsonString(p.props.str(kOfxParamPropDefault));
  if (p.kind() == ParamKind::None) return "null";
  std::string out = "[";
  for (int i = 0; i < p.dimension(); ++i) out += (i ? "," : "") + number(p.props.dbl(kOfxParamPropDefault, i));
  return out + "]";
}

std::string defaultText(const Param &p) {
  if (p.kind() == ParamKind::String) return "\"" + p.props.str(kOfxParamPropDefault) + "\"";
  if (p.kind() == ParamKind::None) return "-";
  std::string out;
  for (int i = 0; i < p.dimension(); ++i) out += (i ? "," : "") + number(p.props.dbl(kOfxParamPropDefault, i));
  return out;
}

const Effect *describedContext(Plugin &p, std::string *error) {
  const std::vector<std::string> contexts = p.supportedContexts();
  std::string pick = contexts.empty() ? "" : contexts.front();
  for (const char *preferred : {kOfxImageEffectContextGeneral, kOfxImageEffectContextFilter})
    if (std::find(contexts.begin(), contexts.end(), preferred) != contexts.end()) pick = preferred;
  if (pick.empty()) {
    *error = "declares no contexts";
    return nullptr;
  }
  Effect *d = nullptr;
  OfxStatus st = p.ensureDescribedIn(pick, &d);
  if (st != kOfxStatOK) {
    *error = "DescribeInContext(" + pick + ") returned " + OfxError::statusName(st);
    return nullptr;
  }
  return d;
}

}  // namespace

int listPlugins(PluginCache &plugins, bool json, std::ostream &out) {
  int failures = 0;
  if (json) out << "{\"plugins\":[";
  bool first = true;
  for (const auto &pp : plugins.plugins()) {
    Plugin &p = *pp;
    std::string error;
    OfxStatus st = p.ensureDescribed();
    const Effect *ctx = nullptr;
    if (st != kOfxStatOK) error = "Load/Describe returned " + OfxError::statusName(st);
    else ctx = describedContext(p, &error);
    if (!error.empty()) ++failures;
    const PropertySet *props = ctx != nullptr ? &ctx->props : (p.descriptor ? &p.descriptor->props : nullptr);
    const std::string label = props ? props->str(kOfxPropLabel) : "";
    const std::string grouping = props ? props->str(kOfxImageEffectPluginPropGrouping) : "";
    const std::string version = std::to_string(p.versionMajor) + "." + std::to_string(p.versionMinor);
    if (json) {
      out << (first ? "" : ",") << "\n {\"identifier\":" << jsonString(p.identifier) << ",\"version\":[" << p.versionMajor << ","
          << p.versionMinor << "],\"label\":" << jsonString(label) << ",\"grouping\":" << jsonString(grouping)
          << ",\"binary\":" << jsonString(p.binaryPath) << ",\"contexts\":" << jsonStrings(p.supportedContexts());
      if (props) {
        out << ",\"pixelDepths\":" << jsonStrings(props->strings(kOfxImageEffectPropSupportedPixelDepths))
            << ",\"supportsTiles\":" << (props->integer(kOfxImageEffectPropSupportsTiles, 0, 1) ? "true" : "false")
            << ",\"threadSafety\":" << jsonString(props->str(kOfxImageEffectPluginRenderThreadSafety));
      }
      if (!error.empty()) out << ",\"error\":" << jsonString(error);
      out << ",\"clips\":[";
      if (ctx) {
        for (size_t i = 0; i < ctx->clips.size(); ++i) {
          const Clip &c = *ctx->clips[i];
          out << (i ? "," : "") << "{\"name\":" << jsonString(c.name()) << ",\"optional\":"
              << (c.props.integer(kOfxImageClipPropOptional) ? "true" : "false")
              << ",\"components\":" << jsonStrings(c.props.strings(kOfxImageEffectPropSupportedComponents)) << "}";
        }
      }
      out << "],\"params\":[";
      if (ctx) {
        const auto &params = ctx->params.params();
        for (size_t i = 0; i < params.size(); ++i) {
          const Param &q = *params[i];
          out << (i ? "," : "") << "{\"name\":" << jsonString(q.name()) << ",\"type\":" << jsonString(q.type())
              << ",\"label\":" << jsonString(q.props.str(kOfxPropLabel)) << ",\"default\":" << defaultJson(q)
              << ",\"animates\":" << (q.animates() ? "true" : "false");
          if (q.kind() == ParamKind::Choice || q.isStrChoice())
            out << ",\"options\":" << jsonStrings(q.props.strings(kOfxParamPropChoiceOption));
          if (q.isStrChoice()) out << ",\"enums\":" << jsonStrings(q.props.strings(kOfxParamPropChoiceEnum));
          out << "}";
        }
      }
      out << "]}";
    } else {
      out << p.identifier << "  version " << version << "\n";
      out << "  label:    " << label << "\n  grouping: " << grouping << "\n  binary:   " << p.binaryPath << "\n  contexts:";
      for (const auto &c : p.supportedContexts()) out << " " << c;
      out << "\n";
      if (!error.empty()) out << "  error:    " << error << "\n";
      if (ctx) {
        out << "  clips:\n";
        for (const auto &c : ctx->clips) {
          out << "    " << c->name() << (c->props.integer(kOfxImageClipPropOptional) ? " (optional)" : "") << "\n";
        }
        out << "  params:\n";
        for (const auto &q : ctx->params.params())
          out << "    " << q->name() << "  " << q->type() << "  default=" << defaultText(*q)
              << "  animates=" << (q->animates() ? "yes" : "no") << "\n";
      }
    }
    first = false;
  }
  if (json) out << "\n]}\n";
  return failures;
}

}  // namespace ofxhost
