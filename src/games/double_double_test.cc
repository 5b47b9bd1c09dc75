#include "games/double_double.h"

#include <gtest/gtest.h>

#include <cmath>

namespace redline::games {
namespace {

mpq_class Exact(const DoubleDouble& v) { return mpq_class(v.hi) + mpq_class(v.lo); }

// |Exact(v) - want| <= 2^-bits |want|.
bool WithinRelative(const DoubleDouble& v, const mpq_class& want, int bits) {
  mpq_class bound = abs(want);
  mpq_div_2exp(bound.get_mpq_t(), bound.get_mpq_t(), bits);
  return abs(Exact(v) - want) <= bound;
}

TEST(DoubleDoubleTest, KeepsWhatADoubleRoundsAway) {
  const double tiny = std::ldexp(1.0, -80);
  const DoubleDouble sum = DoubleDouble(1.0) + DoubleDouble(tiny);
  EXPECT_EQ((1.0 + tiny) - 1.0, 0.0);  // a double loses it
  EXPECT_EQ(Exact(sum - DoubleDouble(1.0)), mpq_class(tiny));
  EXPECT_TRUE(sum > DoubleDouble(1.0));
  EXPECT_TRUE(DoubleDouble(1.0) < sum);
  EXPECT_FALSE(sum == DoubleDouble(1.0));
}

TEST(DoubleDoubleTest, ArithmeticIsAccurateToAbout106Bits) {
  const mpq_class third(1, 3), tenth(1, 10), big(123456789, 7);
  const DoubleDouble a = DoubleDouble::FromRational(third);
  const DoubleDouble b = DoubleDouble::FromRational(tenth);
  const DoubleDouble c = DoubleDouble::FromRational(big);
  EXPECT_TRUE(WithinRelative(a, third, 105));
  EXPECT_FALSE(WithinRelative(DoubleDouble(third.get_d()), third, 60));  // a double is not
  EXPECT_TRUE(WithinRelative(a + b, third + tenth, 103));
  EXPECT_TRUE(WithinRelative(a - b, third - tenth, 102));
  EXPECT_TRUE(WithinRelative(a * c, third * big, 103));
  EXPECT_TRUE(WithinRelative(c / a, big / third, 102));
  EXPECT_TRUE(WithinRelative(b / c, tenth / big, 102));
  DoubleDouble d = c;
  d -= a * b;
  EXPECT_TRUE(WithinRelative(d, big - third * tenth, 102));
  EXPECT_EQ(Exact(Abs(-a)), Exact(a));
  EXPECT_TRUE(-a < DoubleDouble(0.0));
}

}  // namespace
}  // namespace redline::games
