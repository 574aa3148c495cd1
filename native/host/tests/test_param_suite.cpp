// Parameter suite through the C ABI: define, defaults, variadic get/set by type, keys,
// paramGetValue at the current action time, key queries, copy.
#include "action_context.hpp"
#include "effect.hpp"
#include "normalised_defaults.hpp"
#include "suites.hpp"

#include <gtest/gtest.h>

using namespace ofxhost;

namespace {

class ParamSuite : public ::testing::Test {
 protected:
  void SetUp() override {
    const OfxParameterSuiteV1 *s = parameterSuiteV1();
    const OfxPropertySuiteV1 *p = propertySuiteV1();
    OfxPropertySetHandle props;
    ASSERT_EQ(s->paramDefine(descriptor.params.handle(), kOfxParamTypeDouble, "gain", &props), kOfxStatOK);
    p->propSetDouble(props, kOfxParamPropDefault, 0, 1.25);
    ASSERT_EQ(s->paramDefine(descriptor.params.handle(), kOfxParamTypeInteger2D, "size", &props), kOfxStatOK);
    p->propSetInt(props, kOfxParamPropDefault, 0, 640);
    p->propSetInt(props, kOfxParamPropDefault, 1, 480);
    ASSERT_EQ(s->paramDefine(descriptor.params.handle(), kOfxParamTypeRGBA, "colour", &props), kOfxStatOK);
    ASSERT_EQ(s->paramDefine(descriptor.params.handle(), kOfxParamTypeBoolean, "enabled", &props), kOfxStatOK);
    p->propSetInt(props, kOfxParamPropDefault, 0, 1);
    ASSERT_EQ(s->paramDefine(descriptor.params.handle(), kOfxParamTypeChoice, "mode", &props), kOfxStatOK);
    ASSERT_EQ(s->paramDefine(descriptor.params.handle(), kOfxParamTypeString, "name", &props), kOfxStatOK);
    p->propSetString(props, kOfxParamPropDefault, 0, "default name");
    ASSERT_EQ(s->paramDefine(descriptor.params.handle(), kOfxParamTypePushButton, "go", &props), kOfxStatOK);
    instance.cloneFrom(descriptor);
  }
  OfxParamHandle handle(const char *name) {
    OfxParamHandle h = nullptr;
    EXPECT_EQ(parameterSuiteV1()->paramGetHandle(instance.params.handle(), name, &h, nullptr), kOfxStatOK);
    return h;
  }
  Effect descriptor{nullptr, Effect::Role::ContextDescriptor, kOfxImageEffectContextFilter};
  Effect instance{nullptr, Effect::Role::Instance, kOfxImageEffectContextFilter};
  const OfxParameterSuiteV1 *s = parameterSuiteV1();
};

}  // namespace

TEST_F(ParamSuite, DefineRejectsDuplicatesAndUnknownTypes) {
  OfxPropertySetHandle props;
  EXPECT_EQ(s->paramDefine(descriptor.params.handle(), kOfxParamTypeDouble, "gain", &props), kOfxStatErrExists);
  EXPECT_EQ(s->paramDefine(descriptor.params.handle(), "OfxParamTypeNonsense", "x", &props), kOfxStatErrUnknown);
  OfxParamHandle h;
  EXPECT_EQ(s->paramGetHandle(instance.params.handle(), "nope", &h, nullptr), kOfxStatErrUnknown);
}

TEST_F(ParamSuite, InstanceValuesStartAtTheDescriptorDefaults) {
  double gain = 0;
  int w = 0, h = 0, enabled = 0;
  const char *name = nullptr;
  ASSERT_EQ(s->paramGetValue(handle("gain"), &gain), kOfxStatOK);
  ASSERT_EQ(s->paramGetValue(handle("size"), &w, &h), kOfxStatOK);
  ASSERT_EQ(s->paramGetValue(handle("enabled"), &enabled), kOfxStatOK);
  ASSERT_EQ(s->paramGetValue(handle("name"), &name), kOfxStatOK);
  EXPECT_EQ(gain, 1.25);
  EXPECT_EQ(w, 640);
  EXPECT_EQ(h, 480);
  EXPECT_EQ(enabled, 1);
  EXPECT_STREQ(name, "default name");
}

TEST_F(ParamSuite, SetValueByTypeThenGet) {
  ASSERT_EQ(s->paramSetValue(handle("gain"), 3.5), kOfxStatOK);
  ASSERT_EQ(s->paramSetValue(handle("size"), 1920, 1080), kOfxStatOK);
  ASSERT_EQ(s->paramSetValue(handle("colour"), 0.1, 0.2, 0.3, 0.4), kOfxStatOK);
  ASSERT_EQ(s->paramSetValue(handle("mode"), 2), kOfxStatOK);
  ASSERT_EQ(s->paramSetValue(handle("name"), "changed"), kOfxStatOK);
  double gain = 0, r = 0, g = 0, b = 0, a = 0;
  int w = 0, h = 0, mode = 0;
  const char *name = nullptr;
  s->paramGetValue(handle("gain"), &gain);
  s->paramGetValue(handle("size"), &w, &h);
  s->paramGetValue(handle("colour"), &r, &g, &b, &a);
  s->paramGetValue(handle("mode"), &mode);
  s->paramGetValue(handle("name"), &name);
  EXPECT_EQ(gain, 3.5);
  EXPECT_EQ(w, 1920);
  EXPECT_EQ(h, 1080);
  EXPECT_EQ(r, 0.1);
  EXPECT_EQ(a, 0.4);
  EXPECT_EQ(mode, 2);
  EXPECT_STREQ(name, "changed");
}

TEST_F(ParamSuite, KeysInterpolateAndHoldThroughGetValueAtTime) {
  ASSERT_EQ(s->paramSetValueAtTime(handle("gain"), 0.0, 1.0), kOfxStatOK);
  ASSERT_EQ(s->paramSetValueAtTime(handle("gain"), 10.0, 3.0), kOfxStatOK);
  double v = 0;
  s->paramGetValueAtTime(handle("gain"), 5.0, &v);
  EXPECT_DOUBLE_EQ(v, 2.0);
  s->paramGetValueAtTime(handle("gain"), -4.0, &v);
  EXPECT_DOUBLE_EQ(v, 1.0);
  s->paramGetValueAtTime(handle("gain"), 25.0, &v);
  EXPECT_DOUBLE_EQ(v, 3.0);
  unsigned n = 0;
  ASSERT_EQ(s->paramGetNumKeys(handle("gain"), &n), kOfxStatOK);
  EXPECT_EQ(n, 2u);
}

TEST_F(ParamSuite, GetValueReadsAtTheCurrentActionTime) {
  s->paramSetValueAtTime(handle("gain"), 0.0, 0.0);
  s->paramSetValueAtTime(handle("gain"), 4.0, 8.0);
  double v = -1;
  {
    ActionContext ctx{&instance, true, 1.0, nullptr};
    ActionScope scope(&ctx);
    s->paramGetValue(handle("gain"), &v);
    EXPECT_DOUBLE_EQ(v, 2.0);
  }
  instance.timelineTime = 3.0;  // outside an action: the timeline time
  s->paramGetValue(handle("gain"), &v);
  EXPECT_DOUBLE_EQ(v, 6.0);
}

TEST_F(ParamSuite, IntegerKeysRoundAndChoiceKeysStep) {
  s->paramSetValueAtTime(handle("size"), 0.0, 0, 0);
  s->paramSetValueAtTime(handle("size"), 4.0, 3, 10);
  int w = 0, h = 0;
  s->paramGetValueAtTime(handle("size"), 1.0, &w, &h);
  EXPECT_EQ(w, 1);  // 0.75 rounds to 1
  EXPECT_EQ(h, 3);  // 2.5 rounds away from zero
  s->paramSetValueAtTime(handle("mode"), 0.0, 0);
  s->paramSetValueAtTime(handle("mode"), 10.0, 4);
  int mode = -1;
  s->paramGetValueAtTime(handle("mode"), 9.0, &mode);
  EXPECT_EQ(mode, 0);
}

TEST_F(ParamSuite, KeyQueriesDeleteAndDerivative) {
  s->paramSetValueAtTime(handle("gain"), 2.0, 0.0);
  s->paramSetValueAtTime(handle("gain"), 6.0, 8.0);
  double t = 0;
  ASSERT_EQ(s->paramGetKeyTime(handle("gain"), 1, &t), kOfxStatOK);
  EXPECT_EQ(t, 6.0);
  EXPECT_EQ(s->paramGetKeyTime(handle("gain"), 2, &t), kOfxStatErrBadIndex);
  int index = -1;
  ASSERT_EQ(s->paramGetKeyIndex(handle("gain"), 4.0, 1, &index), kOfxStatOK);
  EXPECT_EQ(index, 1);
  EXPECT_EQ(s->paramGetKeyIndex(handle("gain"), 4.0, 0, &index), kOfxStatFailed);
  double d = 0, integral = 0;
  ASSERT_EQ(s->paramGetDerivative(handle("gain"), 3.0, &d), kOfxStatOK);
  EXPECT_DOUBLE_EQ(d, 2.0);
  ASSERT_EQ(s->paramGetIntegral(handle("gain"), 2.0, 6.0, &integral), kOfxStatOK);
  EXPECT_DOUBLE_EQ(integral, 16.0);
  ASSERT_EQ(s->paramDeleteKey(handle("gain"), 2.0), kOfxStatOK);
  EXPECT_EQ(s->paramDeleteKey(handle("gain"), 2.0), kOfxStatErrBadIndex);
  ASSERT_EQ(s->paramDeleteAllKeys(handle("gain")), kOfxStatOK);
  unsigned n = 9;
  s->paramGetNumKeys(handle("gain"), &n);
  EXPECT_EQ(n, 0u);
}

TEST_F(ParamSuite, StringsAndButtonsDoNotAnimate) {
  EXPECT_EQ(s->paramSetValueAtTime(handle("name"), 1.0, "x"), kOfxStatErrValue);
  double d;
  EXPECT_EQ(s->paramGetValue(handle("go"), &d), kOfxStatErrBadHandle);
}

TEST_F(ParamSuite, CopyWithOffsetShiftsKeys) {
  OfxPropertySetHandle props;
  ASSERT_EQ(s->paramDefine(descriptor.params.handle(), kOfxParamTypeDouble, "other", &props), kOfxStatOK);
  instance.cloneFrom(descriptor);
  s->paramSetValueAtTime(handle("gain"), 0.0, 1.0);
  s->paramSetValueAtTime(handle("gain"), 10.0, 2.0);
  ASSERT_EQ(s->paramCopy(handle("other"), handle("gain"), 5.0, nullptr), kOfxStatOK);
  double v = 0;
  s->paramGetValueAtTime(handle("other"), 15.0, &v);
  EXPECT_DOUBLE_EQ(v, 2.0);
  s->paramGetValueAtTime(handle("other"), 10.0, &v);
  EXPECT_DOUBLE_EQ(v, 1.5);
  EXPECT_EQ(s->paramCopy(handle("size"), handle("gain"), 0.0, nullptr), kOfxStatErrValue);  // type mismatch
}

TEST_F(ParamSuite, BadHandlesAreRejected) {
  double v;
  alignas(Param) unsigned char junk[sizeof(Param)] = {};  // zeroed: no magic number
  EXPECT_EQ(s->paramGetValue(reinterpret_cast<OfxParamHandle>(junk), &v), kOfxStatErrBadHandle);
  EXPECT_EQ(s->paramGetValue(nullptr, &v), kOfxStatErrBadHandle);
}

// OFX 1.5 string-valued choices: the value is an enum string, the first enum without a default,
// and a value outside the enums is refused.
TEST(StrChoiceParam, ValueIsTheEnumStringDefaultingToTheFirstOption) {
  const OfxParameterSuiteV1 *s = parameterSuiteV1();
  const OfxPropertySuiteV1 *p = propertySuiteV1();
  Effect descriptor{nullptr, Effect::Role::ContextDescriptor, kOfxImageEffectContextFilter};
  Effect instance{nullptr, Effect::Role::Instance, kOfxImageEffectContextFilter};
  OfxPropertySetHandle props;
  ASSERT_EQ(s->paramDefine(descriptor.params.handle(), kOfxParamTypeStrChoice, "look", &props), kOfxStatOK);
  const char *options[] = {"Warm look", "Cool look"};
  const char *enums[] = {"warm", "cool"};
  ASSERT_EQ(p->propSetStringN(props, kOfxParamPropChoiceOption, 2, options), kOfxStatOK);
  ASSERT_EQ(p->propSetStringN(props, kOfxParamPropChoiceEnum, 2, enums), kOfxStatOK);
  ASSERT_EQ(s->paramDefine(descriptor.params.handle(), kOfxParamTypeStrChoice, "withDefault", &props), kOfxStatOK);
  ASSERT_EQ(p->propSetStringN(props, kOfxParamPropChoiceEnum, 2, enums), kOfxStatOK);
  ASSERT_EQ(p->propSetString(props, kOfxParamPropDefault, 0, "cool"), kOfxStatOK);
  instance.cloneFrom(descriptor);

  OfxParamHandle look = nullptr, withDefault = nullptr;
  ASSERT_EQ(s->paramGetHandle(instance.params.handle(), "look", &look, &props), kOfxStatOK);
  ASSERT_EQ(s->paramGetHandle(instance.params.handle(), "withDefault", &withDefault, nullptr), kOfxStatOK);
  char *type = nullptr;
  ASSERT_EQ(p->propGetString(props, kOfxParamPropType, 0, &type), kOfxStatOK);
  EXPECT_STREQ(type, "OfxParamTypeStrChoice");
  int animates = 1;
  ASSERT_EQ(p->propGetInt(props, kOfxParamPropAnimates, 0, &animates), kOfxStatOK);
  EXPECT_EQ(animates, 0);

  const char *value = nullptr;
  ASSERT_EQ(s->paramGetValue(look, &value), kOfxStatOK);
  EXPECT_STREQ(value, "warm");
  ASSERT_EQ(s->paramGetValue(withDefault, &value), kOfxStatOK);
  EXPECT_STREQ(value, "cool");
  ASSERT_EQ(s->paramSetValue(look, "cool"), kOfxStatOK);
  ASSERT_EQ(s->paramGetValue(look, &value), kOfxStatOK);
  EXPECT_STREQ(value, "cool");
  EXPECT_EQ(s->paramSetValue(look, "Warm look"), kOfxStatErrValue);  // an option text is not a value
  EXPECT_EQ(s->paramSetValueAtTime(look, 3.0, "warm"), kOfxStatErrValue);  // not animated
  ASSERT_EQ(s->paramGetValue(look, &value), kOfxStatOK);
  EXPECT_STREQ(value, "cool");
}

// Spatial double params may give their default as a fraction of the project (OFX 1.2).
TEST(NormalisedDefaults, SpatialDefaultsScaleByTheProjectAndAbsoluteOnesAddItsOffset) {
  const OfxParameterSuiteV1 *s = parameterSuiteV1();
  const OfxPropertySuiteV1 *p = propertySuiteV1();
  Effect descriptor{nullptr, Effect::Role::ContextDescriptor, kOfxImageEffectContextFilter};
  Effect instance{nullptr, Effect::Role::Instance, kOfxImageEffectContextFilter};
  auto define = [&](const char *type, const char *name, const char *doubleType, const char *system, std::vector<double> def) {
    OfxPropertySetHandle props;
    ASSERT_EQ(s->paramDefine(descriptor.params.handle(), type, name, &props), kOfxStatOK);
    ASSERT_EQ(p->propSetString(props, kOfxParamPropDoubleType, 0, doubleType), kOfxStatOK);
    if (system != nullptr) {
      ASSERT_EQ(p->propSetString(props, kOfxParamPropDefaultCoordinateSystem, 0, system), kOfxStatOK);
    }
    ASSERT_EQ(p->propSetDoubleN(props, kOfxParamPropDefault, static_cast<int>(def.size()), def.data()), kOfxStatOK);
  };
  define(kOfxParamTypeDouble2D, "corner", kOfxParamDoubleTypeXYAbsolute, kOfxParamCoordinatesNormalised, {0.25, 0.5});
  define(kOfxParamTypeDouble2D, "size", kOfxParamDoubleTypeXY, kOfxParamCoordinatesNormalised, {0.5, 0.25});
  define(kOfxParamTypeDouble, "width", kOfxParamDoubleTypeX, kOfxParamCoordinatesNormalised, {0.1});
  define(kOfxParamTypeDouble, "top", kOfxParamDoubleTypeYAbsolute, kOfxParamCoordinatesNormalised, {0.75});
  define(kOfxParamTypeDouble2D, "canonical", kOfxParamDoubleTypeXYAbsolute, kOfxParamCoordinatesCanonical, {0.25, 0.5});
  define(kOfxParamTypeDouble2D, "unsaid", kOfxParamDoubleTypeXY, nullptr, {0.25, 0.5});
  define(kOfxParamTypeDouble, "plain", kOfxParamDoubleTypePlain, kOfxParamCoordinatesNormalised, {0.5});
  instance.cloneFrom(descriptor);
  applyNormalisedDefaults(instance.params, OfxPointD{200, 100}, OfxPointD{10, 20});

  auto value = [&](const char *name) { return instance.params.find(name)->valueAt(0.0); };
  EXPECT_EQ(value("corner"), (std::vector<double>{0.25 * 200 + 10, 0.5 * 100 + 20}));
  EXPECT_EQ(value("size"), (std::vector<double>{100, 25}));
  EXPECT_EQ(value("width"), (std::vector<double>{20}));
  EXPECT_EQ(value("top"), (std::vector<double>{0.75 * 100 + 20}));
  EXPECT_EQ(value("canonical"), (std::vector<double>{0.25, 0.5}));
  EXPECT_EQ(value("unsaid"), (std::vector<double>{0.25, 0.5}));
  EXPECT_EQ(value("plain"), (std::vector<double>{0.5}));  // not spatial: left alone
  // The plug-in reads the canonical value through the suite; its declared default is unchanged.
  double x = 0, y = 0;
  OfxPropertySetHandle props;
  OfxParamHandle h;
  ASSERT_EQ(s->paramGetHandle(instance.params.handle(), "corner", &h, &props), kOfxStatOK);
  ASSERT_EQ(s->paramGetValue(h, &x, &y), kOfxStatOK);
  EXPECT_DOUBLE_EQ(x, 60.0);
  EXPECT_DOUBLE_EQ(y, 70.0);
  ASSERT_EQ(p->propGetDouble(props, kOfxParamPropDefault, 0, &x), kOfxStatOK);
  EXPECT_DOUBLE_EQ(x, 0.25);
}
