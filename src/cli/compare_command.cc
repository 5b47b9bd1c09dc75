// `redline compare FILE --variant A --variant B [...] [--runs N] [--seed S] [--json] [--out DIR]`:
// the same runs under each variant with common random numbers. The variant name `base` is the
// scenario as written (unless the file defines a variant of that name). --out DIR keeps the
// comparison: differences.json (what --json prints), differences.csv, and per variant
// VARIANT/summary.json and VARIANT/scenario.yaml (the resolved scenario).
#include <algorithm>
#include <chrono>
#include <memory>
#include <ostream>
#include <sstream>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/output_dir.h"
#include "cli/progress_bar.h"
#include "montecarlo/runner.h"
#include "report/compare_report.h"
#include "report/summary_json.h"

namespace redline::cli {

namespace {

struct CompareFlags : SimulationFlags {
  std::vector<std::string> variants;
  std::string out_dir;
};

// The files of --out DIR, relative to it.
std::vector<std::string> CompareOutNames(const std::vector<std::string>& variants) {
  std::vector<std::string> names = {"differences.json", "differences.csv"};
  for (const std::string& variant : variants) {
    names.push_back(variant + "/summary.json");
    names.push_back(variant + "/scenario.yaml");
  }
  return names;
}

// Writes the comparison into `files` (committed by the caller, all or nothing).
void WriteCompareOut(const CompareFlags& flags, const std::vector<scenario::LoadedScenario>& loaded,
                     const Comparison& comparison, const report::RunInfo& info, OutputDir& files) {
  const Model& first = loaded.front().model;
  files.Write("differences.json",
              report::ComparisonToJson(first, flags.variants, comparison, info).dump(2) + "\n");
  report::WriteDifferencesCsv(first, flags.variants, comparison, files.Stream("differences.csv"));
  for (std::size_t v = 0; v < loaded.size(); ++v) {
    report::RunInfo one = info;
    one.variant = flags.variants[v];
    const auto summary = report::SummaryToJson(loaded[v].model, comparison.variants[v], one);
    files.Write(flags.variants[v] + "/summary.json", summary.dump(2) + "\n");
    files.Write(flags.variants[v] + "/scenario.yaml", loaded[v].resolved_yaml);
  }
}

int Execute(CompareFlags& flags, Io& io) {
  Status checked = CheckSimulationFlags(flags);
  Diagnostics errors = checked.errors();
  if (flags.variants.size() < 2)
    errors.push_back({{"--variant", 0, 0},
                      "compare needs at least two variants (give --variant twice or more; "
                      "'base' is the scenario as written)"});
  // A repeated name would compare a variant with itself and collide in the JSON report.
  for (std::size_t v = 0; v < flags.variants.size(); ++v) {
    const auto begin = flags.variants.begin();
    if (std::count(begin, begin + static_cast<std::ptrdiff_t>(v), flags.variants[v]) == 1)
      errors.push_back({{"--variant " + flags.variants[v], 0, 0},
                        "given more than once; name each variant once"});
  }
  if (!errors.empty()) {
    PrintDiagnostics(errors, io.err);
    return kExitBadInput;
  }

  // Problems of the file or of the overrides are reported once, not once per variant.
  scenario::LoadOptions plain;
  plain.overrides = flags.overrides;
  if (!LoadOrReport(flags.file, plain, io.err)) return kExitBadInput;

  std::vector<scenario::LoadedScenario> loaded;
  bool failed = false;
  for (const std::string& name : flags.variants) {
    scenario::LoadOptions options;
    options.overrides = flags.overrides;
    options.variant = name;  // `base`: the scenario as written, unless the file defines it
    options.check_all_variants = false;
    auto one = LoadOrReport(flags.file, options, io.err);
    if (!one) {
      failed = true;
      continue;
    }
    loaded.push_back(std::move(*one));
  }
  if (failed) return kExitBadInput;
  // --out is opened before the runs: a bad folder, or one that would overwrite the scenario,
  // is refused before any work; files are written under a partial folder and renamed into
  // place only when all of them are complete (OutputDir).
  std::unique_ptr<OutputDir> files;
  if (!flags.out_dir.empty()) {
    Result<std::unique_ptr<OutputDir>> opened =
        OutputDir::Open(flags.out_dir, CompareOutNames(flags.variants), {flags.file});
    if (!opened.ok()) {
      PrintDiagnostics(opened.errors(), io.err);
      return kExitBadInput;
    }
    files = std::move(opened).value();
  }
  for (std::size_t v = 1; v < loaded.size(); ++v) {
    const auto& first = loaded.front().model.outcomes;
    const auto& other = loaded[v].model.outcomes;
    bool same = first.size() == other.size();
    for (std::size_t i = 0; same && i < first.size(); ++i) same = first[i].id == other[i].id;
    if (!same) {
      io.err << "--variant " << flags.variants[v]
             << ": error: changes the list of outcomes; variants compared must share it\n";
      return kExitBadInput;
    }
  }

  std::vector<const Model*> models;
  for (const auto& one : loaded) models.push_back(&one.model);
  const std::uint64_t total = static_cast<std::uint64_t>(flags.run_count) * models.size();
  ProgressBar bar(io.err, io.err_is_terminal, total);
  RunOptions options;
  options.runs = flags.run_count;
  options.seed = flags.seed_value;
  options.threads = flags.thread_count;
  options.progress = [&bar, n = models.size()](std::int64_t done, std::int64_t) {
    bar.Update(static_cast<std::uint64_t>(done) * n);
  };
  const auto start = std::chrono::steady_clock::now();
  Result<Comparison> comparison = CompareVariants(models, options);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  bar.Finish();
  if (!comparison.ok()) {
    PrintDiagnostics(comparison.errors(), io.err);
    return kExitBadInput;
  }
  report::RunInfo info{flags.file, "", flags.overrides, flags.run_count, flags.seed_value, elapsed};
  if (flags.json) {
    io.out << JsonText(
        report::ComparisonToJson(*models.front(), flags.variants, *comparison, info));
  } else {
    report::WriteComparisonText(*models.front(), flags.variants, *comparison, info, io.out);
  }
  if (files) {
    WriteCompareOut(flags, loaded, *comparison, info, *files);
    if (Status written = files->Commit(); !written.ok()) {
      PrintDiagnostics(written.errors(), io.err);
      return kExitFailure;
    }
    io.err << "wrote " << flags.out_dir
           << "/{differences.json, differences.csv} and VARIANT/{summary.json, scenario.yaml} "
              "for each variant\n";
  }
  return kExitOk;
}

}  // namespace

CommandAction AddCompareCommand(CLI::App& app) {
  auto flags = std::make_shared<CompareFlags>();
  CLI::App* command = app.add_subcommand(
      "compare", "Compare variants of a scenario on the same runs (common random numbers)");
  AddSimulationFlags(*command, *flags);
  command
      ->add_option("--variant", flags->variants,
                   "A variant to compare (repeat; 'base' = the scenario as written)")
      ->check(NonEmpty());
  command
      ->add_option("--out", flags->out_dir,
                   "Write differences.json, differences.csv and, per variant, "
                   "VARIANT/summary.json and VARIANT/scenario.yaml to DIR")
      ->check(NonEmpty());
  return [flags](Io& io) { return Execute(*flags, io); };
}

}  // namespace redline::cli
