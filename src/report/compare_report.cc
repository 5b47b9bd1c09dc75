#include "report/compare_report.h"

#include <fmt/format.h>

#include <ostream>

#include "report/format.h"

namespace redline::report {

namespace {
std::string Truncate(const std::string& text, std::size_t width) {
  return text.size() <= width ? text : text.substr(0, width - 1) + "~";
}
}  // namespace

void WriteComparisonText(const Model& model, const std::vector<std::string>& variant_names,
                         const Comparison& comparison, const RunInfo& info, std::ostream& out) {
  out << fmt::format("redline compare: {} ({})\n", model.name, info.scenario_file);
  out << fmt::format("{} paired runs per variant (common random numbers), seed {}", info.runs,
                     info.seed);
  for (const std::string& o : info.overrides) out << ", --set " << o;
  out << "\nDifferences are against the first variant, '" << variant_names.front()
      << "', with 95% intervals on the paired per-run differences.\n\n";

  for (std::size_t i = 0; i < model.outcomes.size(); ++i) {
    const Outcome& o = model.outcomes[i];
    out << fmt::format("{}\n", o.label.empty() ? o.id : o.label);
    for (std::size_t v = 0; v < comparison.variants.size(); ++v) {
      const OutcomeStat& s = comparison.variants[v].outcomes[i];
      out << fmt::format("  {:<24} p = {:>8} [{}, {}]", Truncate(variant_names[v], 24),
                         Probability(s.p), Probability(s.ci.low), Probability(s.ci.high));
      if (v > 0) {
        const PairedDifference& d = comparison.paired[v][i];
        const bool significant = d.ci.low > 0 || d.ci.high < 0;
        out << fmt::format("   diff {} [{}, {}]{}", SignedProbability(d.difference),
                           SignedProbability(d.ci.low), SignedProbability(d.ci.high),
                           significant ? " *" : "");
      }
      out << "\n";
    }
  }
  out << "\n* the 95% interval of the paired difference excludes zero\n";
}

nlohmann::ordered_json ComparisonToJson(const Model& model,
                                        const std::vector<std::string>& variant_names,
                                        const Comparison& comparison, const RunInfo& info) {
  nlohmann::ordered_json json;
  json["scenario"] = model.name;
  json["scenario_file"] = info.scenario_file;
  json["runs"] = info.runs;
  json["seed"] = info.seed;
  json["overrides"] = info.overrides;
  json["variants"] = variant_names;
  json["baseline"] = variant_names.front();
  nlohmann::ordered_json outcomes = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < model.outcomes.size(); ++i) {
    nlohmann::ordered_json per_variant = nlohmann::ordered_json::object();
    for (std::size_t v = 0; v < comparison.variants.size(); ++v) {
      const OutcomeStat& s = comparison.variants[v].outcomes[i];
      nlohmann::ordered_json entry = {
          {"p", s.p}, {"ci95", {s.ci.low, s.ci.high}}, {"count", s.count}};
      if (v > 0) {
        const PairedDifference& d = comparison.paired[v][i];
        entry["difference"] = d.difference;
        entry["difference_ci95"] = {d.ci.low, d.ci.high};
      }
      per_variant[variant_names[v]] = entry;
    }
    outcomes[model.outcomes[i].id] = per_variant;
  }
  json["outcomes"] = outcomes;
  json["elapsed_s"] = info.elapsed_s;
  return json;
}

void WriteDifferencesCsv(const Model& model, const std::vector<std::string>& variant_names,
                         const Comparison& comparison, std::ostream& out) {
  out << "outcome,variant,p,ci95_low,ci95_high,count,difference,difference_ci95_low,"
         "difference_ci95_high,significant\n";
  for (std::size_t i = 0; i < model.outcomes.size(); ++i) {
    for (std::size_t v = 0; v < comparison.variants.size(); ++v) {
      const OutcomeStat& s = comparison.variants[v].outcomes[i];
      out << fmt::format("{},{},{},{},{},{}", model.outcomes[i].id, variant_names[v], s.p, s.ci.low,
                         s.ci.high, s.count);
      if (v == 0) {
        out << ",,,,\n";
        continue;
      }
      const PairedDifference& d = comparison.paired[v][i];
      out << fmt::format(",{},{},{},{}\n", d.difference, d.ci.low, d.ci.high,
                         d.ci.low > 0 || d.ci.high < 0 ? 1 : 0);
    }
  }
}

}  // namespace redline::report
