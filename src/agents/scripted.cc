#include "agents/scripted.h"

#include <algorithm>
#include <cstdlib>

#include "crisis/state.h"

namespace redline {

int ScheduledLevel(const Model& model, ActorId actor, LeverId lever, int step) {
  int level = -1;
  int from = -1;
  for (const ScheduleEntry& entry : model.actors[actor.index].decision.schedule) {
    if (entry.lever == lever && entry.step <= step && entry.step >= from) {
      level = entry.level;
      from = entry.step;
    }
  }
  return level;
}

Move ScheduledMove(const Model& model, const State& state, ActorId actor) {
  for (LeverId lever : model.levers_of_actor[actor.index]) {
    const int target = ScheduledLevel(model, actor, lever, state.step);
    const int current = state.level[lever.index];
    if (target < 0 || target == current) continue;
    const int reach = std::max(1, model.levers[lever.index].max_change);
    const int delta = std::clamp(target - current, -reach, reach);
    return Move{lever, current + delta};
  }
  return Move{};
}

void ScriptedModel::MoveProbabilities(const Model& model, const State& state, ActorId actor,
                                      std::span<const Move> candidates,
                                      std::span<double> out) const {
  const Move wanted = ScheduledMove(model, state, actor);
  const std::size_t n = candidates.size();
  std::size_t pick = 0;  // hold unless the wanted move is a candidate
  for (std::size_t c = 0; c < n; ++c)
    if (candidates[c].lever == wanted.lever && candidates[c].level == wanted.level) pick = c;
  const std::size_t types = model.actors[actor.index].types.size();
  for (std::size_t t = 0; t < types; ++t)
    for (std::size_t c = 0; c < n; ++c) out[t * n + c] = c == pick ? 1.0 : 0.0;
}

double ScriptedModel::EnforceProbability(const Model& model, const State& state, RedLineId red_line,
                                         TypeId) const {
  const ActorId owner = model.red_lines[red_line.index].owner;
  return std::clamp(state.Value(model.actors[owner.index].decision.enforce_probability), 0.0, 1.0);
}

double ScriptedModel::VoteProbability(const Model& model, const State& state, AllianceId,
                                      ActorId member, TypeId) const {
  return std::clamp(state.Value(model.actors[member.index].decision.vote_probability), 0.0, 1.0);
}

}  // namespace redline
