// Internal to logit: the agent quantal response equilibrium (AQRE) equations of an extensive
// game (McKelvey & Palfrey 1998) and their Jacobian, in log-probabilities.
//
// Unknowns x = (w, λ): w holds log σ for every player action (ExtensiveGame::action_index
// order). At each player infoset h with actions 0..m−1 the equations are
//   Σ_a exp(w_ha) − 1 = 0   and   w_ha − w_h0 − λ (v_ha − v_h0) = 0  (a ≥ 1),
// where v_ha is the owner's expected payoff of taking a at h given h is reached: the values
// of the members' a-children weighted by beliefs μ(x) ∝ ρ(x), the realization probability
// of x under σ (all players' moves and chance).
//
// Values and beliefs use the probabilities normalised per infoset, σ̂_ha = exp(w_ha) /
// Σ_b exp(w_hb). On the curve σ̂ = σ, so the solutions are the same; off it (where the
// corrector works) the values do not scale with Σ_b exp(w_hb) − 1, which would otherwise
// multiply every payoff offset below h (large in games with outcomes at non-terminal nodes
// or payoffs far from 0) and make the equations needlessly ill-conditioned.
//
// Beliefs are computed from log ρ(x) = Σ (log σ̂ or log chance probability) along the path,
// normalised within the infoset by subtracting the largest member, so they stay defined when
// every member's ρ underflows at large λ: an infoset the path leaves unreached keeps the
// beliefs the profile's own (tiny) probabilities imply, as in Gambit's agent logit. An
// infoset unreachable because of zero chance probabilities gets uniform beliefs.
//
// The Jacobian is exact (forward-mode derivatives, one pass per action k). Only what w_k can
// change is visited: the values of the ancestors of the members of k's infoset, and the
// action values of the infosets on those paths or below those members (whose beliefs move).
// The object keeps scratch buffers: one per thread.
#pragma once

#include <vector>

#include "games/game.h"
#include "games/logit_system.h"

namespace redline::games {

class AgentLogitSystem {
 public:
  explicit AgentLogitSystem(const ExtensiveGame& game);

  // f (num_actions entries) and, when `jacobian` is not null, the Jacobian (num_actions ×
  // (num_actions + 1)) at x = (w, λ).
  void Evaluate(const std::vector<double>& x, std::vector<double>& f, DenseMatrix* jacobian);

  // At the point last evaluated: the largest agent regret, over player infosets h, of
  // max_a v_ha − Σ_a σ̂_ha v_ha (Gambit's agent max regret; every infoset is reached).
  double MaxRegret() const;

  // x at λ = 0: the uniform profile.
  std::vector<double> Start() const;
  // A bound on |payoff|: the largest sum of |outcome payoffs| along a root-to-leaf path.
  double payoff_scale() const { return payoff_scale_; }

 private:
  void Normalise(const std::vector<double>& w);
  void ComputeValues();
  void ComputeBeliefs();
  // d v_ga / d w_k into dv_ for the infosets g in affected_[infoset of k].
  void ComputeValueDerivatives(int k);
  double EdgeProbability(NodeId node, int action) const;
  double* Value(NodeId id) { return &value_[static_cast<std::size_t>(id) * players_]; }
  double* DValue(NodeId id) { return &d_value_[static_cast<std::size_t>(id) * players_]; }

  const ExtensiveGame& game_;
  int players_ = 0;
  int actions_ = 0;
  double payoff_scale_ = 0.0;
  std::vector<int> subtree_end_;        // per node: one past its last descendant (preorder)
  std::vector<double> outcome_payoff_;  // per node × player: payoff of the node's outcome
  std::vector<int> owner_action_;       // per flat action: its infoset
  // Per infoset h (player infosets only): its members and their ancestors, descending ids
  // (children before parents); and the player infosets whose action values w_k (k at h) can
  // move: those of these nodes and those with a member below a member of h.
  std::vector<std::vector<NodeId>> closure_;
  std::vector<std::vector<InfosetId>> affected_;
  // Scratch, recomputed by Evaluate.
  std::vector<double> sigma_;       // exp(w), per flat action
  std::vector<double> normalised_;  // σ̂, per flat action
  std::vector<double> log_normalised_;
  std::vector<double> value_;         // per node × player: expected payoff of the subtree
  std::vector<double> log_reach_;     // per node
  std::vector<double> belief_;        // per node (decision nodes of player infosets)
  std::vector<double> action_value_;  // per flat action: v_ha
  std::vector<double> d_value_;       // per node × player: derivative of value_ in w_k
  std::vector<double> d_log_reach_;   // per node: derivative of log ρ in w_k
  std::vector<double> dv_;            // per flat action
};

}  // namespace redline::games
