#include "games/cfr.h"

#include <gtest/gtest.h>

#include "games/game_file.h"
#include "games/library_games.h"
#include "games/solvers.h"

namespace redline::games {
namespace {

ExtensiveGame Load(const std::string& name) {
  Result<AnyGame> game = ReadGameFile(std::string(REDLINE_SHARED_DIR "/data/games/gambit/") + name);
  EXPECT_TRUE(game.ok()) << name;
  return std::get<ExtensiveGame>(std::move(game).value());
}

TEST(CfrTest, CfrPlusSolvesZeroSumPoker) {
  for (const char* name :
       {"stripped_down_poker.efg", "zerosum_efg_from_sequence_form_STOC94_paper.efg"}) {
    const ExtensiveGame game = Load(name);
    CfrOptions options;
    options.max_iterations = 5000;
    options.tolerance = 1e-3;
    const CfrResult result = SolveCfrPlus(game, options);
    EXPECT_TRUE(result.converged) << name;
    EXPECT_LE(NashConv(game, result.average), 1e-3) << name;
    ASSERT_FALSE(result.checkpoints.empty());
  }
}

TEST(CfrTest, StoppingAtTheLimitIsReportedNotAnError) {
  const ExtensiveGame game = Load("stripped_down_poker.efg");
  CfrOptions options;
  options.max_iterations = 3;
  options.checkpoint_every = 1;
  options.tolerance = 1e-12;
  const CfrResult result = SolveCfrPlus(game, options);
  EXPECT_TRUE(result.hit_limit);
  EXPECT_FALSE(result.converged);
  EXPECT_EQ(result.iterations, 3);
  EXPECT_EQ(result.checkpoints.size(), 3u);
}

TEST(CfrTest, ExternalSamplingIsReproducibleAndConverges) {
  const ExtensiveGame game = Load("stripped_down_poker.efg");
  CfrOptions options;
  options.max_iterations = 20000;
  options.tolerance = 0.02;
  options.checkpoint_every = 1000;
  options.seed = 7;
  const CfrResult a = SolveExternalSamplingMccfr(game, options);
  const CfrResult b = SolveExternalSamplingMccfr(game, options);
  EXPECT_EQ(a.average, b.average);
  EXPECT_LE(NashConv(game, a.average), 0.02);
  options.seed = 8;
  const CfrResult c = SolveExternalSamplingMccfr(game, options);
  EXPECT_NE(a.average, c.average);
}

TEST(CfrTest, CfrPlusFindsTheDeterrencePbeOnPath) {
  DeterrenceParams params;
  params.prior_resolute = 0.2;  // challenge (cutoff 1/2), resolute resists, irresolute concedes
  Result<ExtensiveGame> game = BuildDeterrenceGame(params);
  ASSERT_TRUE(game.ok());
  CfrOptions options;
  options.max_iterations = 2000;
  options.tolerance = 1e-6;
  const CfrResult result = SolveCfrPlus(*game, options);
  const DeterrencePbe pbe = SolveDeterrenceClosedForm(params);
  EXPECT_NEAR(result.average[game->action_index(game->players()[0].infosets[0], 1)], pbe.challenge,
              1e-3);
  EXPECT_LE(NashConv(*game, result.average), 1e-3);
}

TEST(CfrTest, RegistryRefusesNormalFormGames) {
  Result<AnyGame> game = ReadGameFile(REDLINE_SHARED_DIR "/data/games/gambit/2x2.nfg");
  ASSERT_TRUE(game.ok());
  const SolverInfo* cfr = FindSolver("cfr");
  ASSERT_NE(cfr, nullptr);
  EXPECT_FALSE(cfr->applies(*game).ok());
  const SolverInfo* lcp = FindSolver("lcp");
  ASSERT_NE(lcp, nullptr);
  Result<AnyGame> three = ReadGameFile(REDLINE_SHARED_DIR "/data/games/gambit/3_player.efg");
  ASSERT_TRUE(three.ok());
  Status refused = lcp->applies(*three);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.errors()[0].message.find("two-player"), std::string::npos);
}

}  // namespace
}  // namespace redline::games
