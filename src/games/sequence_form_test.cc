#include "games/sequence_form.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "games/library.h"
#include "games/library_games.h"
#include "games/solution.h"
#include "games/strategy.h"
#include "games/test_games.h"

namespace redline::games {
namespace {

double ExactNashConv(const ExtensiveGame& game, const ExactBehaviorProfile& profile) {
  return NashConv(game, ToDoubles(profile));
}

TEST(SequenceFormTest, ChickenEquilibriumHasZeroNashConv) {
  Result<ExtensiveGame> game = BuildChickenGame({});
  ASSERT_TRUE(game.ok());
  Result<SequenceFormEquilibrium> eq = SolveSequenceForm(*game);
  ASSERT_TRUE(eq.ok()) << eq.errors()[0].ToString();
  EXPECT_NEAR(ExactNashConv(*game, eq->profile), 0.0, 1e-12);
}

TEST(SequenceFormTest, AudienceCostMatchesTheSemiSeparatingPbe) {
  for (double prior : {0.1, 0.2, 0.4}) {
    for (double audience : {0.25, 0.5}) {
      AudienceCostParams params;
      params.prior_resolute = prior;
      params.audience_cost = audience;
      Result<ExtensiveGame> game = BuildAudienceCostGame(params);
      ASSERT_TRUE(game.ok());
      Result<SequenceFormEquilibrium> eq = SolveSequenceForm(*game);
      ASSERT_TRUE(eq.ok()) << eq.errors()[0].ToString();
      const std::vector<double> profile = ToDoubles(eq->profile);
      EXPECT_NEAR(NashConv(*game, profile), 0.0, 1e-12);
      const AudienceCostPbe pbe = SolveAudienceCostClosedForm(params);
      EXPECT_NEAR(testing::InfosetProbability(*game, profile, "after threat", 1), pbe.press, 1e-12)
          << prior;
      EXPECT_NEAR(testing::InfosetProbability(*game, profile, "resolute defender", 1),
                  pbe.threaten_resolute, 1e-12);
      EXPECT_NEAR(testing::InfosetProbability(*game, profile, "irresolute defender", 1),
                  pbe.threaten_irresolute, 1e-12);
      EXPECT_NEAR(testing::InfosetProbability(*game, profile, "resolute pressed", 0),
                  pbe.fight_resolute, 1e-12);
      EXPECT_NEAR(testing::InfosetProbability(*game, profile, "irresolute pressed", 0),
                  pbe.fight_irresolute, 1e-12);
    }
  }
}

// Myerson's one-card poker (tests/games/one_card_poker.efg) has a unique equilibrium:
// Alice raises with the King, bluffs with the Queen 1/3, Bob meets 2/3 — exactly.
TEST(SequenceFormTest, OneCardPokerSolvesExactly) {
  REDLINE_LOAD_TEST_GAME(any, "one_card_poker.efg");
  REDLINE_ASSERT_EXTENSIVE(game, any);
  Result<SequenceFormEquilibrium> eq = SolveSequenceForm(game);
  ASSERT_TRUE(eq.ok()) << eq.errors()[0].ToString();
  ASSERT_FALSE(eq->hit_limit);
  const auto& alice = game.players()[0].infosets;
  const InfosetId bob = game.players()[1].infosets[0];
  EXPECT_EQ(eq->profile[game.action_index(alice[0], 0)], 1);
  EXPECT_EQ(eq->profile[game.action_index(alice[1], 0)], mpq_class(1, 3));
  EXPECT_EQ(eq->profile[game.action_index(bob, 0)], mpq_class(2, 3));
  EXPECT_EQ(ExactNashConv(game, eq->profile), 0.0);
}

// Every two-player perfect-recall tree written for the tests solves with zero NashConv (the
// same over Gambit's corpus is in conformance/solvers_test.cc).
TEST(SequenceFormTest, TestGamesSolveWithZeroNashConv) {
  int solved = 0;
  for (const std::string& path : testing::GameFilesIn(testing::TestGameDir())) {
    if (!path.ends_with(".efg")) continue;
    REDLINE_ASSERT_GAME(any, ReadGameFile(path));
    REDLINE_ASSERT_EXTENSIVE(tree, any);
    if (tree.num_players() != 2 || !tree.has_perfect_recall()) continue;
    Result<SequenceFormEquilibrium> eq = SolveSequenceForm(tree);
    ASSERT_TRUE(eq.ok()) << path << ": " << eq.errors()[0].ToString();
    EXPECT_NEAR(ExactNashConv(tree, eq->profile), 0.0, 1e-12) << path;
    ++solved;
  }
  EXPECT_GE(solved, 2);
}

// Lemke's path used to end on a secondary ray here from 8 rounds on (the equality rows
// were relaxed by the covering vector and free variables entered in either direction).
// The path followed in doubles and verified exactly ends where exact pivoting ends: the same
// realization plans after the same number of pivots.
TEST(SequenceFormTest, DoublePathAgreesWithExactPivoting) {
  std::vector<ExtensiveGame> games;
  for (int rounds : {1, 3, 8, 20}) {
    RiskTakingParams params;
    params.rounds = rounds;
    params.stalemate = rounds % 2 == 0 ? 0.75 : 0.0;
    games.push_back(std::move(BuildRiskTakingGame(params)).value());
  }
  for (const std::string& name : LibraryGameNames()) {
    games.push_back(std::move(MakeLibraryGame(name, {})).value());
  }
  for (const ExtensiveGame& game : games) {
    Result<SequenceFormEquilibrium> fast = SolveSequenceForm(game);
    LemkeOptions exact_only;
    exact_only.exact_only = true;
    Result<SequenceFormEquilibrium> exact = SolveSequenceForm(game, exact_only);
    ASSERT_TRUE(fast.ok() && exact.ok()) << game.title();
    EXPECT_EQ(fast->realization[0], exact->realization[0]) << game.title();
    EXPECT_EQ(fast->realization[1], exact->realization[1]) << game.title();
    EXPECT_EQ(fast->pivots, exact->pivots) << game.title();
    EXPECT_NEAR(ExactNashConv(game, fast->profile), 0.0, 1e-12) << game.title();
  }
}

TEST(SequenceFormTest, RiskTakingSolvesAtEveryHorizon) {
  for (int rounds : {1, 2, 3, 5, 8, 9, 12, 16}) {
    for (double stalemate : {0.0, 0.75}) {
      RiskTakingParams params;
      params.rounds = rounds;
      params.stalemate = stalemate;
      Result<ExtensiveGame> game = BuildRiskTakingGame(params);
      ASSERT_TRUE(game.ok());
      Result<SequenceFormEquilibrium> eq = SolveSequenceForm(*game);
      ASSERT_TRUE(eq.ok()) << rounds << ": " << eq.errors()[0].ToString();
      ASSERT_FALSE(eq->hit_limit) << rounds;
      EXPECT_NEAR(ExactNashConv(*game, eq->profile), 0.0, 1e-12) << rounds;
    }
  }
}

// The path in doubles ends at the equilibrium by itself (no exact fallback) on long
// risk_taking trees. Its ratios shrink geometrically with the rounds (~1e-12 after 40
// pivots at 50 rounds); when ratios were only ever tied within an absolute floor, z0 left
// early, the exact check rejected the basis and exact pivoting ran (1 s at 100 rounds).
// The answer is the exact path's either way; the solver checks it exactly (w, z >= 0,
// complementary), which makes it an equilibrium.
TEST(SequenceFormTest, FloatPathSolvesLongRiskTakingTrees) {
  for (int rounds : {50, 100}) {
    RiskTakingParams params;
    params.rounds = rounds;
    Result<ExtensiveGame> game = BuildRiskTakingGame(params);
    ASSERT_TRUE(game.ok());
    Result<SequenceFormEquilibrium> eq = SolveSequenceForm(*game);
    ASSERT_TRUE(eq.ok()) << rounds << ": " << eq.errors()[0].ToString();
    ASSERT_FALSE(eq->hit_limit) << rounds;
    EXPECT_TRUE(eq->from_float_path) << rounds;
    EXPECT_NEAR(ExactNashConv(*game, eq->profile), 0.0, 1e-12) << rounds;
    if (rounds > 50) continue;  // exact pivoting takes a minute at 100 rounds
    LemkeOptions exact_only;
    exact_only.exact_only = true;
    Result<SequenceFormEquilibrium> exact = SolveSequenceForm(*game, exact_only);
    ASSERT_TRUE(exact.ok()) << rounds;
    EXPECT_FALSE(exact->from_float_path);
    EXPECT_EQ(eq->realization[0], exact->realization[0]) << rounds;
    EXPECT_EQ(eq->realization[1], exact->realization[1]) << rounds;
    EXPECT_EQ(eq->pivots, exact->pivots) << rounds;
  }
}

// Past about 150 rounds the path outruns doubles: the relative rounding error of the basic
// solution grows ~1.28× per pivot (the realization weights fall as (8/27)^k), so both
// double paths leave the exact one (at pivot ~140 of 201 at 200 rounds) and exact pivoting
// took 16 s. The double-double path follows it to the end (0.3 s); the end is verified
// exactly.
TEST(SequenceFormTest, DoubleDoublePathSolvesRiskTakingPastDoubleRange) {
  // As `redline game risk_taking --param rounds=200` (exact 1/10, not the double 0.1).
  Result<ExtensiveGame> game = MakeLibraryGame("risk_taking", {{"rounds", "200"}});
  ASSERT_TRUE(game.ok());
  Result<SequenceForm> form = BuildSequenceForm(*game);
  ASSERT_TRUE(form.ok());
  Result<SequenceFormEquilibrium> eq = SolveSequenceForm(*game);
  ASSERT_TRUE(eq.ok()) << eq.errors()[0].ToString();
  ASSERT_FALSE(eq->hit_limit);
  EXPECT_TRUE(eq->from_float_path);
  EXPECT_EQ(eq->precision_bits, 106);
  EXPECT_NEAR(ExactNashConv(*game, eq->profile), 0.0, 1e-12);
  for (int p = 0; p < 2; ++p) {  // realization plans, exactly: E x = e
    const std::vector<SparseRow>& e = form->players[p].constraints;
    for (std::size_t row = 0; row < e.size(); ++row) {
      mpq_class sum = 0;
      for (const auto& [s, v] : e[row]) sum += v * eq->realization[p][s];
      EXPECT_EQ(sum, row == 0 ? 1 : 0) << "player " << p << " row " << row;
    }
  }
}

// Each floating-point tier on its own (doubles, double-double, 256-bit GMP floats) follows
// the exact path to the same equilibrium in the same number of pivots.
TEST(SequenceFormTest, EachFloatPrecisionFollowsTheExactPath) {
  std::vector<ExtensiveGame> games;
  for (int rounds : {9, 30}) {
    RiskTakingParams params;
    params.rounds = rounds;
    params.stalemate = rounds % 2 == 0 ? 0.75 : 0.0;
    games.push_back(std::move(BuildRiskTakingGame(params)).value());
  }
  for (const std::string& name : LibraryGameNames()) {
    games.push_back(std::move(MakeLibraryGame(name, {})).value());
  }
  for (const ExtensiveGame& game : games) {
    LemkeOptions exact_only;
    exact_only.exact_only = true;
    Result<SequenceFormEquilibrium> exact = SolveSequenceForm(game, exact_only);
    ASSERT_TRUE(exact.ok()) << game.title();
    EXPECT_EQ(exact->precision_bits, 0) << game.title();
    for (int bits : {53, 106, 256}) {
      LemkeOptions options;
      options.first_float_precision = bits;
      Result<SequenceFormEquilibrium> fast = SolveSequenceForm(game, options);
      ASSERT_TRUE(fast.ok()) << game.title() << " " << bits;
      EXPECT_TRUE(fast->from_float_path) << game.title() << " " << bits;
      EXPECT_EQ(fast->precision_bits, bits) << game.title();
      EXPECT_EQ(fast->realization[0], exact->realization[0]) << game.title() << " " << bits;
      EXPECT_EQ(fast->realization[1], exact->realization[1]) << game.title() << " " << bits;
      EXPECT_EQ(fast->pivots, exact->pivots) << game.title() << " " << bits;
    }
  }
}

// The solution's realization plans satisfy E x = e, F y = f exactly and give the profile.
TEST(SequenceFormTest, RealizationPlansAreExactlyFeasible) {
  RiskTakingParams params;
  params.rounds = 12;
  Result<ExtensiveGame> game = BuildRiskTakingGame(params);
  ASSERT_TRUE(game.ok());
  Result<SequenceForm> form = BuildSequenceForm(*game);
  ASSERT_TRUE(form.ok());
  Result<SequenceFormEquilibrium> eq = SolveSequenceForm(*game);
  ASSERT_TRUE(eq.ok()) << eq.errors()[0].ToString();
  for (int p = 0; p < 2; ++p) {
    const std::vector<SparseRow>& e = form->players[p].constraints;
    const RationalVector& plan = eq->realization[p];
    ASSERT_EQ(static_cast<int>(plan.size()), form->players[p].num_sequences);
    for (std::size_t row = 0; row < e.size(); ++row) {
      mpq_class sum = 0;
      for (const auto& [s, v] : e[row]) sum += v * plan[s];
      EXPECT_EQ(sum, row == 0 ? 1 : 0) << "player " << p << " row " << row;
    }
    for (const mpq_class& v : plan) EXPECT_GE(sgn(v), 0);
  }
}

// A chain of 50,000 decision nodes (test_games.h). The walks that build the sequence form and the
// exact expected payoffs are loops: with the recursive walk of 3a4e282 this test crashed (stack
// overflow in CollectLeaves). lcp refuses the game for its size instead of asking for
// a 2.5e10-entry tableau (before: std::bad_alloc).
TEST(SequenceFormTest, DeepTreesNeitherOverflowTheStackNorFillTheTableau) {
  constexpr int kDepth = 50'000;
  const ExtensiveGame game = testing::BuildChainGame(kDepth);
  ASSERT_TRUE(game.has_perfect_recall());

  Result<SequenceForm> form = BuildSequenceForm(game);
  ASSERT_TRUE(form.ok());
  for (int p = 0; p < 2; ++p) {
    const PlayerSequences& player = form->players[p];
    ASSERT_EQ(player.num_sequences, kDepth / 2 + 1);  // with the empty sequence
    for (int k = 0; k < kDepth / 2; ++k) ASSERT_EQ(player.parent_sequence[k], k);
  }
  // One leaf, at the last sequences; payoffs 3 + 1 and -1/2 + 1, shifted by 4 + 1.
  const int last = kDepth / 2;
  ASSERT_EQ(form->shift, 5);
  ASSERT_EQ(form->payoff[0][last].size(), 1u);
  EXPECT_EQ(form->payoff[0][last][0].first, last);
  EXPECT_EQ(form->payoff[0][last][0].second, -1);
  EXPECT_EQ(form->payoff[1][last][0].second, mpq_class(-9, 2));

  const ExactBehaviorProfile all_a(game.num_actions(), 1);
  EXPECT_EQ(ExpectedPayoffs(game, all_a), (std::vector<mpq_class>{4, mpq_class(1, 2)}));

  Result<SequenceFormEquilibrium> eq = SolveSequenceForm(game);
  ASSERT_FALSE(eq.ok());
  EXPECT_NE(eq.errors()[0].message.find("too large for lcp"), std::string::npos)
      << eq.errors()[0].message;
}

}  // namespace
}  // namespace redline::games
