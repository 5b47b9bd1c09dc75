// Gambit 17's label rules: every game `redline game` writes obeys them and reads back
// equal; files with repeated labels still read, and are written with unique labels.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "games/game_file.h"
#include "games/library.h"
#include "games/test_games.h"

namespace redline::games {
namespace {

// An independent checker of the rules Gambit 17 enforces by rejecting a file, on the written
// text's parse: non-empty node labels unique in the game, non-empty infoset labels unique per
// player (chance included). Also what it would otherwise rename: player labels non-empty and
// unique, action labels non-empty and unique per infoset, outcome labels unique.
void ExpectStrictLabels(const ExtensiveGame& game, const std::string& name) {
  std::set<std::string> nodes, outcomes, players;
  for (const Node& node : game.nodes()) {
    if (!node.label.empty()) {
      EXPECT_TRUE(nodes.insert(node.label).second) << name << ": node '" << node.label << "'";
    }
  }
  for (const Outcome& outcome : game.outcomes()) {
    if (!outcome.label.empty()) {
      EXPECT_TRUE(outcomes.insert(outcome.label).second) << name;
    }
  }
  for (const Player& player : game.players()) {
    EXPECT_FALSE(player.label.empty()) << name;
    EXPECT_TRUE(players.insert(player.label).second) << name;
  }
  std::map<int, std::set<std::string>> infosets;
  for (const Infoset& infoset : game.infosets()) {
    if (!infoset.label.empty()) {
      EXPECT_TRUE(infosets[infoset.player].insert(infoset.label).second)
          << name << ": infoset '" << infoset.label << "' of player " << infoset.player;
    }
    std::set<std::string> actions;
    for (const std::string& action : infoset.action_labels) {
      EXPECT_FALSE(action.empty()) << name;
      EXPECT_TRUE(actions.insert(action).second) << name << ": action '" << action << "'";
    }
  }
}

TEST(GameLabelsTest, EveryLibraryGameIsWrittenWithStrictLabelsAndRoundTrips) {
  for (const std::string& name : LibraryGameNames()) {
    for (const auto& overrides :
         {std::map<std::string, std::string>{},
          name == "risk_taking" ? std::map<std::string, std::string>{{"rounds", "9"}}
                                : std::map<std::string, std::string>{}}) {
      Result<ExtensiveGame> game = MakeLibraryGame(name, overrides);
      ASSERT_TRUE(game.ok()) << name;
      EXPECT_EQ(FindLabelRuleViolation(*game), "") << name;
      const std::string text = WriteGame(AnyGame(*game));
      Result<AnyGame> parsed = ParseGame(text, name + ".efg");
      ASSERT_TRUE(parsed.ok()) << name;
      const ExtensiveGame& back = *AsExtensive(*parsed);
      ExpectStrictLabels(back, name);
      EXPECT_EQ(DescribeDifference(back, *game), "") << name;
      EXPECT_EQ(WriteGame(*parsed), text) << name;
    }
  }
}

// A file in the older style: repeated node and infoset labels.
constexpr const char* kRepeatedLabels = R"(EFG 2 R "repeats" { "A" "B" }
""

p "n" 1 1 "h" { "x" "y" } 0
p "n" 2 1 "h" { "l" "r" } 0
t "n" 1 "o1" { 1, 2 }
t "n_2" 2 "o2" { 3, 4 }
p "n" 2 2 "h" { "l" "r" } 0
t "end" 3 "o3" { 5, 6 }
t "end" 4 "" { 7, 8 }
)";

TEST(GameLabelsTest, OlderFilesWithRepeatedLabelsReadAndAreWrittenUnique) {
  Result<AnyGame> game = ParseGame(kRepeatedLabels, "repeats.efg");
  ASSERT_TRUE(game.ok()) << game.errors()[0].ToString();
  const ExtensiveGame& tree = *AsExtensive(*game);
  EXPECT_NE(FindLabelRuleViolation(tree), "");
  EXPECT_EQ(tree.node(1).label, "n");  // read as written
  const std::string text = WriteGame(*game);
  Result<AnyGame> again = ParseGame(text, "rewritten.efg");
  ASSERT_TRUE(again.ok()) << text;
  const ExtensiveGame& back = *AsExtensive(*again);
  ExpectStrictLabels(back, "rewritten");
  EXPECT_EQ(FindLabelRuleViolation(back), "");
  // First occurrences keep their labels; repeats skip suffixes already in use.
  EXPECT_EQ(back.node(0).label, "n");
  EXPECT_EQ(back.node(1).label, "n_3");
  EXPECT_EQ(back.node(2).label, "n_4");
  EXPECT_EQ(back.node(3).label, "n_2");
  EXPECT_EQ(back.node(4).label, "n_5");
  EXPECT_EQ(back.node(6).label, "end_2");
  EXPECT_EQ(back.infoset(back.players()[1].infosets[1]).label, "h_2");
  EXPECT_EQ(back.infoset(back.players()[0].infosets[0]).label, "h");  // other player
  // The game is otherwise the same: same payoffs, tree and infosets.
  EXPECT_EQ(DescribeDifference(WithUniqueLabels(tree), back), "");
  EXPECT_EQ(WriteGame(*again), text);
}

}  // namespace
}  // namespace redline::games
