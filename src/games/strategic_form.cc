// Pure strategies of extensive games, the (reduced) strategic form, and pure profiles as
// behaviour profiles (see strategy.h).
#include <optional>
#include <utility>

#include "games/strategy.h"

namespace redline::games {
namespace {

Diagnostic TooLarge(const std::string& what, int64_t limit) {
  Diagnostic error;
  error.message = what + " exceeds the limit of " + std::to_string(limit);
  return error;
}

// Gambit's reduced strategies: walk the tree depth first; at the first node of an infoset
// of `player` not yet decided, branch over its actions (each branch continues the walk);
// nodes the player's own choices exclude are never visited, so their infosets stay open.
class ReducedStrategyEnumerator {
 public:
  ReducedStrategyEnumerator(const ExtensiveGame& game, int player, int64_t limit)
      : game_(game),
        player_(player),
        limit_(limit),
        current_(game.players()[player].infosets.size(), kUnspecified) {}

  // Depth first over the player's choices: the nodes still to visit are walked until one of
  // the player's infosets without an action yet (a choice, then taken with each action in
  // turn) or the end (a complete reduced strategy). The choices are a stack, not a
  // recursion, so that deep trees cannot exhaust the thread's stack. False at the limit.
  bool Run() {
    std::vector<Choice> choices;
    std::vector<NodeId> pending = {game_.root()};
    while (true) {
      if (std::optional<Choice> choice = NextChoice(pending)) {
        choices.push_back(std::move(*choice));
      } else {
        if (static_cast<int64_t>(strategies_.size()) >= limit_) return false;
        strategies_.push_back(current_);
      }
      while (!choices.empty() &&
             choices.back().next_action == game_.node(choices.back().node).num_children) {
        current_[choices.back().k] = kUnspecified;
        choices.pop_back();
      }
      if (choices.empty()) return true;
      Choice& c = choices.back();
      current_[c.k] = c.next_action;
      pending = c.pending;
      pending.push_back(game_.child(c.node, c.next_action++));
    }
  }
  std::vector<PureStrategy>& strategies() { return strategies_; }

 private:
  struct Choice {
    int k;        // the infoset's index in the player's
    NodeId node;  // where it was met
    int next_action;
    std::vector<NodeId> pending;  // what remained to visit there
  };

  // Visits `pending` until an infoset of the player's without an action yet: that choice
  // (with what is left of `pending`), or nothing when the visit ends.
  std::optional<Choice> NextChoice(std::vector<NodeId>& pending) const {
    while (!pending.empty()) {
      const NodeId id = pending.back();
      pending.pop_back();
      const Node& node = game_.node(id);
      if (node.is_terminal()) continue;
      if (game_.player_at(id) != player_) {
        for (int a = node.num_children - 1; a >= 0; --a) pending.push_back(game_.child(id, a));
        continue;
      }
      const int k = game_.infoset(node.infoset).index_in_player;
      if (current_[k] != kUnspecified) {
        pending.push_back(game_.child(id, current_[k]));
        continue;
      }
      return Choice{k, id, 0, std::move(pending)};
    }
    return std::nullopt;
  }

  const ExtensiveGame& game_;
  const int player_;
  const int64_t limit_;
  PureStrategy current_;
  std::vector<PureStrategy> strategies_;
};

Result<std::vector<PureStrategy>> FullStrategies(const ExtensiveGame& game, int player,
                                                 int64_t limit) {
  const auto& infosets = game.players()[player].infosets;
  int64_t count = 1;
  for (InfosetId id : infosets) {
    count *= game.infoset(id).num_actions();
    if (count > limit) return TooLarge("the number of pure strategies", limit);
  }
  std::vector<PureStrategy> strategies;
  PureStrategy current(infosets.size(), 0);
  for (int64_t i = 0; i < count; ++i) {
    strategies.push_back(current);
    for (int k = static_cast<int>(infosets.size()) - 1; k >= 0; --k) {  // last fastest
      if (++current[k] < game.infoset(infosets[k]).num_actions()) break;
      current[k] = 0;
    }
  }
  return strategies;
}

std::string StrategyLabel(const ExtensiveGame& game, int player, const PureStrategy& strategy) {
  std::string label;
  const auto& infosets = game.players()[player].infosets;
  for (std::size_t k = 0; k < infosets.size(); ++k) {
    if (k > 0) label += "/";
    if (strategy[k] == kUnspecified) {
      label += "*";
      continue;
    }
    const std::string& action = game.infoset(infosets[k]).action_labels[strategy[k]];
    label += action.empty() ? std::to_string(strategy[k] + 1) : action;
  }
  return label.empty() ? "*" : label;
}

}  // namespace

Result<std::vector<PureStrategy>> PureStrategies(const ExtensiveGame& game, int player,
                                                 StrategicFormKind kind, int64_t limit) {
  if (kind == StrategicFormKind::kFull) return FullStrategies(game, player, limit);
  ReducedStrategyEnumerator enumerator(game, player, limit);
  if (!enumerator.Run()) return TooLarge("the number of reduced pure strategies", limit);
  return std::move(enumerator.strategies());
}

std::vector<mpq_class> PurePayoffs(const ExtensiveGame& game,
                                   const std::vector<PureStrategy>& strategies) {
  const int n = game.num_players();
  std::vector<mpq_class> totals(n, 0);
  std::vector<std::pair<NodeId, mpq_class>> pending = {{game.root(), mpq_class(1)}};
  while (!pending.empty()) {
    auto [id, probability] = std::move(pending.back());
    pending.pop_back();
    const Node& node = game.node(id);
    if (node.outcome != kNoOutcome) {
      for (int p = 0; p < n; ++p) {
        totals[p] += probability * game.outcomes()[node.outcome].payoffs[p].exact();
      }
    }
    if (node.is_terminal()) continue;
    const Infoset& infoset = game.infoset(node.infoset);
    if (infoset.player == kChancePlayer) {
      for (int a = 0; a < node.num_children; ++a) {
        const mpq_class& p = infoset.chance_probabilities[a].exact();
        if (p != 0) pending.emplace_back(game.child(id, a), probability * p);
      }
    } else {
      const int action = strategies[infoset.player][infoset.index_in_player];
      pending.emplace_back(game.child(id, action == kUnspecified ? 0 : action), probability);
    }
  }
  return totals;
}

Result<NormalFormGame> ToStrategicForm(const ExtensiveGame& game, StrategicFormKind kind,
                                       int64_t max_cells,
                                       std::vector<std::vector<PureStrategy>>* strategies_out) {
  const int n = game.num_players();
  std::vector<std::vector<PureStrategy>> strategies(n);
  std::vector<StrategicPlayer> players(n);
  int64_t cells = 1;
  for (int p = 0; p < n; ++p) {
    auto list = PureStrategies(game, p, kind, max_cells);
    if (!list.ok()) return list.errors();
    strategies[p] = std::move(list).value();
    cells *= static_cast<int64_t>(strategies[p].size());
    if (cells > max_cells) return TooLarge("the size of the strategic form", max_cells);
    players[p].label = game.players()[p].label;
    for (const PureStrategy& s : strategies[p]) {
      players[p].strategy_labels.push_back(StrategyLabel(game, p, s));
    }
  }
  std::vector<Outcome> outcomes(cells);
  std::vector<OutcomeId> cell_outcomes(cells);
  std::vector<PureStrategy> profile(n);
  std::vector<int> index(n, 0);
  for (int64_t cell = 0; cell < cells; ++cell) {
    for (int p = 0; p < n; ++p) profile[p] = strategies[p][index[p]];
    for (const mpq_class& v : PurePayoffs(game, profile)) outcomes[cell].payoffs.emplace_back(v);
    cell_outcomes[cell] = static_cast<OutcomeId>(cell);
    for (int p = 0; p < n; ++p) {  // player 1 fastest
      if (++index[p] < static_cast<int>(strategies[p].size())) break;
      index[p] = 0;
    }
  }
  if (strategies_out != nullptr) *strategies_out = std::move(strategies);
  return NormalFormGame::Create(game.title(), game.comment(), std::move(players),
                                std::move(outcomes), std::move(cell_outcomes));
}

ExactBehaviorProfile ToBehaviorProfile(const ExtensiveGame& game,
                                       const std::vector<PureStrategy>& strategies) {
  ExactBehaviorProfile profile(game.num_actions(), mpq_class(0));
  for (int player = 0; player < game.num_players(); ++player) {
    // Nodes reached when `player` follows its strategy, chance moves at random and the
    // others may play anything.
    std::vector<NodeId> pending = {game.root()};
    while (!pending.empty()) {
      const NodeId id = pending.back();
      pending.pop_back();
      const Node& node = game.node(id);
      if (node.is_terminal()) continue;
      const Infoset& infoset = game.infoset(node.infoset);
      if (infoset.player == player) {
        const int action = strategies[player][infoset.index_in_player];
        if (action == kUnspecified) continue;
        profile[infoset.first_action_index + action] = 1;
        pending.push_back(game.child(id, action));
        continue;
      }
      for (int a = 0; a < node.num_children; ++a) {
        if (infoset.player == kChancePlayer && infoset.chance_probabilities[a].exact() == 0) {
          continue;
        }
        pending.push_back(game.child(id, a));
      }
    }
  }
  return profile;
}

}  // namespace redline::games
