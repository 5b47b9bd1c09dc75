// Conformance: every game of the Gambit corpus loads, and writing it and reading it back
// gives an equal game.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "games/conformance/corpus.h"
#include "games/game_file.h"

namespace redline::games {
namespace {

std::string Difference(const AnyGame& a, const AnyGame& b) {
  if (a.index() != b.index()) return "different representations";
  if (const auto* efg = AsExtensive(a)) return DescribeDifference(*efg, *AsExtensive(b));
  return DescribeDifference(*AsNormalForm(a), *AsNormalForm(b));
}

TEST(GambitFilesConformance, AllFilesLoadAndRoundTrip) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  const std::vector<std::string> paths = testing::GameFilesIn(conformance::CorpusDir());
  ASSERT_FALSE(paths.empty()) << "no .efg/.nfg file in " << conformance::CorpusDir();
  const auto start = std::chrono::steady_clock::now();
  int extensive = 0;
  for (const std::string& path : paths) {
    SCOPED_TRACE(path);
    Result<AnyGame> game = ReadGameFile(path);
    ASSERT_TRUE(game.ok()) << game.errors().front().ToString();
    extensive += IsExtensive(*game) ? 1 : 0;
    EXPECT_EQ(path.ends_with(".efg"), IsExtensive(*game));
    const std::string written = WriteGame(*game);
    Result<AnyGame> again = ParseGame(written, path + " (rewritten)");
    ASSERT_TRUE(again.ok()) << again.errors().front().ToString() << "\n" << written;
    EXPECT_EQ(Difference(*game, *again), "");
    // Writing is deterministic: a second round trip gives the same text.
    EXPECT_EQ(WriteGame(*again), written);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ figures  ] %zu files (%d efg) loaded and round-tripped in %.3f s\n", paths.size(),
              extensive, seconds);
}

TEST(GambitFilesConformance, DifferenceIsDetected) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  REDLINE_LOAD_CORPUS_GAME(a, "pd.nfg");
  REDLINE_LOAD_CORPUS_GAME(b, "coord2.nfg");
  EXPECT_NE(Difference(a, b), "");
  REDLINE_LOAD_CORPUS_GAME(c, "e04.efg");
  std::string text = WriteGame(c);
  // Change one payoff: the comparison must notice.
  const auto brace = text.rfind("{ ");
  ASSERT_NE(brace, std::string::npos);
  text.insert(brace + 2, "1");
  Result<AnyGame> changed = ParseGame(text, "changed.efg");
  ASSERT_TRUE(changed.ok()) << changed.errors().front().ToString();
  EXPECT_NE(Difference(c, *changed), "");
}

}  // namespace
}  // namespace redline::games
