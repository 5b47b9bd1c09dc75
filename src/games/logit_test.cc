#include "games/logit.h"

#include <gtest/gtest.h>

#include <string>

#include "games/solvers.h"
#include "games/test_games.h"

namespace redline::games {
namespace {

TEST(LogitTest, UniqueMixedEquilibriumIsTheLimit) {
  // tests/games/mixed_2x2.nfg: unique equilibrium (1/2, 1/2), (1/3, 2/3).
  REDLINE_LOAD_TEST_GAME(any, "mixed_2x2.nfg");
  REDLINE_ASSERT_NORMAL_FORM(game, any);
  Result<LogitResult> path = TraceLogitPath(game);
  ASSERT_TRUE(path.ok()) << path.errors()[0].ToString();
  EXPECT_GE(path->lambda, 1e6);
  EXPECT_NEAR(path->profile[0], 0.5, 1e-5);
  EXPECT_NEAR(path->profile[2], 1.0 / 3, 1e-5);
  EXPECT_LT(NashConv(game, path->profile), 1e-5);
  EXPECT_GT(path->path.size(), 10u);
}

// The same over six of Gambit's examples is in conformance/solvers_test.cc.
TEST(LogitTest, LimitsAreNashOnTestGames) {
  int traced_games = 0;
  for (const std::string& path : testing::GameFilesIn(testing::TestGameDir())) {
    if (!path.ends_with(".nfg")) continue;
    REDLINE_ASSERT_GAME(any, ReadGameFile(path));
    REDLINE_ASSERT_NORMAL_FORM(game, any);
    Result<LogitResult> path_result = TraceLogitPath(game);
    ASSERT_TRUE(path_result.ok()) << path << ": " << path_result.errors()[0].ToString();
    EXPECT_LT(NashConv(game, path_result->profile), 1e-4) << path;
    ++traced_games;
  }
  EXPECT_GE(traced_games, 5);
}

// The path tracer factors a dense Jacobian (one row per action, and lambda): the registry
// refuses games with more than 7,999 actions instead of asking for gigabytes (a chain of
// 100,000 actions grew to 9 GB before this check).
TEST(LogitTest, RegistryRefusesGamesBeyondTheDenseJacobian) {
  const SolverInfo* logit = FindSolver("logit");
  ASSERT_NE(logit, nullptr);
  const Status refused = logit->applies(AnyGame(testing::BuildChainGame(8000)));
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.errors()[0].message.find("at most 7999 actions"), std::string::npos)
      << refused.errors()[0].message;
  EXPECT_TRUE(logit->applies(AnyGame(testing::BuildChainGame(7999))).ok());
}

}  // namespace
}  // namespace redline::games
