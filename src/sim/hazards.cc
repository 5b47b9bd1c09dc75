// Accidents, attribution and deliberate strikes (MODEL §8).
#include <algorithm>
#include <cassert>

#include "crisis/conditions.h"
#include "crisis/formulas.h"
#include "model/limits.h"
#include "sim/stages.h"

namespace redline {

void RecordStrike(const Model& model, State& state, int party, ActorId victim, int rung,
                  double incident_rate, const Pathway& chain) {
  state.strike_rung[victim.index] = std::max(state.strike_rung[victim.index], rung);
  state.struck_ever[victim.index] = 1;
  // The victim's latest link is this strike: its next raise answers it (retaliation).
  state.party_path[victim.index] = chain;
  state.struck_last[victim.index] = 1;
  RaiseHighest(state, rung, chain);
  for (AllianceId k : model.actors[victim.index].alliances) {
    if (PartyInAlliance(model, party, k.index)) continue;
    if (rung >= state.alliance_attack_rung[k.index]) state.attack_path[k.index] = chain;
    state.alliance_attack_rung[k.index] = std::max(state.alliance_attack_rung[k.index], rung);
    // The evidence members will weigh (docs/model.md §9.1).
    if (incident_rate < 0) {
      state.alliance_attack_deliberate[k.index] = 1;
    } else {
      state.alliance_incident_rate[k.index] += incident_rate;
    }
    state.alliance_attacker[k.index] = party;
  }
}

namespace {

// The strike and the hazards of lever l's level `k` this step. An act's own (in its step) draw
// under their own purposes, so that they never share a draw with its posture's.
void ApplyLevel(const StepContext& context, State& state, int l, int k, bool act) {
  const Model& model = context.model;
  const Lever& lever = model.levers[l];
  const Level& level = lever.levels[k];
  if (level.hazards.empty() && !level.strikes_territory) return;  // most levels: nothing to do
  const int party = PartyOf(model, LeverId(l));
  if (level.strikes_territory && lever.target.valid()) {
    RecordStrike(model, state, party, lever.target, level.rung.index, -1.0, state.lever_path[l]);
    if (context.observer) context.observer->OnStrike(state, LeverId(l), lever.target, level.rung);
  }
  const DrawPurpose incident = act ? DrawPurpose::kActHazard : DrawPurpose::kHazard;
  const DrawPurpose attribution = act ? DrawPurpose::kActAttribution : DrawPurpose::kAttribution;
  const int hazards = static_cast<int>(level.hazards.size());
  assert(hazards <= kMaxHazardsPerLevel);  // checked by the scenario compiler
  for (int h = 0; h < hazards; ++h) {
    const Hazard& hazard = level.hazards[h];
    // A joint hazard is live only while its `when` holds (levels after this step's moves).
    if (hazard.when.valid() && !Evaluate(model, state, hazard.when,
                                         ConditionContext{lever.owner.actor, false, LeverId(), 0}))
      continue;
    const std::uint32_t slot = static_cast<std::uint32_t>(l * kMaxHazardsPerLevel + h);
    const double p = state.Value(hazard.probability);
    if (context.rng.Uniform(incident, state.step, slot) >= p) continue;
    ++state.incidents;
    state.cost[hazard.victim.index] += state.Value(hazard.damage);
    // Taken as deliberate, the incident is blamed on `blamed` (a third actor) if set; the
    // channel that could clear it up is the accused's.
    const int accused = hazard.blamed.valid() ? hazard.blamed.index : party;
    const double q = AttributionAccuracy(model, state, accused, hazard.victim);
    const bool deliberate = context.rng.Uniform(attribution, state.step, slot) >= q;
    if (deliberate) {
      ++state.perceived_incidents;
      RecordStrike(model, state, accused, hazard.victim, hazard.rung.index, p * (1.0 - q),
                   state.lever_path[l].Then(LinkKind::kIncident));
    }
    if (context.observer)
      context.observer->OnIncident(state, LeverId(l), h, hazard.victim, hazard.rung, deliberate);
  }
}

}  // namespace

void ApplyHazardsAndStrikes(const StepContext& context, State& state) {
  const Model& model = context.model;
  for (int l = 0; l < static_cast<int>(model.levers.size()); ++l) {
    const int k = state.level[l];
    const Level& level = model.levers[l].levels[k];
    if (!level.act) {
      ApplyLevel(context, state, l, k, false);
      continue;
    }
    // An act: its own strike and hazards once, in its step; its posture's every step.
    if (state.ActLive(l)) ApplyLevel(context, state, l, k, true);
    ApplyLevel(context, state, l, level.posture, false);
  }
}

}  // namespace redline
