#include "games/lemke_howson.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

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

// Integer payoffs 0..range-1 from a fixed-seed generator; small ranges give degenerate games.
RationalMatrix RandomMatrix(std::mt19937& rng, int rows, int columns, int range) {
  std::uniform_int_distribution<int> payoff(0, range - 1);
  RationalMatrix out(rows, RationalVector(columns));
  for (auto& row : out) {
    for (auto& v : row) v = payoff(rng);
  }
  return out;
}

// SolveLemkeHowson from `label` (the float path, verified) ends at an equilibrium, the one
// exact pivoting reaches; with `same_pivots`, in as many pivots.
void ExpectFastPathMatchesExact(const RationalMatrix& a, const RationalMatrix& b, int label,
                                bool same_pivots) {
  SCOPED_TRACE("label " + std::to_string(label));
  Result<BimatrixEquilibrium> fast = SolveLemkeHowson(a, b, label);
  Result<BimatrixEquilibrium> exact = SolveLemkeHowson(a, b, label, /*exact_only=*/true);
  ASSERT_TRUE(fast.ok() && exact.ok());
  EXPECT_TRUE(IsEquilibrium(a, b, fast->row_strategy, fast->column_strategy));
  EXPECT_EQ(fast->row_strategy, exact->row_strategy);
  EXPECT_EQ(fast->column_strategy, exact->column_strategy);
  if (same_pivots) {
    EXPECT_EQ(fast->pivots, exact->pivots);
  }
}

// The floating-point path with its exact check gives the exact path's equilibrium: the same
// end of the same path for every dropped label, on non-degenerate and degenerate games.
TEST(LemkeHowsonTest, DoublePathAgreesWithExactPivoting) {
  std::mt19937 rng(20261201);
  for (int trial = 0; trial < 40; ++trial) {
    SCOPED_TRACE("trial " + std::to_string(trial));
    const int rows = 2 + trial % 9, columns = 2 + (trial * 7) % 11;
    const int range = trial % 3 == 0 ? 3 : 100;
    const RationalMatrix a = RandomMatrix(rng, rows, columns, range);
    const RationalMatrix b = RandomMatrix(rng, rows, columns, range);
    for (int label = 0; label < rows + columns; ++label) {
      ExpectFastPathMatchesExact(a, b, label, /*same_pivots=*/true);
    }
  }
}

// Payoffs that are not small integers: fractions (the float tableau's doubles then come from
// the shifted rationals) and integers near 2^60 (beyond the doubles' exact range). The answer
// is an equilibrium and the exact path's, whichever way the doubles were formed.
TEST(LemkeHowsonTest, DoublePathAgreesWithExactPivotingOnFractionsAndHugeIntegers) {
  std::mt19937 rng(20261202);
  for (int trial = 0; trial < 20; ++trial) {
    SCOPED_TRACE("trial " + std::to_string(trial));
    const int rows = 2 + trial % 6, columns = 2 + (trial * 5) % 7;
    RationalMatrix a = RandomMatrix(rng, rows, columns, 100);
    RationalMatrix b = RandomMatrix(rng, rows, columns, 100);
    // From trial 10 on, payoffs of both signs near 2^62: shifted to be positive they pass
    // 2^63 (a 64-bit sum of payoff and shift would overflow).
    const mpq_class huge = mpq_class(mpz_class(1) << (trial < 10 ? 60 : 62));
    for (int i = 0; i < rows; ++i) {
      for (int j = 0; j < columns; ++j) {
        if (trial % 2 == 0) {
          a[i][j] = a[i][j] / 7 - mpq_class(1, 3);
          b[i][j] = b[i][j] / 11 + mpq_class(2, 9);
        } else {
          const int sign = trial < 10 || (i + j) % 2 == 0 ? 1 : -1;
          a[i][j] = a[i][j] * 1000003 + sign * huge;
          b[i][j] = b[i][j] * 999983 - sign * huge;
        }
      }
    }
    for (int label = 0; label < rows + columns; ++label) {
      ExpectFastPathMatchesExact(a, b, label, /*same_pivots=*/false);
    }
  }
}

// The fast vertex enumeration (doubles, equilibria recomputed exactly) lists the same
// equilibria in the same order as the exact search over every basis; degenerate games
// (payoffs 0..2) take the exact search.
TEST(EnumMixedTest, FastEnumerationAgreesWithExactSearch) {
  std::mt19937 rng(7);
  int compared = 0;
  for (int trial = 0; trial < 30; ++trial) {
    const int rows = 2 + trial % 5, columns = 2 + (trial * 3) % 5;
    const int range = trial % 4 == 0 ? 3 : 1000;
    const RationalMatrix a = RandomMatrix(rng, rows, columns, range);
    const RationalMatrix b = RandomMatrix(rng, rows, columns, range);
    Result<EnumMixedResult> fast = EnumerateExtremeEquilibria(a, b);
    EnumMixedOptions exact_only;
    exact_only.exact_only = true;
    Result<EnumMixedResult> exact = EnumerateExtremeEquilibria(a, b, exact_only);
    ASSERT_TRUE(fast.ok() && exact.ok());
    ASSERT_EQ(fast->equilibria.size(), exact->equilibria.size()) << trial;
    for (std::size_t k = 0; k < fast->equilibria.size(); ++k) {
      EXPECT_EQ(fast->equilibria[k].row_strategy, exact->equilibria[k].row_strategy) << trial;
      EXPECT_EQ(fast->equilibria[k].column_strategy, exact->equilibria[k].column_strategy);
      EXPECT_TRUE(IsEquilibrium(a, b, fast->equilibria[k].row_strategy,
                                fast->equilibria[k].column_strategy));
    }
    EXPECT_EQ(fast->vertices_row_polytope, exact->vertices_row_polytope) << trial;
    EXPECT_EQ(fast->vertices_column_polytope, exact->vertices_column_polytope) << trial;
    compared += static_cast<int>(fast->equilibria.size());
  }
  EXPECT_GT(compared, 30);
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
