// The run summary as one JSON object (`redline run --json`, summary.json). Keys keep the
// scenario's order (ordered_json). Required keys: scenario, runs, seed, outcomes
// (id -> {p, ci95, count}), red_lines (id -> {p_crossed, p_enforced_given_crossed}),
// max_rung (rung id -> p), elapsed_s.
#pragma once

#include <nlohmann/json.hpp>

#include "model/model.h"
#include "montecarlo/statistics.h"
#include "report/run_info.h"

namespace redline::report {

nlohmann::ordered_json SummaryToJson(const Model& model, const Summary& summary,
                                     const RunInfo& info);

}  // namespace redline::report
