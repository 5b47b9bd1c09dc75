#include "games/strategy.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "games/library.h"
#include "games/test_games.h"

namespace redline::games {
namespace {

// A small perfect-information tree with a chance move (tests/games/entry_with_chance.efg):
// entrant {out, in}; after in, chance {strong 1/3, weak 2/3}; the incumbent moves at
// "strong market" and at "weak market", each {fight, share}.
TEST(RepresentationTest, ExtensiveGameTables) {
  REDLINE_LOAD_TEST_GAME(any, "entry_with_chance.efg");
  REDLINE_ASSERT_EXTENSIVE(game, any);
  EXPECT_EQ(game.num_players(), 2);
  EXPECT_EQ(game.num_nodes(), 9);  // 3 decision nodes, 1 chance node, 5 terminal
  EXPECT_EQ(game.num_actions(), 6);
  EXPECT_TRUE(game.is_perfect_information());
  EXPECT_TRUE(game.has_perfect_recall());
  EXPECT_EQ(game.player_at(game.root()), 0);
  ASSERT_EQ(game.players()[1].infosets.size(), 2u);
  // The incumbent's first infoset is the one reached first in preorder (strong market).
  const NodeId chance = game.child(game.root(), 1);
  const Infoset& first = game.infoset(game.players()[1].infosets[0]);
  EXPECT_EQ(first.label, "strong market");
  EXPECT_EQ(first.members.front(), game.child(chance, 0));
  // Player actions are numbered player by player: entrant 0-1, strong 2-3, weak 4-5.
  EXPECT_EQ(game.action_index(game.players()[1].infosets[1], 1), 5);
  EXPECT_EQ(game.outcomes()[game.node(game.child(game.child(chance, 0), 1)).outcome].label,
            "shared strong market");
}

TEST(RepresentationTest, ImperfectInformationAndRecall) {
  REDLINE_LOAD_TEST_GAME(poker_any, "one_card_poker.efg");
  REDLINE_ASSERT_EXTENSIVE(poker, poker_any);
  EXPECT_FALSE(poker.is_perfect_information());
  EXPECT_TRUE(poker.has_perfect_recall());
  // Player 1 forgets its own first move: the second infoset contains both histories.
  REDLINE_ASSERT_GAME(
      forgetful, testing::ParseInline(
                     "EFG 2 R \"\" { \"A\" }\n\"\"\np \"\" 1 1 \"\" { \"x\" \"y\" } 0\n"
                     "p \"\" 1 2 \"\" { \"l\" \"r\" } 0\nt \"\" 1 \"\" { 1 }\nt \"\" 2 \"\" { 0 }\n"
                     "p \"\" 1 2 0\nt \"\" 3 \"\" { 0 }\nt \"\" 4 \"\" { 2 }\n"));
  EXPECT_FALSE(AsExtensive(forgetful)->has_perfect_recall());
  // Best response by enumeration: x-l pays 1, y-r pays 2 -> 2.
  BehaviorProfile uniform = UniformBehaviorProfile(*AsExtensive(forgetful));
  EXPECT_DOUBLE_EQ(BestResponseValue(*AsExtensive(forgetful), uniform, 0), 2.0);
}

TEST(RepresentationTest, NormalFormCells) {
  // Cells run with player 1's strategy fastest: cell = s1 + 2 s2 + 4 s3.
  REDLINE_LOAD_TEST_GAME(three_any, "three_player.nfg");
  REDLINE_ASSERT_NORMAL_FORM(three, three_any);
  EXPECT_EQ(three.num_cells(), 8);
  EXPECT_EQ(three.num_profile_entries(), 6);
  EXPECT_EQ(three.CellOf({1, 0, 0}), 1);
  EXPECT_EQ(three.CellOf({0, 1, 0}), 2);
  EXPECT_EQ(three.CellOf({0, 1, 1}), 6);
  EXPECT_EQ(three.StrategiesOf(5), (std::vector<int>{1, 0, 1}));
  // (a, b, b): One differs from both (2 + 2) and picks a (+1).
  EXPECT_EQ(three.exact_payoff(6, 0), 5);
  REDLINE_LOAD_TEST_GAME(four_any, "coordination4.nfg");
  REDLINE_ASSERT_NORMAL_FORM(four, four_any);
  EXPECT_EQ(four.num_cells(), 16);
  EXPECT_EQ(four.CellOf({3, 2}), 11);
  EXPECT_EQ(four.StrategiesOf(15), (std::vector<int>{3, 3}));
  EXPECT_EQ(four.exact_payoff(15, 1), 4);
}

// P1 moves L or R; after L, P2 moves a or b; after L-a, P1 moves again, l or r. P1's second
// choice matters only after L, so the reduced form merges R/l and R/r into R/*.
constexpr const char* kTwoStageGame = R"(EFG 2 R "two stages" { "P1" "P2" } ""
p "" 1 1 "first" { "L" "R" } 0
p "" 2 1 "reply" { "a" "b" } 0
p "" 1 2 "second" { "l" "r" } 0
t "" 1 "Lal" { 3, 0 }
t "" 2 "Lar" { 0, 1 }
t "" 3 "Lb" { 1, 2 }
t "" 4 "R" { 2, 1 }
)";

TEST(StrategicFormTest, ReducedStrategiesInGambitOrder) {
  REDLINE_ASSERT_GAME(any, testing::ParseInline(kTwoStageGame));
  REDLINE_ASSERT_EXTENSIVE(game, any);
  std::vector<std::vector<PureStrategy>> strategies;
  Result<NormalFormGame> reduced =
      ToStrategicForm(game, StrategicFormKind::kReduced, 1000, &strategies);
  ASSERT_TRUE(reduced.ok());
  EXPECT_EQ(reduced->players()[0].strategy_labels, (std::vector<std::string>{"L/l", "L/r", "R/*"}));
  EXPECT_EQ(reduced->players()[1].strategy_labels, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(strategies[0][2], (PureStrategy{1, kUnspecified}));
  // (L/r, a) -> outcome Lar = (0, 1); (R/*, b) -> R = (2, 1); (L/l, b) -> Lb = (1, 2).
  EXPECT_EQ(reduced->exact_payoff(reduced->CellOf({1, 0}), 1), 1);
  EXPECT_EQ(reduced->exact_payoff(reduced->CellOf({1, 0}), 0), 0);
  EXPECT_EQ(reduced->exact_payoff(reduced->CellOf({2, 1}), 0), 2);
  EXPECT_EQ(reduced->exact_payoff(reduced->CellOf({0, 1}), 1), 2);
  Result<NormalFormGame> full = ToStrategicForm(game, StrategicFormKind::kFull);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->num_strategies(0), 4);
  EXPECT_EQ(full->num_strategies(1), 2);
}

TEST(StrategicFormTest, LimitIsAnErrorNotACrash) {
  // One-card poker: Alice has 4 pure strategies (raise or fold with each card).
  REDLINE_LOAD_TEST_GAME(game_any, "one_card_poker.efg");
  REDLINE_ASSERT_EXTENSIVE(game, game_any);
  Result<NormalFormGame> reduced = ToStrategicForm(game, StrategicFormKind::kReduced, 3);
  ASSERT_FALSE(reduced.ok());
  EXPECT_NE(reduced.errors().front().message.find("exceeds the limit of 3"), std::string::npos);
}

TEST(NashConvTest, PrisonersDilemma) {
  // Temptation 5, reward 3, punishment 1, sucker 0 (tests/games/prisoners_dilemma.nfg).
  REDLINE_LOAD_TEST_GAME(pd_any, "prisoners_dilemma.nfg");
  REDLINE_ASSERT_NORMAL_FORM(pd, pd_any);
  EXPECT_DOUBLE_EQ(NashConv(pd, {0, 1, 0, 1}), 0.0);
  // Uniform: each player gets (3 + 5 + 0 + 1) / 4 = 2.25, defecting gets 3: 2 x 0.75.
  EXPECT_DOUBLE_EQ(NashConv(pd, UniformMixedProfile(pd)), 1.5);
  // Mutual cooperation: each gets 3 and would get 5 defecting.
  EXPECT_DOUBLE_EQ(NashConv(pd, {1, 0, 1, 0}), 4.0);
  EXPECT_EQ(ExpectedPayoffs(pd, ExactMixedProfile{1, 0, 0, 1})[1], 5);
}

TEST(NashConvTest, MatchingPenniesMixedEquilibrium) {
  REDLINE_ASSERT_GAME(
      game, testing::ParseInline("NFG 1 R \"mp\" { \"1\" \"2\" } { 2 2 }\n1 -1 -1 1 -1 1 1 -1\n"));
  REDLINE_ASSERT_NORMAL_FORM(mp, game);
  EXPECT_NEAR(NashConv(mp, UniformMixedProfile(mp)), 0.0, 1e-12);
  EXPECT_GT(NashConv(mp, {0.6, 0.4, 0.5, 0.5}), 0.1);
  EXPECT_EQ(BestResponseValue(mp, ExactMixedProfile{1, 0, mpq_class(1, 2), mpq_class(1, 2)}, 1), 1);
}

// Tree best responses agree with brute force over the player's pure strategies, on random
// profiles of every game written for the tests and every library game (the same over
// Gambit's corpus is in conformance/strategy_test.cc).
TEST(NashConvTest, TreeBestResponseMatchesEnumeration) {
  std::mt19937_64 rng(7);
  int games_checked = 0;
  for (const std::string& path : testing::GameFilesIn(testing::TestGameDir())) {
    if (!path.ends_with(".efg")) continue;
    REDLINE_ASSERT_GAME(any, ReadGameFile(path));
    REDLINE_ASSERT_EXTENSIVE(game, any);
    for (int repeat = 0; repeat < 5; ++repeat) {
      testing::ExpectTreeBestResponsesMatchEnumeration(game, rng, path);
    }
    ++games_checked;
  }
  for (const std::string& name : LibraryGameNames()) {
    Result<ExtensiveGame> game = MakeLibraryGame(name, {});
    ASSERT_TRUE(game.ok()) << name;
    for (int repeat = 0; repeat < 5; ++repeat) {
      testing::ExpectTreeBestResponsesMatchEnumeration(*game, rng, name);
    }
    ++games_checked;
  }
  EXPECT_GE(games_checked, 7);
}

TEST(NashConvTest, ExtensiveMatchesStrategicForm) {
  REDLINE_LOAD_TEST_GAME(game_any, "entry_with_chance.efg");
  REDLINE_ASSERT_EXTENSIVE(game, game_any);
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

// Best responses, NashConv and the reduced strategies of a chain 200,000 moves deep
// (test_games.h) are walked with explicit stacks: with the recursive walks of 3a4e282 this
// test crashed (stack overflow in TreeBestResponse::NodeValue at 100,000 moves, then in
// ReducedStrategyEnumerator::Walk).
TEST(NashConvTest, DeepTreesAreWalkedWithoutRecursion) {
  const ExtensiveGame game = testing::BuildChainGame(200'000);
  const BehaviorProfile profile(game.num_actions(), 1.0);
  EXPECT_EQ(BestResponseValue(game, profile, 0), 4.0);
  EXPECT_EQ(BestResponseValue(game, profile, 1), 0.5);
  EXPECT_EQ(NashConv(game, profile), 0.0);
  for (int player = 0; player < 2; ++player) {
    Result<std::vector<PureStrategy>> reduced =
        PureStrategies(game, player, StrategicFormKind::kReduced);
    ASSERT_TRUE(reduced.ok());
    ASSERT_EQ(reduced->size(), 1u);
    EXPECT_EQ((*reduced)[0], PureStrategy(100'000, 0));
  }
}

}  // namespace
}  // namespace redline::games
