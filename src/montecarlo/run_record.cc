#include "montecarlo/run_record.h"

namespace redline {

void FillRecord(const Model& model, const State& state, std::int64_t index, OutcomeId outcome,
                RunRecord& record) {
  record.index = index;
  record.outcome = outcome;
  record.highest_rung = state.highest_rung;
  record.pathway = state.pathway;
  record.steps = state.step;
  record.crossings = state.crossings;
  record.enforcements = state.enforcements;
  record.lapses = state.lapses;
  record.incidents = state.incidents;
  record.perceived_incidents = state.perceived_incidents;
  record.first_crossing_step = state.first_crossing_step;
  record.winner = state.winner;
  record.settled = state.settled;
  record.terms = state.terms;
  record.terms_by = state.terms_by;
  record.settled_step = state.settled_step;
  record.terms_package = state.terms_package;
  record.final_balance = state.balance;
  record.types.assign(state.type.begin(), state.type.end());
  record.red_lines.assign(state.red_line_status.begin(), state.red_line_status.end());
  record.crossed_step.assign(state.crossed_step.begin(), state.crossed_step.end());
  record.peak_level.assign(state.peak_level.begin(), state.peak_level.end());
  record.beliefs.resize(static_cast<std::size_t>(state.observers) * state.actors);
  for (int o = 0; o < state.observers; ++o)
    for (int a = 0; a < state.actors; ++a)
      record.beliefs[o * state.actors + a] = state.Belief(o, ActorId(a), 0);
  record.costs.assign(state.cost.begin(), state.cost.end());
  (void)model;
}

}  // namespace redline
