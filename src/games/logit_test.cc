#include "games/logit.h"

#include <gtest/gtest.h>

#include "games/game_file.h"

namespace redline::games {
namespace {

NormalFormGame Load(const std::string& name) {
  Result<AnyGame> game = ReadGameFile(std::string(REDLINE_SHARED_DIR "/data/games/gambit/") + name);
  EXPECT_TRUE(game.ok()) << name;
  return std::get<NormalFormGame>(std::move(game).value());
}

TEST(LogitTest, UniqueMixedEquilibriumIsTheLimit) {
  const NormalFormGame game = Load("2x2.nfg");  // unique equilibrium (1/2, 1/2), (1/3, 2/3)
  Result<LogitResult> path = TraceLogitPath(game);
  ASSERT_TRUE(path.ok()) << path.errors()[0].ToString();
  EXPECT_GE(path->lambda, 1e6);
  EXPECT_NEAR(path->profile[0], 0.5, 1e-5);
  EXPECT_NEAR(path->profile[2], 1.0 / 3, 1e-5);
  EXPECT_LT(NashConv(game, path->profile), 1e-5);
  EXPECT_GT(path->path.size(), 10u);
}

TEST(LogitTest, LimitsAreNashOnGambitGames) {
  for (const char* name :
       {"2x2a.nfg", "pd.nfg", "3x3x3.nfg", "2x2x2.nfg", "8x8.nfg", "coord4.nfg"}) {
    const NormalFormGame game = Load(name);
    Result<LogitResult> path = TraceLogitPath(game);
    ASSERT_TRUE(path.ok()) << name << ": " << path.errors()[0].ToString();
    EXPECT_LT(NashConv(game, path->profile), 1e-4) << name;
  }
}

}  // namespace
}  // namespace redline::games
