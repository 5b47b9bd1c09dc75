// The simulation kernel: one run of a compiled Model, step by step.
//
//   Simulator sim(model, std::move(decisions));  // once; decisions: one per actor, e.g.
//                                                //   MakeDecisionModels (agents/factory.h)
//   State state; state.Allocate(model);          // once per thread
//   OutcomeId o = sim.Run(state, RunRng(seed, r));  // per run; allocates nothing
//
// The kernel does not choose how actors decide: it receives the decision models (interface
// in crisis/decision_model.h), so it does not depend on their implementations. A Simulator
// is immutable after construction and shared by all threads (const methods only); it owns
// the decision models and keeps a reference to the Model, which must outlive it. Step() applies the
// stages of one step in the order documented in docs/model.md; every random draw is keyed by
// (purpose, step, slot) in the run's RunRng, so a run is reproducible from (seed, run) alone. Cost:
// roughly O(actors * candidates * red lines + levers * observers) per step.
#pragma once

#include "core/rng.h"
#include "crisis/decision_model.h"
#include "crisis/state.h"
#include "model/model.h"
#include "sim/observer.h"

namespace redline {

class Simulator {
 public:
  // `decisions[a]` decides for actor a; one non-null model per actor (asserted).
  Simulator(const Model& model, DecisionModels decisions);

  const Model& model() const { return *model_; }
  const DecisionModel& decision_model(ActorId actor) const { return *decisions_[actor.index]; }

  // Starts a run: State::Reset plus the kernel's caches (credibility, enforcement).
  void Reset(State& state, const RunRng& rng) const;
  // Advances one step. Precondition: !state.done.
  void Step(State& state, const RunRng& rng, StepObserver* observer = nullptr) const;
  // The first outcome whose rule holds (strike_on read over the whole run).
  OutcomeId ClassifyOutcome(const State& state) const;
  // Reset, step until the run ends, classify. Reports the outcome to the observer.
  OutcomeId Run(State& state, const RunRng& rng, StepObserver* observer = nullptr) const;

 private:
  const Model* model_;
  DecisionModels decisions_;
};

}  // namespace redline
