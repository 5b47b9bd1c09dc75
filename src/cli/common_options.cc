#include "cli/common_options.h"

#include <charconv>
#include <thread>

namespace redline::cli {

namespace {

template <typename T>
std::optional<T> ParseWhole(const std::string& text) {
  T value{};
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

Diagnostic FlagError(const std::string& flag, const std::string& message) {
  return Diagnostic{SourceLocation{flag, 0, 0}, message};
}

}  // namespace

const CLI::Validator& NonEmpty() {
  static const CLI::Validator validator(
      [](const std::string& value) {
        return value.empty() ? std::string("expected a value, got an empty string") : "";
      },
      "", "NonEmpty");
  return validator;
}

void AddSimulationFlags(CLI::App& command, SimulationFlags& flags) {
  command.add_option("FILE", flags.file, "Scenario file (YAML)")->required();
  command.add_option("--runs,-n", flags.runs, "Number of runs (default 10000)");
  command.add_option("--seed,-s", flags.seed, "Random seed, a whole number >= 0 (default 1)");
  command
      .add_option("--threads,-j", flags.threads,
                  "Worker threads (default: all cores); results do not depend on it")
      ->check(NonEmpty());
  command.add_option("--set", flags.overrides,
                     "Override a scenario value: PATH=VALUE (repeatable), e.g. "
                     "--set red_lines.no_interference.audience_cost=5");
  command.add_flag("--json", flags.json, "Print the result as one JSON object");
}

Status CheckSimulationFlags(SimulationFlags& flags) {
  Diagnostics errors;
  const auto runs = ParseWhole<std::int64_t>(flags.runs);
  if (!runs || *runs < 1) {
    errors.push_back(
        FlagError("--runs", "expected a whole number of runs >= 1, got '" + flags.runs + "'"));
  } else if (*runs > 1'000'000'000'000LL) {
    errors.push_back(FlagError("--runs", "at most 10^12 runs, got '" + flags.runs + "'"));
  } else {
    flags.run_count = *runs;
  }
  const auto seed = ParseWhole<std::uint64_t>(flags.seed);
  if (!seed) {
    errors.push_back(
        FlagError("--seed", "expected a whole number from 0 to 2^64-1, got '" + flags.seed + "'"));
  } else {
    flags.seed_value = *seed;
  }
  if (flags.threads.empty()) {
    flags.thread_count = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  } else {
    const auto threads = ParseWhole<int>(flags.threads);
    if (!threads || *threads < 1 || *threads > 1024) {
      errors.push_back(FlagError(
          "--threads", "expected a whole number from 1 to 1024, got '" + flags.threads + "'"));
    } else {
      flags.thread_count = *threads;
    }
  }
  return Status(std::move(errors));
}

void PrintDiagnostics(const Diagnostics& errors, std::ostream& err) {
  for (const Diagnostic& d : errors) err << d.ToString() << "\n";
}

std::optional<scenario::LoadedScenario> LoadOrReport(const std::string& file,
                                                     const scenario::LoadOptions& options,
                                                     std::ostream& err) {
  Result<scenario::LoadedScenario> loaded = scenario::LoadScenario(file, options);
  if (!loaded.ok()) {
    PrintDiagnostics(loaded.errors(), err);
    return std::nullopt;
  }
  return std::move(loaded).value();
}

}  // namespace redline::cli
