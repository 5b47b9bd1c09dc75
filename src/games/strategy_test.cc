#include "games/strategy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "games/test_games.h"

namespace redline::games {
namespace {

using testing::LoadGambitGame;

TEST(RepresentationTest, ExtensiveGameTables) {
  const AnyGame any = LoadGambitGame("two_player_perfect_info_win_lose.efg");
  const ExtensiveGame& game = *AsExtensive(any);
  EXPECT_EQ(game.num_players(), 2);
  EXPECT_EQ(game.num_nodes(), 9);  // 4 decision nodes, 5 terminal
  EXPECT_EQ(game.num_actions(), 8);
  EXPECT_TRUE(game.is_perfect_information());
  EXPECT_TRUE(game.has_perfect_recall());
  EXPECT_EQ(game.player_at(game.root()), 1);
  // Player 1's first infoset is the one reached first in preorder (after "a").
  const Infoset& first = game.infoset(game.players()[0].infosets[0]);
  EXPECT_EQ(first.members.front(), game.child(game.root(), 0));
  EXPECT_EQ(game.action_index(game.players()[1].infosets[0], 1), 5);
  EXPECT_EQ(game.outcomes()[game.node(game.child(game.child(game.root(), 0), 1)).outcome].label,
            "aR");
}

TEST(RepresentationTest, ImperfectInformationAndRecall) {
  const AnyGame poker_any = LoadGambitGame("poker.efg");
  const ExtensiveGame& poker = *AsExtensive(poker_any);
  EXPECT_FALSE(poker.is_perfect_information());
  EXPECT_TRUE(poker.has_perfect_recall());
  // Player 1 forgets its own first move: the second infoset contains both histories.
  const AnyGame forgetful = testing::ParseOrDie(
      "EFG 2 R \"\" { \"A\" }\n\"\"\np \"\" 1 1 \"\" { \"x\" \"y\" } 0\n"
      "p \"\" 1 2 \"\" { \"l\" \"r\" } 0\nt \"\" 1 \"\" { 1 }\nt \"\" 2 \"\" { 0 }\n"
      "p \"\" 1 2 0\nt \"\" 3 \"\" { 0 }\nt \"\" 4 \"\" { 2 }\n");
  EXPECT_FALSE(AsExtensive(forgetful)->has_perfect_recall());
  // Best response by enumeration: x-l pays 1, y-r pays 2 -> 2.
  BehaviorProfile uniform = UniformBehaviorProfile(*AsExtensive(forgetful));
  EXPECT_DOUBLE_EQ(BestResponseValue(*AsExtensive(forgetful), uniform, 0), 2.0);
}

TEST(RepresentationTest, NormalFormCells) {
  const AnyGame game_any = LoadGambitGame("5x4x3.nfg");
  const NormalFormGame& game = *AsNormalForm(game_any);
  EXPECT_EQ(game.num_cells(), 60);
  EXPECT_EQ(game.num_profile_entries(), 12);
  EXPECT_EQ(game.CellOf({1, 0, 0}), 1);
  EXPECT_EQ(game.CellOf({0, 1, 0}), 5);
  EXPECT_EQ(game.CellOf({4, 3, 2}), 59);
  EXPECT_EQ(game.StrategiesOf(23), (std::vector<int>{3, 0, 1}));
}

TEST(StrategicFormTest, ReducedStrategiesInGambitOrder) {
  const AnyGame game_any = LoadGambitGame("two_player_perfect_info_win_lose.efg");
  const ExtensiveGame& game = *AsExtensive(game_any);
  std::vector<std::vector<PureStrategy>> strategies;
  Result<NormalFormGame> reduced =
      ToStrategicForm(game, StrategicFormKind::kReduced, 1000, &strategies);
  ASSERT_TRUE(reduced.ok());
  EXPECT_EQ(reduced->players()[0].strategy_labels,
            (std::vector<std::string>{"L/L", "L/R", "R/L", "R/R"}));
  EXPECT_EQ(reduced->players()[1].strategy_labels, (std::vector<std::string>{"a/l", "a/r", "b/*"}));
  EXPECT_EQ(strategies[1][2], (PureStrategy{1, kUnspecified}));
  // Payoff of (R/L, a/r): P2 plays a, P1 plays R -> outcome aR = (1, -1).
  EXPECT_EQ(reduced->exact_payoff(reduced->CellOf({2, 1}), 0), 1);
  Result<NormalFormGame> full = ToStrategicForm(game, StrategicFormKind::kFull);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->num_strategies(1), 4);
}

TEST(StrategicFormTest, LimitIsAnErrorNotACrash) {
  const AnyGame game_any = LoadGambitGame("poker.efg");
  const ExtensiveGame& game = *AsExtensive(game_any);
  Result<NormalFormGame> reduced = ToStrategicForm(game, StrategicFormKind::kReduced, 3);
  ASSERT_FALSE(reduced.ok());
  EXPECT_NE(reduced.errors().front().message.find("exceeds the limit of 3"), std::string::npos);
}

TEST(NashConvTest, PrisonersDilemma) {
  const AnyGame pd_any = LoadGambitGame("pd.nfg");
  const NormalFormGame& pd = *AsNormalForm(pd_any);
  EXPECT_DOUBLE_EQ(NashConv(pd, {0, 1, 0, 1}), 0.0);
  // Uniform: each player gets 5, defecting gets 5.5.
  EXPECT_DOUBLE_EQ(NashConv(pd, UniformMixedProfile(pd)), 1.0);
  EXPECT_DOUBLE_EQ(NashConv(pd, {1, 0, 1, 0}), 2.0);
  EXPECT_EQ(ExpectedPayoffs(pd, ExactMixedProfile{1, 0, 0, 1})[1], 10);
}

TEST(NashConvTest, MatchingPenniesMixedEquilibrium) {
  const AnyGame game =
      testing::ParseOrDie("NFG 1 R \"mp\" { \"1\" \"2\" } { 2 2 }\n1 -1 -1 1 -1 1 1 -1\n");
  const NormalFormGame& mp = *AsNormalForm(game);
  EXPECT_NEAR(NashConv(mp, UniformMixedProfile(mp)), 0.0, 1e-12);
  EXPECT_GT(NashConv(mp, {0.6, 0.4, 0.5, 0.5}), 0.1);
  EXPECT_EQ(BestResponseValue(mp, ExactMixedProfile{1, 0, mpq_class(1, 2), mpq_class(1, 2)}, 1), 1);
}

// Tree best responses agree with brute force over the player's pure strategies, on random
// profiles of every perfect-recall game in the shared set small enough to enumerate.
TEST(NashConvTest, TreeBestResponseMatchesEnumeration) {
  std::mt19937_64 rng(7);
  int games_checked = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(REDLINE_SHARED_DIR "/data/games/gambit")) {
    if (entry.path().extension() != ".efg") continue;
    const AnyGame any = LoadGambitGame(entry.path().filename().string());
    const ExtensiveGame& game = *AsExtensive(any);
    if (!game.has_perfect_recall()) continue;
    BehaviorProfile profile(game.num_actions());
    for (const Infoset& infoset : game.infosets()) {
      if (infoset.player == kChancePlayer) continue;
      double total = 0;
      for (int a = 0; a < infoset.num_actions(); ++a) {
        total += profile[infoset.first_action_index + a] =
            std::uniform_real_distribution<>(0.01, 1)(rng);
      }
      for (int a = 0; a < infoset.num_actions(); ++a)
        profile[infoset.first_action_index + a] /= total;
    }
    for (int p = 0; p < game.num_players(); ++p) {
      auto strategies = PureStrategies(game, p, StrategicFormKind::kReduced, 5000);
      if (!strategies.ok()) continue;
      double best = -1e300;
      for (const PureStrategy& s : *strategies) {
        BehaviorProfile trial = profile;
        const auto& infosets = game.players()[p].infosets;
        for (std::size_t k = 0; k < infosets.size(); ++k) {
          const Infoset& infoset = game.infoset(infosets[k]);
          for (int a = 0; a < infoset.num_actions(); ++a) {
            trial[infoset.first_action_index + a] = (s[k] == kUnspecified ? 0 : s[k]) == a;
          }
        }
        best = std::max(best, ExpectedPayoffs(game, trial)[p]);
      }
      EXPECT_NEAR(BestResponseValue(game, profile, p), best, 1e-9 * (1 + std::abs(best)))
          << entry.path() << " player " << p + 1;
    }
    ++games_checked;
  }
  EXPECT_GT(games_checked, 90);
}

TEST(NashConvTest, ExtensiveMatchesStrategicForm) {
  const AnyGame game_any = LoadGambitGame("perfect_info_with_chance.efg");
  const ExtensiveGame& game = *AsExtensive(game_any);
  std::vector<std::vector<PureStrategy>> strategies;
  Result<NormalFormGame> form =
      ToStrategicForm(game, StrategicFormKind::kReduced, 1000, &strategies);
  ASSERT_TRUE(form.ok());
  for (int64_t cell = 0; cell < form->num_cells(); ++cell) {
    const std::vector<int> chosen = form->StrategiesOf(cell);
    std::vector<PureStrategy> profile = {strategies[0][chosen[0]], strategies[1][chosen[1]]};
    const auto behaviour = ToBehaviorProfile(game, profile);
    EXPECT_EQ(ExpectedPayoffs(game, behaviour), PurePayoffs(game, profile));
  }
}

}  // namespace
}  // namespace redline::games
