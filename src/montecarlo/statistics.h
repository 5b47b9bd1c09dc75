// Statistics over many runs. A Tally accumulates RunRecords with integer counts and sums of
// doubles; Tallies of fixed chunks of runs are merged in chunk order, so the resulting Summary
// is bit-identical for any number of threads. Not thread-safe: one Tally per chunk.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "model/model.h"
#include "montecarlo/run_record.h"

namespace redline {

struct Interval {
  double low = 0;
  double high = 0;
  bool operator==(const Interval&) const = default;
};

// 95% Wilson score interval for `successes` out of `trials` (z = 1.959964); [0, 1] if none.
Interval WilsonInterval(std::int64_t successes, std::int64_t trials);

struct OutcomeStat {
  std::int64_t count = 0;
  double p = 0;
  Interval ci;
  bool operator==(const OutcomeStat&) const = default;
};

// One pathway of one outcome (docs/model.md §11.1): runs with that outcome whose highest rung
// was reached through that causal chain.
struct PathwayStat {
  Pathway pathway;
  std::int64_t count = 0;
  double p = 0;      // count / runs: the pathways of an outcome sum to its p
  Interval ci;       // Wilson, of p
  double share = 0;  // count / the outcome's count
  bool operator==(const PathwayStat&) const = default;
};

struct RedLineStat {
  std::int64_t crossed = 0;
  std::int64_t enforced = 0;
  std::int64_t lapsed = 0;
  std::int64_t in_force = 0;   // crossed while the response was already in force (no decision)
  std::int64_t satisfied = 0;  // demands: the target complied before the deadline (not crossed)
  std::int64_t withdrawn = 0;  // withdrawn by its owner while intact (docs/model.md §7.6)
  double p_crossed = 0;
  Interval p_crossed_ci;
  // enforced / (crossed - in_force): among crossings that called for a decision; 0 if none
  double p_enforced_given_crossed = 0;
  Interval p_enforced_given_crossed_ci;
  double mean_crossing_step = 0;  // over runs that crossed it
  bool operator==(const RedLineStat&) const = default;
};

struct Summary {
  std::int64_t runs = 0;
  std::uint64_t seed = 0;
  std::vector<OutcomeStat> outcomes;  // per OutcomeId
  // [outcome]: its pathways, most frequent first (ties: by Pathway::Key), so the order is the
  // same for any thread count.
  std::vector<std::vector<PathwayStat>> pathways;
  std::vector<RedLineStat> red_lines;      // per RedLineId
  std::vector<std::int64_t> highest_rung;  // per RungId: runs whose highest rung it was
  std::vector<std::vector<std::int64_t>>
      peak_level;  // [lever][level]: runs whose lever peaked there
  std::int64_t runs_with_crossing = 0;
  double mean_first_crossing_step = 0;  // over runs with a crossing
  double mean_steps = 0;
  double mean_final_balance = 0;
  double mean_crossings = 0;
  double mean_incidents = 0;
  double mean_perceived_incidents = 0;
  // Settlements (docs/model.md §10.2): how many runs settled, the mean terms s among them (0 if
  // none), and how many were proposed by side a, side b and the mediator.
  std::int64_t settled = 0;
  double mean_terms = 0;
  std::int64_t terms_by[3] = {0, 0, 0};
  // Per war.bargaining.terms package: the settled runs whose terms it names (empty: no packages).
  std::vector<std::int64_t> terms_package;
  std::vector<double> mean_belief_first_type;  // [observer * actors + actor]
  std::vector<double> mean_cost;               // per actor
  bool operator==(const Summary&) const = default;
};

class Tally {
 public:
  explicit Tally(const Model& model);
  void Add(const RunRecord& record);
  void Merge(const Tally& other);  // other's runs come after this one's
  Summary Finish(std::uint64_t seed) const;
  std::int64_t runs() const { return runs_; }

 private:
  std::int64_t runs_ = 0;
  std::vector<std::int64_t> outcome_count_;
  std::vector<std::map<std::uint64_t, std::int64_t>> pathway_count_;  // [outcome][Pathway::Key]
  std::vector<std::int64_t> crossed_, enforced_, lapsed_, in_force_, satisfied_, withdrawn_,
      crossing_step_sum_;
  std::vector<std::int64_t> highest_rung_;
  std::vector<std::vector<std::int64_t>> peak_level_;
  std::int64_t runs_with_crossing_ = 0, first_crossing_sum_ = 0, steps_sum_ = 0;
  std::int64_t crossings_sum_ = 0, incidents_sum_ = 0, perceived_sum_ = 0;
  double balance_sum_ = 0;
  std::int64_t settled_ = 0;
  double terms_sum_ = 0;
  std::int64_t terms_by_[3] = {0, 0, 0};
  std::vector<std::int64_t> terms_package_;
  std::vector<double> belief_sum_;
  std::vector<double> cost_sum_;
};

}  // namespace redline
