// Flags shared by `run` and `compare`, and their checking. Numbers are taken as text and
// checked here so that every bad value gets one clear line ("--runs: expected ...").
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/status.h"
#include "scenario/loader.h"

namespace redline::cli {

struct SimulationFlags {
  std::string file;
  std::string runs = "10000";
  std::string seed = "1";
  std::string threads;  // empty: all hardware threads
  std::vector<std::string> overrides;
  bool json = false;

  // Checked values (after Check()).
  std::int64_t run_count = 0;
  std::uint64_t seed_value = 0;
  int thread_count = 1;
};

// Refuses an empty value (`--variant ""`), which would otherwise silently mean "not given".
const CLI::Validator& NonEmpty();

// Adds FILE, --runs, --seed, --threads, --set and --json to `command`.
void AddSimulationFlags(CLI::App& command, SimulationFlags& flags);

// Parses and range-checks the numeric flags; the problems, one per flag.
Status CheckSimulationFlags(SimulationFlags& flags);

// JSON text for stdout and --out files, indented, with a final newline. Every text redline
// reads is checked to be UTF-8 at input; what is not checked (file names) has invalid bytes
// replaced by U+FFFD here instead of failing.
template <typename Json>
std::string JsonText(const Json& json) {
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// Prints every diagnostic on its own line.
void PrintDiagnostics(const Diagnostics& errors, std::ostream& err);

// Loads and compiles a scenario, printing problems; nullopt on failure.
std::optional<scenario::LoadedScenario> LoadOrReport(const std::string& file,
                                                     const scenario::LoadOptions& options,
                                                     std::ostream& err);

}  // namespace redline::cli
