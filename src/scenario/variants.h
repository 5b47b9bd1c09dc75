// Variants: named sets of overrides declared in the scenario file itself,
//   variants: {NAME: {description: TEXT, set: {PATH: VALUE, ...}}}
// applied exactly like --set (see overrides.h) before the scenario is compiled.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "scenario/overrides.h"
#include "scenario/yaml_tree.h"

namespace redline::scenario {

struct Variant {
  std::string name;
  std::string description;
  std::vector<Override> overrides;  // in file order; each located at its `set` entry
  SourceLocation where;
};

// The variants of `root` (none if it has no `variants` section). Problems with the section's
// shape (not a mapping, unknown keys, a name that is not an id, `set` not a mapping) are
// appended to `errors`; well-formed variants are still returned.
std::vector<Variant> ReadVariants(const YamlNode& root, Diagnostics& errors);

// The name that means "the scenario as written" unless the file defines a variant so named.
inline constexpr const char* kBaseVariant = "base";

// The variant called `name`; nullptr for `base` when the file defines no variant of that name
// (the scenario as written). Reports an unknown name (with did-you-mean) at `--variant NAME`.
Result<const Variant*> FindVariant(const std::vector<Variant>& variants, const std::string& name);

// Applies each override of `variant` in order; reports every failing one.
Status ApplyVariant(YamlNode& root, const Variant& variant);

}  // namespace redline::scenario
