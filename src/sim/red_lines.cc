// Red-line lifecycle (MODEL §4): intact -> crossed -> enforced | lapsed, once per run. A demand
// (docs/model.md §7.3): intact -> pending (issued) -> satisfied | crossed at its deadline.
#include <algorithm>
#include <cstdint>

#include "crisis/conditions.h"
#include "sim/stages.h"

namespace redline {

namespace {

// Red line r is crossed this step: the response stands already, or its owner must decide.
void Cross(const StepContext& context, State& state, int r) {
  const Model& model = context.model;
  const RedLine& line = model.red_lines[r];
  const int step = state.step;
  state.crossed_step[r] = step;
  state.crossing_path[r] = CrossingChain(model, state, RedLineId(r));
  ++state.crossings;
  if (state.first_crossing_step < 0) state.first_crossing_step = step;
  // The response already stands: no decision to make, nothing to enforce or to lapse.
  if (state.level[line.response_lever.index] >= state.response_level[r]) {
    state.red_line_status[r] = RedLineStatus::kInForce;
    state.resolved_step[r] = step;
  } else {
    state.red_line_status[r] = RedLineStatus::kCrossed;
  }
  if (context.observer) context.observer->OnRedLineCrossed(state, RedLineId(r));
}

// A demand: issued when its trigger holds (at once without one), satisfied when its target
// complies, crossed when the deadline passes without compliance.
void UpdateDemand(const StepContext& context, State& state, int r) {
  const Model& model = context.model;
  const RedLine& line = model.red_lines[r];
  const ConditionContext context_of_owner{line.owner, false, LeverId(), 0};
  if (state.red_line_status[r] == RedLineStatus::kIntact) {
    if (line.trigger.valid() && !Evaluate(model, state, line.trigger, context_of_owner)) return;
    state.red_line_status[r] = RedLineStatus::kPending;
    state.issued_step[r] = state.step;
  }
  if (Evaluate(model, state, line.comply, context_of_owner)) {
    state.red_line_status[r] = RedLineStatus::kSatisfied;
    state.resolved_step[r] = state.step;
    if (context.observer) context.observer->OnDemandSatisfied(state, RedLineId(r));
  } else if (state.step >= state.issued_step[r] + line.within) {
    Cross(context, state, r);
  }
}

// Red line r, with an ambiguous threshold, stands at this stage 5: every alternative whose
// trigger holds now is ruled out for everyone but the owner — had it been the threshold, the line
// would have been crossed (docs/model.md §7.5). The true one never is (its trigger does not hold).
void RuleOutThresholds(const Model& model, State& state, int r, const ConditionContext& context) {
  const RedLine& line = model.red_lines[r];
  std::uint8_t* alive = &state.threshold_alive[r * state.max_thresholds];
  for (int k = 0; k < static_cast<int>(line.thresholds.size()); ++k)
    if (alive[k] && Evaluate(model, state, line.thresholds[k].trigger, context)) alive[k] = 0;
}

}  // namespace

void UpdateRedLines(const StepContext& context, State& state) {
  const Model& model = context.model;
  const int step = state.step;
  for (int r = 0; r < state.red_line_count; ++r) {
    const RedLine& line = model.red_lines[r];
    if (line.is_demand && (state.red_line_status[r] == RedLineStatus::kIntact ||
                           state.red_line_status[r] == RedLineStatus::kPending)) {
      UpdateDemand(context, state, r);
      continue;
    }
    switch (state.red_line_status[r]) {
      case RedLineStatus::kIntact: {
        const ConditionContext trigger_context{line.owner, false, LeverId(), 0};
        // The run's trigger: for an ambiguous threshold, the drawn alternative's (§7.5).
        if (Evaluate(model, state, state.TriggerOf(model, RedLineId(r)), trigger_context)) {
          Cross(context, state, r);
          break;
        }
        if (line.threshold_ambiguous()) RuleOutThresholds(model, state, r, trigger_context);
        if (state.withdraw_choice[r] != 0) {  // docs/model.md §7.6
          state.red_line_status[r] = RedLineStatus::kWithdrawn;
          state.resolved_step[r] = step;
          ++state.withdrawals;
          state.cost[line.owner.index] += state.Value(line.withdrawal_cost);
          if (context.observer) context.observer->OnRedLineWithdrawn(state, RedLineId(r));
        }
        break;
      }
      case RedLineStatus::kCrossed: {
        if (step <= state.crossed_step[r]) break;
        if (state.level[line.response_lever.index] >= state.response_level[r]) {
          state.red_line_status[r] = RedLineStatus::kEnforced;
          state.resolved_step[r] = step;
          ++state.enforcements;
          if (context.observer) context.observer->OnRedLineEnforced(state, RedLineId(r));
        } else if (step >= state.crossed_step[r] + std::max(1, line.deadline)) {
          state.red_line_status[r] = RedLineStatus::kLapsed;
          state.resolved_step[r] = step;
          ++state.lapses;
          if (line.audience == Audience::kPublic)
            state.cost[line.owner.index] += state.Value(line.audience_cost);
          if (context.observer) context.observer->OnRedLineLapsed(state, RedLineId(r));
        }
        break;
      }
      default:
        break;
    }
  }
}

}  // namespace redline
