// Agent QRE (logit for extensive games): the Jacobian, and limits that are sequential.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "games/agent_logit_system.h"
#include "games/library_games.h"
#include "games/logit.h"
#include "games/solvers.h"
#include "games/spe.h"
#include "games/test_games.h"

namespace redline::games {
namespace {

using testing::LoadGambitGame;
using testing::ParseOrDie;

double Probability(const ExtensiveGame& game, const std::vector<double>& profile,
                   const std::string& label, int action) {
  for (InfosetId h = 0; h < static_cast<int>(game.infosets().size()); ++h) {
    if (game.infoset(h).label == label) return profile[game.action_index(h, action)];
  }
  ADD_FAILURE() << "no infoset " << label;
  return -1;
}

LogitResult Trace(const ExtensiveGame& game) {
  Result<LogitResult> traced = TraceAgentLogitPath(game);
  EXPECT_TRUE(traced.ok()) << (traced.ok() ? "" : traced.errors()[0].ToString());
  return traced.ok() ? *traced : LogitResult{};
}

TEST(AgentLogitTest, JacobianMatchesFiniteDifferences) {
  for (const char* name : {"poker.efg", "3_player_with_nonterm_outcomes.efg", "montyhal.efg",
                           "chance_in_middle_with_nonterm_outcomes.efg"}) {
    const AnyGame any = LoadGambitGame(name);
    const ExtensiveGame& game = *AsExtensive(any);
    AgentLogitSystem system(game);
    std::vector<double> x = system.Start();
    for (std::size_t k = 0; k < x.size(); ++k) x[k] += 0.3 * std::sin(1.7 * k + 0.4);
    x.back() = 2.5;
    std::vector<double> f, f_plus, f_minus;
    DenseMatrix jacobian, unused;
    system.Evaluate(x, f, jacobian);
    for (std::size_t k = 0; k < x.size(); ++k) {
      std::vector<double> plus = x, minus = x;
      plus[k] += 1e-6;
      minus[k] -= 1e-6;
      system.Evaluate(plus, f_plus, unused);
      system.Evaluate(minus, f_minus, unused);
      for (std::size_t row = 0; row < f.size(); ++row) {
        EXPECT_NEAR(jacobian[row][k], (f_plus[row] - f_minus[row]) / 2e-6, 1e-6)
            << name << " row " << row << " column " << k;
      }
    }
  }
}

// Entrant: out (0, 2) or in; incumbent: fight (-1, -1) or accommodate (1, 1). (out, fight)
// is a Nash equilibrium resting on a threat the incumbent would not carry out.
TEST(AgentLogitTest, NonCredibleThreatIsNotSelected) {
  const AnyGame game = ParseOrDie(R"(EFG 2 R "entry" { "Entrant" "Incumbent" } ""
p "" 1 1 "entrant" { "out" "in" } 0
t "" 1 "out" { 0, 2 }
p "" 2 1 "incumbent" { "fight" "accommodate" } 0
t "" 2 "fight" { -1, -1 }
t "" 3 "accommodate" { 1, 1 }
)");
  Result<Solution> pure = FindSolver("enumpure")->solve(game, {});
  ASSERT_TRUE(pure.ok());
  bool threat_is_nash = false;
  for (const Equilibrium& eq : pure->equilibria) {
    threat_is_nash |= eq.profile[0] == 1.0 && eq.profile[2] == 1.0;
  }
  EXPECT_TRUE(threat_is_nash);  // Nash ≠ SPE here
  const LogitResult limit = Trace(*AsExtensive(game));
  EXPECT_GE(limit.lambda, 1e6);
  EXPECT_NEAR(limit.profile[1], 1.0, 1e-6);  // in
  EXPECT_NEAR(limit.profile[3], 1.0, 1e-6);  // accommodate
}

// Perfect information: the largest loss, over all nodes (on and off the path), from the
// mover's mixing over actions that are not best given play below — 0 exactly at a
// subgame-perfect profile (one-shot deviation principle).
double MaxLocalRegret(const ExtensiveGame& game, const std::vector<double>& profile) {
  const int players = game.num_players();
  std::vector<double> value(static_cast<std::size_t>(game.num_nodes()) * players, 0.0);
  double worst = 0.0;
  for (NodeId id = game.num_nodes() - 1; id >= 0; --id) {
    const Node& node = game.node(id);
    double* here = &value[static_cast<std::size_t>(id) * players];
    if (node.outcome != kNoOutcome) {
      for (int p = 0; p < players; ++p) here[p] = game.outcomes()[node.outcome].payoffs[p].real();
    }
    if (node.is_terminal()) continue;
    const Infoset& infoset = game.infoset(node.infoset);
    double best = -1e300, mean = 0.0;
    for (int a = 0; a < node.num_children; ++a) {
      const double p = infoset.player == kChancePlayer
                           ? infoset.chance_probabilities[a].real()
                           : profile[game.action_index(node.infoset, a)];
      const double* below = &value[static_cast<std::size_t>(game.child(id, a)) * players];
      for (int i = 0; i < players; ++i) here[i] += p * below[i];
      if (infoset.player != kChancePlayer) {
        best = std::max(best, below[infoset.player]);
        mean += p * below[infoset.player];
      }
    }
    if (infoset.player != kChancePlayer) worst = std::max(worst, best - mean);
  }
  return worst;
}

TEST(AgentLogitTest, PerfectInformationLimitsAreSubgamePerfect) {
  int matched_spe = 0;
  for (const char* name :
       {"2_player_PI_2_dev_off_eq_path_const_sum.efg", "3_player_PI_2_dev_off_eq_path.efg",
        "3_player_PI_2_dev_off_eq_path_strict_dom_for_p1.efg",
        "3_player_perfect_info_1_move_each.efg", "badgame1.efg", "cent4.efg", "cent6.efg",
        "centcs10.efg", "nature_leaves_generic.efg", "nature_leaves_nongeneric.efg",
        "perfect_info_with_chance.efg", "perfect_recall.efg",
        "reduction_one_player_generic_payoffs.efg", "sample_extensive_game.efg",
        "two_player_perfect_info_win_lose.efg"}) {
    const AnyGame game = LoadGambitGame(name);
    const ExtensiveGame& tree = *AsExtensive(game);
    ASSERT_TRUE(tree.is_perfect_information()) << name;
    const LogitResult limit = Trace(tree);
    EXPECT_LT(MaxLocalRegret(tree, limit.profile), 1e-4) << name;
    // Where backward induction meets no tie the subgame-perfect equilibrium is unique.
    Result<Solution> spe = FindSolver("spe")->solve(game, {});
    ASSERT_TRUE(spe.ok()) << name;
    double distance = 0.0;
    for (std::size_t k = 0; k < limit.profile.size(); ++k) {
      distance = std::max(distance, std::fabs(limit.profile[k] - spe->equilibria[0].profile[k]));
    }
    if (distance < 1e-4) ++matched_spe;
  }
  EXPECT_GE(matched_spe, 9);  // the 9 files whose backward induction meets no tie
}

TEST(AgentLogitTest, LocalRegretSeparatesNashFromSubgamePerfect) {
  const AnyGame game = ParseOrDie(R"(EFG 2 R "entry" { "Entrant" "Incumbent" } ""
p "" 1 1 "entrant" { "out" "in" } 0
t "" 1 "out" { 0, 2 }
p "" 2 1 "incumbent" { "fight" "accommodate" } 0
t "" 2 "fight" { -1, -1 }
t "" 3 "accommodate" { 1, 1 }
)");
  const ExtensiveGame& tree = *AsExtensive(game);
  EXPECT_NEAR(MaxLocalRegret(tree, {1, 0, 1, 0}), 2.0, 1e-12);  // Nash, not subgame perfect
  EXPECT_NEAR(NashConv(tree, {1, 0, 1, 0}), 0.0, 1e-12);
  EXPECT_NEAR(MaxLocalRegret(tree, {0, 1, 0, 1}), 0.0, 1e-12);
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
      EXPECT_NEAR(Probability(*game, limit.profile, "challenger", 1), pbe.challenge, 1e-4)
          << prior << " " << audience;
      // Off the path when deterred, the defender's choices are still its best replies.
      EXPECT_NEAR(Probability(*game, limit.profile, "resolute defender", 0), pbe.resist_resolute,
                  1e-4);
      EXPECT_NEAR(Probability(*game, limit.profile, "irresolute defender", 0),
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
    EXPECT_NEAR(Probability(*game, limit.profile, "after threat", 1), pbe.press, 1e-3) << prior;
    EXPECT_NEAR(Probability(*game, limit.profile, "irresolute defender", 1),
                pbe.threaten_irresolute, 1e-3);
    EXPECT_NEAR(Probability(*game, limit.profile, "resolute pressed", 0), pbe.fight_resolute, 1e-3);
    EXPECT_NEAR(Probability(*game, limit.profile, "irresolute pressed", 0), pbe.fight_irresolute,
                1e-3);
    EXPECT_LT(NashConv(*game, limit.profile), 1e-4);
  }
}

TEST(AgentLogitTest, StrippedDownPokerReachesItsUniqueEquilibrium) {
  const AnyGame any = LoadGambitGame("stripped_down_poker.efg");
  const ExtensiveGame& game = *AsExtensive(any);
  const LogitResult limit = Trace(game);
  EXPECT_NEAR(Probability(game, limit.profile, "Alice has King", 0), 1.0, 1e-5);
  EXPECT_NEAR(Probability(game, limit.profile, "Alice has Queen", 0), 1.0 / 3, 1e-5);
  EXPECT_NEAR(Probability(game, limit.profile, "Bob's response", 0), 2.0 / 3, 1e-5);
  // The path starts at the centroid and stays a behaviour profile.
  ASSERT_GT(limit.path.size(), 10u);
  EXPECT_EQ(limit.path.front().lambda, 0.0);
  EXPECT_EQ(limit.path.front().profile, std::vector<double>(6, 0.5));
  for (const LogitPoint& point : limit.path) {
    EXPECT_NEAR(point.profile[0] + point.profile[1], 1.0, 1e-8);
  }
}

TEST(AgentLogitTest, LimitsAreNashOnGambitGames) {
  for (const char* name :
       {"poker.efg", "montyhal.efg", "condjury.efg", "bayes1a.efg", "cent2.efg", "3_player.efg",
        "2s2x2x2.efg", "sww1.efg", "e04.efg", "km1.efg", "work1.efg", "palf.efg", "holdout7.efg",
        "jury_mr.efg", "vd.efg", "w_ex1.efg", "tim.efg", "pvw.efg"}) {
    const AnyGame any = LoadGambitGame(name);
    const ExtensiveGame& game = *AsExtensive(any);
    Result<LogitResult> traced = TraceAgentLogitPath(game);
    ASSERT_TRUE(traced.ok()) << name << ": " << traced.errors()[0].ToString();
    EXPECT_LT(NashConv(game, traced->profile), 1e-4) << name;
  }
}

TEST(AgentLogitTest, StepLimitIsReportedNotAnError) {
  const AnyGame game = LoadGambitGame("poker.efg");
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
