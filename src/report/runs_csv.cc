#include "report/runs_csv.h"

#include <fmt/format.h>

#include <ostream>
#include <string>

namespace redline::report {

RunsCsvWriter::RunsCsvWriter(const Model& model, std::ostream& out) : model_(model), out_(out) {
  out_ << "run,outcome,highest_rung,steps,crossings,enforcements,incidents,final_balance,"
          "lapses,perceived_incidents,first_crossing_step,winner,settled,pathway,terms,terms_by,"
          "terms_package\n";
}

void RunsCsvWriter::Write(const RunRecord& r) {
  static const char* const kSide[] = {"a", "b"};
  static const char* const kProposer[] = {"a", "b", "mediator"};
  // terms, terms_by and terms_package are empty unless the run settled; terms_package also
  // without war.bargaining.terms (docs/reports.md).
  const std::string terms = r.settled ? fmt::format("{:.6f}", r.terms) : "";
  const char* terms_by =
      r.settled && r.terms_by >= 0 && r.terms_by <= 2 ? kProposer[r.terms_by] : "";
  const auto& packages = model_.theatre.bargaining.packages;
  const std::string package =
      r.settled && r.terms_package >= 0 && r.terms_package < static_cast<int>(packages.size())
          ? packages[r.terms_package].id
          : "";
  out_ << fmt::format("{},{},{},{},{},{},{},{:.6f},{},{},{},{},{},{},{},{},{}\n", r.index,
                      model_.outcomes[r.outcome.index].id, model_.rungs[r.highest_rung].id, r.steps,
                      r.crossings, r.enforcements, r.incidents, r.final_balance, r.lapses,
                      r.perceived_incidents, r.first_crossing_step,
                      r.winner == kNoSide ? "" : kSide[r.winner], r.settled ? 1 : 0,
                      PathwayId(r.pathway), terms, terms_by, package);
}

}  // namespace redline::report
