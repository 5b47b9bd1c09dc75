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
  std::vector<double> path_size(nodes, 0.0);  // largest Σ |payoff| from the root
  for (NodeId id = 0; id < nodes; ++id) {
    const Node& node = game.node(id);
    double largest = 0.0;
    if (node.outcome != kNoOutcome) {
      for (int p = 0; p < players_; ++p) {
        const double payoff = game.outcomes()[node.outcome].payoffs[p].real();
        outcome_payoff_[static_cast<std::size_t>(id) * players_ + p] = payoff;
        largest = std::max(largest, std::fabs(payoff));
      }
    }
    path_size[id] = (id == 0 ? 0.0 : path_size[node.parent]) + largest;
    payoff_scale_ = std::max(payoff_scale_, path_size[id]);
  }
  const int infosets = static_cast<int>(game.infosets().size());
  owner_action_.assign(actions_, 0);
  closure_.resize(infosets);
  affected_.resize(infosets);
  std::vector<char> marked(nodes, 0), seen(infosets, 0);
  for (InfosetId h = 0; h < infosets; ++h) {
    const Infoset& infoset = game.infoset(h);
    if (infoset.player == kChancePlayer) continue;
    for (int a = 0; a < infoset.num_actions(); ++a)
      owner_action_[infoset.first_action_index + a] = h;
    std::vector<NodeId>& closure = closure_[h];
    std::vector<InfosetId>& affected = affected_[h];
    auto touch = [&](NodeId id) {
      const InfosetId g = game.node(id).infoset;
      if (g != kNoInfoset && game.infoset(g).player != kChancePlayer && !seen[g]) {
        seen[g] = 1;
        affected.push_back(g);
      }
    };
    for (NodeId m : infoset.members) {
      for (NodeId id = m; id >= 0 && !marked[id]; id = game.node(id).parent) {
        marked[id] = 1;
        closure.push_back(id);
        if (id != m) touch(id);
      }
      for (NodeId id = m + 1; id < subtree_end_[m]; ++id) touch(id);
    }
    for (NodeId id : closure) marked[id] = 0;
    for (InfosetId g : affected) seen[g] = 0;
    std::sort(closure.rbegin(), closure.rend());
    std::sort(affected.begin(), affected.end());
  }
  sigma_.assign(actions_, 0.0);
  normalised_.assign(actions_, 0.0);
  log_normalised_.assign(actions_, 0.0);
  value_.assign(outcome_payoff_.size(), 0.0);
  d_value_.assign(outcome_payoff_.size(), 0.0);
  log_reach_.assign(nodes, 0.0);
  d_log_reach_.assign(nodes, 0.0);
  belief_.assign(nodes, 0.0);
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
  return normalised_[infoset.first_action_index + action];
}

void AgentLogitSystem::Normalise(const std::vector<double>& w) {
  for (const Infoset& infoset : game_.infosets()) {
    if (infoset.player == kChancePlayer) continue;
    const int base = infoset.first_action_index, count = infoset.num_actions();
    double top = w[base];
    for (int a = 1; a < count; ++a) top = std::max(top, w[base + a]);
    double total = 0.0;
    for (int a = 0; a < count; ++a) total += std::exp(w[base + a] - top);
    const double log_total = top + std::log(total);
    for (int a = 0; a < count; ++a) {
      sigma_[base + a] = std::exp(w[base + a]);
      log_normalised_[base + a] = w[base + a] - log_total;
      normalised_[base + a] = std::exp(log_normalised_[base + a]);
    }
  }
}

void AgentLogitSystem::ComputeValues() {
  for (NodeId id = game_.num_nodes() - 1; id >= 0; --id) {
    const Node& node = game_.node(id);
    double* here = Value(id);
    std::copy_n(&outcome_payoff_[static_cast<std::size_t>(id) * players_], players_, here);
    for (int a = 0; a < node.num_children; ++a) {
      const double p = EdgeProbability(id, a);
      const double* below = Value(game_.child(id, a));
      for (int i = 0; i < players_; ++i) here[i] += p * below[i];
    }
  }
}

void AgentLogitSystem::ComputeBeliefs() {
  log_reach_[0] = 0.0;
  for (NodeId id = 1; id < game_.num_nodes(); ++id) {
    const Node& node = game_.node(id);
    const Infoset& above = game_.infoset(game_.node(node.parent).infoset);
    const double edge = above.player == kChancePlayer
                            ? std::log(above.chance_probabilities[node.action_from_parent].real())
                            : log_normalised_[above.first_action_index + node.action_from_parent];
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
      for (NodeId x : infoset.members) v += belief_[x] * Value(game_.child(x, a))[infoset.player];
      action_value_[infoset.first_action_index + a] = v;
    }
  }
}

void AgentLogitSystem::ComputeValueDerivatives(int k) {
  const InfosetId h = owner_action_[k];
  const Infoset& moved = game_.infoset(h);
  const int b = k - moved.first_action_index;
  const double share = normalised_[k];
  // d log ρ(x) / d w_k over the members' subtrees (zero elsewhere): each edge leaving a
  // member adds d log σ̂_a / d w_k = [a = b] − σ̂_k.
  const NodeId low = moved.members.front();
  NodeId high = low + 1;
  for (NodeId m : moved.members) high = std::max(high, subtree_end_[m]);
  d_log_reach_[low] = 0.0;
  for (NodeId id = low + 1; id < high; ++id) {
    const Node& node = game_.node(id);
    double r = node.parent > low ? d_log_reach_[node.parent] : 0.0;
    if (game_.node(node.parent).infoset == h) r += (node.action_from_parent == b) - share;
    d_log_reach_[id] = r;
  }
  auto reach_derivative = [&](NodeId x) { return x > low && x < high ? d_log_reach_[x] : 0.0; };
  // d value / d w_k on the members and their ancestors, children first; every other node's
  // d_value_ stays 0. At a member: d Σ_a σ̂_a V(c_a) = σ̂_k (V(c_k) − Σ_a σ̂_a V(c_a)).
  for (NodeId id : closure_[h]) {
    const Node& node = game_.node(id);
    double* here = DValue(id);
    std::fill_n(here, players_, 0.0);
    for (int a = 0; a < node.num_children; ++a) {
      const double p = EdgeProbability(id, a);
      const double* below = DValue(game_.child(id, a));
      for (int i = 0; i < players_; ++i) here[i] += p * below[i];
    }
    if (node.infoset == h) {
      const double* v = Value(game_.child(id, b));
      const double* total = Value(id);
      const double* outcome = &outcome_payoff_[static_cast<std::size_t>(id) * players_];
      for (int i = 0; i < players_; ++i) here[i] += share * (v[i] - (total[i] - outcome[i]));
    }
  }
  // d v_ga = Σ_x dμ(x) V(c_a(x)) + μ(x) dV(c_a(x)), dμ(x) = μ(x) (r(x) − Σ_y μ(y) r(y)).
  for (InfosetId g : affected_[h]) {
    const Infoset& infoset = game_.infoset(g);
    double mean = 0.0;
    for (NodeId x : infoset.members) mean += belief_[x] * reach_derivative(x);
    for (int a = 0; a < infoset.num_actions(); ++a) {
      double d = 0.0;
      for (NodeId x : infoset.members) {
        const NodeId c = game_.child(x, a);
        d += belief_[x] *
             ((reach_derivative(x) - mean) * Value(c)[infoset.player] + DValue(c)[infoset.player]);
      }
      dv_[infoset.first_action_index + a] = d;
    }
  }
  for (NodeId id : closure_[h]) std::fill_n(DValue(id), players_, 0.0);
}

double AgentLogitSystem::MaxRegret() const {
  double worst = 0.0;
  for (const Infoset& infoset : game_.infosets()) {
    if (infoset.player == kChancePlayer) continue;
    const int base = infoset.first_action_index;
    double best = action_value_[base], mean = 0.0;
    for (int a = 0; a < infoset.num_actions(); ++a) {
      best = std::max(best, action_value_[base + a]);
      mean += normalised_[base + a] * action_value_[base + a];
    }
    worst = std::max(worst, best - mean);
  }
  return worst;
}

void AgentLogitSystem::Evaluate(const std::vector<double>& x, std::vector<double>& f,
                                DenseMatrix* jacobian) {
  const double lambda = x[actions_];
  Normalise(x);
  ComputeValues();
  ComputeBeliefs();
  f.assign(actions_, 0.0);
  if (jacobian != nullptr) jacobian->Assign(actions_, actions_ + 1);
  for (const Infoset& infoset : game_.infosets()) {
    if (infoset.player == kChancePlayer) continue;
    const int base = infoset.first_action_index;
    f[base] = -1.0;
    for (int a = 0; a < infoset.num_actions(); ++a) f[base] += sigma_[base + a];
    for (int a = 1; a < infoset.num_actions(); ++a) {
      const int row = base + a;
      f[row] = x[row] - x[base] - lambda * (action_value_[row] - action_value_[base]);
    }
    if (jacobian == nullptr) continue;
    DenseMatrix& jac = *jacobian;
    for (int a = 0; a < infoset.num_actions(); ++a) jac(base, base + a) = sigma_[base + a];
    for (int a = 1; a < infoset.num_actions(); ++a) {
      const int row = base + a;
      jac(row, row) += 1.0;
      jac(row, base) -= 1.0;
      jac(row, actions_) = -(action_value_[row] - action_value_[base]);
    }
  }
  if (jacobian == nullptr || lambda == 0.0) return;  // value derivatives enter times λ
  DenseMatrix& jac = *jacobian;
  for (int k = 0; k < actions_; ++k) {
    ComputeValueDerivatives(k);
    for (InfosetId g : affected_[owner_action_[k]]) {
      const Infoset& infoset = game_.infoset(g);
      const int base = infoset.first_action_index;
      for (int a = 1; a < infoset.num_actions(); ++a) {
        jac(base + a, k) -= lambda * (dv_[base + a] - dv_[base]);
      }
    }
  }
}

}  // namespace redline::games
