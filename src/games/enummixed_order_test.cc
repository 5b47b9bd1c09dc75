// enummixed lists equilibria in gambit-enummixed's order (GambitVertexRanks and
// EnumerateLabelledVertices in enummixed_vertices.h), on a non-degenerate game (the fast
// path in doubles) and on a degenerate one (the exact search).
// The expected lines are gambit-enummixed 17.0.0-alpha.2's output on the same game,
// recorded by hand.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "games/game_file.h"
#include "games/solvers.h"

namespace redline::games {
namespace {

// bench/bench_games's random_8.nfg (payoffs 0..99 from a fixed seed): non-degenerate, 296
// and 371 vertices, 9 extreme equilibria.
constexpr const char* kRandom8 =
    "NFG 1 R \"random 8x8\" { \"1\" \"2\" } { 8 8 }\n\n"
    "6 63 26 84 85 7 97 96 99 62 98 12 62 68 75 24 72 58 41 12 34 99 32 20 59 65 39 83 49 26 "
    "95 69 68 51 56 13 32 0 18 45 42 55 76 58 85 64 33 71 61 1 75 27 76 29 14 75 11 1 48 45 "
    "25 11 82 25 80 3 60 43 97 34 6 75 60 77 53 54 92 51 42 62 70 18 25 96 57 26 98 25 82 80 "
    "31 38 44 38 57 82 33 49 56 43 21 69 58 42 79 6 0 37 92 50 61 62 75 62 76 38 71 46 68 92 "
    "25 82 6 28 59 51 21 53\n";

TEST(EnumMixedOrderTest, NonDegenerateGameInGambitsOrder) {
  Result<AnyGame> game = ParseGame(kRandom8, "random_8.nfg");
  ASSERT_TRUE(game.ok()) << game.errors()[0].ToString();
  Result<Solution> solution = FindSolver("enummixed")->solve(*game, {});
  ASSERT_TRUE(solution.ok());
  std::vector<std::string> lines;
  for (const Equilibrium& eq : solution->equilibria) lines.push_back(FormatGambitLine(eq));
  const std::vector<std::string> gambit = {
      "NE,1424/1685,103/1685,158/1685,0,0,0,0,0,27/335,53/670,0,0,0,0,0,563/670",
      "NE,15564/91321,27310/91321,34084/91321,14363/91321,0,0,0,0,4786/48719,129/1133,0,0,0,0,"
      "3441/97438,73331/97438",
      "NE,0,0,4/43,39/43,0,0,0,0,1/5,0,0,0,0,0,0,4/5",
      "NE,0,1858/5431,2320/5431,1253/5431,0,0,0,0,29/301,0,0,0,0,0,117/3010,2603/3010",
      "NE,0,0,0,5/6,1/6,0,0,0,43/45,0,0,0,0,0,0,2/45",
      "NE,0,0,0,0,0,2/25,23/25,0,1/5,0,4/5,0,0,0,0,0",
      "NE,0,0,339868/1723209,72179/3446418,59023/1148806,197485/1723209,353744/574403,0,"
      "26881788/54245603,0,11956681/54245603,0,2086330/54245603,0,1865763/54245603,"
      "11455041/54245603",
      "NE,4/5,0,0,0,0,0,0,1/5,0,54/77,0,0,0,0,0,23/77",
      "NE,461/1789,0,0,0,588/1789,0,0,740/1789,0,1298/3257,0,0,0,1852/3257,0,107/3257",
  };
  EXPECT_EQ(lines, gambit);
}

// A degenerate game (random payoffs 0..2, seed 12): the exact search over every basis, with
// Gambit's ties (Bland's rule on tied ratios, lexicographically minimal bases, pivot rows)
// rebuilt; 22 extreme equilibria.
constexpr const char* kDegenerate6 =
    "NFG 1 R \"degenerate 6x6\" { \"1\" \"2\" } { 6 6 }\n\n"
    "1 0 1 0 1 1 1 2 2 2 0 0 1 1 0 2 0 0 2 1 0 1 0 2 0 2 0 0 0 2 1 0 1 1 1 1 2 2 2 0 2 1 1 0 1 1 1 "
    "1 2 1 0 0 1 2 1 0 0 2 0 2 0 1 1 0 0 0 2 0 0 2 0 1\n";

TEST(EnumMixedOrderTest, DegenerateGameInGambitsOrder) {
  Result<AnyGame> game = ParseGame(kDegenerate6, "degenerate_6.nfg");
  ASSERT_TRUE(game.ok()) << game.errors()[0].ToString();
  Result<Solution> solution = FindSolver("enummixed")->solve(*game, {});
  ASSERT_TRUE(solution.ok());
  std::vector<std::string> lines;
  for (const Equilibrium& eq : solution->equilibria) lines.push_back(FormatGambitLine(eq));
  const std::vector<std::string> gambit = {
      "NE,1,0,0,0,0,0,0,0,0,1,0,0",
      "NE,1,0,0,0,0,0,0,0,1/2,1/2,0,0",
      "NE,1/2,0,0,0,1/2,0,0,0,1/2,1/2,0,0",
      "NE,2/3,1/3,0,0,0,0,0,0,0,1,0,0",
      "NE,2/3,1/3,0,0,0,0,0,0,1/2,1/2,0,0",
      "NE,2/5,1/5,0,0,2/5,0,0,0,1/2,1/2,0,0",
      "NE,1/2,0,0,1/2,0,0,0,0,1/2,1/2,0,0",
      "NE,1/2,0,0,1/2,0,0,0,1/2,0,1/2,0,0",
      "NE,1/2,0,0,1/2,0,0,1/2,1/4,0,1/4,0,0",
      "NE,0,0,0,0,1,0,1,0,0,0,0,0",
      "NE,0,0,0,0,1,0,2/3,0,0,0,1/3,0",
      "NE,0,0,0,0,1,0,4/7,0,0,0,2/7,1/7",
      "NE,0,0,0,0,1,0,2/3,0,0,0,0,1/3",
      "NE,4/11,0,0,3/11,3/11,1/11,0,0,1/2,1/2,0,0",
      "NE,2/5,0,0,1/5,2/5,0,0,0,1/2,1/2,0,0",
      "NE,2/5,0,0,1/5,2/5,0,5/11,0,0,3/11,1/11,2/11",
      "NE,2/5,0,0,1/5,2/5,0,1/3,0,1/3,0,1/3,0",
      "NE,2/5,0,0,1/5,2/5,0,4/7,0,0,0,2/7,1/7",
      "NE,4/11,1/11,0,2/11,4/11,0,0,0,1/2,1/2,0,0",
      "NE,4/11,1/11,0,2/11,4/11,0,5/11,0,0,3/11,1/11,2/11",
      "NE,4/11,1/11,0,2/11,4/11,0,4/9,1/9,0,1/3,0,1/9",
      "NE,1/2,0,0,0,0,1/2,0,0,1/2,1/2,0,0",
  };
  EXPECT_EQ(lines, gambit);
}

}  // namespace
}  // namespace redline::games
