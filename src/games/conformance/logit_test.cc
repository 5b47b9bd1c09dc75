// logit on Gambit's example corpus (corpus.h: run when REDLINE_GAMBIT_CORPUS names it).
// Every result is checked independently of the tracer: the regret of the returned profile
// is recomputed from the game (best responses by brute force over pure strategies for normal
// forms, and by the tree for extensive games).
#include "games/logit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "games/conformance/corpus.h"
#include "games/solvers.h"
#include "games/strategy.h"

namespace redline::games {
namespace {

using conformance::CorpusDir;

Result<AnyGame> Read(const std::string& name) { return conformance::ReadCorpusGame(name); }

Result<Solution> Logit(const AnyGame& game) { return FindSolver("logit")->solve(game, {}); }

// Largest payoff minus smallest, as Gambit scales its regret tolerance.
double PayoffRange(const AnyGame& game) {
  double low = 0, high = 0;
  if (const ExtensiveGame* tree = AsExtensive(game)) {
    for (const Outcome& outcome : tree->outcomes()) {
      for (const Number& payoff : outcome.payoffs) {
        low = std::min(low, payoff.real());
        high = std::max(high, payoff.real());
      }
    }
  } else {
    const NormalFormGame& normal = *AsNormalForm(game);
    for (int64_t cell = 0; cell < normal.num_cells(); ++cell) {
      for (int i = 0; i < normal.num_players(); ++i) {
        low = std::min(low, normal.payoff(cell, i));
        high = std::max(high, normal.payoff(cell, i));
      }
    }
  }
  return high > low ? high - low : 1.0;
}

TEST(LogitCorpusConformance, EveryLimitIsAnEquilibrium) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  int solved = 0;
  for (const std::string& path : testing::GameFilesIn(CorpusDir())) {
    const std::string name = std::filesystem::path(path).filename().string();
    Result<AnyGame> game = Read(name);
    ASSERT_TRUE(game.ok()) << name;
    if (!FindSolver("logit")->applies(*game).ok()) continue;  // no player moves
    Result<Solution> solution = Logit(*game);
    ASSERT_TRUE(solution.ok()) << name << ": " << solution.errors().front().message;
    ASSERT_EQ(solution->equilibria.size(), 1u);
    const std::vector<double>& profile = solution->equilibria[0].profile;
    // NashConv recomputed here (strategy.h's best responses), relative to the payoffs.
    const double nash_conv = AsExtensive(*game) != nullptr
                                 ? NashConv(*AsExtensive(*game), profile)
                                 : NashConv(*AsNormalForm(*game), profile);
    EXPECT_LT(nash_conv, 1e-5 * PayoffRange(*game)) << name;
    ++solved;
  }
  EXPECT_GE(solved, 150);
}

TEST(LogitCorpusConformance, BranchesThatBendBackAreFollowed) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  // loopback.nfg is McKelvey's backward-bending example: the branch turns back near λ 1.349
  // and again near 1.324, then reaches (2, 1) for row, (1, 0) for column — Gambit's answer.
  Result<AnyGame> loopback = Read("loopback.nfg");
  ASSERT_TRUE(loopback.ok());
  Result<Solution> solution = Logit(*loopback);
  ASSERT_TRUE(solution.ok());
  ASSERT_EQ(solution->turning_points.size(), 2u);
  EXPECT_NEAR(solution->turning_points[0].lambda, 1.3494, 1e-3);
  EXPECT_NEAR(solution->turning_points[1].lambda, 1.3242, 1e-3);
  const std::vector<double>& profile = solution->equilibria[0].profile;
  EXPECT_NEAR(profile[1], 1.0, 1e-6);
  EXPECT_NEAR(profile[2], 1.0, 1e-6);
  // winkels.nfg (Winkels' degenerate game) has a steep stretch early on the branch.
  Result<AnyGame> winkels = Read("winkels.nfg");
  ASSERT_TRUE(winkels.ok());
  Result<Solution> steep = Logit(*winkels);
  ASSERT_TRUE(steep.ok());
  EXPECT_TRUE(steep->bifurcations.empty());
  EXPECT_LT(steep->equilibria[0].nash_conv, 1e-6);
}

TEST(LogitCorpusConformance, SymmetricBranchesBifurcateAndSaySo) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  for (const char* name : {"sh3.nfg", "sh3.efg", "w_ex1.efg", "w_ex2.efg", "sww3.efg",
                           "non_const_sum_game.nfg", "2s2x2x2.efg", "artist2.efg"}) {
    Result<AnyGame> game = Read(name);
    ASSERT_TRUE(game.ok()) << name;
    Result<Solution> solution = Logit(*game);
    ASSERT_TRUE(solution.ok()) << name;
    EXPECT_FALSE(solution->bifurcations.empty()) << name;
    bool noted = false;
    for (const std::string& note : solution->notes) {
      noted |= note.find("bifurcated") != std::string::npos &&
               note.find("straight through") != std::string::npos;
    }
    EXPECT_TRUE(noted) << name;
  }
}

TEST(LogitCorpusConformance, NonTerminalOutcomesSolveLikeTheirTerminalForm) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  // The same game written with outcomes at non-terminal nodes: the same limit.
  Result<AnyGame> plain = Read("3_player.efg");
  Result<AnyGame> nonterm = Read("3_player_with_nonterm_outcomes.efg");
  ASSERT_TRUE(plain.ok() && nonterm.ok());
  Result<Solution> a = Logit(*plain);
  Result<Solution> b = Logit(*nonterm);
  ASSERT_TRUE(a.ok()) << a.errors().front().message;
  ASSERT_TRUE(b.ok()) << b.errors().front().message;
  ASSERT_EQ(a->equilibria[0].profile.size(), b->equilibria[0].profile.size());
  for (std::size_t k = 0; k < a->equilibria[0].profile.size(); ++k) {
    EXPECT_NEAR(a->equilibria[0].profile[k], b->equilibria[0].profile[k], 1e-6) << k;
  }
}

}  // namespace
}  // namespace redline::games
