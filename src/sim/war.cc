// The war theatre (docs/model.md §10): costs, balance, decisive result, and the bargaining
// over a settlement (§10.2; the arithmetic is crisis/bargaining.h).
#include <cmath>

#include "crisis/bargaining.h"
#include "crisis/formulas.h"
#include "sim/stages.h"

namespace redline {

namespace {

void AccumulateCosts(const Model& model, State& state) {
  for (int l = 0; l < static_cast<int>(model.levers.size()); ++l) {
    const Lever& lever = model.levers[l];
    const int k = state.level[l];
    State::LevelValues values = state.level_values[model.level_offset[l] + k];
    if (lever.timed &&
        lever.levels[k].act) {  // the posture's running values, plus the act's in its step
      const State::LevelValues& posture =
          state.level_values[model.level_offset[l] + lever.levels[k].posture];
      if (!state.ActLive(l)) values.cost = values.damage = 0;
      values.cost += posture.cost;
      values.damage += posture.damage;
    }
    const double cost = values.cost;
    if (cost != 0.0) {
      if (lever.owner.actor.valid()) {
        state.cost[lever.owner.actor.index] += cost;
      } else {
        const auto& members = model.alliances[lever.owner.alliance.index].members;
        for (ActorId m : members) state.cost[m.index] += cost / static_cast<double>(members.size());
      }
    }
    if (lever.target.valid()) state.cost[lever.target.index] += values.damage;
  }
}

}  // namespace

void AdvanceWar(const StepContext& context, State& state) {
  const Model& model = context.model;
  const Theatre& theatre = model.theatre;
  double cost_rate[2] = {0, 0};  // each belligerent's costs this step (the bargaining's rate)
  for (int s = 0; s < 2; ++s)
    if (model.belligerents[s].valid()) cost_rate[s] = -state.cost[model.belligerents[s].index];
  AccumulateCosts(model, state);
  for (int s = 0; s < 2; ++s)
    if (model.belligerents[s].valid()) cost_rate[s] += state.cost[model.belligerents[s].index];
  state.balance +=
      state.Value(theatre.drift) * NetPower(model, state) +
      state.Value(theatre.noise) * context.rng.Normal(DrawPurpose::kWarNoise, state.step, 0);
  const double band = state.Value(theatre.decisive_band);
  if (band > 0 && std::fabs(state.balance) >= band) {
    state.winner = state.balance > 0 ? 0 : 1;
    if (context.observer) context.observer->OnDecisiveResult(state, state.winner);
    return;
  }
  if (!theatre.has_bargaining) return;  // no bargaining clause: no settlement
  const double p_talks = TalksProbability(model, state);
  const bool talks = context.rng.Uniform(DrawPurpose::kSettlement, state.step, 0) < p_talks;
  // The offers are worked out only when talks happen (or a narrative asks): they draw nothing,
  // so P(settle this step) = P(talks) * [the offer would be accepted].
  if (!talks && context.observer == nullptr) return;
  const TalksResult result = Negotiate(model, state, cost_rate, state.bargain_scratch.data());
  if (context.observer) context.observer->OnSettlementChance(state, result.agreed ? p_talks : 0.0);
  if (!talks || !result.agreed) return;
  state.settled = true;
  state.terms = result.terms;
  state.terms_by = static_cast<int>(result.proposer);
  state.terms_package = TermsPackageOf(theatre.bargaining, result.terms);
  state.settled_step = state.step;
  state.terms_range[0] = result.range.low;
  state.terms_range[1] = result.range.high;
  if (context.observer) context.observer->OnSettlement(state);
}

void ApplyPowerShifts(const Model& model, State& state) {
  for (const PowerShift& shift : model.theatre.shifts)
    if (shift.step == state.step) state.power_shift[shift.side] += state.Value(shift.power);
}

}  // namespace redline
