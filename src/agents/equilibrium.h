// The equilibrium decision model (MODEL §9): at every red-line decision — cross? enforce?
// respond? — the parties play the perfect Bayesian equilibrium of the deterrence game
// (games/library.h, closed form in docs/games.md) at their current beliefs. Every other
// choice is made as the quantal model makes it. docs/model.md ("Decision model:
// equilibrium") gives the mapping from the simulator's state to the game, formula by formula.
//
//   enforce?  the owner D of red line R, of type t, enforces (per step of the deadline window)
//             with probability P(resist | t) of the PBE of EnforcementGame(R) — 0 or 1.
//   respond?  a member of an attacked alliance votes yes with probability P(resist | t) of
//             the PBE of VoteGame — 0 or 1.
//   cross?    for each type t of the mover C, a candidate move that would newly cross a red
//             line threatening C (CrossingThreat > 0) is a challenge. C challenges — puts
//             probability 1 on its challenges — iff some challenge is allowed: its threat-free
//             utility exceeds that of C's best non-crossing candidate and, for every red line
//             it crosses, the PBE of CrossingGame says "challenge". Among the allowed
//             challenges (if any), otherwise among the non-crossing candidates (hold is
//             always one), C chooses by logit with its lambda on threat-free utilities.
//
// So P(C crosses) is exactly the game's P(challenge) when one challenge is on the table, and
// P(enforce | t) is exactly P(resist | t): MODEL §11 property 7. These 0/1 probabilities are
// also the likelihoods of the observers' Bayesian updates.
//
// Types: the deterrence game has two; an actor's type 0 plays "resolute", type 1
// "irresolute" (an actor with one type is resolute with prior 1). The scenario compiler
// refuses an equilibrium actor with more than two types, any red-line owner with more than two
// types when some actor uses the equilibrium model, and an equilibrium actor with more than
// kMaxEquilibriumCandidates candidate moves (model/limits.h); here they are only asserted.
//
// Threading and cost: immutable after construction (it keeps per-red-line and per-alliance
// challengers computed from the Model); every call is a pure function of (Model, State).
// The calls allocate nothing, except when a game sits at or within a relative 1e-12 of a tie:
// then SolveDeterrenceClosedForm decides in exact rationals (GMP, heap temporaries).
#pragma once

#include <vector>

#include "crisis/decision_model.h"
#include "games/library.h"
#include "model/limits.h"

namespace redline {

class EquilibriumModel final : public DecisionModel {
 public:
  explicit EquilibriumModel(const Model& model);

  void MoveProbabilities(const Model& model, const State& state, ActorId actor,
                         std::span<const Move> candidates, std::span<double> out) const override;
  double EnforceProbability(const Model& model, const State& state, RedLineId red_line,
                            TypeId type) const override;
  double VoteProbability(const Model& model, const State& state, AllianceId alliance,
                         ActorId member, TypeId type) const override;
  bool TypeDependent() const override { return true; }
  // Best response: withdraw iff WithdrawalUtility > 0, with this model's own enforcement
  // probabilities as Q_t (docs/model.md §7.6).
  void WithdrawProbabilities(const Model& model, const State& state, RedLineId red_line,
                             double cross_kept, double cross_open,
                             std::span<double> out) const override;

 private:
  std::vector<ActorId> red_line_challenger_;  // RedLineChallenger per red line
  std::vector<ActorId> alliance_challenger_;  // AllianceChallenger per alliance
};

// ---- The mapping from the simulator's state to the deterrence game (pure functions) ----

// The challenger of red line R, whose belief is the game's prior in EnforcementGame: the
// first actor (scenario order) that is not allied with R's owner and owns a lever whose moves
// can change R's trigger (Model::red_lines_of_lever). Invalid if there is none.
ActorId RedLineChallenger(const Model& model, RedLineId red_line);
// The challenger of alliance A in VoteGame: the first actor that can strike a member
// (Model::strikes_alliance). Invalid if there is none.
ActorId AllianceChallenger(const Model& model, AllianceId alliance);

// The probability `observer` puts on `defender` being of type 0 (resolute): its belief, or
// the defender's prior when `observer` is invalid; 1 for a defender with one type. Clamped to
// [0, 1].
double BeliefResolute(const Model& model, const State& state, ActorId observer, ActorId defender);

// The defender's side of the game for red line R (owner D, lookahead H_D): per type t,
//   w_t = max(0, NetResponseCost(D, t, EnforcementTerms(R)))  — the net cost of enforcing,
// defender_stake = 0, audience_cost = max(0, audience cost) for a public line, else 0.
// Type 0 gives resolute_war_cost, type 1 irresolute_war_cost (= w_0 for a one-type owner).
// The challenger's fields are left at gain 1, war cost 1 and the prior at 1.
games::DeterrenceParams DefenderSide(const Model& model, const State& state, RedLineId red_line);

// The enforcement decision of R: DefenderSide(R) with prior = BeliefResolute(challenger, D)
// and challenger gain = war cost = 1 (the challenger's payoffs do not enter the defender's
// choice; P(resist | t) depends only on w_t and the audience cost).
games::DeterrenceParams EnforcementGame(const Model& model, const State& state, RedLineId red_line,
                                        ActorId challenger);

// The crossing decision of `challenger` (type `type`, lookahead H_C) over red line R:
// DefenderSide(R), prior = BeliefResolute(challenger, owner of R), challenger_gain = `gain`,
// challenger_war_cost = cost_weight_type · CrossingThreat · H_C (the threat `threat` per
// step, without credibility). Requires gain > 0 and cost_weight_type · threat > 0.
games::DeterrenceParams CrossingGame(const Model& model, const State& state, ActorId challenger,
                                     TypeId type, RedLineId red_line, double gain, double threat);

// The vote of `member` in alliance A's deliberation (the response the attack of this step
// warrants): per type w_t = max(0, NetResponseCost(member, t, VoteTerms(A))), defender_stake
// = 0, audience_cost = max(0, credibility_cost), prior = BeliefResolute(challenger, member),
// challenger gain = war cost = 1.
games::DeterrenceParams VoteGame(const Model& model, const State& state, AllianceId alliance,
                                 ActorId member, ActorId challenger);

// P(resist | type) of a PBE: type 0 resolute, any other irresolute.
inline double ResistProbability(const games::DeterrencePbe& pbe, TypeId type) {
  return type.index == 0 ? pbe.resist_resolute : pbe.resist_irresolute;
}

}  // namespace redline
