// Property suite semantics through the C ABI: types, dimensions, reset, error codes.
#include "host.hpp"
#include "property_set.hpp"
#include "suites.hpp"

#include <gtest/gtest.h>

#include <cstring>

using namespace ofxhost;

namespace {
const OfxPropertySuiteV1 *suite() {
  return static_cast<const OfxPropertySuiteV1 *>(ofxHost()->fetchSuite(ofxHost()->host, kOfxPropertySuite, 1));
}
}  // namespace

TEST(PropertySuite, FetchedFromTheHostStruct) {
  ASSERT_NE(suite(), nullptr);
  EXPECT_EQ(ofxHost()->fetchSuite(ofxHost()->host, kOfxPropertySuite, 99), nullptr);
  EXPECT_EQ(ofxHost()->fetchSuite(ofxHost()->host, "NoSuchSuite", 1), nullptr);
}

TEST(PropertySuite, SetThenGetEachType) {
  PropertySet set;
  auto *s = suite();
  int dummy = 0;
  ASSERT_EQ(s->propSetInt(set.handle(), "i", 0, 7), kOfxStatOK);
  ASSERT_EQ(s->propSetDouble(set.handle(), "d", 0, 2.5), kOfxStatOK);
  ASSERT_EQ(s->propSetString(set.handle(), "s", 0, "text"), kOfxStatOK);
  ASSERT_EQ(s->propSetPointer(set.handle(), "p", 0, &dummy), kOfxStatOK);
  int i = 0;
  double d = 0;
  char *str = nullptr;
  void *p = nullptr;
  EXPECT_EQ(s->propGetInt(set.handle(), "i", 0, &i), kOfxStatOK);
  EXPECT_EQ(s->propGetDouble(set.handle(), "d", 0, &d), kOfxStatOK);
  EXPECT_EQ(s->propGetString(set.handle(), "s", 0, &str), kOfxStatOK);
  EXPECT_EQ(s->propGetPointer(set.handle(), "p", 0, &p), kOfxStatOK);
  EXPECT_EQ(i, 7);
  EXPECT_EQ(d, 2.5);
  EXPECT_STREQ(str, "text");
  EXPECT_EQ(p, &dummy);
}

TEST(PropertySuite, NVariantsAndDimension) {
  PropertySet set;
  auto *s = suite();
  const double rect[4] = {1, 2, 3, 4};
  ASSERT_EQ(s->propSetDoubleN(set.handle(), "rect", 4, rect), kOfxStatOK);
  int dim = 0;
  ASSERT_EQ(s->propGetDimension(set.handle(), "rect", &dim), kOfxStatOK);
  EXPECT_EQ(dim, 4);
  double back[4] = {};
  ASSERT_EQ(s->propGetDoubleN(set.handle(), "rect", 4, back), kOfxStatOK);
  EXPECT_EQ(std::memcmp(rect, back, sizeof rect), 0);
  const char *names[] = {"a", "b"};
  ASSERT_EQ(s->propSetStringN(set.handle(), "names", 2, names), kOfxStatOK);
  char *got[2] = {};
  ASSERT_EQ(s->propGetStringN(set.handle(), "names", 2, got), kOfxStatOK);
  EXPECT_STREQ(got[1], "b");
}

TEST(PropertySuite, WrongTypeIsErrValue) {
  PropertySet set;
  set.defineInt("count", {3});
  auto *s = suite();
  double d = 0;
  EXPECT_EQ(s->propGetDouble(set.handle(), "count", 0, &d), kOfxStatErrValue);
  EXPECT_EQ(s->propSetString(set.handle(), "count", 0, "x"), kOfxStatErrValue);
  int i = 0;
  EXPECT_EQ(s->propGetInt(set.handle(), "count", 0, &i), kOfxStatOK);
  EXPECT_EQ(i, 3);
}

TEST(PropertySuite, IndexPastDimensionIsErrBadIndex) {
  PropertySet set;
  set.defineDouble("scale", {1.0, 1.0}, true);
  auto *s = suite();
  double d = 0;
  EXPECT_EQ(s->propGetDouble(set.handle(), "scale", 2, &d), kOfxStatErrBadIndex);
  EXPECT_EQ(s->propGetDouble(set.handle(), "scale", -1, &d), kOfxStatErrBadIndex);
  EXPECT_EQ(s->propSetDouble(set.handle(), "scale", 2, 3.0), kOfxStatErrBadIndex);  // fixed dimension
  set.defineString("list", {"a"});
  EXPECT_EQ(s->propSetString(set.handle(), "list", 1, "b"), kOfxStatOK);           // grows by one
  EXPECT_EQ(s->propSetString(set.handle(), "list", 5, "c"), kOfxStatErrBadIndex);  // no holes
}

TEST(PropertySuite, UnknownPropertyIsErrUnknown) {
  PropertySet set;
  auto *s = suite();
  int i = 0, dim = 0;
  EXPECT_EQ(s->propGetInt(set.handle(), "missing", 0, &i), kOfxStatErrUnknown);
  EXPECT_EQ(s->propGetDimension(set.handle(), "missing", &dim), kOfxStatErrUnknown);
  EXPECT_EQ(s->propReset(set.handle(), "missing"), kOfxStatErrUnknown);
}

TEST(PropertySuite, ResetRestoresTheDefinedDefault) {
  PropertySet set;
  set.defineDouble("gain", {1.0});
  auto *s = suite();
  ASSERT_EQ(s->propSetDouble(set.handle(), "gain", 0, 4.0), kOfxStatOK);
  ASSERT_EQ(s->propReset(set.handle(), "gain"), kOfxStatOK);
  double d = 0;
  ASSERT_EQ(s->propGetDouble(set.handle(), "gain", 0, &d), kOfxStatOK);
  EXPECT_EQ(d, 1.0);
}

TEST(PropertySuite, BadHandleIsRejected) {
  auto *s = suite();
  alignas(PropertySet) unsigned char junk[sizeof(PropertySet)] = {};  // zeroed: no magic number
  int i = 0;
  EXPECT_EQ(s->propGetInt(reinterpret_cast<OfxPropertySetHandle>(junk), "x", 0, &i), kOfxStatErrBadHandle);
  EXPECT_EQ(s->propGetInt(nullptr, "x", 0, &i), kOfxStatErrBadHandle);
}

TEST(PropertySuite, HostSetDescribesThisHost) {
  configureHost(HostIdentity{});
  OfxPropertySetHandle h = ofxHost()->host;
  auto *s = suite();
  char *name = nullptr;
  ASSERT_EQ(s->propGetString(h, kOfxPropName, 0, &name), kOfxStatOK);
  EXPECT_STREQ(name, "io.enhance.ofxhost");
  int background = 0, dim = 0;
  ASSERT_EQ(s->propGetInt(h, kOfxImageEffectHostPropIsBackground, 0, &background), kOfxStatOK);
  EXPECT_EQ(background, 1);
  ASSERT_EQ(s->propGetDimension(h, kOfxImageEffectPropSupportedPixelDepths, &dim), kOfxStatOK);
  EXPECT_EQ(dim, 3);
  configureHost(HostIdentity{"DaVinciResolve", "DaVinci Resolve"});
  int tiles = 1;
  ASSERT_EQ(s->propGetInt(h, kOfxImageEffectPropSupportsTiles, 0, &tiles), kOfxStatOK);
  EXPECT_EQ(tiles, 0);  // impersonating Resolve: no tiles
  configureHost(HostIdentity{});
}
