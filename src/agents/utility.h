// Expected utilities shared by the decision models (quantal and equilibrium). Every
// formula is written out in docs/model.md ("Expected utility"). All functions are pure reads
// of (Model, State), allocation-free and thread-safe for distinct States. They rely on the
// kernel's per-step caches in the State (aid, interdiction, interference, credibility).
#pragma once

#include <cmath>

#include "crisis/decision_model.h"
#include "crisis/formulas.h"
#include "crisis/state.h"
#include "model/model.h"

namespace redline {

// +1 if the actor favours side a, -1 if side b, 0 if neither.
int Direction(const Actor& actor);

// The lookahead H of an actor's decision model (at least 1 step).
double Lookahead(const Model& model, const State& state, ActorId actor);

// Change in NetPower if `lever` moved from its current level to `level`.
double NetPowerChange(const Model& model, const State& state, LeverId lever, int level);

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
double CrossingThreat(const Model& model, const State& state, ActorId actor, LeverId lever,
                      int level, RedLineId r);

// The type-independent parts of a move's expected utility:
//   EU_t(m) = stakes_t * war - cost_weight_t * cost + coercion.
struct MoveTerms {
  double war = 0;       // dir * drift * dNetPower * H
  double cost = 0;      // dCost * H + expected retaliation
  double coercion = 0;  // coercion_value * dDamage to actors favouring the other side * H
  // The cost without the red-line part of the expected retaliation: dCost * H + the Article-5
  // part (the equilibrium model replaces the red-line part by a deterrence game).
  double cost_without_red_lines = 0;
};
MoveTerms MoveUtilityTerms(const Model& model, const State& state, ActorId actor, const Move& m,
                           double lookahead);
double TypedUtility(const Model& model, const State& state, ActorId actor, TypeId type,
                    const MoveTerms& terms);
// The same with the type's V(stakes_t) and V(cost_weight_t) already looked up (hot loops).
inline double TypedUtility(double stakes, double cost_weight, const MoveTerms& terms) {
  return stakes * terms.war - cost_weight * terms.cost + terms.coercion;
}
// The utility without the red lines' threatened retaliation:
//   stakes_t * war - cost_weight_t * cost_without_red_lines + coercion.
double ThreatFreeUtility(const Model& model, const State& state, ActorId actor, TypeId type,
                         const MoveTerms& terms);

// The type-independent parts of a response decision (enforcing a red line, voting yes):
//   utility of responding for type t = stakes_t * value - cost_weight_t * cost + cost_of_refusing
struct ResponseTerms {
  double value = 0;             // value_R (red line) or value_A (alliance)
  double cost = 0;              // dCost(response) * H + expected retaliation against the response
  double cost_of_refusing = 0;  // audience cost of a public line, or the credibility cost
};
double ResponseUtility(const Model& model, const State& state, ActorId actor, TypeId type,
                       const ResponseTerms& terms);
// The net cost to type t of responding, before the cost of refusing:
//   cost_weight_t * cost - stakes_t * value   (responding pays iff it is <= cost_of_refusing)
double NetResponseCost(const Model& model, const State& state, ActorId actor, TypeId type,
                       const ResponseTerms& terms);
ResponseTerms EnforcementTerms(const Model& model, const State& state, RedLineId r,
                               double lookahead);
ResponseTerms VoteTerms(const Model& model, const State& state, AllianceId alliance, ActorId member,
                        double lookahead);

// Utility of enforcing red line r (for its owner of type t) relative to not enforcing:
//   stakes_t * value_R - cost_weight_t * (dCost(response) * H + retaliation) + audience cost
double EnforcementUtility(const Model& model, const State& state, RedLineId r, TypeId type,
                          double lookahead);

// Utility of voting yes for `member` of type t (the response the attack this step warrants):
//   stakes_t * value_A - cost_weight_t * (dCost share * H + retaliation) + credibility_cost_A
double VoteUtility(const Model& model, const State& state, AllianceId alliance, ActorId member,
                   TypeId type, double lookahead);

}  // namespace redline
