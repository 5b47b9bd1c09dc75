#include "sim/simulator.h"

#include <algorithm>
#include <cassert>

#include "crisis/conditions.h"
#include "sim/stages.h"

namespace redline {

Simulator::Simulator(const Model& model, DecisionModels decisions)
    : model_(&model), decisions_(std::move(decisions)) {
  assert(decisions_.size() == model.actors.size());
  assert(std::none_of(decisions_.begin(), decisions_.end(),
                      [](const auto& decision) { return decision == nullptr; }));
}

void Simulator::Reset(State& state, const RunRng& rng) const {
  state.Reset(*model_, rng);
  RefreshLeverAggregates(*model_, state);
  // Two Jacobi iterations make the starting credibilities include one round of anticipated
  // retaliation against enforcement, so step 0 is not special.
  const StepContext context{*model_, decisions_, rng, nullptr};
  TriggerMemo memo(state);  // no level moves between the two: one memo of the triggers
  RefreshCredibility(context, state);
  RefreshCredibility(context, state);
}

void Simulator::Step(State& state, const RunRng& rng, StepObserver* observer) const {
  assert(!state.done);
  const Model& model = *model_;
  const StepContext context{model, decisions_, rng, observer};
  std::fill(state.strike_rung.begin(), state.strike_rung.end(), -1);
  std::fill(state.alliance_attack_rung.begin(), state.alliance_attack_rung.end(), -1);
  std::fill(state.alliance_attack_deliberate.begin(), state.alliance_attack_deliberate.end(), 0);
  std::fill(state.alliance_incident_rate.begin(), state.alliance_incident_rate.end(), 0.0);
  std::fill(state.alliance_attacker.begin(), state.alliance_attacker.end(), -1);
  if (observer) observer->OnStepBegin(state);
  // Acts live in the last step are done: their levers' aggregates change with no level moving.
  if (state.acts_step >= 0 && state.acts_step < state.step) {
    std::fill(state.aggregated_level.begin(), state.aggregated_level.end(), -1);
    state.acts_step = -1;
  }

  // 1. Scheduled power shifts; caches from the state at the start of the step.
  if (!model.theatre.shifts.empty()) ApplyPowerShifts(model, state);
  RefreshLeverAggregates(model, state);
  {
    // Nothing a red-line trigger reads changes until the moves are drawn and applied: the
    // refresh and the move probabilities share one memo of the triggers.
    TriggerMemo memo(state);
    RefreshCredibility(context, state);
    // 2. Simultaneous moves and enforcement; belief updates.
    ComputeMoves(context, state);
  }
  DecideAndApply(context, state);
  RefreshLeverAggregates(model, state);
  // 3. Accidents and strikes, as perceived. 4. Red lines. 5. Article 5.
  ApplyHazardsAndStrikes(context, state);
  UpdateRedLines(context, state);
  Deliberate(context, state);
  // 6. Highest rung reached (lever levels; perceived strikes were counted when recorded).
  for (int l = 0; l < static_cast<int>(model.levers.size()); ++l)
    RaiseHighest(state, model.levers[l].levels[state.level[l]].rung.index, state.lever_path[l]);
  // 7. The war.
  RefreshLeverAggregates(model, state);
  AdvanceWar(context, state);

  ++state.step;
  state.stop_reached = model.stop_at.valid() && state.highest_rung >= model.stop_at.index;
  state.done =
      state.winner != kNoSide || state.settled || state.stop_reached || state.step >= model.horizon;
  if (observer) observer->OnStepEnd(state);
}

OutcomeId Simulator::ClassifyOutcome(const State& state) const {
  const Model& model = *model_;
  const ConditionContext context{ActorId(), true, LeverId(), 0};
  for (int o = 0; o < static_cast<int>(model.outcomes.size()); ++o)
    if (Evaluate(model, state, model.outcomes[o].when, context)) return OutcomeId(o);
  return OutcomeId(static_cast<int>(model.outcomes.size()) - 1);
}

OutcomeId Simulator::Run(State& state, const RunRng& rng, StepObserver* observer) const {
  Reset(state, rng);
  if (model_->horizon <= 0) state.done = true;
  while (!state.done) Step(state, rng, observer);
  const OutcomeId outcome = ClassifyOutcome(state);
  if (observer) observer->OnOutcome(state, outcome);
  return outcome;
}

}  // namespace redline
