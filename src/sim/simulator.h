// The simulation kernel: one run of a compiled Model, step by step.
//
//   Result<Simulator> sim = Simulator::Create(model);   // once; builds the decision models
//   State state; state.Allocate(model);                  // once per thread
//   OutcomeId o = sim->Run(state, RunRng(seed, r));      // per run; allocates nothing
//
// A Simulator is immutable after Create and shared by all threads (const methods only); it
// keeps a reference to the Model, which must outlive it. Step() applies the stages of one step
// in the order documented in docs/model.md; every random draw is keyed by (purpose, step,
// slot) in the run's RunRng, so a run is reproducible from (seed, run) alone. Cost: roughly
// O(actors * candidates * red lines + levers * observers) per step.
#pragma once

#include "agents/decision_model.h"
#include "core/rng.h"
#include "core/status.h"
#include "model/model.h"
#include "sim/observer.h"
#include "sim/state.h"

namespace redline {

class Simulator {
 public:
  // Fails if an actor's decision model is not available.
  static Result<Simulator> Create(const Model& model);

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
  Simulator(const Model& model, DecisionModels decisions)
      : model_(&model), decisions_(std::move(decisions)) {}

  const Model* model_;
  DecisionModels decisions_;
};

}  // namespace redline
