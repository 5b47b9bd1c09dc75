// Conformance: game tables, strategic forms and best responses on Gambit's example corpus.
#include "games/strategy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "games/conformance/corpus.h"

namespace redline::games {
namespace {

TEST(RepresentationConformance, ExtensiveGameTables) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  REDLINE_LOAD_CORPUS_GAME(any, "two_player_perfect_info_win_lose.efg");
  REDLINE_ASSERT_EXTENSIVE(game, any);
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

TEST(RepresentationConformance, NormalFormCells) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  REDLINE_LOAD_CORPUS_GAME(any, "5x4x3.nfg");
  REDLINE_ASSERT_NORMAL_FORM(game, any);
  EXPECT_EQ(game.num_cells(), 60);
  EXPECT_EQ(game.num_profile_entries(), 12);
  EXPECT_EQ(game.CellOf({1, 0, 0}), 1);
  EXPECT_EQ(game.CellOf({0, 1, 0}), 5);
  EXPECT_EQ(game.CellOf({4, 3, 2}), 59);
  EXPECT_EQ(game.StrategiesOf(23), (std::vector<int>{3, 0, 1}));
}

TEST(StrategicFormConformance, ReducedStrategiesInGambitOrder) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  REDLINE_LOAD_CORPUS_GAME(any, "two_player_perfect_info_win_lose.efg");
  REDLINE_ASSERT_EXTENSIVE(game, any);
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

TEST(StrategicFormConformance, ExtensiveMatchesStrategicForm) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  REDLINE_LOAD_CORPUS_GAME(any, "perfect_info_with_chance.efg");
  REDLINE_ASSERT_EXTENSIVE(game, any);
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

// Tree best responses agree with brute force over the player's pure strategies, on random
// profiles of every perfect-recall game in the corpus small enough to enumerate.
TEST(NashConvConformance, TreeBestResponseMatchesEnumeration) {
  REDLINE_REQUIRE_GAMBIT_CORPUS();
  std::mt19937_64 rng(7);
  int games_checked = 0;
  for (const std::string& path : testing::GameFilesIn(conformance::CorpusDir())) {
    if (!path.ends_with(".efg")) continue;
    REDLINE_ASSERT_GAME(any, ReadGameFile(path));
    REDLINE_ASSERT_EXTENSIVE(game, any);
    if (!game.has_perfect_recall()) continue;
    testing::ExpectTreeBestResponsesMatchEnumeration(game, rng, path);
    ++games_checked;
  }
  EXPECT_GT(games_checked, 90);
}

}  // namespace
}  // namespace redline::games
