#include "games/lemke_howson.h"

#include <gtest/gtest.h>

#include "games/enummixed.h"

namespace redline::games {
namespace {

RationalMatrix M(std::initializer_list<std::initializer_list<int>> rows) {
  RationalMatrix out;
  for (auto row : rows) {
    out.emplace_back();
    for (int v : row) out.back().emplace_back(v);
  }
  return out;
}

// Whether (x, y) is an equilibrium of (A, B): no pure strategy beats the mix.
bool IsEquilibrium(const RationalMatrix& a, const RationalMatrix& b, const RationalVector& x,
                   const RationalVector& y) {
  const std::size_t rows = a.size(), columns = a[0].size();
  mpq_class value_row = 0, value_column = 0;
  for (std::size_t i = 0; i < rows; ++i) {
    for (std::size_t j = 0; j < columns; ++j) {
      value_row += x[i] * y[j] * a[i][j];
      value_column += x[i] * y[j] * b[i][j];
    }
  }
  for (std::size_t i = 0; i < rows; ++i) {
    mpq_class v = 0;
    for (std::size_t j = 0; j < columns; ++j) v += y[j] * a[i][j];
    if (v > value_row) return false;
  }
  for (std::size_t j = 0; j < columns; ++j) {
    mpq_class v = 0;
    for (std::size_t i = 0; i < rows; ++i) v += x[i] * b[i][j];
    if (v > value_column) return false;
  }
  return true;
}

TEST(LemkeHowsonTest, MatchingPenniesIsUniformForEveryLabel) {
  const RationalMatrix a = M({{1, -1}, {-1, 1}});
  const RationalMatrix b = M({{-1, 1}, {1, -1}});
  for (int label = 0; label < 4; ++label) {
    Result<BimatrixEquilibrium> eq = SolveLemkeHowson(a, b, label);
    ASSERT_TRUE(eq.ok());
    EXPECT_EQ(eq->row_strategy, (RationalVector{mpq_class(1, 2), mpq_class(1, 2)}));
    EXPECT_EQ(eq->column_strategy, (RationalVector{mpq_class(1, 2), mpq_class(1, 2)}));
  }
}

TEST(LemkeHowsonTest, EveryLabelReachesAnEquilibriumOfAGame3x3) {
  // von Stengel (2002), Figure 2.
  const RationalMatrix a = M({{0, 6}, {2, 5}, {3, 3}});
  const RationalMatrix b = M({{1, 0}, {0, 2}, {4, 3}});
  for (int label = 0; label < 5; ++label) {
    Result<BimatrixEquilibrium> eq = SolveLemkeHowson(a, b, label);
    ASSERT_TRUE(eq.ok());
    EXPECT_TRUE(IsEquilibrium(a, b, eq->row_strategy, eq->column_strategy)) << label;
  }
}

TEST(LemkeHowsonTest, DegenerateGameStillEndsAtAnEquilibrium) {
  const RationalMatrix a = M({{1, 1}, {1, 1}, {0, 2}});
  const RationalMatrix b = M({{1, 1}, {1, 1}, {2, 0}});
  for (int label = 0; label < 5; ++label) {
    Result<BimatrixEquilibrium> eq = SolveLemkeHowson(a, b, label);
    ASSERT_TRUE(eq.ok());
    EXPECT_TRUE(IsEquilibrium(a, b, eq->row_strategy, eq->column_strategy)) << label;
  }
  EXPECT_FALSE(SolveLemkeHowson(a, b, 5).ok());
}

TEST(EnumMixedTest, BattleOfTheSexesHasThreeEquilibria) {
  const RationalMatrix a = M({{2, 0}, {0, 1}});
  const RationalMatrix b = M({{1, 0}, {0, 2}});
  Result<EnumMixedResult> all = EnumerateExtremeEquilibria(a, b);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->equilibria.size(), 3u);
  int mixed = 0;
  for (const BimatrixEquilibrium& eq : all->equilibria) {
    EXPECT_TRUE(IsEquilibrium(a, b, eq.row_strategy, eq.column_strategy));
    if (eq.row_strategy[0] == mpq_class(2, 3)) {
      EXPECT_EQ(eq.column_strategy[0], mpq_class(1, 3));
      ++mixed;
    }
  }
  EXPECT_EQ(mixed, 1);
}

TEST(EnumMixedTest, VonStengelGameHasThreeEquilibria) {
  const RationalMatrix a = M({{0, 6}, {2, 5}, {3, 3}});
  const RationalMatrix b = M({{1, 0}, {0, 2}, {4, 3}});
  Result<EnumMixedResult> all = EnumerateExtremeEquilibria(a, b);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->equilibria.size(), 3u);
}

TEST(EnumMixedTest, DegenerateGameListsEveryExtremeEquilibrium) {
  // The row player is indifferent everywhere; column 1 is always a best response and
  // column 2 only against row 1. Equilibria: (any x, column 1) and (row 1, any y); the
  // extreme points are (row 1|2|3, column 1) and (row 1, column 2).
  const RationalMatrix a = M({{1, 0}, {1, 0}, {1, 0}});
  const RationalMatrix b = M({{1, 1}, {1, 0}, {1, 0}});
  Result<EnumMixedResult> all = EnumerateExtremeEquilibria(a, b);
  ASSERT_TRUE(all.ok());
  for (const BimatrixEquilibrium& eq : all->equilibria) {
    EXPECT_TRUE(IsEquilibrium(a, b, eq.row_strategy, eq.column_strategy));
  }
  EXPECT_EQ(all->equilibria.size(), 4u);
}

TEST(EnumMixedTest, AllZeroGameEverythingIsAnEquilibrium) {
  const RationalMatrix zero = M({{0, 0}, {0, 0}});
  Result<EnumMixedResult> all = EnumerateExtremeEquilibria(zero, zero);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->equilibria.size(), 4u);  // the four pure profiles are the extreme points
}

}  // namespace
}  // namespace redline::games
