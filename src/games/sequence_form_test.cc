#include "games/sequence_form.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace redline::games
