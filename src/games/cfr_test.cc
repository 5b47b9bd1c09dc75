#include "games/cfr.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <string>

#include "games/library_games.h"
#include "games/solvers.h"
#include "games/test_games.h"

namespace redline::games {
namespace {

TEST(CfrTest, CfrPlusSolvesZeroSumPoker) {
  // The same on Gambit's stripped-down poker and a STOC'94 example is in
  // conformance/solvers_test.cc.
  REDLINE_LOAD_TEST_GAME(any, "one_card_poker.efg");
  REDLINE_ASSERT_EXTENSIVE(game, any);
  CfrOptions options;
  options.max_iterations = 5000;
  options.tolerance = 1e-3;
  const CfrResult result = SolveCfrPlus(game, options);
  EXPECT_TRUE(result.converged);
  EXPECT_LE(NashConv(game, result.average), 1e-3);
  ASSERT_FALSE(result.checkpoints.empty());
}

// CFR+ written out by hand for Myerson's one-card poker (tests/games/one_card_poker.efg): Alice
// raises or folds with the King (infoset 1) and with the Queen (infoset 2), Bob meets or passes a
// raise (one infoset, both cards). Regret matching+, Alice updated first and Bob replying to her
// updated strategy, each player's current strategy averaged with weight t before its own
// update. Returns {P(raise | K), P(raise | Q), P(meet)} of the average after `iterations`.
std::array<double, 3> ReferenceCfrPlusOnOneCardPoker(int iterations) {
  using Regrets = std::array<double, 2>;
  auto matching = [](const Regrets& r) {
    const double total = std::max(r[0], 0.0) + std::max(r[1], 0.0);
    return total > 0 ? std::max(r[0], 0.0) / total : 0.5;  // probability of action 0
  };
  auto update = [](Regrets& r, double p0, double v0, double v1) {
    const double mean = p0 * v0 + (1 - p0) * v1;
    r[0] = std::max(r[0] + v0 - mean, 0.0);
    r[1] = std::max(r[1] + v1 - mean, 0.0);
  };
  Regrets king{}, queen{}, bob{};
  std::array<double, 3> sums{}, weights{};
  for (int t = 1; t <= iterations; ++t) {
    const double k = matching(king), q = matching(queen), meet = matching(bob);
    sums[0] += t * k, sums[1] += t * q, sums[2] += t * meet;
    weights[0] += t, weights[1] += t, weights[2] += t;
    // Counterfactual values (chance 1/2 per card) of raise and fold for Alice.
    update(king, k, 0.5 * (2 * meet + (1 - meet)), -0.5);
    update(queen, q, 0.5 * (-2 * meet + (1 - meet)), -0.5);
    const double k_raise = 0.5 * matching(king), q_raise = 0.5 * matching(queen);
    update(bob, meet, -2 * k_raise + 2 * q_raise, -k_raise - q_raise);
  }
  return {sums[0] / weights[0], sums[1] / weights[1], sums[2] / weights[2]};
}

TEST(CfrTest, CfrPlusMatchesAHandWrittenReferenceOnOneCardPoker) {
  // Pins the algorithm itself (averaging weights and reach, update order, when the regret
  // floor applies): variants with those mistakes reach similar NashConv on this game.
  REDLINE_LOAD_TEST_GAME(any, "one_card_poker.efg");
  REDLINE_ASSERT_EXTENSIVE(game, any);
  for (int iterations : {1, 2, 7, 1000}) {
    CfrOptions options;
    options.max_iterations = iterations;
    options.tolerance = 1e-15;
    const CfrResult result = SolveCfrPlus(game, options);
    const std::array<double, 3> expected = ReferenceCfrPlusOnOneCardPoker(iterations);
    const auto& alice = game.players()[0].infosets;
    const InfosetId bob = game.players()[1].infosets[0];
    EXPECT_NEAR(result.average[game.action_index(alice[0], 0)], expected[0], 1e-12);
    EXPECT_NEAR(result.average[game.action_index(alice[1], 0)], expected[1], 1e-12);
    EXPECT_NEAR(result.average[game.action_index(bob, 0)], expected[2], 1e-12) << iterations;
  }
}

TEST(CfrTest, CfrPlusNashConvFallsOnOneCardPoker) {
  // The game is a 2x2 zero-sum game with a fully mixed equilibrium (Alice bluffs 1/3 with
  // the Queen, Bob meets 2/3); regret matching+ cycles around it (period about 8
  // iterations), so the average's NashConv wobbles with the checkpoint's phase and falls
  // roughly like T^-0.8 (8.4e-5 at 10^4, 2e-6 at 10^6; docs/games.md). Windows of five
  // checkpoints must have non-increasing maxima, and every checkpoint stays under 2/T.
  REDLINE_LOAD_TEST_GAME(any, "one_card_poker.efg");
  REDLINE_ASSERT_EXTENSIVE(game, any);
  CfrOptions options;
  options.max_iterations = 10000;
  options.checkpoint_every = 500;
  options.tolerance = 1e-15;
  const CfrResult result = SolveCfrPlus(game, options);
  ASSERT_EQ(result.checkpoints.size(), 20u);
  double previous_window = 1.0;
  for (std::size_t start = 0; start < result.checkpoints.size(); start += 5) {
    double window = 0;
    for (std::size_t k = start; k < start + 5; ++k) {
      const CfrCheckpoint& c = result.checkpoints[k];
      EXPECT_LE(c.nash_conv, 2.0 / static_cast<double>(c.iteration)) << c.iteration;
      window = std::max(window, c.nash_conv);
    }
    EXPECT_LE(window, previous_window)
        << "checkpoints from " << result.checkpoints[start].iteration;
    previous_window = window;
  }
  EXPECT_LE(result.checkpoints.back().nash_conv, 1.5e-4);
}

TEST(CfrTest, StoppingAtTheLimitIsReportedNotAnError) {
  REDLINE_LOAD_TEST_GAME(any, "one_card_poker.efg");
  REDLINE_ASSERT_EXTENSIVE(game, any);
  CfrOptions options;
  options.max_iterations = 3;
  options.checkpoint_every = 1;
  options.tolerance = 1e-12;
  const CfrResult result = SolveCfrPlus(game, options);
  EXPECT_TRUE(result.hit_limit);
  EXPECT_FALSE(result.converged);
  EXPECT_EQ(result.iterations, 3);
  EXPECT_EQ(result.checkpoints.size(), 3u);
}

TEST(CfrTest, ExternalSamplingIsReproducibleAndConverges) {
  REDLINE_LOAD_TEST_GAME(any, "one_card_poker.efg");
  REDLINE_ASSERT_EXTENSIVE(game, any);
  CfrOptions options;
  options.max_iterations = 20000;
  options.tolerance = 0.02;
  options.checkpoint_every = 1000;
  options.seed = 7;
  const CfrResult a = SolveExternalSamplingMccfr(game, options);
  const CfrResult b = SolveExternalSamplingMccfr(game, options);
  EXPECT_EQ(a.average, b.average);
  EXPECT_LE(NashConv(game, a.average), 0.02);
  options.seed = 8;
  const CfrResult c = SolveExternalSamplingMccfr(game, options);
  EXPECT_NE(a.average, c.average);
}

TEST(CfrTest, CfrPlusFindsTheDeterrencePbeOnPath) {
  DeterrenceParams params;
  params.prior_resolute = 0.2;  // challenge (cutoff 1/2), resolute resists, irresolute concedes
  Result<ExtensiveGame> game = BuildDeterrenceGame(params);
  ASSERT_TRUE(game.ok());
  CfrOptions options;
  options.max_iterations = 2000;
  options.tolerance = 1e-6;
  const CfrResult result = SolveCfrPlus(*game, options);
  const DeterrencePbe pbe = SolveDeterrenceClosedForm(params);
  EXPECT_NEAR(result.average[game->action_index(game->players()[0].infosets[0], 1)], pbe.challenge,
              1e-3);
  EXPECT_LE(NashConv(*game, result.average), 1e-3);
}

TEST(CfrTest, RegistryRefusesNormalFormGames) {
  REDLINE_LOAD_TEST_GAME(game, "mixed_2x2.nfg");
  const SolverInfo* cfr = FindSolver("cfr");
  ASSERT_NE(cfr, nullptr);
  EXPECT_FALSE(cfr->applies(game).ok());
  const SolverInfo* lcp = FindSolver("lcp");
  ASSERT_NE(lcp, nullptr);
  REDLINE_LOAD_TEST_GAME(three, "three_player.efg");
  Status refused = lcp->applies(three);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.errors()[0].message.find("two-player"), std::string::npos);
}

// CFR's walks recurse once per move, so the registry refuses trees deeper than 5,000 moves
// (a chain 100,000 deep crashed them: stack overflow) and solves one exactly that deep.
TEST(CfrTest, RegistryRefusesTreesDeeperThanItsWalks) {
  const AnyGame deepest = testing::BuildChainGame(5000);
  const AnyGame deeper = testing::BuildChainGame(5001);
  for (const char* name : {"cfr", "mccfr"}) {
    const SolverInfo* solver = FindSolver(name);
    ASSERT_NE(solver, nullptr);
    const Status refused = solver->applies(deeper);
    ASSERT_FALSE(refused.ok()) << name;
    EXPECT_NE(refused.errors()[0].message.find("at most 5000 moves deep; this one is 5001"),
              std::string::npos)
        << refused.errors()[0].message;
    ASSERT_TRUE(solver->applies(deepest).ok()) << name;
    SolverOptions options;
    options.max_iterations = 2;
    Result<Solution> solved = solver->solve(deepest, options);
    ASSERT_TRUE(solved.ok()) << name;
    EXPECT_EQ(solved->equilibria[0].nash_conv, 0.0) << name;
  }
}

}  // namespace
}  // namespace redline::games
