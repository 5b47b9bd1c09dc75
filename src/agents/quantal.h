// The quantal (logit) decision model (MODEL §9): P(m) ∝ exp(λ · EU_t(m)) over the candidate
// moves, with EU from agents/utility.h; enforcement P = σ(λ · EnforcementUtility) per step in
// the deadline window; vote P(yes) = σ(λ · VoteUtility). λ = decision.lambda, H =
// decision.lookahead. Every probability depends on the actor's type through stakes and
// cost_weight, so observers learn from every choice. λ → ∞ approaches best response.
#pragma once

#include "crisis/decision_model.h"

namespace redline {

class QuantalModel final : public DecisionModel {
 public:
  void MoveProbabilities(const Model& model, const State& state, ActorId actor,
                         std::span<const Move> candidates, std::span<double> out) const override;
  double EnforceProbability(const Model& model, const State& state, RedLineId red_line,
                            TypeId type) const override;
  double VoteProbability(const Model& model, const State& state, AllianceId alliance,
                         ActorId member, TypeId type) const override;
  bool TypeDependent() const override { return true; }
  // Compute the type-independent EnforcementTerms / VoteTerms once for all types.
  void EnforceProbabilities(const Model& model, const State& state, RedLineId red_line,
                            std::span<double> out) const override;
  void VoteProbabilities(const Model& model, const State& state, AllianceId alliance,
                         ActorId member, std::span<double> out) const override;
  // The window probability is the logit's σ(λU) itself; the per-step hazard (a D-th root) is
  // computed only when the kernel needs it (a crossed line).
  void EnforceWindowProbabilities(const Model& model, const State& state, RedLineId red_line,
                                  std::span<double> window, std::span<double> step,
                                  bool need_step) const override;
  // σ(λ · WithdrawalUtility) per step (docs/model.md §7.6).
  void WithdrawProbabilities(const Model& model, const State& state, RedLineId red_line,
                             double cross_kept, double cross_open,
                             std::span<double> out) const override;
};

// Turns utilities into logit probabilities in place: p_i ∝ exp(λ u_i) (stable for any λ ≥ 0).
void LogitInPlace(double lambda, std::span<double> utilities);

}  // namespace redline
