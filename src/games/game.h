// Finite extensive-form games (Gambit's model): a rooted tree of nodes; every non-terminal
// node belongs to an information set (infoset) of one player or of chance; chance infosets
// carry probabilities; any node, terminal or not, may carry an outcome whose payoffs are
// added to every play that passes through it.
//
// ExtensiveGame is immutable once built (see ExtensiveGameBuilder) and cheap to share
// between threads: everything is stored in flat vectors indexed by dense ids, with labels
// in side fields. Solvers walk the tree through node ids; they never allocate per node.
//
// Orders that matter (they match Gambit's, so profiles print the way Gambit prints them):
//  - nodes are numbered in preorder (root = 0, children left to right);
//  - each player's infosets are numbered by first appearance in preorder;
//  - the flat "action index" lists every player action (chance excluded): players in order,
//    their infosets in order, actions in order. Behaviour profiles use this index.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "games/number.h"

namespace redline::games {

using NodeId = int;
using InfosetId = int;  // index into ExtensiveGame::infosets() (players' and chance's)
using OutcomeId = int;  // index into outcomes(); kNoOutcome when a node has none

inline constexpr int kChancePlayer = -1;
inline constexpr OutcomeId kNoOutcome = -1;
inline constexpr InfosetId kNoInfoset = -1;  // the "infoset" of a terminal node

// Payoffs for every player (in player order) and a label.
struct Outcome {
  std::string label;
  std::vector<Number> payoffs;
};

struct Infoset {
  int player = kChancePlayer;  // 0-based player, or kChancePlayer
  int index_in_player = 0;     // position in Player::infosets / chance_infosets()
  std::string label;
  std::vector<std::string> action_labels;
  std::vector<Number> chance_probabilities;  // one per action; empty for player infosets
  std::vector<NodeId> members;               // in preorder
  int first_action_index = -1;               // flat action index of action 0; -1 for chance

  int num_actions() const { return static_cast<int>(action_labels.size()); }
};

struct Node {
  std::string label;
  NodeId parent = -1;              // -1 at the root
  int action_from_parent = -1;     // which action of the parent's infoset leads here
  InfosetId infoset = kNoInfoset;  // kNoInfoset for terminal nodes
  OutcomeId outcome = kNoOutcome;
  int first_child = 0;  // children are child_ids()[first_child .. +num_children)
  int num_children = 0;

  bool is_terminal() const { return num_children == 0; }
};

struct Player {
  std::string label;
  std::vector<InfosetId> infosets;  // in preorder of first appearance
};

class ExtensiveGameBuilder;
class ExtensiveGame;

// Gambit 17's label rules that make it reject a file: a non-empty node label must be unique
// within the game, a non-empty infoset label unique among its player's infosets (chance
// counts as a player). (Repeated outcome, action and player labels it renames on reading.)
// Returns the game with every repeated node or infoset label renamed "label_2", "label_3",
// ... (the first occurrence keeps its label; a suffix already in use is skipped); a game
// that obeys the rules is returned unchanged. Older files with repeated labels still read as
// they are; the .efg writer applies this so that every file redline writes is one Gambit 17
// reads, and the game library builds its games with it.
ExtensiveGame WithUniqueLabels(ExtensiveGame game);

// The first node or infoset label that breaks those rules, described; empty when none does.
std::string FindLabelRuleViolation(const ExtensiveGame& game);

class ExtensiveGame {
 public:
  const std::string& title() const { return title_; }
  const std::string& comment() const { return comment_; }

  int num_players() const { return static_cast<int>(players_.size()); }
  const std::vector<Player>& players() const { return players_; }
  const std::vector<InfosetId>& chance_infosets() const { return chance_infosets_; }
  const std::vector<Infoset>& infosets() const { return infosets_; }
  const std::vector<Outcome>& outcomes() const { return outcomes_; }
  const std::vector<Node>& nodes() const { return nodes_; }

  const Node& node(NodeId id) const { return nodes_[id]; }
  const Infoset& infoset(InfosetId id) const { return infosets_[id]; }
  NodeId root() const { return 0; }
  int num_nodes() const { return static_cast<int>(nodes_.size()); }

  // The i-th child of `id` (the node reached by action i of its infoset).
  NodeId child(NodeId id, int i) const { return child_ids_[nodes_[id].first_child + i]; }
  // The player moving at a non-terminal node, or kChancePlayer.
  int player_at(NodeId id) const { return infosets_[nodes_[id].infoset].player; }

  // Number of entries of a behaviour profile (all player actions, chance excluded).
  int num_actions() const { return num_actions_; }
  // The flat index of action `action` at player infoset `infoset` (not chance).
  int action_index(InfosetId infoset, int action) const {
    return infosets_[infoset].first_action_index + action;
  }

  // True when every infoset has exactly one member (chance nodes allowed).
  // The most moves on a path from the root to a leaf.
  int depth() const { return depth_; }

  bool is_perfect_information() const { return perfect_information_; }
  // True when no player ever forgets what they knew or did (Kuhn's perfect recall):
  // all members of an infoset share the same sequence of the owner's own (infoset, action)
  // pairs from the root.
  bool has_perfect_recall() const { return perfect_recall_; }

 private:
  friend class ExtensiveGameBuilder;
  friend ExtensiveGame WithUniqueLabels(ExtensiveGame game);
  std::string title_, comment_;
  std::vector<Player> players_;
  std::vector<InfosetId> chance_infosets_;
  std::vector<Infoset> infosets_;
  std::vector<Outcome> outcomes_;
  std::vector<Node> nodes_;
  std::vector<NodeId> child_ids_;
  int num_actions_ = 0;
  int depth_ = 0;
  bool perfect_information_ = true;
  bool perfect_recall_ = true;
};

// Builds a game in preorder, the order of a .efg file. Usage:
//   ExtensiveGameBuilder b("title", {"Alice", "Bob"});
//   b.AddPlayerNode(...); b.AddTerminalNode(...); ...   // preorder
//   Result<ExtensiveGame> game = std::move(b).Build();
// Infosets and outcomes are created first (NewInfoset/NewOutcome) and referenced by id;
// an infoset's members are the nodes added with it. Build() checks that the tree is
// complete and consistent and computes the derived tables; it fails (never aborts) on:
// a node whose infoset has the wrong number of actions, chance probabilities that are
// negative or do not sum to 1, an unfinished tree, or an empty infoset.
class ExtensiveGameBuilder {
 public:
  ExtensiveGameBuilder(std::string title, std::vector<std::string> player_labels);

  void SetComment(std::string comment) { game_.comment_ = std::move(comment); }
  InfosetId NewPlayerInfoset(int player, std::string label, std::vector<std::string> actions);
  InfosetId NewChanceInfoset(std::string label, std::vector<std::string> actions,
                             std::vector<Number> probabilities);
  OutcomeId NewOutcome(std::string label, std::vector<Number> payoffs);
  const Outcome& outcome(OutcomeId id) const { return game_.outcomes_[id]; }

  // Appends the next node in preorder. `outcome` may be kNoOutcome.
  void AddDecisionNode(std::string label, InfosetId infoset, OutcomeId outcome);
  void AddTerminalNode(std::string label, OutcomeId outcome);

  // True when every non-terminal node added so far has all its children.
  // Room for about this many nodes and outcomes (a hint: the builder grows as needed).
  void Reserve(std::size_t nodes);

  bool complete() const { return open_.empty() && !game_.nodes_.empty(); }

  Result<ExtensiveGame> Build() &&;

 private:
  NodeId AddNode(std::string label, InfosetId infoset, OutcomeId outcome, int num_children);
  ExtensiveGame game_;
  struct OpenNode {
    NodeId id;
    int children_seen;
  };
  std::vector<OpenNode> open_;  // stack of nodes still missing children
};

// Structural equality: same title, comment, players, tree shape, node labels, infoset
// partition (by per-player index), infoset and action labels, chance probabilities, and
// per-node outcome labels and payoffs (exact). Outcome ids may differ. Returns an empty
// string when equal, otherwise a description of the first difference.
std::string DescribeDifference(const ExtensiveGame& a, const ExtensiveGame& b);

}  // namespace redline::games
