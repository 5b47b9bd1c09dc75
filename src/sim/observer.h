// How the kernel reports what happens in a run, for narratives and tests. The kernel never
// prints; it calls these hooks in the order events happen within a step (see docs/model.md,
// "Order of stages"). Every hook has an empty default, so an observer overrides only what it
// needs. The Monte Carlo runner passes no observer (nullptr) in its hot loop. Hooks are called
// on the simulating thread; an observer must not modify the State.
#pragma once

#include "model/model.h"

namespace redline {

struct State;

enum class MoveCause {
  kDecision,     // the owner's own move
  kEnforcement,  // enforcing a crossed red line
  kAlliance,     // an alliance's deliberation said yes
  kConsequence,  // an act caused it (levels[].causes)
  kOrder,        // an order given `lead_time` steps earlier took effect
};

class StepObserver {
 public:
  virtual ~StepObserver() = default;

  virtual void OnStepBegin(const State&) {}
  // Lever `lever` went from `from` to `to`; `actor` is the mover (invalid for an alliance).
  virtual void OnLeverMoved(const State&, LeverId, int /*from*/, int /*to*/, ActorId, MoveCause) {}
  // An owner decided (per step of the deadline window) whether to enforce a crossed red line.
  // An order to raise `lever` to `level`, taking effect `lead` steps from now (lead_time).
  virtual void OnOrder(const State&, LeverId, int /*level*/, int /*lead*/) {}
  virtual void OnEnforceDecision(const State&, RedLineId, bool /*enforce*/,
                                 double /*probability*/) {}
  // An accident on `lever` (hazard index `hazard` of its level) landed on `victim`.
  virtual void OnIncident(const State&, LeverId, int /*hazard*/, ActorId /*victim*/, RungId,
                          bool /*perceived_deliberate*/) {}
  // A lever level that strikes territory struck `target` this step.
  virtual void OnStrike(const State&, LeverId, ActorId /*target*/, RungId) {}
  virtual void OnRedLineCrossed(const State&, RedLineId) {}
  virtual void OnRedLineEnforced(const State&, RedLineId) {}
  virtual void OnRedLineLapsed(const State&, RedLineId) {}
  virtual void OnDemandSatisfied(const State&, RedLineId) {}
  virtual void OnRedLineWithdrawn(const State&, RedLineId) {}  // docs/model.md §7.6
  virtual void OnVote(const State&, AllianceId, ActorId /*member*/, bool /*yes*/,
                      double /*probability*/) {}
  virtual void OnAllianceDecision(const State&, AllianceId, bool /*respond*/, int /*level*/) {}
  // This step's probability of a negotiated settlement, just before its draw (only with a
  // settlement clause, and only if the war did not end decisively this step).
  virtual void OnSettlementChance(const State&, double /*probability*/) {}
  virtual void OnSettlement(const State&) {}
  virtual void OnDecisiveResult(const State&, int /*side*/) {}
  virtual void OnStepEnd(const State&) {}
  virtual void OnOutcome(const State&, OutcomeId) {}
};

}  // namespace redline
