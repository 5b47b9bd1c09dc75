#include "games/game.h"

#include <algorithm>
#include <utility>

namespace redline::games {
namespace {
// Builds a Diagnostic without a location (one statement, so GCC 12 sees it initialised).
Diagnostic GameError(std::string message) {
  Diagnostic error;
  error.message = std::move(message);
  return error;
}
}  // namespace

ExtensiveGameBuilder::ExtensiveGameBuilder(std::string title,
                                           std::vector<std::string> player_labels) {
  game_.title_ = std::move(title);
  for (auto& label : player_labels) game_.players_.push_back(Player{std::move(label), {}});
}

InfosetId ExtensiveGameBuilder::NewPlayerInfoset(int player, std::string label,
                                                 std::vector<std::string> actions) {
  Infoset infoset;
  infoset.player = player;
  infoset.label = std::move(label);
  infoset.action_labels = std::move(actions);
  game_.infosets_.push_back(std::move(infoset));
  return static_cast<InfosetId>(game_.infosets_.size() - 1);
}

InfosetId ExtensiveGameBuilder::NewChanceInfoset(std::string label,
                                                 std::vector<std::string> actions,
                                                 std::vector<Number> probabilities) {
  Infoset infoset;
  infoset.player = kChancePlayer;
  infoset.label = std::move(label);
  infoset.action_labels = std::move(actions);
  infoset.chance_probabilities = std::move(probabilities);
  game_.infosets_.push_back(std::move(infoset));
  return static_cast<InfosetId>(game_.infosets_.size() - 1);
}

OutcomeId ExtensiveGameBuilder::NewOutcome(std::string label, std::vector<Number> payoffs) {
  game_.outcomes_.push_back(Outcome{std::move(label), std::move(payoffs)});
  return static_cast<OutcomeId>(game_.outcomes_.size() - 1);
}

void ExtensiveGameBuilder::AddDecisionNode(std::string label, InfosetId infoset,
                                           OutcomeId outcome) {
  const int num_children = game_.infosets_[infoset].num_actions();
  const NodeId id = AddNode(std::move(label), infoset, outcome, num_children);
  game_.infosets_[infoset].members.push_back(id);
}

void ExtensiveGameBuilder::AddTerminalNode(std::string label, OutcomeId outcome) {
  AddNode(std::move(label), kNoInfoset, outcome, 0);
}

NodeId ExtensiveGameBuilder::AddNode(std::string label, InfosetId infoset, OutcomeId outcome,
                                     int num_children) {
  Node node;
  node.label = std::move(label);
  node.infoset = infoset;
  node.outcome = outcome;
  node.num_children = num_children;
  const NodeId id = static_cast<NodeId>(game_.nodes_.size());
  if (!open_.empty()) {
    OpenNode& parent = open_.back();
    node.parent = parent.id;
    node.action_from_parent = parent.children_seen;
    game_.child_ids_[game_.nodes_[parent.id].first_child + parent.children_seen] = id;
    if (++parent.children_seen == game_.nodes_[parent.id].num_children) open_.pop_back();
  }
  // Children's slots are taken as their parent arrives, parents in preorder.
  node.first_child = static_cast<int>(game_.child_ids_.size());
  game_.child_ids_.resize(game_.child_ids_.size() + num_children);
  game_.nodes_.push_back(std::move(node));
  if (num_children > 0) open_.push_back({id, 0});
  return id;
}

void ExtensiveGameBuilder::Reserve(std::size_t nodes) {
  game_.nodes_.reserve(nodes);
  game_.child_ids_.reserve(nodes);
  game_.outcomes_.reserve(nodes);
}

namespace {

// The owner's own (infoset, action) moves on the path from the root to `node`.
std::vector<std::pair<InfosetId, int>> OwnHistory(const ExtensiveGame& game, NodeId node,
                                                  int player) {
  std::vector<std::pair<InfosetId, int>> history;
  for (NodeId child = node, parent = game.node(node).parent; parent >= 0;
       child = parent, parent = game.node(parent).parent) {
    if (game.player_at(parent) == player) {
      history.emplace_back(game.node(parent).infoset, game.node(child).action_from_parent);
    }
  }
  return history;
}

}  // namespace

Result<ExtensiveGame> ExtensiveGameBuilder::Build() && {
  ExtensiveGame& g = game_;
  if (g.nodes_.empty() || !open_.empty()) {
    return GameError("the game tree is incomplete: a node is missing children");
  }
  const int num_players = g.num_players();
  for (const Outcome& outcome : g.outcomes_) {
    if (static_cast<int>(outcome.payoffs.size()) != num_players) {
      return GameError("outcome '" + outcome.label + "' has " +
                       std::to_string(outcome.payoffs.size()) + " payoffs for " +
                       std::to_string(num_players) + " players");
    }
  }
  // Renumber infosets: each player's by first member in preorder, players in order, then
  // chance. Members were appended in preorder, so members[0] is the first appearance.
  std::vector<InfosetId> order;
  for (InfosetId i = 0; i < static_cast<InfosetId>(g.infosets_.size()); ++i) {
    const Infoset& infoset = g.infosets_[i];
    if (infoset.members.empty()) {
      return GameError("infoset '" + infoset.label + "' has no nodes");
    }
    if (infoset.player != kChancePlayer && (infoset.player < 0 || infoset.player >= num_players)) {
      return GameError("infoset '" + infoset.label + "' belongs to no player");
    }
    order.push_back(i);
  }
  auto rank = [&](InfosetId i) {
    const int player = g.infosets_[i].player;
    return std::make_pair(player == kChancePlayer ? num_players : player,
                          g.infosets_[i].members.front());
  };
  std::sort(order.begin(), order.end(),
            [&](InfosetId a, InfosetId b) { return rank(a) < rank(b); });
  std::vector<InfosetId> new_id(order.size());
  std::vector<Infoset> sorted;
  for (InfosetId i : order) {
    new_id[i] = static_cast<InfosetId>(sorted.size());
    sorted.push_back(std::move(g.infosets_[i]));
  }
  g.infosets_ = std::move(sorted);
  for (Node& node : g.nodes_) {
    if (node.infoset != kNoInfoset) node.infoset = new_id[node.infoset];
  }
  g.num_actions_ = 0;
  for (InfosetId i = 0; i < static_cast<InfosetId>(g.infosets_.size()); ++i) {
    Infoset& infoset = g.infosets_[i];
    if (infoset.player == kChancePlayer) {
      infoset.index_in_player = static_cast<int>(g.chance_infosets_.size());
      g.chance_infosets_.push_back(i);
      mpq_class total = 0;
      for (const Number& p : infoset.chance_probabilities) {
        if (p.exact() < 0) {
          return GameError("chance infoset '" + infoset.label + "' has a negative probability");
        }
        total += p.exact();
      }
      if (std::abs(total.get_d() - 1.0) > 1e-6) {
        return GameError("the probabilities of chance infoset '" + infoset.label + "' sum to " +
                         FormatRational(total) + ", not 1");
      }
    } else {
      Player& player = g.players_[infoset.player];
      infoset.index_in_player = static_cast<int>(player.infosets.size());
      player.infosets.push_back(i);
      infoset.first_action_index = g.num_actions_;
      g.num_actions_ += infoset.num_actions();
    }
    if (infoset.members.size() > 1) g.perfect_information_ = false;
  }
  std::vector<int> depth(g.nodes_.size(), 0);  // parents come before their children
  for (NodeId id = 1; id < static_cast<NodeId>(g.nodes_.size()); ++id) {
    depth[id] = depth[g.nodes_[id].parent] + 1;
    g.depth_ = std::max(g.depth_, depth[id]);
  }
  for (const Infoset& infoset : g.infosets_) {
    // (A lone member agrees with itself: skipping it keeps deep trees linear.)
    if (infoset.player == kChancePlayer || !g.perfect_recall_ || infoset.members.size() < 2) {
      continue;
    }
    const auto first = OwnHistory(g, infoset.members.front(), infoset.player);
    for (std::size_t m = 1; m < infoset.members.size() && g.perfect_recall_; ++m) {
      if (OwnHistory(g, infoset.members[m], infoset.player) != first) g.perfect_recall_ = false;
    }
  }
  return std::move(game_);
}

}  // namespace redline::games
