// `redline replay FILE --run N [--seed S] [--variant NAME] [--set PATH=VALUE]...`: prints run N's
// narrative, exactly as narratives.md tells it (run N draws from RunRng(seed, N) alone, so it
// needs none of the other runs). Its reproduce line names this command.
#include <charconv>
#include <memory>
#include <ostream>

#include "agents/factory.h"
#include "cli/command.h"
#include "cli/common_options.h"
#include "report/narrative.h"
#include "sim/simulator.h"

namespace redline::cli {

namespace {

// The largest --runs is 10^12, so run indices go up to 10^12 - 1.
constexpr std::int64_t kMaxRunIndex = 999'999'999'999;

struct ReplayFlags {
  std::string file;
  std::string run;
  std::string seed = "1";
  std::string variant;
  std::vector<std::string> overrides;
};

template <typename T>
std::optional<T> ParseWhole(const std::string& text) {
  T value{};
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

int Execute(const ReplayFlags& flags, Io& io) {
  Diagnostics errors;
  const auto run = ParseWhole<std::int64_t>(flags.run);
  if (!run || *run < 0 || *run > kMaxRunIndex)
    errors.push_back({{"--run", 0, 0},
                      "expected a run index from 0 to " + std::to_string(kMaxRunIndex) +
                          " (runs are numbered from 0), got '" + flags.run + "'"});
  const auto seed = ParseWhole<std::uint64_t>(flags.seed);
  if (!seed)
    errors.push_back(
        {{"--seed", 0, 0}, "expected a whole number from 0 to 2^64-1, got '" + flags.seed + "'"});
  if (!errors.empty()) {
    PrintDiagnostics(errors, io.err);
    return kExitBadInput;
  }
  scenario::LoadOptions options;
  options.overrides = flags.overrides;
  options.variant = flags.variant;
  auto loaded = LoadOrReport(flags.file, options, io.err);
  if (!loaded) return kExitBadInput;
  // A compiled Model is always playable (the compiler checks every limit a run relies on).
  const Simulator simulator(loaded->model, MakeDecisionModels(loaded->model));
  report::RunInfo info;
  info.scenario_file = flags.file;
  info.variant = flags.variant;
  info.overrides = flags.overrides;
  info.seed = *seed;
  io.out << report::NarrateRun(simulator, info, *run);
  return kExitOk;
}

}  // namespace

CommandAction AddReplayCommand(CLI::App& app) {
  auto flags = std::make_shared<ReplayFlags>();
  CLI::App* command =
      app.add_subcommand("replay", "Tell one run step by step (its narrative), from its seed");
  command->add_option("FILE", flags->file, "Scenario file (YAML)")->required();
  command->add_option("--run,-r", flags->run, "The run's index (runs are numbered from 0)")
      ->required();
  command->add_option("--seed,-s", flags->seed, "Random seed of the runs (default 1)");
  command->add_option("--variant", flags->variant, "Apply a named variant of the scenario")
      ->check(NonEmpty());
  command->add_option("--set", flags->overrides,
                      "Override a scenario value: PATH=VALUE (repeatable), as for run");
  return [flags](Io& io) { return Execute(*flags, io); };
}

}  // namespace redline::cli
