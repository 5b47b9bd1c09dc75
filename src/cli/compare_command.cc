// `redline compare FILE --variant A --variant B [...] [--runs N] [--seed S] [--json]`:
// the same runs under each variant with common random numbers. The variant name `base` is the
// scenario as written (unless the file defines a variant of that name).
#include <algorithm>
#include <chrono>
#include <memory>
#include <ostream>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/progress_bar.h"
#include "montecarlo/runner.h"
#include "report/compare_report.h"

namespace redline::cli {

namespace {

struct CompareFlags : SimulationFlags {
  std::vector<std::string> variants;
};

constexpr const char* kBase = "base";

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

  // Discover the file's variants once, so that `base` can be told apart from a real variant.
  scenario::LoadOptions plain;
  plain.overrides = flags.overrides;
  auto base = LoadOrReport(flags.file, plain, io.err);
  if (!base) return kExitBadInput;
  bool file_defines_base = false;
  for (const auto& v : base->variants) file_defines_base |= v.name == kBase;

  std::vector<scenario::LoadedScenario> loaded;
  bool failed = false;
  for (const std::string& name : flags.variants) {
    scenario::LoadOptions options;
    options.overrides = flags.overrides;
    options.check_all_variants = false;
    if (name != kBase || file_defines_base) options.variant = name;
    auto one = LoadOrReport(flags.file, options, io.err);
    if (!one) {
      failed = true;
      continue;
    }
    loaded.push_back(std::move(*one));
  }
  if (failed) return kExitBadInput;
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
    io.out << report::ComparisonToJson(*models.front(), flags.variants, *comparison, info).dump(2)
           << "\n";
  } else {
    report::WriteComparisonText(*models.front(), flags.variants, *comparison, info, io.out);
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
  return [flags](Io& io) { return Execute(*flags, io); };
}

}  // namespace redline::cli
