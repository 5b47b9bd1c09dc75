// The war theatre (MODEL §7): costs, balance, decisive result, negotiated settlement.
#include <cmath>

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

// Mean over the two belligerents of 1 - (belief in the other's true type); 0 without both.
double BeliefGap(const Model& model, const State& state) {
  const ActorId a = model.belligerents[0];
  const ActorId b = model.belligerents[1];
  if (!a.valid() || !b.valid()) return 0.0;
  const double a_on_b = state.Belief(a.index, b, state.type[b.index].index);
  const double b_on_a = state.Belief(b.index, a, state.type[a.index].index);
  return 0.5 * ((1.0 - a_on_b) + (1.0 - b_on_a));
}

}  // namespace

void AdvanceWar(const StepContext& context, State& state) {
  const Model& model = context.model;
  const Theatre& theatre = model.theatre;
  AccumulateCosts(model, state);
  state.balance +=
      state.Value(theatre.drift) * NetPower(model, state) +
      state.Value(theatre.noise) * context.rng.Normal(DrawPurpose::kWarNoise, state.step, 0);
  const double band = state.Value(theatre.decisive_band);
  if (band > 0 && std::fabs(state.balance) >= band) {
    state.winner = state.balance > 0 ? 0 : 1;
    if (context.observer) context.observer->OnDecisiveResult(state, state.winner);
    return;
  }
  if (theatre.settle_base.index < 0) return;  // no settlement clause in the scenario
  double costs = 0;
  for (int s = 0; s < 2; ++s)
    if (model.belligerents[s].valid()) costs += state.cost[model.belligerents[s].index];
  const double hazard =
      Logistic(state.Value(theatre.settle_base) + state.Value(theatre.settle_cost) * costs -
               state.Value(theatre.settle_gap) * BeliefGap(model, state));
  if (context.observer) context.observer->OnSettlementChance(state, hazard);
  if (context.rng.Uniform(DrawPurpose::kSettlement, state.step, 0) < hazard) {
    state.settled = true;
    if (context.observer) context.observer->OnSettlement(state);
  }
}

}  // namespace redline
