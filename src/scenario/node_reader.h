// Typed reading of YamlNode values with diagnostics. Every reader reports a problem as
// "PATH: MESSAGE" at the node's location, where PATH is the dotted path of the value in the
// scenario (the same path --set uses, e.g. "actors.russia.types.resolute.prior").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "scenario/schema.h"
#include "scenario/yaml_tree.h"

namespace redline::scenario {

void AddError(Diagnostics& errors, const SourceLocation& where, const std::string& path,
              const std::string& message);

// A mapping read against its schema. On construction it reports: the node not being a
// mapping, unknown keys (with did-you-mean) and repeated keys.
class MapReader {
 public:
  MapReader(const YamlNode& node, std::string path, const schema::Keys& allowed,
            Diagnostics& errors);

  bool ok() const { return ok_; }  // the node is a mapping
  const std::string& path() const { return path_; }
  const YamlNode& node() const { return node_; }
  std::string PathOf(const std::string& key) const { return path_ + "." + key; }

  // The value at `key`, or nullptr. A null value (`key:` with nothing) counts as absent.
  const YamlNode* Optional(const std::string& key) const;
  // Like Optional, but a missing key is reported.
  const YamlNode* Required(const std::string& key) const;

 private:
  const YamlNode& node_;
  std::string path_;
  Diagnostics& errors_;
  bool ok_ = false;
};

std::optional<std::string> ReadString(const YamlNode& node, const std::string& path,
                                      Diagnostics& errors);
// An id: letters, digits, '_' and '-' only (ids appear in dotted override paths).
std::optional<std::string> ReadId(const YamlNode& node, const std::string& path,
                                  Diagnostics& errors);
// Every number a scenario holds has magnitude at most this: with the horizon and list-size
// limits, every sum and product a run computes stays finite.
inline constexpr double kMaxScenarioMagnitude = 1e9;
// A run lasts at most this many steps (scenario.horizon.steps), and a red line's deadline
// window is at most as long: a run's cost (and its narrative) stays bounded.
inline constexpr int kMaxHorizonSteps = 10'000;

// A number of magnitude at most kMaxScenarioMagnitude.
std::optional<double> ReadNumber(const YamlNode& node, const std::string& path,
                                 Diagnostics& errors);
// A whole number >= `minimum` (and <= `maximum`).
std::optional<int> ReadInt(const YamlNode& node, const std::string& path, int minimum,
                           Diagnostics& errors);
std::optional<int> ReadInt(const YamlNode& node, const std::string& path, int minimum, int maximum,
                           Diagnostics& errors);
std::optional<bool> ReadBool(const YamlNode& node, const std::string& path, Diagnostics& errors);
// One of `choices` (reported with did-you-mean); returns its index.
std::optional<int> ReadChoice(const YamlNode& node, const std::string& path,
                              const std::vector<std::string>& choices, const std::string& what,
                              Diagnostics& errors);

// Checks that `node` is a list, reporting otherwise ("PATH: expected a list of WHAT, got ...").
bool ExpectList(const YamlNode& node, const std::string& path, const std::string& what,
                Diagnostics& errors);

// Parses a plain number ("0.5", "-3", "1e-3", "+2"); nullopt if the text is not one.
std::optional<double> ParseNumber(const std::string& text);

// "a, b or c"
std::string JoinChoices(const std::vector<std::string>& choices);

}  // namespace redline::scenario
