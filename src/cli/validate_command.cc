// `redline validate FILE [--set PATH=VALUE ...] [--variant NAME]`: loads and compiles a
// scenario (scenario/loader.h) and reports either a one-line summary on stdout (exit 0) or
// every problem on stderr, one per line (exit 2).
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/common_options.h"
#include "scenario/loader.h"

namespace redline::cli {
namespace {

struct ValidateOptions {
  std::string file;
  std::vector<std::string> overrides;
  std::string variant;
};

int RunValidate(const ValidateOptions& options, Io& io) {
  scenario::LoadOptions load;
  load.overrides = options.overrides;
  load.variant = options.variant;
  Result<scenario::LoadedScenario> loaded = scenario::LoadScenario(options.file, load);
  if (!loaded.ok()) {
    for (const Diagnostic& error : loaded.errors()) io.err << error.ToString() << "\n";
    return kExitBadInput;
  }
  const Model& model = loaded->model;
  io.out << options.file << ": ok (" << model.actors.size() << " actors, " << model.levers.size()
         << " levers, " << model.red_lines.size() << " red lines, " << model.outcomes.size()
         << " outcomes, " << loaded->variants.size() << " variants)\n";
  return kExitOk;
}

}  // namespace

CommandAction AddValidateCommand(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* sub = app.add_subcommand(
      "validate", "Check a scenario file and report every problem with its line and column");
  sub->add_option("file", options->file, "scenario file (YAML)")->required();
  sub->add_option("--set", options->overrides,
                  "override a value before compiling: PATH=VALUE, e.g. "
                  "actors.russia.types.resolute.prior=0.7 (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--variant", options->variant, "apply a variant defined in the file")
      ->check(NonEmpty());
  return [options](Io& io) { return RunValidate(*options, io); };
}

}  // namespace redline::cli
