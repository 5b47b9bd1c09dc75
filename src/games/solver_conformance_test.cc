// One suite over every registered solver I own: valid profiles, reproducible results and
// small NashConv on games with known equilibria.
#include <gtest/gtest.h>

#include "games/game_file.h"
#include "games/library.h"
#include "games/solvers.h"
#include "games/test_games.h"

namespace redline::games {
namespace {

// The games written for the tests and the library games (the same over Gambit's corpus is
// in conformance/solvers_test.cc).
std::vector<AnyGame> ConformanceGames() {
  std::vector<AnyGame> games;
  for (const std::string& path : testing::GameFilesIn(testing::TestGameDir())) {
    Result<AnyGame> game = ReadGameFile(path);
    EXPECT_TRUE(game.ok()) << testing::LoadError(game);
    if (game.ok()) games.push_back(std::move(game).value());
  }
  for (const std::string& name : LibraryGameNames()) {
    Result<ExtensiveGame> game = MakeLibraryGame(name, {});
    EXPECT_TRUE(game.ok()) << name;
    if (game.ok()) games.push_back(AnyGame(std::move(game).value()));
  }
  return games;
}

// Probabilities are in [0, 1] and sum to 1 at every infoset / for every player.
void ExpectValidProfile(const AnyGame& game, const std::vector<double>& profile) {
  if (const ExtensiveGame* tree = AsExtensive(game)) {
    ASSERT_EQ(static_cast<int>(profile.size()), tree->num_actions());
    for (const Player& player : tree->players()) {
      for (InfosetId h : player.infosets) {
        double total = 0;
        for (int a = 0; a < tree->infoset(h).num_actions(); ++a) {
          const double p = profile[tree->action_index(h, a)];
          EXPECT_GE(p, 0.0);
          total += p;
        }
        EXPECT_NEAR(total, 1.0, 1e-9);
      }
    }
    return;
  }
  const NormalFormGame& normal = *AsNormalForm(game);
  ASSERT_EQ(static_cast<int>(profile.size()), normal.num_profile_entries());
  for (int i = 0; i < normal.num_players(); ++i) {
    double total = 0;
    for (int j = 0; j < normal.num_strategies(i); ++j)
      total += profile[normal.strategy_offset(i) + j];
    EXPECT_NEAR(total, 1.0, 1e-9);
  }
}

TEST(SolverConformanceTest, EveryApplicableSolverReturnsValidReproducibleEquilibria) {
  const std::vector<AnyGame> games = ConformanceGames();
  ASSERT_GE(games.size(), 12u);
  int runs = 0;
  for (const char* method : {"enummixed", "lcp", "logit", "cfr", "mccfr"}) {
    const SolverInfo* solver = FindSolver(method);
    ASSERT_NE(solver, nullptr) << method;
    const bool exact = std::string(method) == "enummixed" || std::string(method) == "lcp";
    for (const AnyGame& game : games) {
      if (!solver->applies(game).ok()) continue;
      SolverOptions options;
      options.max_iterations = std::string(method) == "mccfr" ? 20000 : 0;
      // enummixed on an extensive game enumerates its reduced strategic form, which for
      // brinkmanship is wildly degenerate (874 pure equilibria; Gambit 17 does not finish
      // either): bound the bases, and check what is found.
      if (std::string(method) == "enummixed" && IsExtensive(game)) options.max_iterations = 3000;
      options.seed = 3;
      Result<Solution> first = solver->solve(game, options);
      ASSERT_TRUE(first.ok()) << method << " on " << Title(game);
      Result<Solution> second = solver->solve(game, options);
      ASSERT_TRUE(second.ok());
      ASSERT_TRUE(!first->equilibria.empty() || first->hit_limit)
          << method << " on " << Title(game);
      ASSERT_EQ(first->equilibria.size(), second->equilibria.size());
      for (std::size_t k = 0; k < first->equilibria.size(); ++k) {
        const Equilibrium& eq = first->equilibria[k];
        EXPECT_EQ(eq.profile, second->equilibria[k].profile) << method;
        ExpectValidProfile(first->ProfileGame(game), eq.profile);
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

TEST(SolverConformanceTest, TwoPlayerSolversExplainWhyTheyDoNotApply) {
  REDLINE_LOAD_TEST_GAME(game, "three_player.nfg");
  for (const char* method : {"enummixed", "lcp"}) {
    Status status = FindSolver(method)->applies(game);
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.errors()[0].message.find("two-player"), std::string::npos) << method;
  }
}

}  // namespace
}  // namespace redline::games
