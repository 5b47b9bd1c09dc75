// Overrides: a value put at a dotted path of the scenario tree before it is compiled.
//
// A path is keys and list-entry ids separated by dots: "actors.russia.types.resolute.prior",
// "channels.hotline.open", "levers.arms.levels.heavy.hazards.0.probability". In a list, a
// segment selects the entry whose `id` is the segment, or else (for lists without ids) the
// entry at that 0-based index. The last segment may name a key that is not there yet (it is
// added); every earlier segment must exist. The value replaces whatever was at the path.
#pragma once

#include <string>

#include "core/status.h"
#include "scenario/yaml_tree.h"

namespace redline::scenario {

struct Override {
  std::string path;
  YamlNode value;         // located where it was written (a --set flag, or a variant's entry)
  SourceLocation origin;  // where problems with the path are reported
};

// Parses a --set argument "PATH=VALUE"; VALUE is YAML ("0.7", "{dist: uniform, low: 0,
// high: 1}", "[a, b]", or nothing for null). Errors are located at "--set ARGUMENT".
Result<Override> ParseOverride(const std::string& argument);

// Puts `override.value` at `override.path` in `root`. An unknown segment is reported at
// `override.origin`, naming the segment and suggesting the closest key or id present there.
Status ApplyOverride(YamlNode& root, const Override& override);

}  // namespace redline::scenario
