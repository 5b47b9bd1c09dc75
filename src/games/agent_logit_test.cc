// Agent QRE (logit for extensive games): the Jacobian, and limits that are sequential.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "games/agent_logit_system.h"
#include "games/library.h"
#include "games/library_games.h"
#include "games/logit.h"
#include "games/solvers.h"
#include "games/spe.h"
#include "games/test_games.h"

namespace redline::games {
namespace {

LogitResult Trace(const ExtensiveGame& game) {
  Result<LogitResult> traced = TraceAgentLogitPath(game);
  EXPECT_TRUE(traced.ok()) << (traced.ok() ? "" : traced.errors()[0].ToString());
  return traced.ok() ? *traced : LogitResult{};
}

TEST(AgentLogitTest, JacobianMatchesFiniteDifferences) {
  for (const char* name : {"one_card_poker.efg", "three_player.efg", "entry_with_chance.efg"}) {
    REDLINE_LOAD_TEST_GAME(any, name);
    REDLINE_ASSERT_EXTENSIVE(game, any);
    AgentLogitSystem system(game);
    std::vector<double> x = system.Start();
    for (std::size_t k = 0; k < x.size(); ++k) x[k] += 0.3 * std::sin(1.7 * k + 0.4);
    x.back() = 2.5;
    testing::ExpectJacobianMatchesFiniteDifferences(system, x, name);
  }
}

// Entrant: out (0, 2) or in; incumbent: fight (-1, -1) or accommodate (1, 1). (out, fight)
// is a Nash equilibrium resting on a threat the incumbent would not carry out.
TEST(AgentLogitTest, NonCredibleThreatIsNotSelected) {
  REDLINE_ASSERT_GAME(game, testing::ParseInline(R"(EFG 2 R "entry" { "Entrant" "Incumbent" } ""
p "" 1 1 "entrant" { "out" "in" } 0
t "" 1 "out" { 0, 2 }
p "" 2 1 "incumbent" { "fight" "accommodate" } 0
t "" 2 "fight" { -1, -1 }
t "" 3 "accommodate" { 1, 1 }
)"));
  Result<Solution> pure = FindSolver("enumpure")->solve(game, {});
  ASSERT_TRUE(pure.ok());
  bool threat_is_nash = false;
  for (const Equilibrium& eq : pure->equilibria) {
    threat_is_nash |= eq.profile[0] == 1.0 && eq.profile[2] == 1.0;
  }
  EXPECT_TRUE(threat_is_nash);  // Nash ≠ SPE here
  REDLINE_ASSERT_EXTENSIVE(tree, game);
  const LogitResult limit = Trace(tree);
  EXPECT_TRUE(limit.small_regret);           // a strict limit: regret falls below 1e-8 of the range
  EXPECT_NEAR(limit.profile[1], 1.0, 1e-6);  // in
  EXPECT_NEAR(limit.profile[3], 1.0, 1e-6);  // accommodate
}

// The same over Gambit's perfect-information examples is in conformance/solvers_test.cc.
TEST(AgentLogitTest, PerfectInformationLimitsAreSubgamePerfect) {
  std::vector<AnyGame> games;
  REDLINE_LOAD_TEST_GAME(entry, "entry_with_chance.efg");
  games.push_back(entry);
  for (const std::string& name : LibraryGameNames()) {
    Result<ExtensiveGame> game = MakeLibraryGame(name, {});
    ASSERT_TRUE(game.ok()) << name;
    if (game->is_perfect_information()) games.push_back(AnyGame(*game));
  }
  ASSERT_GE(games.size(), 2u);
  for (const AnyGame& game : games) {
    REDLINE_ASSERT_EXTENSIVE(tree, game);
    const LogitResult limit = Trace(tree);
    EXPECT_LT(testing::MaxLocalRegret(tree, limit.profile), 1e-4) << Title(game);
  }
  // Backward induction in entry_with_chance meets no tie: the limit is its unique SPE.
  Result<Solution> spe = FindSolver("spe")->solve(entry, {});
  ASSERT_TRUE(spe.ok());
  const LogitResult limit = Trace(*AsExtensive(entry));
  ASSERT_EQ(limit.profile.size(), spe->equilibria[0].profile.size());
  for (std::size_t k = 0; k < limit.profile.size(); ++k) {
    EXPECT_NEAR(limit.profile[k], spe->equilibria[0].profile[k], 1e-4) << k;
  }
}

TEST(AgentLogitTest, LocalRegretSeparatesNashFromSubgamePerfect) {
  REDLINE_ASSERT_GAME(game, testing::ParseInline(R"(EFG 2 R "entry" { "Entrant" "Incumbent" } ""
p "" 1 1 "entrant" { "out" "in" } 0
t "" 1 "out" { 0, 2 }
p "" 2 1 "incumbent" { "fight" "accommodate" } 0
t "" 2 "fight" { -1, -1 }
t "" 3 "accommodate" { 1, 1 }
)"));
  REDLINE_ASSERT_EXTENSIVE(tree, game);
  EXPECT_NEAR(testing::MaxLocalRegret(tree, {1, 0, 1, 0}), 2.0,
              1e-12);  // Nash, not subgame perfect
  EXPECT_NEAR(NashConv(tree, {1, 0, 1, 0}), 0.0, 1e-12);
  EXPECT_NEAR(testing::MaxLocalRegret(tree, {0, 1, 0, 1}), 0.0, 1e-12);
}

TEST(AgentLogitTest, DeterrenceLimitIsThePerfectBayesianEquilibrium) {
  for (double prior : {0.1, 0.3, 0.7}) {
    for (double audience : {0.0, 1.5}) {
      DeterrenceParams params;
      params.prior_resolute = prior;
      params.audience_cost = audience;
      Result<ExtensiveGame> game = BuildDeterrenceGame(params);
      ASSERT_TRUE(game.ok());
      const LogitResult limit = Trace(*game);
      const DeterrencePbe pbe = SolveDeterrenceClosedForm(params);
      EXPECT_NEAR(testing::InfosetProbability(*game, limit.profile, "challenger", 1), pbe.challenge,
                  1e-4)
          << prior << " " << audience;
      // Off the path when deterred, the defender's choices are still its best replies.
      EXPECT_NEAR(testing::InfosetProbability(*game, limit.profile, "resolute defender", 0),
                  pbe.resist_resolute, 1e-4);
      EXPECT_NEAR(testing::InfosetProbability(*game, limit.profile, "irresolute defender", 0),
                  pbe.resist_irresolute, 1e-4);
      EXPECT_LT(NashConv(*game, limit.profile), 1e-4);
    }
  }
}

TEST(AgentLogitTest, AudienceCostLimitIsTheSemiSeparatingEquilibrium) {
  for (double prior : {0.1, 0.4}) {
    AudienceCostParams params;
    params.prior_resolute = prior;
    Result<ExtensiveGame> game = BuildAudienceCostGame(params);
    ASSERT_TRUE(game.ok());
    const LogitResult limit = Trace(*game);
    const AudienceCostPbe pbe = SolveAudienceCostClosedForm(params);
    EXPECT_NEAR(testing::InfosetProbability(*game, limit.profile, "after threat", 1), pbe.press,
                1e-3)
        << prior;
    EXPECT_NEAR(testing::InfosetProbability(*game, limit.profile, "irresolute defender", 1),
                pbe.threaten_irresolute, 1e-3);
    EXPECT_NEAR(testing::InfosetProbability(*game, limit.profile, "resolute pressed", 0),
                pbe.fight_resolute, 1e-3);
    EXPECT_NEAR(testing::InfosetProbability(*game, limit.profile, "irresolute pressed", 0),
                pbe.fight_irresolute, 1e-3);
    EXPECT_LT(NashConv(*game, limit.profile), 1e-4);
  }
}

TEST(AgentLogitTest, OneCardPokerReachesItsUniqueEquilibrium) {
  REDLINE_LOAD_TEST_GAME(any, "one_card_poker.efg");
  REDLINE_ASSERT_EXTENSIVE(game, any);
  const LogitResult limit = Trace(game);
  EXPECT_NEAR(testing::InfosetProbability(game, limit.profile, "king", 0), 1.0, 1e-5);
  EXPECT_NEAR(testing::InfosetProbability(game, limit.profile, "queen", 0), 1.0 / 3, 1e-5);
  EXPECT_NEAR(testing::InfosetProbability(game, limit.profile, "raised", 0), 2.0 / 3, 1e-5);
  // The path starts at the centroid and stays a behaviour profile.
  ASSERT_GT(limit.path.size(), 10u);
  EXPECT_EQ(limit.path.front().lambda, 0.0);
  EXPECT_EQ(limit.path.front().profile, std::vector<double>(6, 0.5));
  for (const LogitPoint& point : limit.path) {
    EXPECT_NEAR(point.profile[0] + point.profile[1], 1.0, 1e-8);
  }
}

// The same over 18 of Gambit's examples is in conformance/solvers_test.cc.
TEST(AgentLogitTest, LimitsAreNashOnTestGames) {
  for (const std::string& path : testing::GameFilesIn(testing::TestGameDir())) {
    if (!path.ends_with(".efg")) continue;
    REDLINE_ASSERT_GAME(any, ReadGameFile(path));
    REDLINE_ASSERT_EXTENSIVE(game, any);
    Result<LogitResult> traced = TraceAgentLogitPath(game);
    ASSERT_TRUE(traced.ok()) << path << ": " << traced.errors()[0].ToString();
    EXPECT_LT(NashConv(game, traced->profile), 1e-4) << path;
  }
}

TEST(AgentLogitTest, StepLimitIsReportedNotAnError) {
  REDLINE_LOAD_TEST_GAME(game, "one_card_poker.efg");
  SolverOptions options;
  options.max_iterations = 5;
  Result<Solution> solution = FindSolver("logit")->solve(game, options);
  ASSERT_TRUE(solution.ok());
  EXPECT_TRUE(solution->hit_limit);
  EXPECT_FALSE(solution->converged);
  EXPECT_EQ(solution->iterations, 5);
  EXPECT_EQ(solution->path.size(), 6u);
  EXPECT_EQ(solution->kind, ProfileKind::kBehavior);
}

}  // namespace
}  // namespace redline::games
