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
// Beliefs are computed from log ρ(x) = Σ (w or log chance probability) along the path,
// normalised within the infoset by subtracting the largest member, so they stay defined when
// every member's ρ underflows at large λ: an infoset the path leaves unreached keeps the
// beliefs the profile's own (tiny) probabilities imply, as in Gambit's agent logit. An
// infoset unreachable because of zero chance probabilities gets uniform beliefs.
//
// The Jacobian is exact (forward-mode derivatives: one tree walk per action), cost
// O(actions · nodes · players) per evaluation. The object keeps scratch buffers: one per
// thread.
#pragma once

#include <vector>

#include "games/game.h"
#include "games/logit_system.h"

namespace redline::games {

class AgentLogitSystem {
 public:
  explicit AgentLogitSystem(const ExtensiveGame& game);

  // f (num_actions entries) and the Jacobian (num_actions × (num_actions + 1)) at x = (w, λ).
  void Evaluate(const std::vector<double>& x, std::vector<double>& f, DenseMatrix& jacobian);

  // x at λ = 0: the uniform profile.
  std::vector<double> Start() const;

 private:
  void ComputeValues(const std::vector<double>& w);
  void ComputeBeliefs(const std::vector<double>& w);
  // d v_ha / d w_k for every player action (h, a), into dv_ (flat action order).
  void ComputeValueDerivatives(int k);
  double EdgeProbability(NodeId node, int action) const;

  const ExtensiveGame& game_;
  int players_ = 0;
  int actions_ = 0;
  std::vector<int> subtree_end_;        // per node: one past its last descendant (preorder)
  std::vector<double> outcome_payoff_;  // per node × player: payoff of the node's outcome
  std::vector<int> owner_action_;       // per flat action: its infoset
  // Scratch, recomputed by Evaluate.
  std::vector<double> sigma_;
  std::vector<double> value_;         // per node × player: expected payoff of the subtree
  std::vector<double> log_reach_;     // per node
  std::vector<double> belief_;        // per node (decision nodes of player infosets)
  std::vector<double> action_value_;  // per flat action: v_ha
  std::vector<double> d_value_;       // per node × player: derivative of value_ in w_k
  std::vector<int> on_path_;          // per node: times action k lies on the root path
  std::vector<double> dv_;            // per flat action
};

}  // namespace redline::games
