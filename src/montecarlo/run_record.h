// What one run produced, as the Monte Carlo runner reports it (to statistics and to an
// optional per-run sink, e.g. runs.csv). Filling a record into an existing RunRecord reuses its
// vectors' capacity, so the runner's hot loop does not allocate.
#pragma once

#include <cstdint>
#include <vector>

#include "crisis/state.h"
#include "model/model.h"

namespace redline {

struct RunRecord {
  std::int64_t index = 0;  // run number r (its stream is RunRng(seed, r))
  OutcomeId outcome;
  int highest_rung = 0;  // RungId index
  Pathway pathway;       // the causal chain to the highest rung (docs/model.md §11.1)
  int steps = 0;         // steps simulated
  int crossings = 0;
  int enforcements = 0;
  int lapses = 0;
  int incidents = 0;
  int perceived_incidents = 0;
  int first_crossing_step = -1;
  int winner = kNoSide;
  bool settled = false;
  double terms = 0;        // the settlement's terms s (side a's share; when settled)
  int terms_by = -1;       // who proposed them: 0 a, 1 b, 2 mediator; -1 when not settled
  int settled_step = -1;   // the step of the settlement; -1 when not settled
  int terms_package = -1;  // war.bargaining.terms package of the terms; -1 when not settled or none
  double final_balance = 0;
  std::vector<TypeId> types;             // each actor's true type
  std::vector<RedLineStatus> red_lines;  // final status per red line
  std::vector<int> crossed_step;         // per red line; -1 if never crossed
  std::vector<int> peak_level;           // per lever: highest level reached
  std::vector<double> beliefs;           // [observer * actors + actor]: final belief that the
                                         // actor is of its first (most resolute) type
  std::vector<double> costs;             // per actor: cumulative costs
};

// Copies the end-of-run facts of `state` into `record`.
void FillRecord(const Model& model, const State& state, std::int64_t index, OutcomeId outcome,
                RunRecord& record);

}  // namespace redline
