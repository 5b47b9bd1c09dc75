#include "model/limits.h"

#include <algorithm>

namespace redline {

int CandidateBound(const Model& model, ActorId actor) {
  int bound = 1;
  for (LeverId lever : model.levers_of_actor[actor.index]) {
    const Lever& l = model.levers[lever.index];
    const int span = std::max(0, static_cast<int>(l.levels.size()) - 1);
    bound += std::min(2 * std::max(0, l.max_change), span);
  }
  return bound;
}

std::vector<LimitViolation> FindLimitViolations(const Model& model) {
  using Kind = LimitViolation::Kind;
  std::vector<LimitViolation> found;
  ActorId equilibrium_actor;
  for (int a = 0; a < static_cast<int>(model.actors.size()); ++a) {
    const Actor& actor = model.actors[a];
    if (actor.decision.kind != DecisionKind::kEquilibrium) continue;
    if (!equilibrium_actor.valid()) equilibrium_actor = ActorId(a);
    const int types = static_cast<int>(actor.types.size());
    if (types > kEquilibriumTypes)
      found.push_back({Kind::kEquilibriumTypes, ActorId(a), types, RedLineId(), ActorId()});
    const int candidates = CandidateBound(model, ActorId(a));
    if (candidates > kMaxEquilibriumCandidates)
      found.push_back(
          {Kind::kEquilibriumCandidates, ActorId(a), candidates, RedLineId(), ActorId()});
  }
  if (!equilibrium_actor.valid()) return found;
  for (int a = 0; a < static_cast<int>(model.actors.size()); ++a) {
    const Actor& actor = model.actors[a];
    const int types = static_cast<int>(actor.types.size());
    // An equilibrium actor with too many types is reported above, once.
    if (types <= kEquilibriumTypes || actor.decision.kind == DecisionKind::kEquilibrium ||
        model.red_lines_of_owner[a].empty())
      continue;
    found.push_back({Kind::kRedLineOwnerTypes, ActorId(a), types, model.red_lines_of_owner[a][0],
                     equilibrium_actor});
  }
  return found;
}

}  // namespace redline
