// Parameter suite through the C ABI: define, defaults, variadic get/set by type, keys,
// paramGetValue at the current action time, key queries, copy.
#include "action_context.hpp"
#include "effect.hpp"
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
