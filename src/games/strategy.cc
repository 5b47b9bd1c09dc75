// Expected payoffs, best responses and NashConv (see strategy.h).
#include "games/strategy.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <deque>
#include <limits>
#include <type_traits>

namespace redline::games {
namespace {

// A number as a double or exactly; the rational by reference (a copy allocates).
double ValueOf(const Number& number, const std::vector<double>&) { return number.real(); }
const mpq_class& ValueOf(const Number& number, const std::vector<mpq_class>&) {
  return number.exact();
}

// The probability of `action` at `node`: chance's, or the profile's. `const auto&` binds the
// double (a temporary) and the rational (a reference) alike.
template <typename T>
decltype(auto) ActionProbability(const ExtensiveGame& game, NodeId node, int action,
                                 const std::vector<T>& profile) {
  const Infoset& infoset = game.infoset(game.node(node).infoset);
  using Result = std::conditional_t<std::is_same_v<T, double>, double, const T&>;
  if (infoset.player == kChancePlayer) {
    return static_cast<Result>(ValueOf(infoset.chance_probabilities[action], profile));
  }
  return static_cast<Result>(profile[infoset.first_action_index + action]);
}

// target += a * b; `scratch` holds the rational product (gmpxx would allocate a temporary).
void AddProduct(double& target, double a, double b, double&) { target += a * b; }
void AddProduct(mpq_class& target, const mpq_class& a, const mpq_class& b, mpq_class& scratch) {
  mpq_mul(scratch.get_mpq_t(), a.get_mpq_t(), b.get_mpq_t());
  mpq_add(target.get_mpq_t(), target.get_mpq_t(), scratch.get_mpq_t());
}

// Expected payoff vector of the subtree under every node, children before parents
// (preorder ids: a child always has a larger id than its parent).
template <typename T>
std::vector<T> ExtensivePayoffs(const ExtensiveGame& game, const std::vector<T>& profile) {
  assert(static_cast<int>(profile.size()) == game.num_actions());
  const int n = game.num_players();
  std::vector<T> values(static_cast<std::size_t>(game.num_nodes()) * n, T(0));
  T scratch(0);
  for (NodeId id = game.num_nodes() - 1; id >= 0; --id) {
    const Node& node = game.node(id);
    T* here = &values[static_cast<std::size_t>(id) * n];
    if (node.outcome != kNoOutcome) {
      for (int p = 0; p < n; ++p)
        here[p] += ValueOf(game.outcomes()[node.outcome].payoffs[p], profile);
    }
    for (int a = 0; a < node.num_children; ++a) {
      const auto& probability = ActionProbability(game, id, a, profile);
      if (probability == 0) continue;
      const T* below = &values[static_cast<std::size_t>(game.child(id, a)) * n];
      for (int p = 0; p < n; ++p) AddProduct(here[p], probability, below[p], scratch);
    }
  }
  return std::vector<T>(values.begin(), values.begin() + n);
}

// Exact expected payoffs, carrying each node's reach probability down the tree and skipping
// the subtrees reached with probability 0: an equilibrium in pure or sparsely mixed
// strategies leaves most of a tree unreached, and each rational product and sum allocates.
// The same value as ExtensivePayoffs (exact arithmetic). Nodes are visited in preorder (the
// ids' order), keeping one reach probability per depth: between a node and each of its
// children come only the subtrees of the earlier children, which write deeper entries. A
// loop, not a recursion, so that deep trees cannot exhaust the stack.
std::vector<mpq_class> ExactExtensivePayoffs(const ExtensiveGame& game,
                                             const ExactBehaviorProfile& profile) {
  assert(static_cast<int>(profile.size()) == game.num_actions());
  std::vector<mpq_class> totals(game.num_players(), mpq_class(0));
  std::vector<int> depth(game.num_nodes(), -1);  // -1: not reached
  std::deque<mpq_class> reach;                   // by depth; a deque keeps references
  reach.emplace_back(1);
  mpq_class scratch;
  for (NodeId id = game.root(); id < game.num_nodes(); ++id) {
    const Node& node = game.node(id);
    if (id == game.root()) {
      depth[id] = 0;
    } else {
      const int above = depth[node.parent];
      if (above < 0) continue;
      const mpq_class& probability =
          ActionProbability(game, node.parent, node.action_from_parent, profile);
      if (sgn(probability) == 0) continue;
      depth[id] = above + 1;
      if (static_cast<int>(reach.size()) == depth[id]) reach.emplace_back();
      mpq_mul(reach[depth[id]].get_mpq_t(), reach[above].get_mpq_t(), probability.get_mpq_t());
    }
    if (node.outcome == kNoOutcome) continue;
    const std::vector<Number>& payoffs = game.outcomes()[node.outcome].payoffs;
    for (std::size_t p = 0; p < totals.size(); ++p) {
      AddProduct(totals[p], reach[depth[id]], payoffs[p].exact(), scratch);
    }
  }
  return totals;
}

// Best response of one player in a game with perfect recall: node values under the best
// response, deciding each infoset from the beliefs-weighted values of its members.
class TreeBestResponse {
 public:
  TreeBestResponse(const ExtensiveGame& game, const BehaviorProfile& profile, int player)
      : game_(game),
        profile_(profile),
        player_(player),
        reach_(game.num_nodes(), 0.0),
        value_(game.num_nodes(), kUnknown),
        decision_(game.infosets().size(), kUndecided) {
    reach_[0] = 1.0;
    for (NodeId id = 0; id < game.num_nodes(); ++id) {
      const Node& node = game.node(id);
      for (int a = 0; a < node.num_children; ++a) {
        const bool own = game.player_at(id) == player_;
        const double p = own ? 1.0 : ActionProbability(game, id, a, profile);
        reach_[game.child(id, a)] = reach_[id] * p;
      }
    }
  }

  // NaN when the evaluation meets an infoset that depends on itself (imperfect recall).
  //
  // The value of a node is its outcome's payoff plus, at the player's own nodes, the value
  // of the child its infoset's decision picks, and elsewhere the probability-weighted values
  // of its children; an infoset's decision is the action with the highest reach-weighted
  // value over its members (the first on ties). Both are computed on demand and remembered,
  // as a recursion would, but with an explicit stack of calls so that deep trees cannot
  // exhaust the thread's stack.
  double Solve() {
    stack_.clear();
    Push(Call::kNode, game_.root());
    while (!stack_.empty()) Step();
    return returned_value_;
  }

 private:
  static constexpr double kUnknown = std::numeric_limits<double>::lowest();
  static constexpr int kUndecided = -2;
  static constexpr int kDeciding = -3;

  // A pending call of NodeValue(id) or Decide(id = infoset), and where it is.
  enum class Call { kNode, kDecide };
  enum class Stage { kStart, kAwaitDecision, kAwaitOwnChild, kOthers, kMembers };
  struct Frame {
    Call call;
    int id;
    Stage stage = Stage::kStart;
    bool waiting = false;  // a child call was made; its result is in returned_*
    int action = 0;
    std::size_t member = 0;
    double value = 0.0;  // node: the sum so far; decide: this action's total
    double p = 0.0;      // node: the probability of the child being evaluated
    int best = 0;
    double best_value = 0.0;
  };

  void Push(Call call, int id) { stack_.push_back(Frame{call, id}); }
  void ReturnValue(double value) {
    returned_value_ = value;
    stack_.pop_back();
  }
  void ReturnAction(int action) {
    returned_action_ = action;
    stack_.pop_back();
  }

  // Advances the innermost call until it returns or calls another (which is pushed: `f` is
  // not used after a push, which may move the stack).
  void Step() {
    Frame& f = stack_.back();
    if (f.call == Call::kDecide) return StepDecide(f);
    const Node& node = game_.node(f.id);
    switch (f.stage) {
      case Stage::kStart:
        if (value_[f.id] != kUnknown) return ReturnValue(value_[f.id]);
        f.value = node.outcome == kNoOutcome
                      ? 0.0
                      : game_.outcomes()[node.outcome].payoffs[player_].real();
        if (node.is_terminal()) return ReturnValue(value_[f.id] = f.value);
        if (game_.player_at(f.id) == player_) {
          f.stage = Stage::kAwaitDecision;
          return Push(Call::kDecide, node.infoset);
        }
        f.stage = Stage::kOthers;
        return StepOthers(f, node);
      case Stage::kAwaitDecision:
        if (returned_action_ < 0) return ReturnValue(std::nan(""));
        f.stage = Stage::kAwaitOwnChild;
        return Push(Call::kNode, game_.child(f.id, returned_action_));
      case Stage::kAwaitOwnChild:
        f.value += returned_value_;
        return ReturnValue(value_[f.id] = f.value);
      case Stage::kOthers:
        return StepOthers(f, node);
      case Stage::kMembers:
        break;
    }
  }

  // The other players' and chance's nodes: the children by probability.
  void StepOthers(Frame& f, const Node& node) {
    if (f.waiting) {
      f.waiting = false;
      f.value += f.p * returned_value_;
      ++f.action;
    }
    for (; f.action < node.num_children; ++f.action) {
      const double p = ActionProbability(game_, f.id, f.action, profile_);
      if (p == 0.0) continue;
      f.p = p;
      f.waiting = true;
      return Push(Call::kNode, game_.child(f.id, f.action));
    }
    ReturnValue(value_[f.id] = f.value);
  }

  void StepDecide(Frame& f) {
    const Infoset& infoset = game_.infoset(f.id);
    if (f.stage == Stage::kStart) {
      if (decision_[f.id] == kDeciding) return ReturnAction(-1);
      if (decision_[f.id] != kUndecided) return ReturnAction(decision_[f.id]);
      decision_[f.id] = kDeciding;
      f.stage = Stage::kMembers;
    }
    if (f.waiting) {
      f.waiting = false;
      if (std::isnan(returned_value_)) return ReturnAction(-1);
      f.value += reach_[infoset.members[f.member]] * returned_value_;
      ++f.member;
    }
    for (; f.action < infoset.num_actions(); ++f.action) {
      for (; f.member < infoset.members.size(); ++f.member) {
        const NodeId member = infoset.members[f.member];
        if (reach_[member] == 0.0) continue;
        f.waiting = true;
        return Push(Call::kNode, game_.child(member, f.action));
      }
      if (f.action == 0 || f.value > f.best_value) {
        f.best = f.action;
        f.best_value = f.value;
      }
      f.member = 0;
      f.value = 0.0;
    }
    ReturnAction(decision_[f.id] = f.best);
  }

  const ExtensiveGame& game_;
  const BehaviorProfile& profile_;
  const int player_;
  std::vector<double> reach_;  // probability of the node given the player aims for it
  std::vector<double> value_;
  std::vector<int> decision_;
  std::vector<Frame> stack_;
  double returned_value_ = 0.0;
  int returned_action_ = 0;
};

// Imperfect recall: try every reduced pure strategy of the player.
double EnumeratedBestResponse(const ExtensiveGame& game, const BehaviorProfile& profile,
                              int player) {
  auto strategies = PureStrategies(game, player, StrategicFormKind::kReduced);
  if (!strategies.ok()) return std::nan("");
  double best = std::numeric_limits<double>::lowest();
  BehaviorProfile trial = profile;
  for (const PureStrategy& strategy : *strategies) {
    const auto& infosets = game.players()[player].infosets;
    for (std::size_t k = 0; k < infosets.size(); ++k) {
      const Infoset& infoset = game.infoset(infosets[k]);
      for (int a = 0; a < infoset.num_actions(); ++a) {
        const int chosen = strategy[k] == kUnspecified ? 0 : strategy[k];
        trial[infoset.first_action_index + a] = a == chosen ? 1.0 : 0.0;
      }
    }
    best = std::max(best, ExpectedPayoffs(game, trial)[player]);
  }
  return best;
}

// Payoff of each of `player`'s strategies against the others' mixed strategies.
template <typename T>
std::vector<T> StrategyValues(const NormalFormGame& game, const std::vector<T>& profile,
                              int player) {
  std::vector<T> values(game.num_strategies(player), T(0));
  std::vector<int> strategies(game.num_players(), 0);
  T weight(1), scratch(0);
  for (int64_t cell = 0; cell < game.num_cells(); ++cell) {
    weight = 1;
    for (int p = 0; p < game.num_players() && weight != 0; ++p) {
      if (p != player) weight *= profile[game.strategy_offset(p) + strategies[p]];
    }
    if (weight != 0) {
      if constexpr (std::is_same_v<T, double>) {
        values[strategies[player]] += weight * game.payoff(cell, player);
      } else {
        AddProduct(values[strategies[player]], weight, game.exact_payoff(cell, player), scratch);
      }
    }
    for (int p = 0; p < game.num_players(); ++p) {  // next cell: player 1 fastest
      if (++strategies[p] < game.num_strategies(p)) break;
      strategies[p] = 0;
    }
  }
  return values;
}

template <typename T>
std::vector<T> NormalFormPayoffs(const NormalFormGame& game, const std::vector<T>& profile) {
  std::vector<T> totals(game.num_players(), T(0));
  std::vector<int> strategies(game.num_players(), 0);
  T weight(1), scratch(0);
  for (int64_t cell = 0; cell < game.num_cells(); ++cell) {
    weight = 1;
    for (int p = 0; p < game.num_players() && weight != 0; ++p) {
      weight *= profile[game.strategy_offset(p) + strategies[p]];
    }
    if (weight != 0) {
      for (int p = 0; p < game.num_players(); ++p) {
        if constexpr (std::is_same_v<T, double>) {
          totals[p] += weight * game.payoff(cell, p);
        } else {
          AddProduct(totals[p], weight, game.exact_payoff(cell, p), scratch);
        }
      }
    }
    for (int p = 0; p < game.num_players(); ++p) {
      if (++strategies[p] < game.num_strategies(p)) break;
      strategies[p] = 0;
    }
  }
  return totals;
}

}  // namespace

BehaviorProfile UniformBehaviorProfile(const ExtensiveGame& game) {
  BehaviorProfile profile(game.num_actions(), 0.0);
  for (const Infoset& infoset : game.infosets()) {
    if (infoset.player == kChancePlayer) continue;
    for (int a = 0; a < infoset.num_actions(); ++a) {
      profile[infoset.first_action_index + a] = 1.0 / infoset.num_actions();
    }
  }
  return profile;
}

MixedProfile UniformMixedProfile(const NormalFormGame& game) {
  MixedProfile profile(game.num_profile_entries(), 0.0);
  for (int p = 0; p < game.num_players(); ++p) {
    for (int s = 0; s < game.num_strategies(p); ++s) {
      profile[game.strategy_offset(p) + s] = 1.0 / game.num_strategies(p);
    }
  }
  return profile;
}

std::vector<double> ExpectedPayoffs(const ExtensiveGame& game, const BehaviorProfile& profile) {
  return ExtensivePayoffs(game, profile);
}
std::vector<mpq_class> ExpectedPayoffs(const ExtensiveGame& game,
                                       const ExactBehaviorProfile& profile) {
  return ExactExtensivePayoffs(game, profile);
}
std::vector<double> ExpectedPayoffs(const NormalFormGame& game, const MixedProfile& profile) {
  return NormalFormPayoffs(game, profile);
}
std::vector<mpq_class> ExpectedPayoffs(const NormalFormGame& game,
                                       const ExactMixedProfile& profile) {
  return NormalFormPayoffs(game, profile);
}

double BestResponseValue(const ExtensiveGame& game, const BehaviorProfile& profile, int player) {
  if (game.has_perfect_recall()) {
    const double value = TreeBestResponse(game, profile, player).Solve();
    if (!std::isnan(value)) return value;
  }
  return EnumeratedBestResponse(game, profile, player);
}

double BestResponseValue(const NormalFormGame& game, const MixedProfile& profile, int player) {
  const auto values = StrategyValues(game, profile, player);
  return *std::max_element(values.begin(), values.end());
}

mpq_class BestResponseValue(const NormalFormGame& game, const ExactMixedProfile& profile,
                            int player) {
  const auto values = StrategyValues(game, profile, player);
  return *std::max_element(values.begin(), values.end());
}

std::vector<double> PlayerRegrets(const ExtensiveGame& game, const BehaviorProfile& profile) {
  const std::vector<double> current = ExpectedPayoffs(game, profile);
  std::vector<double> regrets(game.num_players());
  for (int p = 0; p < game.num_players(); ++p) {
    regrets[p] = std::max(0.0, BestResponseValue(game, profile, p) - current[p]);
  }
  return regrets;
}

std::vector<double> PlayerRegrets(const NormalFormGame& game, const MixedProfile& profile) {
  const std::vector<double> current = ExpectedPayoffs(game, profile);
  std::vector<double> regrets(game.num_players());
  for (int p = 0; p < game.num_players(); ++p) {
    regrets[p] = std::max(0.0, BestResponseValue(game, profile, p) - current[p]);
  }
  return regrets;
}

double NashConv(const ExtensiveGame& game, const BehaviorProfile& profile) {
  const auto regrets = PlayerRegrets(game, profile);
  double total = 0.0;
  for (double r : regrets) total += r;
  return total;
}

double NashConv(const NormalFormGame& game, const MixedProfile& profile) {
  const auto regrets = PlayerRegrets(game, profile);
  double total = 0.0;
  for (double r : regrets) total += r;
  return total;
}

std::vector<double> ToDoubles(const std::vector<mpq_class>& exact) {
  std::vector<double> values;
  values.reserve(exact.size());
  for (const mpq_class& v : exact) values.push_back(v.get_d());
  return values;
}

}  // namespace redline::games
