// Narratives: a run told step by step in plain sentences — who moved which lever, which red
// line was crossed and whether it was enforced, which incident happened and how it was
// perceived, how each alliance member voted. NarrativeWriter is a StepObserver; WriteNarratives
// re-simulates, for each outcome, the first run that ended in it (runs are reproducible from
// (seed, run) alone) and writes narratives.md.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "model/model.h"
#include "sim/observer.h"
#include "sim/simulator.h"

namespace redline::report {

class NarrativeWriter : public StepObserver {
 public:
  explicit NarrativeWriter(const Model& model) : model_(model) {}

  // The sentences so far, as Markdown (a heading per step with events).
  const std::string& text() const { return text_; }

  void OnStepBegin(const State&) override;
  void OnLeverMoved(const State&, LeverId, int from, int to, ActorId, MoveCause) override;
  void OnEnforceDecision(const State&, RedLineId, bool enforce, double probability) override;
  void OnIncident(const State&, LeverId, int hazard, ActorId victim, RungId,
                  bool perceived_deliberate) override;
  void OnStrike(const State&, LeverId, ActorId target, RungId) override;
  void OnRedLineCrossed(const State&, RedLineId) override;
  void OnRedLineEnforced(const State&, RedLineId) override;
  void OnRedLineLapsed(const State&, RedLineId) override;
  void OnVote(const State&, AllianceId, ActorId member, bool yes, double probability) override;
  void OnAllianceDecision(const State&, AllianceId, bool respond, int level) override;
  void OnSettlement(const State&) override;
  void OnDecisiveResult(const State&, int side) override;
  void OnOutcome(const State&, OutcomeId) override;

  // The run's hidden facts: each actor's type, each channel open or closed.
  void Introduce(const State& state, std::int64_t run);

 private:
  void Say(const State& state, const std::string& sentence);
  std::string ActorName(ActorId actor) const;
  std::string LeverName(LeverId lever) const;

  const Model& model_;
  std::string text_;
  int heading_step_ = -1;
};

// first_run[o] = index of the first run that ended in outcome o, or -1 (skipped).
void WriteNarratives(const Simulator& simulator, std::uint64_t seed,
                     const std::vector<std::int64_t>& first_run, std::ostream& out);

// One run's narrative (for tests and `redline run --narrate`).
std::string NarrateRun(const Simulator& simulator, std::uint64_t seed, std::int64_t run);

}  // namespace redline::report
