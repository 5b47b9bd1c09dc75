// Evaluation of condition trees (red-line triggers and outcome rules) against a State,
// optionally under a hypothetical: "what if lever L were at level K" — which is how the
// decision models ask whether a move would newly cross a red line. Both the kernel (module
// sim) and the decision models (module agents) evaluate conditions; header-only and inline
// because they do so in their hot loops.
// Pure, allocation-free, thread-safe for distinct States. Cost: O(nodes), plus O(levers) for
// rung_at_least; interference reads the per-step cache State::interference.
#pragma once

#include <algorithm>

#include "crisis/state.h"
#include "model/model.h"

namespace redline {

struct ConditionContext {
  ActorId perceiver;       // whose perception weights interference_at_least uses
  bool whole_run = false;  // outcome rules: strike_on means "at any step of the run"
  LeverId hypothetical;    // if valid: evaluate as if this lever were at hypothetical_level
  int hypothetical_level = 0;
  LeverId second = {};  // if valid: and as if this (other) lever were at second_level
  int second_level = 0;
  ActorId struck = {};  // if valid: as if this actor's territory were struck this step
};

inline int LevelUnder(const State& state, const ConditionContext& context, LeverId lever) {
  if (lever == context.hypothetical) return context.hypothetical_level;
  if (lever == context.second) return context.second_level;
  return state.level[lever.index];
}

// Whether the hypothetical level strikes the territory of `actor`.
inline bool HypotheticalStrikes(const Model& model, const ConditionContext& context,
                                ActorId actor) {
  if (!context.hypothetical.valid()) return false;
  const Lever& lever = model.levers[context.hypothetical.index];
  return lever.target == actor && lever.levels[context.hypothetical_level].strikes_territory;
}

inline bool StruckUnder(const Model& model, const State& state, const ConditionContext& context,
                        ActorId actor) {
  if (context.whole_run) return state.struck_ever[actor.index] != 0;
  return state.strike_rung[actor.index] >= 0 || actor == context.struck ||
         HypotheticalStrikes(model, context, actor);
}

bool EvaluateCompound(const Model& model, const State& state, const Condition& c,
                      const ConditionContext& context);

// Whether condition `id` holds. Leaves are evaluated here, without a call (the hot callers
// inline it); all/any/not go through EvaluateCompound, so that this function is not recursive
// and can be inlined.
inline bool Evaluate(const Model& model, const State& state, ConditionId id,
                     const ConditionContext& context) {
  const Condition& c = model.conditions[id.index];
  switch (c.kind) {
    case ConditionKind::kAll:
    case ConditionKind::kAny:
    case ConditionKind::kNot:
      return EvaluateCompound(model, state, c, context);
    case ConditionKind::kLeverAtLeast:
      return LevelUnder(state, context, c.lever) >= c.level;
    case ConditionKind::kInterferenceAtLeast: {
      if (!context.perceiver.valid()) return false;
      double total = state.interference[context.perceiver.index];
      const LeverId h = context.hypothetical;
      if (h.valid() &&
          !model.lever_friendly[h.index * model.actors.size() + context.perceiver.index]) {
        total += state.Weight(model, h, context.hypothetical_level, context.perceiver.index) -
                 state.Weight(model, h, state.level[h.index], context.perceiver.index);
      }
      return total >= state.Value(c.threshold) - 1e-12;
    }
    case ConditionKind::kStrikeOn:
      if (c.actor.valid()) return StruckUnder(model, state, context, c.actor);
      if (c.alliance.valid())
        for (ActorId member : model.alliances[c.alliance.index].members)
          if (StruckUnder(model, state, context, member)) return true;
      return false;
    case ConditionKind::kRungAtLeast:
      // Only the levers of `by` that have a level at or above the rung (FinalizeModel).
      for (LeverId lever : model.rung_condition_levers[id.index]) {
        const int lvl = LevelUnder(state, context, lever);
        if (model.levers[lever.index].levels[lvl].rung.index >= c.rung.index) return true;
      }
      return false;
    case ConditionKind::kMaxRungAtLeast: {
      int highest = state.highest_rung;
      if (context.hypothetical.valid())
        highest = std::max(
            highest,
            model.levers[context.hypothetical.index].levels[context.hypothetical_level].rung.index);
      return highest >= c.rung.index;
    }
    case ConditionKind::kWinner:
      return state.winner == c.side;
    case ConditionKind::kSettled:
      return state.settled && (c.package < 0 || state.terms_package == c.package);
    case ConditionKind::kRedLineEnforced:
      return state.red_line_status[c.red_line.index] == RedLineStatus::kEnforced;
    case ConditionKind::kRedLineWithdrawn:
      return state.red_line_status[c.red_line.index] == RedLineStatus::kWithdrawn;
    case ConditionKind::kAllianceResponded:
      return state.alliance_responded[c.alliance.index] != 0;
    case ConditionKind::kAlways:
      return true;
  }
  return false;
}

// all / any / not: their children in order, stopping at the first that decides.
[[gnu::noinline]] inline bool EvaluateCompound(const Model& model, const State& state,
                                               const Condition& c,
                                               const ConditionContext& context) {
  switch (c.kind) {
    case ConditionKind::kAll:
      for (ConditionId child : c.children)
        if (!Evaluate(model, state, child, context)) return false;
      return true;
    case ConditionKind::kAny:
      for (ConditionId child : c.children)
        if (Evaluate(model, state, child, context)) return true;
      return false;
    case ConditionKind::kNot:
      return !Evaluate(model, state, c.children[0], context);
    default:
      return false;
  }
}

}  // namespace redline
