// host.cpp — the OfxHost struct, its property set and fetchSuite.
#include "host.hpp"

#include "suites.hpp"

#include <cstring>

namespace ofxhost {

namespace {
PropertySet g_props;
HostIdentity g_identity;
OfxHost g_host{nullptr, nullptr};

// Called by plug-ins: no exception may escape (fetchSuite builds a std::string), so a failure is
// "no such suite".
const void *fetchSuiteC(OfxPropertySetHandle host, const char *name, int version) noexcept {
  try {
    if (PropertySet::fromHandle(host) != &g_props) return nullptr;
    return fetchSuite(name, version);
  } catch (...) {
    return nullptr;
  }
}

bool isResolve(const std::string &name) { return name.find("DaVinciResolve") != std::string::npos; }
}  // namespace

const void *fetchSuite(const char *name, int version) {
  if (name == nullptr) return nullptr;
  const std::string n = name;
  if (n == kOfxPropertySuite && version == 1) return propertySuiteV1();
  if (n == kOfxParameterSuite && version == 1) return parameterSuiteV1();
  if (n == kOfxImageEffectSuite && version == 1) return imageEffectSuiteV1();
  if (n == kOfxMemorySuite && version == 1) return memorySuiteV1();
  if (n == kOfxMultiThreadSuite && version == 1) return multiThreadSuiteV1();
  if (n == kOfxMessageSuite && version == 1) return messageSuiteV1();
  if (n == kOfxMessageSuite && version == 2) return messageSuiteV2();
  if (n == kOfxProgressSuite && version == 1) return progressSuiteV1();
  if (n == kOfxProgressSuite && version == 2) return progressSuiteV2();
  if (n == kOfxTimeLineSuite && version == 1) return timeLineSuiteV1();
  return nullptr;
}

void configureHost(const HostIdentity &id) {
  g_identity = id;
  const bool resolve = isResolve(id.name);
  PropertySet &p = g_props;
  p = PropertySet();
  p.defineString(kOfxPropType, {kOfxTypeImageEffectHost}, true);
  p.defineString(kOfxPropName, {id.name}, true);
  p.defineString(kOfxPropLabel, {id.label}, true);
  p.defineInt(kOfxPropAPIVersion, {1, 4}, true);
  p.defineInt(kOfxPropVersion, {0, 1, 0}, true);
  p.defineString(kOfxPropVersionLabel, {"0.1.0"}, true);
  p.defineInt(kOfxImageEffectHostPropIsBackground, {1}, true);
  p.defineInt(kOfxImageEffectPropSupportsOverlays, {0}, true);
  p.defineInt(kOfxImageEffectPropSupportsMultiResolution, {resolve ? 0 : 1}, true);
  p.defineInt(kOfxImageEffectPropSupportsTiles, {resolve ? 0 : 1}, true);
  p.defineInt(kOfxImageEffectPropTemporalClipAccess, {1}, true);
  p.defineString(kOfxImageEffectPropSupportedComponents,
                 {kOfxImageComponentRGBA, kOfxImageComponentRGB, kOfxImageComponentAlpha}, true);
  p.defineString(kOfxImageEffectPropSupportedContexts, {kOfxImageEffectContextFilter, kOfxImageEffectContextGeneral}, true);
  p.defineString(kOfxImageEffectPropSupportedPixelDepths, {kOfxBitDepthByte, kOfxBitDepthShort, kOfxBitDepthFloat}, true);
  p.defineInt(kOfxImageEffectPropSupportsMultipleClipDepths, {0}, true);
  p.defineInt(kOfxImageEffectPropSupportsMultipleClipPARs, {0}, true);
  p.defineInt(kOfxImageEffectPropSetableFrameRate, {0}, true);
  p.defineInt(kOfxImageEffectPropSetableFielding, {0}, true);
  p.defineInt(kOfxImageEffectInstancePropSequentialRender, {0}, true);
  p.defineInt(kOfxParamHostPropSupportsCustomInteract, {0}, true);
  p.defineInt(kOfxParamHostPropSupportsStringAnimation, {0}, true);
  p.defineInt(kOfxParamHostPropSupportsChoiceAnimation, {1}, true);
  p.defineInt(kOfxParamHostPropSupportsBooleanAnimation, {1}, true);
  p.defineInt(kOfxParamHostPropSupportsCustomAnimation, {0}, true);
  // OFX 1.5 string-valued choices: supported, stored as the chosen enum string, not animated
  // (like strings here).
  p.defineInt(kOfxParamHostPropSupportsStrChoice, {1}, true);
  p.defineInt(kOfxParamHostPropSupportsStrChoiceAnimation, {0}, true);
  // No OfxParametricParameterSuite is offered, so parametric params cannot animate either.
  p.defineInt(kOfxParamHostPropSupportsParametricAnimation, {0}, true);
  p.defineInt(kOfxParamHostPropMaxParameters, {-1}, true);
  p.defineInt(kOfxParamHostPropMaxPages, {0}, true);
  // The Support library reads both indices and fails Load when the property is missing.
  p.defineInt(kOfxParamHostPropPageRowColumnCount, {0, 0}, true);
  // Images are bottom-up with (0,0) at the lower left, as OFX itself.
  p.defineString(kOfxImageEffectHostPropNativeOrigin, {kOfxHostNativeOriginBottomLeft}, true);
  p.definePointer(kOfxPropHostOSHandle, {nullptr}, true);
  p.defineString(kOfxImageEffectPropOpenGLRenderSupported, {"false"}, true);
  const bool cuda = id.gpu == "cuda";
  p.defineString(kOfxImageEffectPropCudaRenderSupported, {cuda ? "true" : "false"}, true);
  p.defineString(kOfxImageEffectPropCudaStreamSupported, {cuda ? "true" : "false"}, true);
  p.defineString(kOfxImageEffectPropOpenCLRenderSupported, {id.gpu == "opencl" ? "true" : "false"}, true);
  p.defineString(kOfxImageEffectPropOpenCLSupported, {"false"}, true);
  p.defineString(kOfxImageEffectPropMetalRenderSupported, {"false"}, true);
  p.defineString(kOfxImageEffectPropCPURenderSupported, {"true"}, true);
  p.defineInt(kOfxImageEffectPropRenderQualityDraft, {0}, true);
  g_host.host = p.handle();
  g_host.fetchSuite = fetchSuiteC;
}

OfxHost *ofxHost() {
  if (g_host.host == nullptr) configureHost(HostIdentity{});
  return &g_host;
}

PropertySet &hostProperties() { return g_props; }
const HostIdentity &hostIdentity() { return g_identity; }

}  // namespace ofxhost
