// Accidents, attribution and deliberate strikes (MODEL §8).
#include <algorithm>
#include <cassert>

#include "model/limits.h"
#include "sim/stages.h"

namespace redline {

void RecordStrike(const Model& model, State& state, int party, ActorId victim, int rung) {
  state.strike_rung[victim.index] = std::max(state.strike_rung[victim.index], rung);
  state.struck_ever[victim.index] = 1;
  state.highest_rung = std::max(state.highest_rung, rung);
  const int actors = state.actors;
  for (AllianceId k : model.actors[victim.index].alliances) {
    const bool insider =
        party < actors ? model.member_of[k.index * actors + party] != 0 : party - actors == k.index;
    if (!insider)
      state.alliance_attack_rung[k.index] = std::max(state.alliance_attack_rung[k.index], rung);
  }
}

namespace {

// Attribution accuracy q of the channel between the attacking party and the victim.
double AttributionAccuracy(const Model& model, const State& state, int party, ActorId victim) {
  const ChannelId channel = model.channel_between[party * state.actors + victim.index];
  if (!channel.valid()) return 0.0;
  const Channel& c = model.channels[channel.index];
  return std::clamp(
      state.Value(state.channel_open[channel.index] ? c.accuracy_open : c.accuracy_closed), 0.0,
      1.0);
}

}  // namespace

void ApplyHazardsAndStrikes(const StepContext& context, State& state) {
  const Model& model = context.model;
  for (int l = 0; l < static_cast<int>(model.levers.size()); ++l) {
    const Lever& lever = model.levers[l];
    const Level& level = lever.levels[state.level[l]];
    const int party = PartyOf(model, LeverId(l));
    if (level.strikes_territory && lever.target.valid()) {
      RecordStrike(model, state, party, lever.target, level.rung.index);
      if (context.observer) context.observer->OnStrike(state, LeverId(l), lever.target, level.rung);
    }
    const int hazards = static_cast<int>(level.hazards.size());
    assert(hazards <= kMaxHazardsPerLevel);  // checked by the scenario compiler
    for (int h = 0; h < hazards; ++h) {
      const Hazard& hazard = level.hazards[h];
      const std::uint32_t slot = static_cast<std::uint32_t>(l * kMaxHazardsPerLevel + h);
      if (context.rng.Uniform(DrawPurpose::kHazard, state.step, slot) >=
          state.Value(hazard.probability))
        continue;
      ++state.incidents;
      const double q = AttributionAccuracy(model, state, party, hazard.victim);
      const bool deliberate = context.rng.Uniform(DrawPurpose::kAttribution, state.step, slot) >= q;
      if (deliberate) {
        ++state.perceived_incidents;
        RecordStrike(model, state, party, hazard.victim, hazard.rung.index);
      }
      if (context.observer)
        context.observer->OnIncident(state, LeverId(l), h, hazard.victim, hazard.rung, deliberate);
    }
  }
}

}  // namespace redline
