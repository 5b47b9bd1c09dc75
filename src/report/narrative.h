// Narratives: a run told step by step in plain sentences a person can follow — who moved which
// lever, which red line was crossed and whether it was enforced, which incident happened and
// how it was perceived, how each alliance member voted — and, after each step with events,
// what explains it (the war balance, costs so far, the beliefs that moved, the settlement
// probability). A strike that goes on from the step before is told once, as continuing. Runs
// of steps where nothing else happens are summarised in one line.
//
// Steps are numbered from 0, as everywhere in redline (docs/model.md §3): the first step of a
// run is step 0, and a run that lasted n steps ended after step n − 1.
//
// NarrativeWriter is a StepObserver. NarrateRun re-simulates one run (runs are reproducible
// from (seed, run) alone); it is what `redline replay` prints, and WriteNarratives writes
// narratives.md from it: for each outcome, the first run that ended in it. Names are each
// entity's short_label, else its label.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "model/model.h"
#include "report/run_info.h"
#include "sim/observer.h"
#include "sim/simulator.h"

namespace redline::report {

class NarrativeWriter : public StepObserver {
 public:
  explicit NarrativeWriter(const Model& model);

  // The narrative so far, as Markdown.
  const std::string& text() const { return text_; }

  // The run's heading, how to reproduce it, and its hidden facts (each actor's type, each
  // channel open or closed, where the war balance starts). Call after Simulator::Reset.
  void Introduce(const State& state, const RunInfo& info, std::int64_t run);

  void OnStepBegin(const State&) override;
  void OnLeverMoved(const State&, LeverId, int from, int to, ActorId, MoveCause) override;
  void OnEnforceDecision(const State&, RedLineId, bool enforce, double probability) override;
  void OnIncident(const State&, LeverId, int hazard, ActorId victim, RungId,
                  bool perceived_deliberate) override;
  void OnStrike(const State&, LeverId, ActorId target, RungId) override;
  void OnRedLineCrossed(const State&, RedLineId) override;
  void OnRedLineEnforced(const State&, RedLineId) override;
  void OnRedLineLapsed(const State&, RedLineId) override;
  void OnOrder(const State&, LeverId, int level, int lead) override;
  void OnDemandSatisfied(const State&, RedLineId) override;
  void OnRedLineWithdrawn(const State&, RedLineId) override;
  void OnVote(const State&, AllianceId, ActorId member, bool yes, double probability) override;
  void OnAllianceDecision(const State&, AllianceId, bool respond, int level) override;
  void OnSettlementChance(const State&, double probability) override;
  void OnSettlement(const State&) override;
  void OnDecisiveResult(const State&, int side) override;
  void OnStepEnd(const State&) override;
  void OnOutcome(const State&, OutcomeId) override;

 private:
  // A run of consecutive steps without events, told in one line when it ends.
  struct QuietSteps {
    int first = -1, last = -1;
    double balance_from = 0, balance_to = 0;
    double settle_min = 1, settle_max = -1;  // settle_max < 0: no settlement clause
    std::string continuing;                  // strikes that went on through the span
  };

  void Say(const std::string& sentence) { sentences_.push_back(sentence); }
  void FlushQuiet();
  std::string Explanation(const State& state) const;
  std::string BeliefsMoved(const State& state) const;
  std::string CostsSoFar(const State& state) const;
  std::string ActorName(ActorId actor) const;
  std::string LeverName(LeverId lever) const;
  std::string AllianceName(int alliance) const;
  std::string ObserverName(int third_party) const;
  std::string RedLineName(RedLineId red_line) const;
  double FirstTypeBelief(const State& state, int observer, int actor) const;

  const Model& model_;
  const bool has_war_;
  std::string text_;
  // This step's events, in order; an entry may be emptied when a later event supersedes it.
  std::vector<std::string> sentences_;
  std::vector<int> held_back_;               // per red line: index in sentences_ of this step's
                                             // "held back" sentence, or -1
  std::vector<int> move_cause_;              // per lever: this step's MoveCause, or -1 if unmoved
  std::vector<int> struck_, struck_before_;  // per lever: the actor it struck this step and
                                             // the step before, or -1
  std::vector<std::string> continuing_;      // this step's strikes that went on from the last
  std::vector<double> belief_from_;  // [observer * actors + actor]: belief in types[0] at the
                                     // start of the step
  double balance_from_ = 0;
  double settle_probability_ = -1;  // this step's, or -1
  QuietSteps quiet_;
};

// Run `run` of `simulator`'s model with seed `info.seed`, told as NarrativeWriter does; the
// reproduce line names `redline replay` with `info`'s file, variant and overrides.
std::string NarrateRun(const Simulator& simulator, const RunInfo& info, std::int64_t run);

// narratives.md: first_run[o] = index of the first run that ended in outcome o, or -1.
void WriteNarratives(const Simulator& simulator, const RunInfo& info,
                     const std::vector<std::int64_t>& first_run, std::ostream& out);

}  // namespace redline::report
