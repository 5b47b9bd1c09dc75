#include "games/sequence_form.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "games/game_file.h"
#include "games/library_games.h"
#include "games/solution.h"

namespace redline::games {
namespace {

// P(action) at the infoset labelled `label` in a behaviour profile.
double Probability(const ExtensiveGame& game, const std::vector<double>& profile,
                   const std::string& label, int action) {
  for (InfosetId h = 0; h < static_cast<int>(game.infosets().size()); ++h) {
    if (game.infoset(h).label == label) return profile[game.action_index(h, action)];
  }
  ADD_FAILURE() << "no infoset " << label;
  return -1;
}

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
      EXPECT_NEAR(Probability(*game, profile, "after threat", 1), pbe.press, 1e-12) << prior;
      EXPECT_NEAR(Probability(*game, profile, "resolute defender", 1), pbe.threaten_resolute,
                  1e-12);
      EXPECT_NEAR(Probability(*game, profile, "irresolute defender", 1), pbe.threaten_irresolute,
                  1e-12);
      EXPECT_NEAR(Probability(*game, profile, "resolute pressed", 0), pbe.fight_resolute, 1e-12);
      EXPECT_NEAR(Probability(*game, profile, "irresolute pressed", 0), pbe.fight_irresolute,
                  1e-12);
    }
  }
}

TEST(SequenceFormTest, GambitExtensiveGamesSolveWithZeroNashConv) {
  int solved = 0;
  for (const char* name : {"2smp.efg", "2_player_chance.efg", "2_player_non_zero_sum.efg",
                           "basic_extensive_game.efg", "bayes1a.efg", "cent2.efg"}) {
    Result<AnyGame> game =
        ReadGameFile(std::string(REDLINE_SHARED_DIR "/data/games/gambit/") + name);
    ASSERT_TRUE(game.ok()) << name;
    const ExtensiveGame* tree = AsExtensive(*game);
    ASSERT_NE(tree, nullptr);
    if (tree->num_players() != 2 || !tree->has_perfect_recall()) continue;
    Result<SequenceFormEquilibrium> eq = SolveSequenceForm(*tree);
    ASSERT_TRUE(eq.ok()) << name << ": " << eq.errors()[0].ToString();
    EXPECT_NEAR(ExactNashConv(*tree, eq->profile), 0.0, 1e-9) << name;
    ++solved;
  }
  EXPECT_GE(solved, 4);
}

// Lemke's path used to end on a secondary ray here from 8 rounds on (the equality rows
// were relaxed by the covering vector and free variables entered in either direction).
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
    const RationalMatrix& e = form->players[p].constraints;
    const RationalVector& plan = eq->realization[p];
    ASSERT_EQ(plan.size(), e[0].size());
    for (std::size_t row = 0; row < e.size(); ++row) {
      mpq_class sum = 0;
      for (std::size_t s = 0; s < plan.size(); ++s) sum += e[row][s] * plan[s];
      EXPECT_EQ(sum, row == 0 ? 1 : 0) << "player " << p << " row " << row;
    }
    for (const mpq_class& v : plan) EXPECT_GE(sgn(v), 0);
  }
}

// Every two-player perfect-recall .efg of the shared Gambit set (up to a size that keeps the
// suite fast) solves to an equilibrium.
TEST(SequenceFormTest, AllGambitTwoPlayerPerfectRecallGamesSolve) {
  constexpr int kMaxNodes = 2000;
  std::vector<std::string> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator(REDLINE_SHARED_DIR "/data/games/gambit")) {
    if (entry.path().extension() == ".efg") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  int solved = 0;
  for (const std::string& path : paths) {
    Result<AnyGame> game = ReadGameFile(path);
    ASSERT_TRUE(game.ok()) << path;
    const ExtensiveGame* tree = AsExtensive(*game);
    ASSERT_NE(tree, nullptr) << path;
    if (tree->num_players() != 2 || !tree->has_perfect_recall()) continue;
    if (tree->num_nodes() > kMaxNodes) continue;
    Result<SequenceFormEquilibrium> eq = SolveSequenceForm(*tree);
    ASSERT_TRUE(eq.ok()) << path << ": " << eq.errors()[0].ToString();
    ASSERT_FALSE(eq->hit_limit) << path;
    EXPECT_LE(ExactNashConv(*tree, eq->profile), 1e-9) << path;
    ++solved;
  }
  std::printf("solved %d Gambit games\n", solved);
  EXPECT_GE(solved, 40);
}

}  // namespace
}  // namespace redline::games
