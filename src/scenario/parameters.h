// Numeric parameters: a number or a distribution mapping in the scenario becomes one Param
// slot of Model::parameters, named in Model::parameter_paths by its dotted path (the same
// path --set uses). Distributions are validated (known `dist`, its keys, low <= high, sd > 0,
// beta a, b > 0, p in [0, 1]) and so is the parameter's range over the distribution's whole
// support (a probability must stay in [0, 1] for every value the distribution can produce).
#pragma once

#include <optional>
#include <string>

#include "core/status.h"
#include "model/model.h"
#include "scenario/yaml_tree.h"

namespace redline::scenario {

enum class ParamRange {
  kAny,
  kNonNegative,  // >= 0
  kPositive,     // > 0
  kProbability,  // in [0, 1]
  kAtLeastOne,   // >= 1
};

// Reads a number or a {dist: ...} mapping. Reports every problem with the distribution.
std::optional<Distribution> ReadDistribution(const YamlNode& node, const std::string& path,
                                             Diagnostics& errors);

// Checks every value `distribution` can produce against `range`; reports at `where`.
bool CheckRange(const Distribution& distribution, ParamRange range, const SourceLocation& where,
                const std::string& path, Diagnostics& errors);

// Adds parameters to a Model under construction.
class ParamCompiler {
 public:
  ParamCompiler(Model& model, Diagnostics& errors) : model_(model), errors_(errors) {}

  // The parameter at `node` (nullptr: absent, use the constant `fallback`), checked against
  // `range`. Always returns a valid Param (a constant `fallback` when the value is invalid;
  // the error is reported and the model will not be used).
  Param Compile(const YamlNode* node, const std::string& path, ParamRange range, double fallback);

  Param Constant(double value, const std::string& path);

 private:
  Param Add(const Distribution& distribution, const std::string& path);

  Model& model_;
  Diagnostics& errors_;
};

}  // namespace redline::scenario
