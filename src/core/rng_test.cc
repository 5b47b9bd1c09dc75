#include "core/rng.h"

#include <gtest/gtest.h>

#include <cmath>

namespace redline {
namespace {

TEST(RunRng, SameKeySameDraw) {
  const RunRng a(42, 7), b(42, 7);
  EXPECT_EQ(a.Bits(DrawPurpose::kHazard, 3, 1), b.Bits(DrawPurpose::kHazard, 3, 1));
}

TEST(RunRng, DifferentKeysDiffer) {
  const RunRng a(42, 7), other_run(42, 8), other_seed(43, 7);
  const auto x = a.Bits(DrawPurpose::kHazard, 3, 1);
  EXPECT_NE(x, other_run.Bits(DrawPurpose::kHazard, 3, 1));
  EXPECT_NE(x, other_seed.Bits(DrawPurpose::kHazard, 3, 1));
  EXPECT_NE(x, a.Bits(DrawPurpose::kVote, 3, 1));
  EXPECT_NE(x, a.Bits(DrawPurpose::kHazard, 4, 1));
  EXPECT_NE(x, a.Bits(DrawPurpose::kHazard, 3, 2));
}

// Moments of 200,000 uniforms and normals; tolerance 5 standard errors.
TEST(RunRng, UniformAndNormalMoments) {
  constexpr int kDraws = 200000;
  double sum_u = 0, sum_n = 0, sum_n2 = 0;
  for (int i = 0; i < kDraws; ++i) {
    const RunRng rng(1, static_cast<std::uint64_t>(i));
    const double u = rng.Uniform(DrawPurpose::kTest, 0, 0);
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum_u += u;
    const double n = rng.Normal(DrawPurpose::kTest, 1, 0);
    sum_n += n;
    sum_n2 += n * n;
  }
  const double se_u = std::sqrt(1.0 / 12.0 / kDraws);
  EXPECT_NEAR(sum_u / kDraws, 0.5, 5 * se_u);
  EXPECT_NEAR(sum_n / kDraws, 0.0, 5 / std::sqrt(kDraws));
  EXPECT_NEAR(sum_n2 / kDraws, 1.0, 5 * std::sqrt(2.0 / kDraws));
}

TEST(DrawSequence, SuccessiveDrawsDiffer) {
  DrawSequence s(123);
  const double a = s.Uniform(), b = s.Uniform();
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace redline
