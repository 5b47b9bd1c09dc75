// The scenario module's entry point: a scenario file (plus a variant and --set overrides)
// -> a compiled, validated Model and the resolved scenario text.
//
// LoadScenario never throws and never prints. On failure it returns every problem found,
// in file order within each stage, each as one Diagnostic ("FILE:LINE:COL: error: ..." for
// problems in the file, "--set ARG: error: ..." / "--variant NAME: error: ..." for problems
// in the options). Thread-compatible: independent calls may run concurrently.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "model/model.h"

namespace redline::scenario {

struct LoadOptions {
  std::vector<std::string> overrides;  // --set "PATH=VALUE", applied in order after the variant
  std::string variant;                 // --variant NAME; empty for none
  // Also apply and compile every variant the file defines (on the file as written), so a
  // broken variant is reported even when it is not the one chosen.
  bool check_all_variants = true;
};

struct VariantInfo {
  std::string name;
  std::string description;
};

struct LoadedScenario {
  Model model;
  // The scenario after the variant and the overrides, as YAML (for --out DIR): compiling it
  // with no options gives the same Model. Starts with comments naming the source, the
  // variant and the overrides.
  std::string resolved_yaml;
  std::vector<VariantInfo> variants;  // every variant the file defines, in file order
};

Result<LoadedScenario> LoadScenario(const std::string& path, const LoadOptions& options = {});

// The same for scenario text that is not in a file (tests, tools); `source_name` is used in
// diagnostics and as Model::source_file.
Result<LoadedScenario> LoadScenarioText(const std::string& text, const std::string& source_name,
                                        const LoadOptions& options = {});

}  // namespace redline::scenario
