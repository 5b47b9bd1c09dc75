// Acts and orders (model 0.2, B6; docs/model.md §3.2). An act is a level that happens once:
// its effects apply in the step its lever is raised onto it, it stays done (the lever's floor),
// and it may cause other levers to rise. An order is a raise onto a level with a lead time: it
// takes effect `lead_time` steps after the decision.
#include <algorithm>

#include "sim/stages.h"

namespace redline {

void DoAct(const StepContext& context, State& state, LeverId lever, int to, ActorId by) {
  const Level& level = context.model.levers[lever.index].levels[to];
  state.act_step[lever.index] = state.step;
  state.act_floor[lever.index] = std::max(state.act_floor[lever.index], to);
  state.acts_step = state.step;
  // The consequences carry the act's chain (its caller noted the raise before moving it).
  const Pathway chain = state.lever_path[lever.index].Then(LinkKind::kConsequence);
  for (const Level::Cause& cause : level.causes) {
    if (state.level[cause.lever.index] >= cause.level) continue;
    NoteRaise(state, PartyOf(context.model, cause.lever), cause.lever, chain);
    SetLevel(context, state, cause.lever, cause.level, by, MoveCause::kConsequence);
  }
}

void ExecuteOrders(const StepContext& context, State& state) {
  for (int l = 0; l < static_cast<int>(state.order_level.size()); ++l) {
    if (state.order_level[l] < 0 || state.order_due[l] > state.step) continue;
    const int to = state.order_level[l];
    state.order_level[l] = -1;
    if (state.level[l] >= to) continue;  // already there (an enforcement or a consequence)
    const LeverId lever(l);
    NoteRaise(state, PartyOf(context.model, lever), lever, state.order_path[l]);
    SetLevel(context, state, lever, to, context.model.levers[l].owner.actor, MoveCause::kOrder);
  }
}

}  // namespace redline
