// Pathways (model 0.2, B9; docs/model.md §11.1): the causal links the kernel records. Called
// only when a lever is raised or a red line is crossed, never per candidate move.
#include <algorithm>

#include "crisis/formulas.h"
#include "crisis/war_outlook.h"
#include "sim/stages.h"

namespace redline {

namespace {

// The mover's probability of a decisive defeat over its lookahead at the start of the step
// (docs/model.md §5.1); 0 for an actor that favours no side or without a decisive band.
double DefeatProbability(const Model& model, const State& state, ActorId actor) {
  const Actor& a = model.actors[actor.index];
  const Theatre& theatre = model.theatre;
  const double band = state.Value(theatre.decisive_band);
  if (a.favours == kNoSide || band <= 0.0) return 0.0;
  const double horizon = std::max(1.0, state.Value(a.decision.lookahead));
  const WarProspect prospect =
      ProspectOf(state.balance, state.Value(theatre.drift) * NetPower(model, state),
                 state.Value(theatre.noise), horizon, band);
  return a.favours == 0 ? prospect.p_down : prospect.p_up;
}

// Whether some other coupled actor is expected, by `actor`'s beliefs, to raise a lever this
// step (the stage game's probabilities, docs/model.md §5.6).
bool OthersExpectedToEscalate(const Model& model, const State& state, ActorId actor) {
  for (int b = 0; b < state.actors; ++b) {
    if (b == actor.index || !model.coupled[b] || state.stage_count[b] == 0) continue;
    const Move* candidates = &state.stage_candidates[b * state.max_candidates];
    const int types = static_cast<int>(model.actors[b].types.size());
    double p = 0;
    for (int t = 0; t < types; ++t) {
      const double belief = state.Belief(actor.index, ActorId(b), t);
      if (belief <= 0.0) continue;
      for (int c = 1; c < state.stage_count[b]; ++c)
        if (candidates[c].level > state.level[candidates[c].lever.index])
          p += belief * state.StageProbability(ActorId(b), t, c);
    }
    if (p > 0.0) return true;
  }
  return false;
}

}  // namespace

Pathway DecisionChain(const Model& model, const State& state, ActorId actor, const Move& move) {
  const int a = actor.index;
  const Pathway& parent = state.party_path[a];
  // Pre-emption: with the others expected to keep their levels, the same draw would have
  // picked another move; the difference is the others' expected escalation.
  const int alone = state.pick_alone[a];
  if (alone >= 0) {
    const Move& would = state.stage_candidates[a * state.max_candidates + alone];
    if ((would.lever != move.lever || would.level != move.level) &&
        OthersExpectedToEscalate(model, state, actor))
      return parent.Then(LinkKind::kPreemption);
  }
  const Param threshold = model.theatre.desperation_threshold;  // absent: the default
  if (DefeatProbability(model, state, actor) >=
      (threshold.index < 0 ? kDesperationThreshold : state.Value(threshold)))
    return parent.Then(LinkKind::kDesperation);
  if (state.struck_last[a]) return parent.Then(LinkKind::kRetaliation);
  return parent.Then(LinkKind::kAct);
}

Pathway CrossingChain(const Model& model, const State& state, RedLineId r) {
  const RedLine& line = model.red_lines[r.index];
  const int owner = line.owner.index;
  const int actors = state.actors;
  const auto allied = [&](int party) {
    return party < actors ? model.allied[owner * actors + party] != 0
                          : model.member_of[(party - actors) * actors + owner] != 0;
  };
  // A strike on the owner or an ally this step (strike_on triggers).
  for (int v = 0; v < actors; ++v)
    if (state.strike_rung[v] >= 0 && allied(v))
      return state.party_path[v].Then(LinkKind::kCrossing);
  // A raise this step by a party not allied with the owner, else by anyone.
  const int parties = static_cast<int>(state.party_path.size());
  for (int pass = 0; pass < 2; ++pass)
    for (int p = 0; p < parties; ++p)
      if (state.raised_step[p] == state.step && (pass == 1 || !allied(p)))
        return state.party_path[p].Then(LinkKind::kCrossing);
  return Pathway{}.Then(LinkKind::kCrossing);
}

}  // namespace redline
