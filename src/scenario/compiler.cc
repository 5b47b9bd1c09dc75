#include "scenario/compiler.h"

#include <filesystem>

#include "model/finalize.h"
#include "scenario/compile_sections.h"
#include "scenario/node_reader.h"
#include "scenario/schema.h"
#include "scenario/symbols.h"

namespace redline::scenario {

Result<Model> CompileScenario(const YamlNode& root, const std::string& source_file) {
  Diagnostics errors;
  MapReader top(root, "", schema::kTopLevel, errors);
  if (!top.ok()) return errors;
  for (const char* section : {"scenario", "ladder", "actors", "outcomes"}) top.Required(section);

  Model model;
  model.source_file = source_file;
  const Symbols symbols = CollectSymbols(root);
  CompileContext ctx(model, errors, symbols);
  CompileScenarioHeader(top.Optional("scenario"),
                        std::filesystem::path(source_file).stem().string(), ctx);
  CompileLadder(top.Optional("ladder"), ctx);
  CompileThresholds(top.Optional("thresholds"), ctx);
  CompileHorizon(top.Optional("scenario"), ctx);
  CompileObservers(top.Optional("observers"), ctx);
  CompileActors(top.Optional("actors"), ctx);
  CompileLevers(top.Optional("levers"), ctx);
  CompileAlliances(top.Optional("alliances"), ctx);
  CompileHazardConditions(ctx);
  CompileRedLines(top.Optional("red_lines"), ctx);
  CompileChannels(top.Optional("channels"), ctx);
  CompileWar(top.Optional("war"), ctx);
  CompileOutcomes(top.Optional("outcomes"), ctx);
  if (!errors.empty()) return errors;
  FinalizeModel(model);
  CheckModelLimits(ctx);
  if (!errors.empty()) return errors;
  return model;
}

}  // namespace redline::scenario
