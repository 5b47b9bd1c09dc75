// The crisis formulas that both the simulation kernel (module sim) and the decision models
// (module agents) apply: the logistic function, the war's net power, the damage a red line's
// response threatens, the level of an alliance's response and the probability that an
// alliance's rule says yes. Every formula is written out in docs/model.md. Pure reads of
// (Model, State), allocation-free and thread-safe for distinct States; the inline ones are on
// the kernel's and the decision models' hot paths.
#pragma once

#include <algorithm>
#include <cmath>

#include "crisis/state.h"
#include "model/model.h"

namespace redline {

// exp(x) is exactly 0 for every x below this (exp(-746) < half the smallest subnormal), so
// callers may skip the call, and libm's slow underflow path, without changing any result.
inline constexpr double kExpUnderflow = -746.0;

// Above this, exp(-x) < 2^-53, so 1 + exp(-x) rounds to 1 and the logistic is exactly 1.
inline constexpr double kLogisticOne = 37.0;

inline double Logistic(double x) {
  if (x >= 0) return x > kLogisticOne ? 1.0 : 1.0 / (1.0 + std::exp(-x));
  if (x < kExpUnderflow) return 0.0;
  const double e = std::exp(x);
  return e / (1.0 + e);
}

// Net power for side a from per-side aid and interdiction totals:
//   P_a + aid_a (1 - min(1, I_a)) - P_b - aid_b (1 - min(1, I_b)),
// P_s = max(0, power_s + the scheduled shifts of side s that have happened, State::power_shift).
// Sides are passed as scalars, not as arrays indexed by side: a caller that adjusts one side
// and then reads both (the decision models' NetPowerChange) would otherwise stall on store
// forwarding through a stack array (it was the kernel's hottest function).
inline double NetPowerFrom(const Model& model, const State& state, double aid_a, double aid_b,
                           double interdiction_a, double interdiction_b) {
  const double side_a = std::max(0.0, state.Value(model.theatre.power[0]) + state.power_shift[0]) +
                        aid_a * (1.0 - std::clamp(interdiction_a, 0.0, 1.0));
  const double side_b = std::max(0.0, state.Value(model.theatre.power[1]) + state.power_shift[1]) +
                        aid_b * (1.0 - std::clamp(interdiction_b, 0.0, 1.0));
  return side_a - side_b;
}

// Net power for side a at the current levels (the per-step caches State::aid and
// State::interdiction).
inline double NetPower(const Model& model, const State& state) {
  return NetPowerFrom(model, state, state.aid[0], state.aid[1], state.interdiction[0],
                      state.interdiction[1]);
}

// Damage per step of red line r's response level if its response lever targets `actor` or an
// ally of `actor`; 0 otherwise. Depends only on the run's values (State::Reset caches it in
// State::threat).
// For an ambiguous line, the prior mean over its alternatives (docs/model.md §7.4).
double Threat(const Model& model, const State& state, ActorId actor, RedLineId r);
// The same for red line r's response at `level` (an ambiguous line's alternative).
double ThreatAt(const Model& model, const State& state, ActorId actor, RedLineId r, int level);

// The damage per step over a horizon of H steps that `lever` at `level` threatens (a red line's
// or an alliance's response): the level's damage, or for an act its posture's damage plus the
// act's own damage spread over H (it is done once: docs/model.md §3.2).
inline double ThreatDamage(const Model& model, const State& state, LeverId lever, int level,
                           double horizon) {
  const Level& at = model.levers[lever.index].levels[level];
  const double damage = state.ValuesOf(model, lever, level).damage;
  if (!at.act) return damage;
  return state.ValuesOf(model, lever, at.posture).damage + damage / std::max(1.0, horizon);
}

// The lead time of raising `lever` from level `from` to `to`: the longest lead_time of the
// levels raised onto or past (docs/model.md §3.2); 0 for a move down.
inline int LeadTime(const Lever& lever, int from, int to) {
  int lead = 0;
  for (int k = from + 1; k <= to; ++k) lead = std::max(lead, lever.levels[k].lead_time);
  return lead;
}

// The level an alliance's response lever goes to for an attack of rung `attack_rung`.
inline int AllianceResponseLevel(const Alliance& alliance, int attack_rung) {
  return alliance.total_from.valid() && attack_rung >= alliance.total_from.index
             ? alliance.total_level
             : alliance.proportionate_level;
}

// Attribution accuracy q of the channel between a party (an actor index, or actors + alliance
// index) and a victim in this run: the channel's accuracy while open or while closed; 0 with no
// channel (docs/model.md §8).
inline double AttributionAccuracy(const Model& model, const State& state, int party,
                                  ActorId victim) {
  const ChannelId channel = model.channel_between[party * state.actors + victim.index];
  if (!channel.valid()) return 0.0;
  const Channel& c = model.channels[channel.index];
  const double q =
      state.Value(state.channel_open[channel.index] ? c.accuracy_open : c.accuracy_closed);
  return q < 0.0 ? 0.0 : q > 1.0 ? 1.0 : q;
}

// Whether a party (an actor index, or actors + alliance index) belongs to alliance k: a strike
// by an insider does not open the alliance's deliberation.
inline bool PartyInAlliance(const Model& model, int party, int k) {
  const int actors = static_cast<int>(model.actors.size());
  return party < actors ? model.member_of[k * actors + party] != 0 : party - actors == k;
}

// Probability that the alliance's rule says yes when member j votes yes independently with
// probability p_yes[j]: unanimity = product; majority = P(count > n/2) (exact, by recursion
// over members); weighted = exact enumeration of the vote profiles for up to 16 members
// (majority beyond); leader = the leader's p_yes.
double ProbabilityAllianceResponds(const Model& model, const State& state, AllianceId alliance,
                                   const double* p_yes);

}  // namespace redline
