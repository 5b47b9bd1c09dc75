// runs.csv: one row per run, in run order: index, outcome, highest rung, steps, crossings,
// enforcements, incidents, final balance (and a few more facts after those).
#pragma once

#include <iosfwd>

#include "model/model.h"
#include "montecarlo/run_record.h"

namespace redline::report {

class RunsCsvWriter {
 public:
  RunsCsvWriter(const Model& model, std::ostream& out);  // writes the header row
  void Write(const RunRecord& record);

 private:
  const Model& model_;
  std::ostream& out_;
};

}  // namespace redline::report
