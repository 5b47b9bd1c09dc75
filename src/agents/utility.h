// Expected utilities shared by the decision models (quantal and equilibrium). Every
// formula is written out in docs/model.md ("Expected utility"). All functions are pure reads
// of (Model, State), allocation-free and thread-safe for distinct States. They rely on the
// kernel's per-step caches in the State (aid, interdiction, interference, credibility).
#pragma once

#include <algorithm>
#include <cmath>

#include "crisis/conditions.h"
#include "crisis/decision_model.h"
#include "crisis/formulas.h"
#include "crisis/state.h"
#include "crisis/war_outlook.h"
#include "model/model.h"

namespace redline {

// +1 if the actor favours side a, -1 if side b, 0 if neither.
int Direction(const Actor& actor);

// The lookahead H of an actor's decision model (at least 1 step).
double Lookahead(const Model& model, const State& state, ActorId actor);

// The actor's view of the war at the current state over its lookahead H (docs/model.md §5.1):
// balance, drift, noise, decisive band and decisive value, net power and the actor's side. One
// per decision; War(m) of every candidate reads it (WarValue).
WarView ActorWarView(const Model& model, const State& state, ActorId actor, double lookahead);

// The actor's weight on costs for type t: V(cost_weight_t) * (1 + C_a / T) with C_a the costs
// it has suffered so far (State::cost) and T = V(decision.cost_tolerance) > 0 (war weariness,
// docs/model.md §5.2); V(cost_weight_t) when T is 0 or absent.
// The weariness factor alone: 1 + max(0, C_a) / T, or 1. Inline: on the decisions' hot path.
inline double WearinessFactor(const Model& model, const State& state, ActorId actor) {
  const double tolerance = state.Value(model.actors[actor.index].decision.cost_tolerance);
  if (!(tolerance > 0)) return 1.0;
  return 1.0 + std::max(0.0, state.cost[actor.index]) / tolerance;
}
inline double CostWeight(const Model& model, const State& state, ActorId actor, TypeId type) {
  const Actor& a = model.actors[actor.index];
  const double weight = state.Value(a.types[type.index].cost_weight);
  return a.decision.cost_tolerance.index < 0 ? weight
                                             : weight * WearinessFactor(model, state, actor);
}

// The reputation an owner gains by enforcing red line r rather than backing down
// (docs/model.md §7.2): sum over the owner's decision.reputation entries (observer o, weight
// rho_o) of rho_o * (P_o(first type | enforces) - P_o(first type | backs down)), Bayes' rule
// on o's current belief with the likelihoods P(enforce within the window | type) of the last
// credibility refresh (State::enforce_within). 0 without entries or with one type.
double ReputationGain(const Model& model, const State& state, RedLineId r);
// The same with the likelihoods `within` (max_types entries) instead of State::enforce_within:
// an ambiguous line's owner as if its response were one alternative (docs/model.md §7.4).
double ReputationGain(const Model& model, const State& state, RedLineId r, const double* within);

// Change in NetPower if `lever` moved from its current level to `level`.
double NetPowerChange(const Model& model, const State& state, LeverId lever, int level);
// The same with NetPower(model, state) already computed (a decision's WarView has it).
double NetPowerChange(const Model& model, const State& state, LeverId lever, int level,
                      double net_power);

// Per-step cost of `lever` at `level` to `actor`: the full cost for the owner; an alliance
// lever's cost is shared equally by the members; 0 for anyone else.
double CostTo(const Model& model, const State& state, LeverId lever, int level, ActorId actor);

// Sum over intact red lines not owned by `actor` that setting `lever` to `level` would cross
// of credibility_actor(R) * threat_actor(R) * H; plus, if the new level strikes the territory
// of a member of an alliance the actor is not in (and the old level did not), the actor's
// believed P(alliance responds) * damage per step of the alliance's response on the actor * H
// (Article 5 deterrence; State::alliance_deterrence).
double ExpectedRetaliation(const Model& model, const State& state, ActorId actor, LeverId lever,
                           int level, double lookahead);

// Compellence (docs/model.md §7.3): the retaliation a move spares `actor` by complying with
// pending demands against it — for each pending demand r not owned by `actor` whose `demand`
// holds with `lever` at `level`: cred_actor(r) * threat_actor(r) * max(0, H - d), d the steps
// until its deadline; 0 for a move whose lead time `lead` exceeds d (it would comply too late).
// Subtracted from a move's cost (a non-complying move spares nothing).
double DemandRelief(const Model& model, const State& state, ActorId actor, LeverId lever, int level,
                    double lookahead, int lead = 0);

// The two parts of ExpectedRetaliation: through red lines (the credibility-weighted sum) and
// through Article 5 (the alliance part). ExpectedRetaliation adds them in the same order as
// these functions, so its value does not depend on whether a caller splits it.
double RedLineRetaliation(const Model& model, const State& state, ActorId actor, LeverId lever,
                          int level, double lookahead);
double AllianceRetaliation(const Model& model, const State& state, ActorId actor, LeverId lever,
                           int level, double lookahead);

// Threat(actor, r) if setting `lever` to `level` would newly cross red line r against `actor`:
// r is intact, not owned by `actor`, its response hits `actor` or an ally, and its trigger
// holds with the lever at `level`. 0 otherwise. (The per-line term of RedLineRetaliation,
// without the credibility and the lookahead.)
// For an ambiguous line (docs/model.md §7.4) the prior mean Σ_k π_k·threat′_k over its
// alternatives (the RedLineRetaliation term is then Σ_k π_k·cred_k·threat′_k, not cred·this).
double CrossingThreat(const Model& model, const State& state, ActorId actor, LeverId lever,
                      int level, RedLineId r);
// For a line with an ambiguous threshold (docs/model.md §7.5), CrossingThreat is
// CrossingWeight · ThreatIfCrossed, the crossing weighted by others' probability that the move
// crosses the line.
// CrossingThreat of ambiguous line r as if its response were alternative k.
double AlternativeCrossingThreat(const Model& model, const State& state, ActorId actor,
                                 LeverId lever, int level, RedLineId r, int k);
// Red line r's w_R(lever, level) (docs/model.md §7.5): for a line with an ambiguous threshold,
// the probability, under the belief every actor but the owner holds, that setting `lever` to
// `level` crosses it (the prior over the alternatives not ruled out, of those whose trigger
// then holds); for any other line 1 if its trigger then holds, else 0. Status and owner are not
// checked. Memoised like the triggers while State::trigger_memo_on.
double CrossingWeight(const Model& model, const State& state, LeverId lever, int level,
                      RedLineId r);
// threat′ of red line r's (unambiguous) response to `actor` if setting `lever` to `level` crossed
// it: as CrossingThreat, without asking the trigger (0 unless r is intact, not owned by `actor`,
// not a demand).
double ThreatIfCrossed(const Model& model, const State& state, ActorId actor, LeverId lever,
                       int level, RedLineId r);

// Risk (docs/model.md §5.4). Probability, for `observer`, that condition `id` holds after this
// step's moves: levers in `context` at their hypothetical levels; while the stage game is solved
// (State::stage_active), lever_at_least nodes on other coupled actors' levers are averaged over
// their move probabilities (belief-weighted over types); `all`/`any`/`not` combine their
// children as if independent; every other node is evaluated on the state (0 or 1).
double ProbabilityHolds(const Model& model, const State& state, ActorId observer, ConditionId id,
                        const ConditionContext& context);
// Expected cost per step to `actor` of the hazards live with `lever` at `level`: its own hazards
// (their `when` evaluated by ProbabilityHolds) and the joint hazards of other levers that read
// `lever` (weighted by the probability that their lever is at their level after this step).
// Each live hazard costs State::hazard_value. 0 for a lever without hazards or watchers.
double LeverRisk(const Model& model, const State& state, ActorId actor, LeverId lever, int level);
// LeverRisk(to) − LeverRisk(from); exactly 0 (without evaluating) for a lever without risk or
// when from == to.
double RiskChange(const Model& model, const State& state, ActorId actor, LeverId lever, int from,
                  int to);

// The type-independent parts of a move's expected utility:
//   EU_t(m) = stakes_t * (war - audience) - cost_weight_t * cost + coercion - inertia.
struct MoveTerms {
  double war = 0;       // War(m) = value of the war's prospect with the move minus without
                        // (WarValue; dir * drift * dNetPower * H far from the decisive band)
  double cost = 0;      // dCost * H + expected retaliation
  double coercion = 0;  // coercion_value * dDamage to actors favouring the other side * H
  // The cost without the red-line part of the expected retaliation: dCost * H + the Article-5
  // part (the equilibrium model replaces the red-line part by a deterrence game).
  double cost_without_red_lines = 0;
  double audience = 0;  // sum of V(audience_cost) of the levels a move down abandons
  double inertia = 0;   // V(switching_cost): the same for every type, so it signals nothing
};
MoveTerms MoveUtilityTerms(const Model& model, const State& state, ActorId actor, const Move& m,
                           double lookahead);
// The same with the actor's war view computed once for all its candidates (hot loops).
MoveTerms MoveUtilityTerms(const Model& model, const State& state, ActorId actor, const Move& m,
                           double lookahead, const WarView& war);
double TypedUtility(const Model& model, const State& state, ActorId actor, TypeId type,
                    const MoveTerms& terms);
// The same with the type's V(stakes_t) and CostWeight already looked up (hot loops).
inline double TypedUtility(double stakes, double cost_weight, const MoveTerms& terms) {
  return stakes * (terms.war - terms.audience) - cost_weight * terms.cost + terms.coercion -
         terms.inertia;
}
// The utility without the red lines' threatened retaliation:
//   stakes_t * (war - audience) - cost_weight_t * cost_without_red_lines + coercion - inertia.
double ThreatFreeUtility(const Model& model, const State& state, ActorId actor, TypeId type,
                         const MoveTerms& terms);

// The type-independent parts of a response decision (enforcing a red line, voting yes):
//   utility of responding for type t = stakes_t * value - cost_weight_t * cost + cost_of_refusing
struct ResponseTerms {
  double value = 0;             // value_R (red line) or value_A (alliance)
  double cost = 0;              // dCost(response) * H + expected retaliation against the response
  double cost_of_refusing = 0;  // audience cost of a public line plus the reputation at stake
                                // (ReputationGain), or the alliance's credibility cost
};
inline double ResponseUtility(const Model& model, const State& state, ActorId actor, TypeId type,
                              const ResponseTerms& terms) {
  const ResolveType& t = model.actors[actor.index].types[type.index];
  return state.Value(t.stakes) * terms.value - CostWeight(model, state, actor, type) * terms.cost +
         terms.cost_of_refusing;
}
// The net cost to type t of responding, before the cost of refusing:
//   cost_weight_t * cost - stakes_t * value   (responding pays iff it is <= cost_of_refusing)
double NetResponseCost(const Model& model, const State& state, ActorId actor, TypeId type,
                       const ResponseTerms& terms);
// At the run's true response level (State::response_level) — the owner's view.
ResponseTerms EnforcementTerms(const Model& model, const State& state, RedLineId r,
                               double lookahead);
// At `response_level`, with reputation likelihoods `within` (max_types entries): what an
// ambiguous line's owner would face with another response (docs/model.md §7.4).
ResponseTerms EnforcementTerms(const Model& model, const State& state, RedLineId r,
                               double lookahead, int response_level, const double* within);
ResponseTerms VoteTerms(const Model& model, const State& state, AllianceId alliance, ActorId member,
                        double lookahead);

// Utility of enforcing red line r (for its owner of type t) relative to not enforcing:
//   stakes_t * value_R - cost_weight_t * (dCost(response) * H + retaliation) + audience cost
double EnforcementUtility(const Model& model, const State& state, RedLineId r, TypeId type,
                          double lookahead);

// Utility to the owner of type t of withdrawing its intact red line r now rather than keeping it
// (docs/model.md §7.6), with P_keep = 1 − (1 − cross_kept)^H and P_open = 1 − (1 − cross_open)^H
// the probabilities that another actor crosses it within the lookahead H as it stands and were
// it withdrawn, X_t = stakes_t·value_R, U_t = EnforcementUtility, Q_t = P(enforce in the window):
//   P_keep·(X_t + cost_of_refusing − Q_t·U_t) − P_open·X_t − withdrawal cost − switching cost
double WithdrawalUtility(const Model& model, const State& state, RedLineId r, TypeId type,
                         double lookahead, double cross_kept, double cross_open);

// Utility of voting yes for `member` of type t (the response the attack this step warrants):
//   stakes_t * value_A - cost_weight_t * (dCost share * H + retaliation) + credibility_cost_A
double VoteUtility(const Model& model, const State& state, AllianceId alliance, ActorId member,
                   TypeId type, double lookahead);

}  // namespace redline
