#include "games/enumpure.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "games/test_games.h"

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

TEST(EnumPureTest, PrisonersDilemmaHasOnlyMutualDefection) {
  REDLINE_LOAD_TEST_GAME(pd, "prisoners_dilemma.nfg");
  EXPECT_EQ(GambitLines(pd), (std::vector<std::string>{"NE,0,1,0,1"}));
}

TEST(EnumPureTest, MatchingPenniesHasNone) {
  REDLINE_ASSERT_GAME(
      mp, testing::ParseInline("NFG 1 R \"mp\" { \"1\" \"2\" } { 2 2 }\n1 -1 -1 1 -1 1 1 -1\n"));
  EXPECT_TRUE(GambitLines(mp).empty());
  REDLINE_LOAD_TEST_GAME(cycle, "mixed_2x2.nfg");
  EXPECT_TRUE(GambitLines(cycle).empty());
}

TEST(EnumPureTest, CoordinationGamesInCellOrder) {
  REDLINE_LOAD_TEST_GAME(four, "coordination4.nfg");
  EXPECT_EQ(GambitLines(four),
            (std::vector<std::string>{"NE,1,0,0,0,1,0,0,0", "NE,0,1,0,0,0,1,0,0",
                                      "NE,0,0,1,0,0,0,1,0", "NE,0,0,0,1,0,0,0,1"}));
  REDLINE_LOAD_TEST_GAME(two, "coordination.nfg");
  EXPECT_EQ(GambitLines(two), (std::vector<std::string>{"NE,1,0,1,0", "NE,0,1,0,1"}));
}

TEST(EnumPureTest, ThreePlayersInCellOrder) {
  // Each player earns 2 per other player who differs, One earns 1 more for a. All-equal
  // profiles are not equilibria (a switch earns 4); of the two-against-one splits, those
  // where One is alone, or One picks a, are (the others' switches tie); (b,a,b) and
  // (b,b,a) are not (One earns 3 > 2 by switching to a). Cells 1, 2, 4, 6.
  REDLINE_LOAD_TEST_GAME(three, "three_player.nfg");
  EXPECT_EQ(GambitLines(three), (std::vector<std::string>{"NE,0,1,1,0,1,0", "NE,1,0,0,1,1,0",
                                                          "NE,1,0,1,0,0,1", "NE,1,0,0,1,0,1"}));
}

TEST(EnumPureTest, AllZeroGameMakesEveryProfileAnEquilibrium) {
  REDLINE_ASSERT_GAME(
      zero, testing::ParseInline("NFG 1 R \"zero\" { \"1\" \"2\" } { 2 2 }\n0 0 0 0 0 0 0 0\n"));
  EXPECT_EQ(GambitLines(zero).size(), 4u);
}

TEST(EnumPureTest, ExtensiveGameReportsBehaviourProfiles) {
  // Entry with an uncertain market (tests/games/entry_with_chance.efg). Strategic form:
  // entrant {out, in}, incumbent {fight/fight, fight/share, share/fight, share/share} (strong
  // market / weak market). Entering is worth -1 against fight/fight, 0 against fight/share
  // (a tie with out), 1/3 against share/fight and 4/3 against share/share; against out the
  // incumbent is indifferent. Equilibria in cell order: (out, f/f), (out, f/s), (in, s/f).
  REDLINE_LOAD_TEST_GAME(game, "entry_with_chance.efg");
  EXPECT_EQ(GambitLines(game),
            (std::vector<std::string>{"NE,1,0,1,0,1,0", "NE,1,0,1,0,0,1", "NE,0,1,0,1,1,0"}));
}

TEST(EnumPureTest, EveryEquilibriumOfEveryTestGameHasZeroNashConv) {
  for (const std::string& path : testing::GameFilesIn(testing::TestGameDir())) {
    SCOPED_TRACE(path);
    REDLINE_ASSERT_GAME(game, ReadGameFile(path));
    GambitLines(game);  // checks NashConv of each equilibrium
  }
}

}  // namespace
}  // namespace redline::games
