// Every game written for the tests (tests/games/) and every library game loads, and writing
// it and reading it back gives an equal game. The same over Gambit's example corpus is in
// conformance/gambit_files_test.cc.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "games/game_file.h"
#include "games/library.h"
#include "games/test_games.h"

namespace redline::games {
namespace {

std::string Difference(const AnyGame& a, const AnyGame& b) {
  if (a.index() != b.index()) return "different representations";
  if (const auto* efg = AsExtensive(a)) return DescribeDifference(*efg, *AsExtensive(b));
  return DescribeDifference(*AsNormalForm(a), *AsNormalForm(b));
}

void ExpectRoundTrip(const AnyGame& game, const std::string& name) {
  const std::string written = WriteGame(game);
  Result<AnyGame> again = ParseGame(written, name + " (rewritten)");
  ASSERT_TRUE(again.ok()) << again.errors().front().ToString() << "\n" << written;
  EXPECT_EQ(Difference(game, *again), "");
  // Writing is deterministic: a second round trip gives the same text.
  EXPECT_EQ(WriteGame(*again), written);
}

TEST(GambitFilesTest, TestGamesLoadAndRoundTrip) {
  const std::vector<std::string> paths = testing::GameFilesIn(testing::TestGameDir());
  ASSERT_GE(paths.size(), 8u);
  for (const std::string& path : paths) {
    SCOPED_TRACE(path);
    REDLINE_ASSERT_GAME(game, ReadGameFile(path));
    EXPECT_EQ(path.ends_with(".efg"), IsExtensive(game));
    ExpectRoundTrip(game, path);
  }
}

TEST(GambitFilesTest, LibraryGamesRoundTrip) {
  for (const std::string& name : LibraryGameNames()) {
    SCOPED_TRACE(name);
    Result<ExtensiveGame> game = MakeLibraryGame(name, {});
    ASSERT_TRUE(game.ok()) << game.errors().front().ToString();
    ExpectRoundTrip(AnyGame(*game), name);
  }
}

TEST(GambitFilesTest, DifferenceIsDetected) {
  REDLINE_LOAD_TEST_GAME(a, "prisoners_dilemma.nfg");
  REDLINE_LOAD_TEST_GAME(b, "coordination.nfg");
  EXPECT_NE(Difference(a, b), "");
  EXPECT_EQ(Difference(a, a), "");
  REDLINE_LOAD_TEST_GAME(c, "one_card_poker.efg");
  std::string text = WriteGame(c);
  // Change one payoff (Bob's when he wins the showdown): the comparison must notice.
  const auto showdown = text.find("{ -2, 2 }");
  ASSERT_NE(showdown, std::string::npos) << text;
  text.replace(showdown, 9, "{ -2, 3 }");
  Result<AnyGame> changed = ParseGame(text, "changed.efg");
  ASSERT_TRUE(changed.ok()) << changed.errors().front().ToString();
  EXPECT_NE(Difference(c, *changed), "");
}

}  // namespace
}  // namespace redline::games
