// Conformance: the solvers on Gambit's example corpus — known equilibrium counts and lines,
// zero NashConv for the exact methods, logit limits that are Nash (and subgame perfect under
// perfect information), the sequence-form LCP on every small two-player perfect-recall tree.
#include "games/solvers.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "games/agent_logit_system.h"
#include "games/cfr.h"
#include "games/conformance/corpus.h"
#include "games/enumpure.h"
#include "games/game_file.h"
#include "games/library.h"
#include "games/logit.h"
#include "games/sequence_form.h"
#include "games/solution.h"
#include "games/spe.h"

namespace redline::games {
namespace {

std::vector<std::string> GambitLines(const AnyGame& game) {
  Result<Solution> solution = EnumeratePureEquilibria(game);
  EXPECT_TRUE(solution.ok());
  std::vector<std::string> lines;
  if (!solution.ok()) return lines;
  for (const Equilibrium& eq : solution->equilibria) {
    EXPECT_NEAR(eq.nash_conv, 0.0, 1e-9) << FormatGambitLine(eq);
    lines.push_back(FormatGambitLine(eq));
  }
  return lines;
}

TEST(EnumPureConformance, CoordinationGamesInCellOrder) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  REDLINE_LOAD_CORPUS_GAME(coord4, "coord4.nfg");
  EXPECT_EQ(GambitLines(coord4),
            (std::vector<std::string>{"NE,1,0,0,0,1,0,0,0", "NE,0,1,0,0,0,1,0,0",
                                      "NE,0,0,1,0,0,0,1,0", "NE,0,0,0,1,0,0,0,1"}));
  REDLINE_LOAD_CORPUS_GAME(outcome, "coordination_4x4_outcome.nfg");
  EXPECT_EQ(GambitLines(outcome).size(), 4u);
}

TEST(EnumPureConformance, KnownCountsFromTheGameTitles) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  REDLINE_LOAD_CORPUS_GAME(three, "3x3x3.nfg");
  EXPECT_EQ(GambitLines(three).size(), 2u);  // "two pure"
  REDLINE_LOAD_CORPUS_GAME(eight, "8x8.nfg");
  EXPECT_EQ(GambitLines(eight).size(), 3u);  // "3 pure"
  // Local max cut: pure equilibria a-b-a and b-a-b, in cell order.
  REDLINE_LOAD_CORPUS_GAME(cut, "2x2x2_nfg_from_local_max_cut_2_pure_1_mixed_eq.nfg");
  EXPECT_EQ(GambitLines(cut), (std::vector<std::string>{"NE,1,0,0,1,1,0", "NE,0,1,1,0,0,1"}));
  REDLINE_LOAD_CORPUS_GAME(zero, "2x2_bimatrix_all_zero_payoffs.nfg");
  EXPECT_EQ(GambitLines(zero).size(), 4u);
}

TEST(EnumPureConformance, ExtensiveGameReportsBehaviourProfiles) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  // Reduced strategic form: P1 {L/L, L/R, R/L, R/R}, P2 {a/l, a/r, b/*}; R/L wins whatever
  // P2 does, so three equilibria, in cell order; P2's unreached infoset under b/* is all 0.
  REDLINE_LOAD_CORPUS_GAME(game, "two_player_perfect_info_win_lose.efg");
  EXPECT_EQ(GambitLines(game), (std::vector<std::string>{"NE,0,1,1,0,1,0,1,0", "NE,0,1,1,0,1,0,0,1",
                                                         "NE,0,1,1,0,0,1,0,0"}));
}

TEST(EnumPureConformance, EveryEquilibriumHasZeroNashConv) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  for (const char* name : {"e04.efg", "cent2.efg", "sww1.efg", "montyhal.efg", "bcp2.efg",
                           "entry_accommodation.efg", "2x2x2.nfg", "yamamoto.nfg"}) {
    SCOPED_TRACE(name);
    REDLINE_LOAD_CORPUS_GAME(game, name);
    GambitLines(game);  // checks NashConv of each equilibrium
  }
}

TEST(SpeConformance, WinLoseGame) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  REDLINE_LOAD_CORPUS_GAME(game, "two_player_perfect_info_win_lose.efg");
  REDLINE_ASSERT_EXTENSIVE(tree, game);
  Result<Solution> solution = SolveSubgamePerfect(tree);
  ASSERT_TRUE(solution.ok());
  ASSERT_EQ(solution->equilibria.size(), 1u);
  const Equilibrium& eq = solution->equilibria[0];
  // P2 after aL picks r; P1 picks R after a and L after b; P2 is indifferent at the root.
  EXPECT_EQ(FormatGambitLine(eq), "NE,0,1,1,0,1,0,0,1");
  EXPECT_EQ(eq.exact_payoffs, (std::vector<mpq_class>{1, -1}));
  EXPECT_DOUBLE_EQ(eq.nash_conv, 0.0);
}

TEST(SpeConformance, ChanceNodesAreTakenInExpectation) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  REDLINE_LOAD_CORPUS_GAME(game, "perfect_info_with_chance.efg");
  REDLINE_ASSERT_EXTENSIVE(tree, game);
  Result<Solution> solution = SolveSubgamePerfect(tree);
  ASSERT_TRUE(solution.ok());
  EXPECT_EQ(FormatGambitLine(solution->equilibria[0]), "NE,0,1,1,0,1,0");
  EXPECT_EQ(solution->equilibria[0].exact_payoffs, (std::vector<mpq_class>{-1, 1}));
}

TEST(SpeConformance, SpeHasZeroNashConv) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  for (const char* name : {"3_player_perfect_info_1_move_each.efg", "entry_accommodation.efg",
                           "3_player_PI_2_dev_off_eq_path.efg", "chance_in_middle.efg"}) {
    SCOPED_TRACE(name);
    REDLINE_LOAD_CORPUS_GAME(game, name);
    REDLINE_ASSERT_EXTENSIVE(tree, game);
    if (!tree.is_perfect_information()) continue;
    Result<Solution> spe = SolveSubgamePerfect(tree);
    ASSERT_TRUE(spe.ok());
    EXPECT_NEAR(spe->equilibria[0].nash_conv, 0.0, 1e-9);
  }
}

double ExactNashConv(const ExtensiveGame& game, const ExactBehaviorProfile& profile) {
  return NashConv(game, ToDoubles(profile));
}

TEST(SequenceFormConformance, NamedExtensiveGamesSolveWithZeroNashConv) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  int solved = 0;
  for (const char* name : {"2smp.efg", "2_player_chance.efg", "2_player_non_zero_sum.efg",
                           "basic_extensive_game.efg", "bayes1a.efg", "cent2.efg"}) {
    REDLINE_LOAD_CORPUS_GAME(game, name);
    REDLINE_ASSERT_EXTENSIVE(tree, game);
    if (tree.num_players() != 2 || !tree.has_perfect_recall()) continue;
    Result<SequenceFormEquilibrium> eq = SolveSequenceForm(tree);
    ASSERT_TRUE(eq.ok()) << name << ": " << eq.errors()[0].ToString();
    EXPECT_NEAR(ExactNashConv(tree, eq->profile), 0.0, 1e-9) << name;
    ++solved;
  }
  EXPECT_GE(solved, 4);
}

// Every two-player perfect-recall .efg of the corpus (up to a size that keeps the suite
// fast) solves to an equilibrium.
TEST(SequenceFormConformance, AllTwoPlayerPerfectRecallGamesSolve) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  constexpr int kMaxNodes = 2000;
  int solved = 0;
  for (const std::string& path : testing::GameFilesIn(conformance::CorpusDir())) {
    if (!path.ends_with(".efg")) continue;
    REDLINE_ASSERT_GAME(game, ReadGameFile(path));
    REDLINE_ASSERT_EXTENSIVE(tree, game);
    if (tree.num_players() != 2 || !tree.has_perfect_recall()) continue;
    if (tree.num_nodes() > kMaxNodes) continue;
    Result<SequenceFormEquilibrium> eq = SolveSequenceForm(tree);
    ASSERT_TRUE(eq.ok()) << path << ": " << eq.errors()[0].ToString();
    ASSERT_FALSE(eq->hit_limit) << path;
    EXPECT_LE(ExactNashConv(tree, eq->profile), 1e-9) << path;
    ++solved;
  }
  std::printf("solved %d Gambit games\n", solved);
  EXPECT_GE(solved, 40);
}

TEST(SequenceFormConformance, PokerMatchesGambitsLine) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  REDLINE_LOAD_CORPUS_GAME(game, "poker.efg");
  Result<Solution> solution = FindSolver("lcp")->solve(game, {});
  ASSERT_TRUE(solution.ok()) << solution.errors()[0].ToString();
  ASSERT_EQ(solution->equilibria.size(), 1u);
  EXPECT_EQ(FormatGambitLine(solution->equilibria[0]), "NE,1,0,1/3,2/3,2/3,1/3");
}

TEST(CfrConformance, CfrPlusSolvesZeroSumPoker) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  for (const char* name :
       {"stripped_down_poker.efg", "zerosum_efg_from_sequence_form_STOC94_paper.efg"}) {
    REDLINE_LOAD_CORPUS_GAME(any, name);
    REDLINE_ASSERT_EXTENSIVE(game, any);
    CfrOptions options;
    options.max_iterations = 5000;
    options.tolerance = 1e-3;
    const CfrResult result = SolveCfrPlus(game, options);
    EXPECT_TRUE(result.converged) << name;
    EXPECT_LE(NashConv(game, result.average), 1e-3) << name;
    ASSERT_FALSE(result.checkpoints.empty());
  }
}

TEST(LogitConformance, NormalFormLimitsAreNash) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  for (const char* name :
       {"2x2a.nfg", "pd.nfg", "3x3x3.nfg", "2x2x2.nfg", "8x8.nfg", "coord4.nfg"}) {
    REDLINE_LOAD_CORPUS_GAME(any, name);
    REDLINE_ASSERT_NORMAL_FORM(game, any);
    Result<LogitResult> path = TraceLogitPath(game);
    ASSERT_TRUE(path.ok()) << name << ": " << path.errors()[0].ToString();
    EXPECT_LT(NashConv(game, path->profile), 1e-4) << name;
  }
}

TEST(AgentLogitConformance, JacobianMatchesFiniteDifferences) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  for (const char* name : {"poker.efg", "3_player_with_nonterm_outcomes.efg", "montyhal.efg",
                           "chance_in_middle_with_nonterm_outcomes.efg"}) {
    REDLINE_LOAD_CORPUS_GAME(any, name);
    REDLINE_ASSERT_EXTENSIVE(game, any);
    AgentLogitSystem system(game);
    std::vector<double> x = system.Start();
    for (std::size_t k = 0; k < x.size(); ++k) x[k] += 0.3 * std::sin(1.7 * k + 0.4);
    x.back() = 2.5;
    testing::ExpectJacobianMatchesFiniteDifferences(system, x, name);
  }
}

TEST(AgentLogitConformance, LimitsAreNash) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  for (const char* name :
       {"poker.efg", "montyhal.efg", "condjury.efg", "bayes1a.efg", "cent2.efg", "3_player.efg",
        "2s2x2x2.efg", "sww1.efg", "e04.efg", "km1.efg", "work1.efg", "palf.efg", "holdout7.efg",
        "jury_mr.efg", "vd.efg", "w_ex1.efg", "tim.efg", "pvw.efg"}) {
    REDLINE_LOAD_CORPUS_GAME(any, name);
    REDLINE_ASSERT_EXTENSIVE(game, any);
    Result<LogitResult> traced = TraceAgentLogitPath(game);
    ASSERT_TRUE(traced.ok()) << name << ": " << traced.errors()[0].ToString();
    EXPECT_LT(NashConv(game, traced->profile), 1e-4) << name;
  }
}

TEST(AgentLogitConformance, PerfectInformationLimitsAreSubgamePerfect) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  int matched_spe = 0;
  for (const char* name :
       {"2_player_PI_2_dev_off_eq_path_const_sum.efg", "3_player_PI_2_dev_off_eq_path.efg",
        "3_player_PI_2_dev_off_eq_path_strict_dom_for_p1.efg",
        "3_player_perfect_info_1_move_each.efg", "badgame1.efg", "cent4.efg", "cent6.efg",
        "centcs10.efg", "nature_leaves_generic.efg", "nature_leaves_nongeneric.efg",
        "perfect_info_with_chance.efg", "perfect_recall.efg",
        "reduction_one_player_generic_payoffs.efg", "sample_extensive_game.efg",
        "two_player_perfect_info_win_lose.efg"}) {
    REDLINE_LOAD_CORPUS_GAME(game, name);
    REDLINE_ASSERT_EXTENSIVE(tree, game);
    ASSERT_TRUE(tree.is_perfect_information()) << name;
    Result<LogitResult> limit = TraceAgentLogitPath(tree);
    ASSERT_TRUE(limit.ok()) << name << ": " << limit.errors()[0].ToString();
    EXPECT_LT(testing::MaxLocalRegret(tree, limit->profile), 1e-4) << name;
    // Where backward induction meets no tie the subgame-perfect equilibrium is unique.
    Result<Solution> spe = FindSolver("spe")->solve(game, {});
    ASSERT_TRUE(spe.ok()) << name;
    double distance = 0.0;
    for (std::size_t k = 0; k < limit->profile.size(); ++k) {
      distance = std::max(distance, std::fabs(limit->profile[k] - spe->equilibria[0].profile[k]));
    }
    if (distance < 1e-4) ++matched_spe;
  }
  EXPECT_GE(matched_spe, 9);  // the 9 files whose backward induction meets no tie
}

// Every applicable solver on a set of corpus games: valid, reproducible, small NashConv.
TEST(SolverConformance, EveryApplicableSolverOnCorpusGames) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  std::vector<AnyGame> games;
  for (const char* name : {"2x2.nfg", "2x2a.nfg", "pd.nfg", "coord4.nfg", "8x8.nfg", "3x3x3.nfg",
                           "stripped_down_poker.efg", "2smp.efg", "3_player.efg"}) {
    REDLINE_LOAD_CORPUS_GAME(game, name);
    games.push_back(game);
  }
  int runs = 0;
  for (const char* method : {"enummixed", "lcp", "logit", "cfr", "mccfr"}) {
    const SolverInfo* solver = FindSolver(method);
    ASSERT_NE(solver, nullptr) << method;
    const bool exact = std::string(method) == "enummixed" || std::string(method) == "lcp";
    for (const AnyGame& game : games) {
      if (!solver->applies(game).ok()) continue;
      SolverOptions options;
      options.max_iterations = std::string(method) == "mccfr" ? 20000 : 0;
      options.seed = 3;
      Result<Solution> first = solver->solve(game, options);
      ASSERT_TRUE(first.ok()) << method << " on " << Title(game);
      Result<Solution> second = solver->solve(game, options);
      ASSERT_TRUE(second.ok());
      ASSERT_FALSE(first->equilibria.empty()) << method << " on " << Title(game);
      ASSERT_EQ(first->equilibria.size(), second->equilibria.size());
      for (std::size_t k = 0; k < first->equilibria.size(); ++k) {
        const Equilibrium& eq = first->equilibria[k];
        EXPECT_EQ(eq.profile, second->equilibria[k].profile) << method;
        if (exact) {
          EXPECT_NEAR(eq.nash_conv, 0.0, 1e-9) << method << " on " << Title(game);
        }
        if (std::string(method) == "logit") {
          EXPECT_LT(eq.nash_conv, 1e-4) << Title(game);
        }
      }
      ++runs;
    }
  }
  EXPECT_GE(runs, 20);
}

}  // namespace
}  // namespace redline::games
