#include "games/spe.h"

#include <gtest/gtest.h>

#include "games/enumpure.h"
#include "games/library.h"
#include "games/test_games.h"

namespace redline::games {
namespace {

TEST(SpeTest, ChanceNodesAreTakenInExpectation) {
  // tests/games/entry_with_chance.efg: share in a strong market (2 > 1), fight in a weak one
  // (1 > 0); entering is worth 1/3 * 2 + 2/3 * (-1/2) = 1/3 > 0; the incumbent gets
  // 1/3 * 2 + 2/3 * 1 = 4/3.
  REDLINE_LOAD_TEST_GAME(game, "entry_with_chance.efg");
  REDLINE_ASSERT_EXTENSIVE(tree, game);
  Result<Solution> solution = SolveSubgamePerfect(tree);
  ASSERT_TRUE(solution.ok());
  ASSERT_EQ(solution->equilibria.size(), 1u);
  const Equilibrium& eq = solution->equilibria[0];
  EXPECT_EQ(FormatGambitLine(eq), "NE,0,1,0,1,1,0");
  EXPECT_EQ(eq.exact_payoffs, (std::vector<mpq_class>{mpq_class(1, 3), mpq_class(4, 3)}));
  EXPECT_DOUBLE_EQ(eq.nash_conv, 0.0);
}

TEST(SpeTest, NonTerminalOutcomesAccumulate) {
  REDLINE_ASSERT_GAME(
      game, testing::ParseInline("EFG 2 R \"\" { \"A\" \"B\" }\n\"\"\n"
                                 "p \"\" 1 1 \"\" { \"stop\" \"go\" } 1 \"toll\" { -1, 0 }\n"
                                 "t \"\" 2 \"s\" { 0, 0 }\n"
                                 "p \"\" 2 1 \"\" { \"x\" \"y\" } 3 \"bonus\" { 3/2, 1 }\n"
                                 "t \"\" 4 \"x\" { 0, 2 }\nt \"\" 5 \"y\" { 5, 1 }\n"));
  REDLINE_ASSERT_EXTENSIVE(tree, game);
  Result<Solution> solution = SolveSubgamePerfect(tree);
  ASSERT_TRUE(solution.ok());
  // After go, B picks x (2+1 > 1+1): A gets -1 + 3/2 + 0 = 1/2 > -1 for stop.
  EXPECT_EQ(FormatGambitLine(solution->equilibria[0]), "NE,0,1,1,0");
  EXPECT_EQ(solution->equilibria[0].exact_payoffs, (std::vector<mpq_class>{mpq_class(1, 2), 3}));
}

// enumpure works on the reduced strategic form, so an infoset the player's own earlier move
// makes unreachable is left unspecified (all 0); elsewhere the profiles must agree.
bool AgreesWhereSpecified(const ExtensiveGame& game, const std::vector<double>& pure,
                          const std::vector<double>& spe) {
  for (const Infoset& infoset : game.infosets()) {
    if (infoset.player == kChancePlayer) continue;
    double total = 0;
    for (int a = 0; a < infoset.num_actions(); ++a) total += pure[infoset.first_action_index + a];
    if (total == 0) continue;
    for (int a = 0; a < infoset.num_actions(); ++a) {
      if (pure[infoset.first_action_index + a] != spe[infoset.first_action_index + a]) return false;
    }
  }
  return true;
}

TEST(SpeTest, SpeIsAlsoFoundByEnumPure) {
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
    SCOPED_TRACE(Title(game));
    REDLINE_ASSERT_EXTENSIVE(tree, game);
    Result<Solution> spe = SolveSubgamePerfect(tree);
    ASSERT_TRUE(spe.ok());
    EXPECT_NEAR(spe->equilibria[0].nash_conv, 0.0, 1e-9);
    Result<Solution> pure = EnumeratePureEquilibria(game);
    ASSERT_TRUE(pure.ok()) << pure.errors()[0].ToString();
    bool found = false;
    for (const Equilibrium& eq : pure->equilibria) {
      found |= AgreesWhereSpecified(tree, eq.profile, spe->equilibria[0].profile);
    }
    EXPECT_TRUE(found) << FormatGambitLine(spe->equilibria[0]);
  }
}

TEST(SpeTest, RefusesImperfectInformation) {
  REDLINE_LOAD_TEST_GAME(game, "one_card_poker.efg");
  Status applies = SubgamePerfectApplies(game);
  ASSERT_FALSE(applies.ok());
  EXPECT_NE(applies.errors().front().message.find("spe needs a game of perfect information"),
            std::string::npos);
  EXPECT_FALSE(SolveSubgamePerfect(*AsExtensive(game)).ok());
  REDLINE_LOAD_TEST_GAME(pd, "prisoners_dilemma.nfg");
  EXPECT_FALSE(SubgamePerfectApplies(pd).ok());
}

}  // namespace
}  // namespace redline::games
