#include "report/summary_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "report/format.h"

namespace redline::report {

namespace {

std::string Truncate(const std::string& text, std::size_t width) {
  return text.size() <= width ? text : text.substr(0, width - 1) + "~";
}

double Fraction(std::int64_t count, std::int64_t total) {
  return total > 0 ? static_cast<double>(count) / static_cast<double>(total) : 0.0;
}

void WriteHeader(const Model& model, const Summary& summary, const RunInfo& info,
                 std::ostream& out) {
  out << fmt::format("redline: {} ({})\n", model.name, info.scenario_file);
  out << fmt::format("{} runs, seed {}, horizon {} steps", summary.runs, summary.seed,
                     model.horizon);
  if (!info.variant.empty()) out << ", variant " << info.variant;
  for (const std::string& o : info.overrides) out << ", --set " << o;
  out << "\n\n";
}

void WriteOutcomes(const Model& model, const Summary& summary, std::ostream& out) {
  out << fmt::format("{:<52} {:>8}  {:<20} {:>9}\n", "Outcome", "p", "95% CI", "count");
  for (std::size_t i = 0; i < model.outcomes.size(); ++i) {
    const OutcomeStat& s = summary.outcomes[i];
    const Outcome& o = model.outcomes[i];
    const std::string ci = "[" + Probability(s.ci.low) + ", " + Probability(s.ci.high) + "]";
    out << fmt::format("  {:<50} {:>8}  {:<20} {:>9}\n",
                       Truncate(o.label.empty() ? o.id : o.label, 50), Probability(s.p), ci,
                       s.count);
  }
  out << "\n";
}

// Each outcome's probability decomposed by pathway (docs/model.md §11.1): the most frequent
// kShown chains of each outcome, the rest summed on one line.
void WritePathways(const Model& model, const Summary& summary, std::ostream& out) {
  constexpr std::size_t kShown = 5;
  out << "Outcomes by pathway (the causal chain to the run's highest rung)\n";
  for (std::size_t i = 0; i < model.outcomes.size(); ++i) {
    if (summary.outcomes[i].count == 0) continue;
    const Outcome& o = model.outcomes[i];
    out << fmt::format("  {}\n", Truncate(o.label.empty() ? o.id : o.label, 76));
    const std::vector<PathwayStat>& stats = summary.pathways[i];
    std::int64_t rest = 0;
    for (std::size_t k = 0; k < stats.size(); ++k) {
      if (k >= kShown) {
        rest += stats[k].count;
        continue;
      }
      out << fmt::format("    {:>8}  {}\n", Probability(stats[k].p),
                         PathwayLabel(stats[k].pathway));
    }
    if (rest > 0)
      out << fmt::format("    {:>8}  ({} other pathways)\n",
                         Probability(Fraction(rest, summary.runs)), stats.size() - kShown);
  }
  out << "\n";
}

void WriteRedLines(const Model& model, const Summary& summary, std::ostream& out) {
  if (model.red_lines.empty()) return;
  out << fmt::format("{:<32} {:<9} {:>10} {:>12} {:>10}\n", "Red line", "owner", "P(crossed)",
                     "P(enf|cross)", "mean step");
  for (std::size_t r = 0; r < model.red_lines.size(); ++r) {
    const RedLineStat& s = summary.red_lines[r];
    const std::string enforced =
        s.crossed > s.in_force ? Probability(s.p_enforced_given_crossed) : "-";
    const std::string step = s.crossed > 0 ? fmt::format("{:.1f}", s.mean_crossing_step) : "-";
    out << fmt::format("  {:<30} {:<9} {:>10} {:>12} {:>10}\n", Truncate(model.red_lines[r].id, 30),
                       Truncate(model.actors[model.red_lines[r].owner.index].id, 9),
                       Probability(s.p_crossed), enforced, step);
  }
  for (std::size_t r = 0; r < model.red_lines.size(); ++r) {
    if (!model.red_lines[r].is_demand) continue;
    out << fmt::format("  {} (a demand) was satisfied in {:.2f}% of runs\n", model.red_lines[r].id,
                       100.0 * Fraction(summary.red_lines[r].satisfied, summary.runs));
  }
  for (std::size_t r = 0; r < model.red_lines.size(); ++r) {
    if (!model.red_lines[r].withdrawable) continue;
    out << fmt::format("  {} was withdrawn by its owner in {:.2f}% of runs\n",
                       model.red_lines[r].id,
                       100.0 * Fraction(summary.red_lines[r].withdrawn, summary.runs));
  }
  for (std::size_t r = 0; r < model.red_lines.size(); ++r) {
    const RedLineStat& s = summary.red_lines[r];
    if (s.in_force == 0) continue;
    out << fmt::format(
        "  {} was crossed with its response already in force in {:.2f}% of runs (no decision; "
        "not counted as enforced)\n",
        model.red_lines[r].id, 100.0 * Fraction(s.in_force, summary.runs));
  }
  out << fmt::format("  any red line crossed in {:.2f}% of runs",
                     100.0 * Fraction(summary.runs_with_crossing, summary.runs));
  if (summary.runs_with_crossing > 0)
    out << fmt::format("; mean step of first crossing {:.2f}", summary.mean_first_crossing_step);
  out << "\n\n";
}

void WriteHighestRung(const Model& model, const Summary& summary, std::ostream& out) {
  out << "Highest rung reached\n";
  for (std::size_t k = 0; k < model.rungs.size(); ++k) {
    const double p = Fraction(summary.highest_rung[k], summary.runs);
    const int bar = static_cast<int>(p * 40 + 0.5);
    out << fmt::format("  {:<28} {:>8}  {}\n", Truncate(model.rungs[k].id, 28), Probability(p),
                       std::string(bar, '#'));
  }
  out << "\n";
}

void WriteBeliefs(const Model& model, const Summary& summary, std::ostream& out) {
  const int actors = static_cast<int>(model.actors.size());
  if (model.observer_count() < 2) return;
  out << "Mean final belief that an actor is of its most resolute type (row: observer)\n";
  out << fmt::format("  {:<12}", "");
  for (const Actor& a : model.actors) out << fmt::format(" {:>9}", Truncate(a.id, 9));
  out << "\n";
  for (int o = 0; o < model.observer_count(); ++o) {
    out << fmt::format("  {:<12}", Truncate(model.ObserverName(ObserverId(o)), 12));
    for (int a = 0; a < actors; ++a) {
      if (o == a) {
        out << fmt::format(" {:>9}", "-");
      } else {
        out << fmt::format(" {:>9.3f}", summary.mean_belief_first_type[o * actors + a]);
      }
    }
    out << "\n";
  }
  out << "\n";
}

}  // namespace

void WriteSummaryText(const Model& model, const Summary& summary, const RunInfo& info,
                      std::ostream& out) {
  WriteHeader(model, summary, info, out);
  WriteOutcomes(model, summary, out);
  WritePathways(model, summary, out);
  WriteRedLines(model, summary, out);
  WriteHighestRung(model, summary, out);
  WriteBeliefs(model, summary, out);
  out << fmt::format(
      "Means per run: {:.2f} steps, {:.2f} red-line crossings, {:.3f} incidents "
      "({:.3f} perceived as deliberate), final balance {:+.3f}\n",
      summary.mean_steps, summary.mean_crossings, summary.mean_incidents,
      summary.mean_perceived_incidents, summary.mean_final_balance);
  if (summary.settled > 0) {
    const double n = static_cast<double>(summary.settled);
    out << fmt::format(
        "Settlements: {} runs, mean terms s = {:+.3f}; proposed by {} {:.0f}%, {} {:.0f}%, the "
        "mediator {:.0f}%\n",
        summary.settled, summary.mean_terms, model.theatre.side_labels[0],
        100.0 * summary.terms_by[0] / n, model.theatre.side_labels[1],
        100.0 * summary.terms_by[1] / n, 100.0 * summary.terms_by[2] / n);
    // One line per war.bargaining.terms package: its share of the settlements and its label.
    const auto& packages = model.theatre.bargaining.packages;
    std::size_t width = 0;
    for (const TermsPackage& package : packages) width = std::max(width, package.id.size());
    for (std::size_t k = 0; k < packages.size() && k < summary.terms_package.size(); ++k) {
      out << fmt::format("  on terms {:<{}}  {:5.1f}% of settlements  {}\n", packages[k].id, width,
                         100.0 * static_cast<double>(summary.terms_package[k]) / n,
                         packages[k].label);
    }
  }
}

}  // namespace redline::report
