// One suite over every registered solver I own: valid profiles, reproducible results and
// small NashConv on games with known equilibria.
#include <gtest/gtest.h>

#include "games/game_file.h"
#include "games/library.h"
#include "games/solvers.h"

namespace redline::games {
namespace {

std::vector<AnyGame> ConformanceGames() {
  std::vector<AnyGame> games;
  for (const char* name : {"2x2.nfg", "2x2a.nfg", "pd.nfg", "coord4.nfg", "8x8.nfg", "3x3x3.nfg",
                           "stripped_down_poker.efg", "2smp.efg", "3_player.efg"}) {
    Result<AnyGame> game =
        ReadGameFile(std::string(REDLINE_SHARED_DIR "/data/games/gambit/") + name);
    EXPECT_TRUE(game.ok()) << name;
    if (game.ok()) games.push_back(std::move(game).value());
  }
  for (const std::string& name : LibraryGameNames()) {
    games.push_back(AnyGame(std::move(MakeLibraryGame(name, {})).value()));
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
        ExpectValidProfile(game, eq.profile);
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
  Result<AnyGame> game = ReadGameFile(REDLINE_SHARED_DIR "/data/games/gambit/3x3x3.nfg");
  ASSERT_TRUE(game.ok());
  for (const char* method : {"enummixed", "lcp"}) {
    Status status = FindSolver(method)->applies(*game);
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.errors()[0].message.find("two-player"), std::string::npos) << method;
  }
}

}  // namespace
}  // namespace redline::games
