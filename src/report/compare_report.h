// The report of `redline compare`: for each outcome, each variant's probability and the paired
// difference from the first variant with its 95% interval (common random numbers: run r uses
// the same streams under every variant). Text and JSON.
#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/model.h"
#include "montecarlo/runner.h"
#include "report/run_info.h"

namespace redline::report {

// `variant_names[i]` labels comparison.variants[i]; `model` is the first variant's model (all
// variants share the outcome list).
void WriteComparisonText(const Model& model, const std::vector<std::string>& variant_names,
                         const Comparison& comparison, const RunInfo& info, std::ostream& out);

nlohmann::ordered_json ComparisonToJson(const Model& model,
                                        const std::vector<std::string>& variant_names,
                                        const Comparison& comparison, const RunInfo& info);

// differences.csv: a header, then one row per outcome and variant (outcome order, then variant
// order): outcome,variant,p,ci95_low,ci95_high,count,difference,difference_ci95_low,
// difference_ci95_high,significant. The first variant's difference fields are empty;
// significant is 1 when the 95% interval of the paired difference excludes zero.
void WriteDifferencesCsv(const Model& model, const std::vector<std::string>& variant_names,
                         const Comparison& comparison, std::ostream& out);

}  // namespace redline::report
