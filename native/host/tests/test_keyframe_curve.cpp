// Keyframe curve: static value, linear between keys, hold outside, steps, derivative, integral.
#include "keyframe_curve.hpp"

#include <gtest/gtest.h>

using ofxhost::Interpolation;
using ofxhost::KeyframeCurve;

TEST(KeyframeCurve, NoKeysGivesTheStaticValue) {
  KeyframeCurve c(2);
  c.setStatic({1.5, -2.0});
  EXPECT_EQ(c.valueAt(-100.0), (std::vector<double>{1.5, -2.0}));
  EXPECT_EQ(c.valueAt(7.0), (std::vector<double>{1.5, -2.0}));
}

TEST(KeyframeCurve, InterpolatesLinearlyBetweenKeys) {
  KeyframeCurve c(1);
  c.setKey(0.0, {1.0});
  c.setKey(10.0, {3.0});
  EXPECT_DOUBLE_EQ(c.valueAt(5.0)[0], 2.0);
  EXPECT_DOUBLE_EQ(c.valueAt(2.5)[0], 1.5);
  EXPECT_DOUBLE_EQ(c.valueAt(10.0)[0], 3.0);
}

TEST(KeyframeCurve, HoldsBeforeFirstAndAfterLastKey) {
  KeyframeCurve c(1);
  c.setStatic({42.0});  // ignored once keys exist
  c.setKey(4.0, {2.0});
  c.setKey(8.0, {6.0});
  EXPECT_DOUBLE_EQ(c.valueAt(-3.0)[0], 2.0);
  EXPECT_DOUBLE_EQ(c.valueAt(4.0)[0], 2.0);
  EXPECT_DOUBLE_EQ(c.valueAt(8.0)[0], 6.0);
  EXPECT_DOUBLE_EQ(c.valueAt(100.0)[0], 6.0);
}

TEST(KeyframeCurve, EachDimensionInterpolatesIndependently) {
  KeyframeCurve c(3);
  c.setKey(0.0, {0.0, 1.0, 10.0});
  c.setKey(4.0, {4.0, -1.0, 10.0});
  EXPECT_EQ(c.valueAt(1.0), (std::vector<double>{1.0, 0.5, 10.0}));
}

TEST(KeyframeCurve, StepCurveHoldsThePreviousKey) {
  KeyframeCurve c(1, Interpolation::Step);
  c.setKey(0.0, {0.0});
  c.setKey(10.0, {1.0});
  EXPECT_DOUBLE_EQ(c.valueAt(9.99)[0], 0.0);
  EXPECT_DOUBLE_EQ(c.valueAt(10.0)[0], 1.0);
}

TEST(KeyframeCurve, SettingAnExistingKeyReplacesIt) {
  KeyframeCurve c(1);
  c.setKey(3.0, {1.0});
  c.setKey(3.0, {5.0});
  EXPECT_EQ(c.keyCount(), 1u);
  EXPECT_DOUBLE_EQ(c.valueAt(3.0)[0], 5.0);
}

TEST(KeyframeCurve, KeyIndexFindsExactBeforeAndAfter) {
  KeyframeCurve c(1);
  for (double t : {2.0, 5.0, 9.0}) c.setKey(t, {t});
  int i = -1;
  ASSERT_TRUE(c.keyIndex(5.0, 0, &i));
  EXPECT_EQ(i, 1);
  ASSERT_TRUE(c.keyIndex(5.0, -1, &i));
  EXPECT_EQ(i, 0);
  ASSERT_TRUE(c.keyIndex(5.0, 1, &i));
  EXPECT_EQ(i, 2);
  EXPECT_FALSE(c.keyIndex(2.0, -1, &i));
  EXPECT_FALSE(c.keyIndex(4.0, 0, &i));
  double t = 0;
  ASSERT_TRUE(c.keyTime(2, &t));
  EXPECT_DOUBLE_EQ(t, 9.0);
  EXPECT_FALSE(c.keyTime(3, &t));
}

TEST(KeyframeCurve, DeleteKeyRemovesOnlyThatKey) {
  KeyframeCurve c(1);
  c.setKey(1.0, {1.0});
  c.setKey(2.0, {2.0});
  EXPECT_TRUE(c.deleteKey(1.0));
  EXPECT_FALSE(c.deleteKey(1.0));
  EXPECT_EQ(c.keyCount(), 1u);
  EXPECT_DOUBLE_EQ(c.valueAt(0.0)[0], 2.0);
}

TEST(KeyframeCurve, DerivativeIsTheSegmentSlopeAndZeroOnHolds) {
  KeyframeCurve c(1);
  c.setKey(0.0, {0.0});
  c.setKey(4.0, {8.0});
  EXPECT_DOUBLE_EQ(c.derivativeAt(1.0)[0], 2.0);
  EXPECT_DOUBLE_EQ(c.derivativeAt(-1.0)[0], 0.0);
  EXPECT_DOUBLE_EQ(c.derivativeAt(5.0)[0], 0.0);
}

TEST(KeyframeCurve, IntegralIsExactAcrossKeysAndHolds) {
  KeyframeCurve c(1);
  c.setKey(0.0, {0.0});
  c.setKey(2.0, {2.0});
  // [-1,0]: hold 0 -> 0; [0,2]: ramp 0..2 -> 2; [2,4]: hold 2 -> 4. Total 6.
  EXPECT_DOUBLE_EQ(c.integral(-1.0, 4.0)[0], 6.0);
  EXPECT_DOUBLE_EQ(c.integral(4.0, -1.0)[0], -6.0);
}
