// The scripted decision model (MODEL §9): an actor follows a schedule of lever levels, to pose
// a policy to test. Entry {step, lever, level} means "from `step` on, hold `lever` at `level`"
// (the latest entry with step <= the current step wins). Each step the actor moves the first of
// its levers (in levers_of_actor order) that is off its scheduled level, by up to max_change
// levels toward it; otherwise it holds. Enforcement and votes use the fixed probabilities
// decision.enforce and decision.vote. Nothing depends on the type, so observers learn nothing
// from a scripted actor's choices.
#pragma once

#include "crisis/decision_model.h"

namespace redline {

class ScriptedModel final : public DecisionModel {
 public:
  void MoveProbabilities(const Model& model, const State& state, ActorId actor,
                         std::span<const Move> candidates, std::span<double> out) const override;
  double EnforceProbability(const Model& model, const State& state, RedLineId red_line,
                            TypeId type) const override;
  double VoteProbability(const Model& model, const State& state, AllianceId alliance,
                         ActorId member, TypeId type) const override;
  bool TypeDependent() const override { return false; }
};

// The level the schedule of `actor` asks `lever` to be at in `step`; -1 if no entry applies.
int ScheduledLevel(const Model& model, ActorId actor, LeverId lever, int step);

// The move the schedule asks for at the State's current step (hold if none).
Move ScheduledMove(const Model& model, const State& state, ActorId actor);

}  // namespace redline
