// enummixed on extensive games: mixed profiles over the reduced strategic form in Gambit's
// strategy order, the same equilibria as gambit-enummixed (17.0.0-alpha.2) prints — its
// answers recorded by hand below, in Gambit's order (its reverse-search vertex order, which
// redline rebuilds: enummixed_vertices.h).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "games/game_file.h"
#include "games/library.h"
#include "games/solvers.h"

namespace redline::games {
namespace {

std::vector<std::string> EnumMixedLines(const AnyGame& game) {
  Result<Solution> solution = FindSolver("enummixed")->solve(game, {});
  EXPECT_TRUE(solution.ok());
  std::vector<std::string> lines;
  if (!solution.ok()) return lines;
  EXPECT_NE(solution->profile_game, nullptr);
  for (const Equilibrium& eq : solution->equilibria) {
    lines.push_back(FormatGambitLine(eq));
    EXPECT_NEAR(eq.nash_conv, 0.0, 1e-12);
  }
  return lines;
}

TEST(EnumMixedExtensiveTest, LibraryGamesGiveGambitsEquilibria) {
  struct Case {
    const char* name;
    std::vector<std::string> gambit;  // gambit-enummixed -q on `redline game NAME`
  };
  const std::vector<Case> cases = {
      {"chicken", {"NE,1,0,0,1", "NE,9/10,1/10,9/10,1/10", "NE,0,1,1,0"}},
      {"deterrence",
       {"NE,1,0,1,0,0,0", "NE,1,0,0,1,0,0", "NE,1,0,0,0,1,0", "NE,1,0,1/2,0,0,1/2",
        "NE,0,1,0,1,0,0"}},
      {"risk_taking",
       {"NE,1,0,0,313/513,200/513,0", "NE,1,0,0,19/27,0,8/27", "NE,1,0,0,19/27,152/729,64/729",
        "NE,1,0,0,0,1,0", "NE,1,0,0,0,0,1", "NE,0,19/27,8/27,1,0,0", "NE,0,0,1,1,0,0"}},
  };
  for (const Case& c : cases) {
    Result<ExtensiveGame> game = MakeLibraryGame(c.name, {});
    ASSERT_TRUE(game.ok());
    EXPECT_EQ(EnumMixedLines(AnyGame(std::move(game).value())), c.gambit) << c.name;
  }
}

TEST(EnumMixedExtensiveTest, ProfilesAreOverTheReducedStrategies) {
  Result<ExtensiveGame> game = MakeLibraryGame("deterrence", {});
  ASSERT_TRUE(game.ok());
  const AnyGame tree(std::move(game).value());
  Result<Solution> solution = FindSolver("enummixed")->solve(tree, {});
  ASSERT_TRUE(solution.ok());
  const NormalFormGame* reduced = AsNormalForm(solution->ProfileGame(tree));
  ASSERT_NE(reduced, nullptr);
  EXPECT_EQ(reduced->num_strategies(0), 2);  // challenger: status quo / challenge
  EXPECT_EQ(reduced->num_strategies(1), 4);  // defender: one action per type
  for (const Equilibrium& eq : solution->equilibria) {
    EXPECT_EQ(static_cast<int>(eq.profile.size()), reduced->num_profile_entries());
  }
}

// Corpus games (the Gambit examples), when REDLINE_GAMBIT_CORPUS names their directory.
TEST(EnumMixedExtensiveTest, CorpusGamesGiveGambitsEquilibria) {
  const char* corpus = std::getenv("REDLINE_GAMBIT_CORPUS");
  if (corpus == nullptr || !std::filesystem::is_directory(corpus)) {
    GTEST_SKIP() << "REDLINE_GAMBIT_CORPUS does not name the Gambit example games' directory";
  }
  struct Case {
    const char* file;
    std::vector<std::string> gambit;  // gambit-enummixed -q
  };
  const std::vector<Case> cases = {
      {"poker.efg", {"NE,1/3,2/3,0,0,2/3,1/3"}},
      {"cent2.efg", {"NE,0,120/133,13/133,13/19,6/19,0"}},
  };
  for (const Case& c : cases) {
    Result<AnyGame> game = ReadGameFile(std::string(corpus) + "/" + c.file);
    ASSERT_TRUE(game.ok()) << c.file;
    EXPECT_EQ(EnumMixedLines(*game), c.gambit) << c.file;
  }
}

}  // namespace
}  // namespace redline::games
