// The readable run summary that `redline run` prints: outcomes with 95% Wilson intervals,
// red lines, the highest rung reached, first crossings, and observers' final beliefs.
// Byte-identical for any thread count (it prints no timing).
#pragma once

#include <iosfwd>

#include "model/model.h"
#include "montecarlo/statistics.h"
#include "report/run_info.h"

namespace redline::report {

void WriteSummaryText(const Model& model, const Summary& summary, const RunInfo& info,
                      std::ostream& out);

}  // namespace redline::report
