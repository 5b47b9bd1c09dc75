// Scenario tree -> compiled, validated Model.
//
// CompileScenario reads every section of a scenario tree (see docs/scenario-format.md),
// resolves every reference, checks every value's type and range, and reports ALL problems it
// finds, each located at the offending node. On success the Model is complete: every Param
// is valid (absent optional values become constants with their documented defaults), every
// reference resolves, outcomes end with {always: true}, and FinalizeModel has filled the
// derived indexes. Never throws; thread-compatible (no shared state).
#pragma once

#include <string>

#include "core/status.h"
#include "model/model.h"
#include "scenario/yaml_tree.h"

namespace redline::scenario {

// `source_file` is recorded in Model::source_file; its stem is the default scenario name.
Result<Model> CompileScenario(const YamlNode& root, const std::string& source_file);

}  // namespace redline::scenario
