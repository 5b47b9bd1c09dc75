#include "model/finalize.h"

#include <algorithm>

#include "model/limits.h"

namespace redline {

namespace {

bool IsMember(const Model& model, AllianceId alliance, ActorId actor) {
  const auto& members = model.alliances[alliance.index].members;
  return std::find(members.begin(), members.end(), actor) != members.end();
}

// Whether a channel end stands for `actor` (directly or through alliance membership).
bool EndMatchesActor(const Model& model, const ChannelEnd& end, ActorId actor) {
  if (end.actor.valid()) return end.actor == actor;
  return end.alliance.valid() && IsMember(model, end.alliance, actor);
}

// Whether a channel end stands for a party (an actor or an alliance).
bool EndMatchesParty(const Model& model, const ChannelEnd& end, int party) {
  const int actors = static_cast<int>(model.actors.size());
  if (party < actors) return EndMatchesActor(model, end, ActorId(party));
  return end.alliance.valid() && end.alliance.index == party - actors;
}

// Whether a condition tree contains a node that reads lever `lever`.
bool HasLevelAtRung(const Lever& lever, RungId rung) {
  for (const Level& level : lever.levels)
    if (level.rung.index >= rung.index) return true;
  return false;
}

bool PerceivedBy(const Lever& lever, ActorId perceiver) {
  for (const Level& level : lever.levels)
    for (const Perception& p : level.perceived)
      if (p.observer.index == perceiver.index) return true;
  return false;
}

bool StrikesAny(const Model& model, const Lever& lever, const Condition& c) {
  if (!lever.target.valid()) return false;
  bool strikes = false;
  for (const Level& level : lever.levels) strikes |= level.strikes_territory;
  if (!strikes) return false;
  if (c.actor.valid()) return lever.target == c.actor;
  return c.alliance.valid() && IsMember(model, c.alliance, lever.target);
}

bool OwnedBy(const Model& model, const Lever& lever, const Condition& c) {
  const LeverOwner& owner = lever.owner;
  if (c.actor.valid()) return owner.actor == c.actor;
  if (c.alliance.valid())
    return owner.alliance == c.alliance ||
           (owner.actor.valid() && IsMember(model, c.alliance, owner.actor));
  return true;
}

// Whether changing `lever`'s level can change the truth of condition `id` (as perceived by
// `perceiver`, the red line's owner). Conservative: a lever that could matter is included.
bool ReadsLever(const Model& model, ConditionId id, LeverId lever, ActorId perceiver) {
  const Condition& c = model.conditions[id.index];
  const Lever& l = model.levers[lever.index];
  switch (c.kind) {
    case ConditionKind::kAll:
    case ConditionKind::kAny:
    case ConditionKind::kNot:
      for (ConditionId child : c.children)
        if (ReadsLever(model, child, lever, perceiver)) return true;
      return false;
    case ConditionKind::kLeverAtLeast:
      return c.lever == lever;
    case ConditionKind::kInterferenceAtLeast:
      return PerceivedBy(l, perceiver);
    case ConditionKind::kMaxRungAtLeast:
      return HasLevelAtRung(l, c.rung);
    case ConditionKind::kStrikeOn:
      return StrikesAny(model, l, c);
    case ConditionKind::kRungAtLeast:
      return OwnedBy(model, l, c) && HasLevelAtRung(l, c.rung);
    default:
      return false;
  }
}

// For every rung_at_least node, the levers that can satisfy it (owned by `by`, with a level
// at or above the rung), so evaluation need not scan every lever.
void FillRungConditionLevers(Model& model) {
  model.rung_condition_levers.assign(model.conditions.size(), {});
  for (std::size_t i = 0; i < model.conditions.size(); ++i) {
    const Condition& c = model.conditions[i];
    if (c.kind != ConditionKind::kRungAtLeast) continue;
    for (int l = 0; l < static_cast<int>(model.levers.size()); ++l) {
      const Lever& lever = model.levers[l];
      if (OwnedBy(model, lever, c) && HasLevelAtRung(lever, c.rung))
        model.rung_condition_levers[i].push_back(LeverId(l));
    }
  }
}

void FillMembership(Model& model) {
  const int actors = static_cast<int>(model.actors.size());
  for (Actor& actor : model.actors) actor.alliances.clear();
  model.member_of.assign(model.alliances.size() * actors, 0);
  model.max_members = 0;
  for (int k = 0; k < static_cast<int>(model.alliances.size()); ++k) {
    const auto& members = model.alliances[k].members;
    model.max_members = std::max(model.max_members, static_cast<int>(members.size()));
    for (ActorId m : members) {
      model.member_of[k * actors + m.index] = 1;
      model.actors[m.index].alliances.push_back(AllianceId(k));
    }
  }
  model.allied.assign(actors * actors, 0);
  for (int a = 0; a < actors; ++a) {
    for (int b = 0; b < actors; ++b) {
      const Actor& x = model.actors[a];
      const Actor& y = model.actors[b];
      bool ally = a == b || (x.favours != kNoSide && x.favours == y.favours);
      for (AllianceId k : x.alliances) ally = ally || model.member_of[k.index * actors + b];
      model.allied[a * actors + b] = ally;
    }
  }
}

void FillLeverIndexes(Model& model) {
  const int actors = static_cast<int>(model.actors.size());
  const int levers = static_cast<int>(model.levers.size());
  model.levers_of_actor.assign(actors, {});
  model.levers_of_alliance.assign(model.alliances.size(), {});
  model.level_offset.assign(levers, 0);
  model.lever_friendly.assign(levers * actors, 0);
  model.total_levels = 0;
  for (int l = 0; l < levers; ++l) {
    Lever& lever = model.levers[l];
    model.level_offset[l] = model.total_levels;
    model.total_levels += static_cast<int>(lever.levels.size());
    if (lever.owner.actor.valid()) {
      model.levers_of_actor[lever.owner.actor.index].push_back(LeverId(l));
    } else if (lever.owner.alliance.valid()) {
      model.levers_of_alliance[lever.owner.alliance.index].push_back(LeverId(l));
    }
    for (int a = 0; a < actors; ++a) {
      bool friendly = false;
      if (lever.owner.actor.valid()) friendly = model.allied[lever.owner.actor.index * actors + a];
      if (lever.owner.alliance.valid())
        friendly = model.member_of[lever.owner.alliance.index * actors + a];
      model.lever_friendly[l * actors + a] = friendly;
    }
    const int target_side =
        lever.target.valid() ? model.actors[lever.target.index].favours : kNoSide;
    for (Level& level : lever.levels)
      if (level.interdicts_side == kNoSide) level.interdicts_side = target_side;
  }
  model.max_candidates = 1;
  for (int a = 0; a < actors; ++a)
    model.max_candidates = std::max(model.max_candidates, CandidateBound(model, ActorId(a)));
}

// Whether raising `lever` can move `other`: it is `other`, or one of its acts causes `other`.
bool MovesLever(const Lever& lever, LeverId self, LeverId other) {
  if (self == other) return true;
  for (const Level& level : lever.levels)
    for (const Level::Cause& cause : level.causes)
      if (cause.lever == other) return true;
  return false;
}

void FillRedLineIndexes(Model& model) {
  model.red_lines_of_owner.assign(model.actors.size(), {});
  model.red_lines_of_lever.assign(model.levers.size(), {});
  for (Lever& lever : model.levers) lever.demanded = false;
  const int levers = static_cast<int>(model.levers.size());
  for (int r = 0; r < static_cast<int>(model.red_lines.size()); ++r) {
    const RedLine& line = model.red_lines[r];
    if (line.owner.valid()) model.red_lines_of_owner[line.owner.index].push_back(RedLineId(r));
    // A demand's compliance is what its target's moves change (docs/model.md §7.3).
    const ConditionId read_by = line.is_demand ? line.comply : line.trigger;
    if (!read_by.valid()) continue;
    // An ambiguous threshold (§7.5): every alternative's trigger (a lower rung reads more levers).
    auto reads = [&](LeverId read) {
      if (ReadsLever(model, read_by, read, line.owner)) return true;
      for (const RedLine::ThresholdAlternative& alternative : line.thresholds)
        if (ReadsLever(model, alternative.trigger, read, line.owner)) return true;
      return false;
    };
    for (int l = 0; l < levers; ++l)
      for (int read = 0; read < levers; ++read)
        if (MovesLever(model.levers[l], LeverId(l), LeverId(read)) && reads(LeverId(read))) {
          model.red_lines_of_lever[l].push_back(RedLineId(r));
          if (line.is_demand) model.levers[l].demanded = true;
          break;
        }
  }
}

// Acts and timing (docs/model.md §3.2): each level's posture (the level whose per-step effects
// hold while the lever stands there) and whether a lever is timed.
void FillActs(Model& model) {
  for (Lever& lever : model.levers) {
    lever.timed = false;
    for (int k = 0; k < static_cast<int>(lever.levels.size()); ++k) {
      Level& level = lever.levels[k];
      // Level 0 is never an act (checked by the scenario compiler).
      level.posture = level.act && k > 0 ? lever.levels[k - 1].posture : k;
      lever.timed |= level.act || level.lead_time > 0 || level.earliest > 0;
    }
  }
}

// Whether condition `id` contains a strike_on node that a strike on `victim` satisfies.
bool HasStrikeOn(const Model& model, ConditionId id, ActorId victim) {
  const Condition& c = model.conditions[id.index];
  if (c.kind == ConditionKind::kStrikeOn)
    return c.actor.valid() ? c.actor == victim
                           : c.alliance.valid() && IsMember(model, c.alliance, victim);
  for (ConditionId child : c.children)
    if (HasStrikeOn(model, child, victim)) return true;
  return false;
}

// Flat hazard numbering, joint hazards (`when` conditions) and the actors they couple, and the
// red lines a strike on each actor can cross (risk pricing).
void FillHazardIndexes(Model& model) {
  const int actors = static_cast<int>(model.actors.size());
  const int levers = static_cast<int>(model.levers.size());
  model.hazard_offset.assign(model.total_levels, 0);
  model.total_hazards = 0;
  model.hazards_watching.assign(levers, {});
  model.hazard_list.clear();
  model.coupled.assign(actors, 0);
  for (int l = 0; l < levers; ++l) {
    const Lever& lever = model.levers[l];
    for (int k = 0; k < static_cast<int>(lever.levels.size()); ++k) {
      const Level& level = lever.levels[k];
      model.hazard_offset[model.level_offset[l] + k] = model.total_hazards;
      model.total_hazards += static_cast<int>(level.hazards.size());
      for (int h = 0; h < static_cast<int>(level.hazards.size()); ++h)
        model.hazard_list.push_back({LeverId(l), k, h});
      for (int h = 0; h < static_cast<int>(level.hazards.size()); ++h) {
        const ConditionId when = level.hazards[h].when;
        if (!when.valid()) continue;
        for (int w = 0; w < levers; ++w) {
          if (w == l || !ReadsLever(model, when, LeverId(w), lever.owner.actor)) continue;
          model.hazards_watching[w].push_back({LeverId(l), k, h});
          // Two different actors whose moves switch the hazard: their stage game is coupled.
          const ActorId a = lever.owner.actor, b = model.levers[w].owner.actor;
          if (a.valid() && b.valid() && a != b) model.coupled[a.index] = model.coupled[b.index] = 1;
        }
      }
    }
  }
  model.lever_risky.assign(levers, 0);
  for (int l = 0; l < levers; ++l) {
    bool risky = !model.hazards_watching[l].empty();
    for (const Level& level : model.levers[l].levels) risky = risky || !level.hazards.empty();
    model.lever_risky[l] = risky;
  }
  model.any_coupled =
      std::find(model.coupled.begin(), model.coupled.end(), 1) != model.coupled.end();
  model.red_line_risky.assign(model.red_lines.size(), 0);
  model.max_alternatives = 0;
  model.any_withdrawable = false;
  model.max_thresholds = 0;
  for (std::size_t r = 0; r < model.red_lines.size(); ++r) {
    const RedLine& line = model.red_lines[r];
    model.any_withdrawable = model.any_withdrawable || line.withdrawable;
    model.max_alternatives =
        std::max(model.max_alternatives, static_cast<int>(line.alternatives.size()));
    model.max_thresholds = std::max(model.max_thresholds, static_cast<int>(line.thresholds.size()));
    if (!line.response_lever.valid()) continue;
    const auto& levels = model.levers[line.response_lever.index].levels;
    auto risky = [&](int level) {
      return level < static_cast<int>(levels.size()) && !levels[level].hazards.empty();
    };
    model.red_line_risky[r] = risky(line.response_level);
    for (const RedLine::Alternative& alternative : line.alternatives)
      if (risky(alternative.level)) model.red_line_risky[r] = 1;
  }
  model.strike_red_lines.assign(actors, {});
  for (int a = 0; a < actors; ++a)
    for (int r = 0; r < static_cast<int>(model.red_lines.size()); ++r)
      if (model.red_lines[r].trigger.valid() &&
          HasStrikeOn(model, model.red_lines[r].trigger, ActorId(a)))
        model.strike_red_lines[a].push_back(RedLineId(r));
}

}  // namespace

ChannelId FindChannel(const Model& model, int party, ActorId victim) {
  for (int c = 0; c < static_cast<int>(model.channels.size()); ++c) {
    const Channel& channel = model.channels[c];
    for (int side = 0; side < 2; ++side) {
      if (EndMatchesParty(model, channel.ends[side], party) &&
          EndMatchesActor(model, channel.ends[1 - side], victim))
        return ChannelId(c);
    }
  }
  return ChannelId();
}

void FinalizeModel(Model& model) {
  FillMembership(model);
  FillActs(model);
  FillLeverIndexes(model);
  FillRedLineIndexes(model);
  FillRungConditionLevers(model);
  FillHazardIndexes(model);
  model.max_types = 1;
  for (const Actor& actor : model.actors)
    model.max_types = std::max(model.max_types, static_cast<int>(actor.types.size()));
  const int actors = static_cast<int>(model.actors.size());
  model.belligerents[0] = model.belligerents[1] = ActorId();
  for (int a = actors - 1; a >= 0; --a) {
    const int side = model.actors[a].belligerent;
    if (side == 0 || side == 1) model.belligerents[side] = ActorId(a);
  }
  const int alliance_count = static_cast<int>(model.alliances.size());
  model.strikes_alliance.assign(actors * alliance_count, 0);
  for (const Lever& lever : model.levers) {
    if (!lever.owner.actor.valid() || !lever.target.valid()) continue;
    const int owner = lever.owner.actor.index;
    for (const Level& level : lever.levels) {
      if (!level.strikes_territory) continue;
      for (int k = 0; k < alliance_count; ++k)
        if (model.member_of[k * actors + lever.target.index] &&
            !model.member_of[k * actors + owner])
          model.strikes_alliance[owner * alliance_count + k] = 1;
    }
  }
  model.channel_between.assign(model.party_count() * actors, ChannelId());
  for (int p = 0; p < model.party_count(); ++p)
    for (int v = 0; v < actors; ++v)
      model.channel_between[p * actors + v] = FindChannel(model, p, ActorId(v));
}

}  // namespace redline
