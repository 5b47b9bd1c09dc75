#include "games/spe.h"

#include <gtest/gtest.h>

#include "games/enumpure.h"
#include "games/test_games.h"

namespace redline::games {
namespace {

using testing::LoadGambitGame;

TEST(SpeTest, WinLoseGame) {
  const AnyGame game = LoadGambitGame("two_player_perfect_info_win_lose.efg");
  Result<Solution> solution = SolveSubgamePerfect(*AsExtensive(game));
  ASSERT_TRUE(solution.ok());
  ASSERT_EQ(solution->equilibria.size(), 1u);
  const Equilibrium& eq = solution->equilibria[0];
  // P2 after aL picks r; P1 picks R after a and L after b; P2 is indifferent at the root.
  EXPECT_EQ(FormatGambitLine(eq), "NE,0,1,1,0,1,0,0,1");
  EXPECT_EQ(eq.exact_payoffs, (std::vector<mpq_class>{1, -1}));
  EXPECT_DOUBLE_EQ(eq.nash_conv, 0.0);
}

TEST(SpeTest, ChanceNodesAreTakenInExpectation) {
  const AnyGame game = LoadGambitGame("perfect_info_with_chance.efg");
  Result<Solution> solution = SolveSubgamePerfect(*AsExtensive(game));
  ASSERT_TRUE(solution.ok());
  EXPECT_EQ(FormatGambitLine(solution->equilibria[0]), "NE,0,1,1,0,1,0");
  EXPECT_EQ(solution->equilibria[0].exact_payoffs, (std::vector<mpq_class>{-1, 1}));
}

TEST(SpeTest, NonTerminalOutcomesAccumulate) {
  const AnyGame game = testing::ParseOrDie(
      "EFG 2 R \"\" { \"A\" \"B\" }\n\"\"\n"
      "p \"\" 1 1 \"\" { \"stop\" \"go\" } 1 \"toll\" { -1, 0 }\n"
      "t \"\" 2 \"s\" { 0, 0 }\n"
      "p \"\" 2 1 \"\" { \"x\" \"y\" } 3 \"bonus\" { 3/2, 1 }\n"
      "t \"\" 4 \"x\" { 0, 2 }\nt \"\" 5 \"y\" { 5, 1 }\n");
  Result<Solution> solution = SolveSubgamePerfect(*AsExtensive(game));
  ASSERT_TRUE(solution.ok());
  // After go, B picks x (2+1 > 1+1): A gets -1 + 3/2 + 0 = 1/2 > -1 for stop.
  EXPECT_EQ(FormatGambitLine(solution->equilibria[0]), "NE,0,1,1,0");
  EXPECT_EQ(solution->equilibria[0].exact_payoffs, (std::vector<mpq_class>{mpq_class(1, 2), 3}));
}

TEST(SpeTest, SpeIsAlsoFoundByEnumPure) {
  for (const char* name : {"3_player_perfect_info_1_move_each.efg", "entry_accommodation.efg",
                           "3_player_PI_2_dev_off_eq_path.efg", "chance_in_middle.efg"}) {
    SCOPED_TRACE(name);
    const AnyGame game = LoadGambitGame(name);
    if (!AsExtensive(game)->is_perfect_information()) continue;
    Result<Solution> spe = SolveSubgamePerfect(*AsExtensive(game));
    ASSERT_TRUE(spe.ok());
    EXPECT_NEAR(spe->equilibria[0].nash_conv, 0.0, 1e-9);
  }
}

TEST(SpeTest, RefusesImperfectInformation) {
  const AnyGame game = LoadGambitGame("poker.efg");
  Status applies = SubgamePerfectApplies(game);
  ASSERT_FALSE(applies.ok());
  EXPECT_NE(applies.errors().front().message.find("spe needs a game of perfect information"),
            std::string::npos);
  EXPECT_FALSE(SolveSubgamePerfect(*AsExtensive(game)).ok());
  EXPECT_FALSE(SubgamePerfectApplies(AnyGame(LoadGambitGame("pd.nfg"))).ok());
}

}  // namespace
}  // namespace redline::games
