#include "games/enumpure.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "games/test_games.h"

namespace redline::games {
namespace {

using testing::LoadGambitGame;

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
  EXPECT_EQ(GambitLines(LoadGambitGame("pd.nfg")), (std::vector<std::string>{"NE,0,1,0,1"}));
}

TEST(EnumPureTest, MatchingPenniesHasNone) {
  const AnyGame mp =
      testing::ParseOrDie("NFG 1 R \"mp\" { \"1\" \"2\" } { 2 2 }\n1 -1 -1 1 -1 1 1 -1\n");
  EXPECT_TRUE(GambitLines(mp).empty());
}

TEST(EnumPureTest, CoordinationGamesInCellOrder) {
  EXPECT_EQ(GambitLines(LoadGambitGame("coord4.nfg")),
            (std::vector<std::string>{"NE,1,0,0,0,1,0,0,0", "NE,0,1,0,0,0,1,0,0",
                                      "NE,0,0,1,0,0,0,1,0", "NE,0,0,0,1,0,0,0,1"}));
  EXPECT_EQ(GambitLines(LoadGambitGame("coordination_4x4_outcome.nfg")).size(), 4u);
}

TEST(EnumPureTest, KnownCountsFromTheGameTitles) {
  EXPECT_EQ(GambitLines(LoadGambitGame("3x3x3.nfg")).size(), 2u);  // "two pure"
  EXPECT_EQ(GambitLines(LoadGambitGame("8x8.nfg")).size(), 3u);    // "3 pure"
  // Local max cut: pure equilibria a-b-a and b-a-b, in cell order.
  EXPECT_EQ(GambitLines(LoadGambitGame("2x2x2_nfg_from_local_max_cut_2_pure_1_mixed_eq.nfg")),
            (std::vector<std::string>{"NE,1,0,0,1,1,0", "NE,0,1,1,0,0,1"}));
}

TEST(EnumPureTest, AllZeroGameMakesEveryProfileAnEquilibrium) {
  EXPECT_EQ(GambitLines(LoadGambitGame("2x2_bimatrix_all_zero_payoffs.nfg")).size(), 4u);
}

TEST(EnumPureTest, ExtensiveGameReportsBehaviourProfiles) {
  // Reduced strategic form: P1 {L/L, L/R, R/L, R/R}, P2 {a/l, a/r, b/*}; R/L wins whatever
  // P2 does, so three equilibria, in cell order; P2's unreached infoset under b/* is all 0.
  EXPECT_EQ(
      GambitLines(LoadGambitGame("two_player_perfect_info_win_lose.efg")),
      (std::vector<std::string>{"NE,0,1,1,0,1,0,1,0", "NE,0,1,1,0,1,0,0,1", "NE,0,1,1,0,0,1,0,0"}));
}

TEST(EnumPureTest, EveryEquilibriumOfEveryShippedGameHasZeroNashConv) {
  for (const char* name : {"e04.efg", "cent2.efg", "sww1.efg", "montyhal.efg", "bcp2.efg",
                           "entry_accommodation.efg", "2x2x2.nfg", "yamamoto.nfg"}) {
    SCOPED_TRACE(name);
    GambitLines(LoadGambitGame(name));  // checks NashConv of each equilibrium
  }
}

}  // namespace
}  // namespace redline::games
