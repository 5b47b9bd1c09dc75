#include "games/agent_logit_system.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace redline::games {

AgentLogitSystem::AgentLogitSystem(const ExtensiveGame& game)
    : game_(game), players_(game.num_players()), actions_(game.num_actions()) {
  const int nodes = game.num_nodes();
  subtree_end_.assign(nodes, 0);
  for (NodeId id = nodes - 1; id >= 0; --id) {  // children have larger ids than parents
    const Node& node = game.node(id);
    subtree_end_[id] =
        node.is_terminal() ? id + 1 : subtree_end_[game.child(id, node.num_children - 1)];
  }
  outcome_payoff_.assign(static_cast<std::size_t>(nodes) * players_, 0.0);
  for (NodeId id = 0; id < nodes; ++id) {
    const OutcomeId outcome = game.node(id).outcome;
    if (outcome == kNoOutcome) continue;
    for (int p = 0; p < players_; ++p) {
      outcome_payoff_[static_cast<std::size_t>(id) * players_ + p] =
          game.outcomes()[outcome].payoffs[p].real();
    }
  }
  owner_action_.assign(actions_, 0);
  for (InfosetId h = 0; h < static_cast<int>(game.infosets().size()); ++h) {
    const Infoset& infoset = game.infoset(h);
    if (infoset.player == kChancePlayer) continue;
    for (int a = 0; a < infoset.num_actions(); ++a)
      owner_action_[infoset.first_action_index + a] = h;
  }
  value_.assign(outcome_payoff_.size(), 0.0);
  d_value_.assign(outcome_payoff_.size(), 0.0);
  log_reach_.assign(nodes, 0.0);
  belief_.assign(nodes, 0.0);
  on_path_.assign(nodes + 1, 0);
  action_value_.assign(actions_, 0.0);
  dv_.assign(actions_, 0.0);
}

std::vector<double> AgentLogitSystem::Start() const {
  std::vector<double> x(actions_ + 1, 0.0);
  for (int k = 0; k < actions_; ++k) {
    x[k] = -std::log(static_cast<double>(game_.infoset(owner_action_[k]).num_actions()));
  }
  return x;
}

double AgentLogitSystem::EdgeProbability(NodeId node, int action) const {
  const Infoset& infoset = game_.infoset(game_.node(node).infoset);
  if (infoset.player == kChancePlayer) return infoset.chance_probabilities[action].real();
  return sigma_[infoset.first_action_index + action];
}

void AgentLogitSystem::ComputeValues(const std::vector<double>& w) {
  sigma_.resize(actions_);
  for (int k = 0; k < actions_; ++k) sigma_[k] = std::exp(w[k]);
  for (NodeId id = game_.num_nodes() - 1; id >= 0; --id) {
    const Node& node = game_.node(id);
    double* here = &value_[static_cast<std::size_t>(id) * players_];
    std::copy_n(&outcome_payoff_[static_cast<std::size_t>(id) * players_], players_, here);
    for (int a = 0; a < node.num_children; ++a) {
      const double p = EdgeProbability(id, a);
      const double* below = &value_[static_cast<std::size_t>(game_.child(id, a)) * players_];
      for (int i = 0; i < players_; ++i) here[i] += p * below[i];
    }
  }
}

void AgentLogitSystem::ComputeBeliefs(const std::vector<double>& w) {
  log_reach_[0] = 0.0;
  for (NodeId id = 1; id < game_.num_nodes(); ++id) {
    const Node& node = game_.node(id);
    const Infoset& above = game_.infoset(game_.node(node.parent).infoset);
    const double edge = above.player == kChancePlayer
                            ? std::log(above.chance_probabilities[node.action_from_parent].real())
                            : w[above.first_action_index + node.action_from_parent];
    log_reach_[id] = log_reach_[node.parent] + edge;
  }
  for (const Infoset& infoset : game_.infosets()) {
    if (infoset.player == kChancePlayer) continue;
    double top = -std::numeric_limits<double>::infinity();
    for (NodeId x : infoset.members) top = std::max(top, log_reach_[x]);
    double total = 0.0;
    for (NodeId x : infoset.members) {
      belief_[x] = std::isfinite(top) ? std::exp(log_reach_[x] - top) : 1.0;
      total += belief_[x];
    }
    for (NodeId x : infoset.members) belief_[x] /= total;
    for (int a = 0; a < infoset.num_actions(); ++a) {
      double v = 0.0;
      for (NodeId x : infoset.members) {
        v += belief_[x] *
             value_[static_cast<std::size_t>(game_.child(x, a)) * players_ + infoset.player];
      }
      action_value_[infoset.first_action_index + a] = v;
    }
  }
}

void AgentLogitSystem::ComputeValueDerivatives(int k) {
  const Infoset& moved = game_.infoset(owner_action_[k]);
  const int b = k - moved.first_action_index;
  // How often action k lies on each node's root path: +1 over the subtree below each
  // member's b-child (a contiguous preorder range), by a difference array.
  std::fill(on_path_.begin(), on_path_.end(), 0);
  for (NodeId m : moved.members) {
    const NodeId c = game_.child(m, b);
    ++on_path_[c];
    --on_path_[subtree_end_[c]];
  }
  for (NodeId id = 1; id < game_.num_nodes(); ++id) on_path_[id] += on_path_[id - 1];
  // d value / d w_k bottom-up; d σ_k / d w_k = σ_k.
  for (NodeId id = game_.num_nodes() - 1; id >= 0; --id) {
    const Node& node = game_.node(id);
    double* here = &d_value_[static_cast<std::size_t>(id) * players_];
    std::fill_n(here, players_, 0.0);
    if (node.is_terminal() || subtree_end_[id] <= moved.members.front()) continue;
    const bool owns_k = node.infoset == owner_action_[k];
    for (int a = 0; a < node.num_children; ++a) {
      const NodeId c = game_.child(id, a);
      const double p = EdgeProbability(id, a);
      const double* below = &d_value_[static_cast<std::size_t>(c) * players_];
      for (int i = 0; i < players_; ++i) here[i] += p * below[i];
      if (owns_k && a == b) {
        const double* v = &value_[static_cast<std::size_t>(c) * players_];
        for (int i = 0; i < players_; ++i) here[i] += sigma_[k] * v[i];
      }
    }
  }
  // d v_ha = Σ_x dμ(x) value(x_a) + μ(x) d value(x_a), dμ(x) = μ(x) (on_path(x) − mean).
  for (const Infoset& infoset : game_.infosets()) {
    if (infoset.player == kChancePlayer) continue;
    double mean = 0.0;
    for (NodeId x : infoset.members) mean += belief_[x] * on_path_[x];
    for (int a = 0; a < infoset.num_actions(); ++a) {
      double d = 0.0;
      for (NodeId x : infoset.members) {
        const std::size_t c =
            static_cast<std::size_t>(game_.child(x, a)) * players_ + infoset.player;
        d += belief_[x] * ((on_path_[x] - mean) * value_[c] + d_value_[c]);
      }
      dv_[infoset.first_action_index + a] = d;
    }
  }
}

void AgentLogitSystem::Evaluate(const std::vector<double>& x, std::vector<double>& f,
                                DenseMatrix& jacobian) {
  const double lambda = x[actions_];
  ComputeValues(x);
  ComputeBeliefs(x);
  f.assign(actions_, 0.0);
  jacobian.assign(actions_, std::vector<double>(actions_ + 1, 0.0));
  for (const Infoset& infoset : game_.infosets()) {
    if (infoset.player == kChancePlayer) continue;
    const int base = infoset.first_action_index;
    f[base] = -1.0;
    for (int a = 0; a < infoset.num_actions(); ++a) {
      f[base] += sigma_[base + a];
      jacobian[base][base + a] = sigma_[base + a];
    }
    for (int a = 1; a < infoset.num_actions(); ++a) {
      const int row = base + a;
      const double gap = action_value_[row] - action_value_[base];
      f[row] = x[row] - x[base] - lambda * gap;
      jacobian[row][row] += 1.0;
      jacobian[row][base] -= 1.0;
      jacobian[row][actions_] = -gap;
    }
  }
  if (lambda == 0.0) return;  // the value derivatives enter multiplied by λ
  for (int k = 0; k < actions_; ++k) {
    ComputeValueDerivatives(k);
    for (const Infoset& infoset : game_.infosets()) {
      if (infoset.player == kChancePlayer) continue;
      const int base = infoset.first_action_index;
      for (int a = 1; a < infoset.num_actions(); ++a) {
        jacobian[base + a][k] -= lambda * (dv_[base + a] - dv_[base]);
      }
    }
  }
}

}  // namespace redline::games
