// The logit path tracer on games written for these tests: a branch that bends back, a
// symmetric game whose branch bifurcates, the normal-form Jacobian, the regret stop and the
// printed digits. The 2 × 2 checks are independent of the tracer: for a 2 × 2 game every QRE
// at λ is a root of a function of one variable, counted on a fine grid.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "games/library.h"
#include "games/logit.h"
#include "games/logit_system.h"
#include "games/solution.h"
#include "games/solvers.h"
#include "games/strategy.h"
#include "games/test_games.h"

namespace redline::games {
namespace {

double Logistic(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// A 2 × 2 game's payoff gaps: row's (second minus first strategy) when column plays its
// first strategy with probability q, and column's (first minus second) when row plays its
// second strategy with probability p.
struct TwoByTwo {
  double a[2][2], b[2][2];  // [row strategy][column strategy]
  explicit TwoByTwo(const NormalFormGame& game) {
    for (int r = 0; r < 2; ++r) {
      for (int c = 0; c < 2; ++c) {
        const int64_t cell = game.CellOf({r, c});
        a[r][c] = game.payoff(cell, 0);
        b[r][c] = game.payoff(cell, 1);
      }
    }
  }
  double RowGap(double q) const { return q * (a[1][0] - a[0][0]) + (1 - q) * (a[1][1] - a[0][1]); }
  double ColumnGap(double p) const {
    return (1 - p) * (b[0][0] - b[0][1]) + p * (b[1][0] - b[1][1]);
  }
  // Every QRE at λ has p = L(λ RowGap(q)) with q = L(λ ColumnGap(p)): the roots of
  // g(p) = p − L(λ RowGap(L(λ ColumnGap(p)))), counted by sign changes on a fine grid.
  double G(double lambda, double p) const {
    return p - Logistic(lambda * RowGap(Logistic(lambda * ColumnGap(p))));
  }
  std::vector<double> Roots(double lambda) const {
    std::vector<double> roots;
    const int n = 200000;
    double previous_p = 0.0, previous = G(lambda, 0.0);
    for (int i = 1; i <= n; ++i) {
      const double p = static_cast<double>(i) / n, value = G(lambda, p);
      if ((value > 0) != (previous > 0)) {
        double low = previous_p, high = p;  // bisect to double precision
        for (int k = 0; k < 60; ++k) {
          const double middle = 0.5 * (low + high);
          ((G(lambda, middle) > 0) == (previous > 0) ? low : high) = middle;
        }
        roots.push_back(0.5 * (low + high));
      }
      previous_p = p;
      previous = value;
    }
    return roots;
  }
};

TEST(LogitPathTest, FollowsABranchThatBendsBack) {
  REDLINE_LOAD_TEST_GAME(any, "logit_backward_bend.nfg");
  REDLINE_ASSERT_NORMAL_FORM(game, any);
  const TwoByTwo check(game);
  Result<LogitResult> traced = TraceLogitPath(game);
  ASSERT_TRUE(traced.ok()) << traced.errors().front().ToString();
  ASSERT_EQ(traced->turning_points.size(), 2u);
  const double high = traced->turning_points[0].lambda, low = traced->turning_points[1].lambda;
  EXPECT_GT(high, low);
  // Independently: three QRE strictly inside the fold, one just outside it.
  EXPECT_EQ(check.Roots(low + 0.05 * (high - low)).size(), 3u);
  EXPECT_EQ(check.Roots(high - 0.05 * (high - low)).size(), 3u);
  EXPECT_EQ(check.Roots(low - 0.002).size(), 1u);
  EXPECT_EQ(check.Roots(high + 0.002).size(), 1u);
  // Wherever the QRE is unique the branch must be at it: before the fold, and past it until
  // the other branches appear. A tracer that jumps the fold lands on the far sheet early.
  int checked = 0;
  for (const LogitPoint& point : traced->path) {
    if (point.lambda > 5.0) break;
    // At a fold itself two roots touch: a grid sees one there.
    if (std::fabs(point.lambda - low) < 1e-3 || std::fabs(point.lambda - high) < 1e-3) continue;
    const std::vector<double> roots = check.Roots(point.lambda);
    if (roots.size() != 1) continue;
    EXPECT_NEAR(point.profile[1], roots[0], 1e-6) << "at lambda " << point.lambda;
    ++checked;
  }
  EXPECT_GE(checked, 10);
  EXPECT_LT(NashConv(game, traced->profile), 1e-5);
}

TEST(LogitPathTest, SymmetricBranchBifurcatesAndContinuesStraight) {
  // Chicken (the library game) is symmetric: the principal branch stays on the symmetric
  // QRE, and past a pitchfork two asymmetric branches leave it toward the pure equilibria.
  Result<ExtensiveGame> built = MakeLibraryGame("chicken", {});
  ASSERT_TRUE(built.ok());
  const AnyGame chicken(std::move(built).value());
  Result<Solution> solved = FindSolver("logit")->solve(chicken, {});
  ASSERT_TRUE(solved.ok());
  ASSERT_EQ(solved->bifurcations.size(), 1u);
  const double lambda = solved->bifurcations[0].lambda;
  bool noted = false;
  for (const std::string& note : solved->notes)
    noted |= note.find("bifurcated") != std::string::npos;
  EXPECT_TRUE(noted);
  // Independently, on the strategic form: one QRE below the crossing, three above it.
  Result<AnyGame> normal = ParseGame(
      "NFG 1 R \"chicken\" { \"1\" \"2\" } { 2 2 }\n"
      "0 0 1 -1 -1 1 -10 -10\n",
      "chicken.nfg");
  ASSERT_TRUE(normal.ok());
  const TwoByTwo check(std::get<NormalFormGame>(*normal));
  EXPECT_EQ(check.Roots(lambda - 0.01).size(), 1u);
  EXPECT_EQ(check.Roots(lambda + 0.01).size(), 3u);
  // Straight through: the symmetric branch, whose limit is the symmetric mixed equilibrium.
  const std::vector<double>& profile = solved->equilibria[0].profile;
  EXPECT_NEAR(profile[0], profile[2], 1e-9);
  EXPECT_NEAR(profile[0], 0.9, 1e-5);
}

TEST(LogitPathTest, NoEventsOnAGenericBranch) {
  REDLINE_LOAD_TEST_GAME(any, "logit_backward_bend.nfg");
  REDLINE_ASSERT_NORMAL_FORM(game, any);
  LogitOptions options;
  options.max_lambda = 2.5;  // before the fold
  Result<LogitResult> traced = TraceLogitPath(game, options);
  ASSERT_TRUE(traced.ok());
  EXPECT_TRUE(traced->turning_points.empty());
  EXPECT_TRUE(traced->bifurcations.empty());
}

TEST(LogitPathTest, NormalFormJacobianMatchesFiniteDifferences) {
  Result<AnyGame> any = ParseGame(
      "NFG 1 R \"three players\" { \"1\" \"2\" \"3\" } { 2 3 2 }\n"
      "3 1 4 1 5 9 2 6 5 3 5 8 9 7 9 3 2 3 8 4 6 2 6 4 3 3 8 3 2 7 9 5 0 2 8 8\n",
      "three.nfg");
  ASSERT_TRUE(any.ok());
  const NormalFormGame& game = std::get<NormalFormGame>(*any);
  NormalLogitSystem system(game);
  std::vector<double> x(game.num_profile_entries() + 1);
  for (std::size_t k = 0; k < x.size(); ++k) x[k] = -0.9 + 0.3 * std::sin(1.3 * k + 0.2);
  x.back() = 1.7;  // off the curve: the normalisation matters
  testing::ExpectJacobianMatchesFiniteDifferences(system, x, "three.nfg");
}

TEST(LogitPathTest, StopsWhenRegretIsSmallOrAtTheLambdaLimit) {
  REDLINE_LOAD_TEST_GAME(any, "logit_backward_bend.nfg");
  REDLINE_ASSERT_NORMAL_FORM(game, any);
  Result<LogitResult> early = TraceLogitPath(game);
  ASSERT_TRUE(early.ok());
  EXPECT_TRUE(early->small_regret);
  EXPECT_LT(early->lambda, 1e6);
  EXPECT_LE(NashConv(game, early->profile), 2 * 1e-8 * 2.4);  // two players, range 2.4
  LogitOptions options;
  options.regret_tolerance = 0;  // off: trace to max_lambda
  Result<LogitResult> full = TraceLogitPath(game, options);
  ASSERT_TRUE(full.ok());
  EXPECT_FALSE(full->small_regret);
  EXPECT_GE(full->lambda, 1e6);
  for (std::size_t k = 0; k < early->profile.size(); ++k) {
    EXPECT_NEAR(early->profile[k], full->profile[k], 1e-6);
  }
}

TEST(LogitPathTest, GambitLinesOfLogitProfilesReadBackExactly) {
  Equilibrium eq;
  eq.profile = {0.1, 1.0 / 3, 2.0 / 3 - 0.1, 1e-300, 0.9999999999999998};
  const std::string line = FormatGambitLine(eq, kRoundTripDigits);
  std::vector<double> read;
  std::size_t start = line.find(',') + 1;
  while (start != 0 && start <= line.size()) {
    const std::size_t end = line.find(',', start);
    read.push_back(std::stod(line.substr(start, end - start)));
    start = end == std::string::npos ? 0 : end + 1;
  }
  EXPECT_EQ(read, eq.profile) << line;
  EXPECT_EQ(FormatGambitLine(eq, 6).substr(0, 12), "NE,0.100000,");
}

}  // namespace
}  // namespace redline::games
