// The stages of one simulation step (internal to the kernel; one file each). Each stage reads
// and writes the State; the order in which Simulator::Step calls them is the model's order of
// events within a step (docs/model.md). None allocates.
#pragma once

#include <algorithm>
#include <cstdint>

#include "core/rng.h"
#include "crisis/decision_model.h"
#include "crisis/state.h"
#include "model/model.h"
#include "sim/observer.h"

namespace redline {

struct StepContext {
  const Model& model;
  const DecisionModels& decisions;
  const RunRng& rng;
  StepObserver* observer;  // may be null
};

// Turns State::trigger_memo (and threshold_weight_memo) on, cleared, for its lifetime — a scope
// in which nothing that red-line triggers read (levels, strikes, interference, rungs, statuses,
// ruled-out thresholds) changes — and off at its end. Inside an enclosing TriggerMemo it does
// nothing: the enclosing scope's memo stays valid (Simulator::Step shares one between the
// credibility refresh and the move probabilities, which run with the same triggers' inputs).
class TriggerMemo {
 public:
  explicit TriggerMemo(State& state) : state_(state), owner_(!state.trigger_memo_on) {
    if (!owner_) return;
    std::fill(state.trigger_memo.begin(), state.trigger_memo.end(), std::int8_t{-1});
    std::fill(state.threshold_weight_memo.begin(), state.threshold_weight_memo.end(), -1.0);
    state.trigger_memo_on = true;
  }
  ~TriggerMemo() {
    if (owner_) state_.trigger_memo_on = false;
  }
  TriggerMemo(const TriggerMemo&) = delete;
  TriggerMemo& operator=(const TriggerMemo&) = delete;

 private:
  State& state_;
  bool owner_;  // whether this scope turned the memo on (and turns it off)
};

// caches.cc: aid/interdiction/interference from current levels; enforcement probabilities and
// credibilities from the current beliefs (one Jacobi iteration).
void RefreshLeverAggregates(const Model& model, State& state);
void RefreshCredibility(const StepContext& context, State& state);

// decisions.cc, in two parts: ComputeMoves gives every mover its candidates and per-type move
// probabilities at the current levels (and the coupled actors' stage equilibrium); nothing a
// red-line trigger reads changes in it. DecideAndApply then draws the moves; owners of crossed
// red lines decide on enforcement; observers update beliefs; moves and enforcement are applied
// together. Simulator::Step runs ComputeMoves right after RefreshCredibility, in one TriggerMemo.
void ComputeMoves(const StepContext& context, State& state);
void DecideAndApply(const StepContext& context, State& state);

// beliefs.cc: Bayesian update of every observer's belief about `actor` given the likelihood
// of what it chose under each of its types, tempered per observer by weights (null: w = 1).
void UpdateBeliefs(const Model& model, State& state, ActorId actor, const double* likelihood,
                   LeverId lever, int from, int to);

// hazards.cc: accidents and deliberate strikes of this step, as perceived.
void ApplyHazardsAndStrikes(const StepContext& context, State& state);
// Records a perceived-deliberate strike of `rung` by `party` on `victim`'s territory.
// `incident_rate` < 0 for a deliberate strike (a `strikes` level); for an incident perceived as
// deliberate, its rate p·(1 − q) (the evidence alliances weigh, docs/model.md §9.1).
// `chain` is the strike's causal chain (docs/model.md §11.1).
void RecordStrike(const Model& model, State& state, int party, ActorId victim, int rung,
                  double incident_rate, const Pathway& chain);

// red_lines.cc: crossings, enforcement, lapses.
void UpdateRedLines(const StepContext& context, State& state);

// alliances.cc: Article-5 deliberations for alliances whose members were struck this step.
void Deliberate(const StepContext& context, State& state);

// war.cc: costs, balance, decisive result, talks and settlement.
void AdvanceWar(const StepContext& context, State& state);
// war.cc: the scheduled power shifts (war.shifts) of this step take effect.
void ApplyPowerShifts(const Model& model, State& state);

// pathways.cc: the causal chains of pathways (docs/model.md §11.1), a few byte copies per event.
// The chain of a decision's raise of `move` by `actor` (its parent: the actor's latest link).
Pathway DecisionChain(const Model& model, const State& state, ActorId actor, const Move& move);
// The chain of red line r's crossing this step.
Pathway CrossingChain(const Model& model, const State& state, RedLineId r);
// A party (actor, or actors + alliance) raised `lever` with causal chain `chain`.
inline void NoteRaise(State& state, int party, LeverId lever, const Pathway& chain) {
  state.lever_path[lever.index] = chain;
  state.party_path[party] = chain;
  state.raised_step[party] = state.step;
  if (party < state.actors) state.struck_last[party] = 0;
}
// The highest rung is now at least `rung`; if this raised it, `chain` is the run's pathway.
inline void RaiseHighest(State& state, int rung, const Pathway& chain) {
  if (rung <= state.highest_rung) return;
  state.highest_rung = rung;
  state.pathway = chain;
}

// The owner "party" of a lever: actor index, or actors + alliance index.
inline int PartyOf(const Model& model, LeverId lever) {
  const LeverOwner& owner = model.levers[lever.index].owner;
  return owner.actor.valid() ? owner.actor.index
                             : static_cast<int>(model.actors.size()) + owner.alliance.index;
}

// Raises `lever` onto act level `to`: the act is live this step, becomes the lever's floor, and
// raises the levers it causes (docs/model.md §3.2). Defined in pathways.cc.
void DoAct(const StepContext& context, State& state, LeverId lever, int to, ActorId by);

// Carries out the orders due this step (raises decided lead_time steps earlier).
void ExecuteOrders(const StepContext& context, State& state);

inline void SetLevel(const StepContext& context, State& state, LeverId lever, int to, ActorId by,
                     MoveCause cause) {
  const int from = state.level[lever.index];
  if (from == to) return;
  state.level[lever.index] = to;
  if (to > state.peak_level[lever.index]) state.peak_level[lever.index] = to;
  if (context.observer) context.observer->OnLeverMoved(state, lever, from, to, by, cause);
  if (to > from && context.model.levers[lever.index].levels[to].act)
    DoAct(context, state, lever, to, by);
}

}  // namespace redline
