// The names a scenario defines (rungs, thresholds, actors, levers and their levels, red lines,
// alliances, channels, observers, outcomes), collected in one pass over the tree before
// anything is compiled, so that any section may refer to any other regardless of order.
// Index i of a table is entry i of its list in the file ("" where an entry has no usable id),
// which is also its index in the compiled Model.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scenario/yaml_tree.h"

namespace redline::scenario {

struct NameTable {
  std::vector<std::string> names;

  // Index of the first entry named `name`.
  std::optional<int> Find(const std::string& name) const;
  // The non-empty names, for did-you-mean.
  std::vector<std::string> Candidates() const;
};

struct Symbols {
  NameTable rungs;
  NameTable thresholds;
  std::vector<std::string> threshold_rungs;  // the rung id each threshold names
  NameTable actors;
  NameTable levers;
  std::vector<NameTable> levels_of_lever;  // per lever, its level ids
  std::vector<std::string> lever_owners;   // per lever, the owner id as written
  NameTable red_lines;
  NameTable alliances;
  NameTable channels;
  NameTable observers;
  NameTable outcomes;
};

// Collects the ids of every list section of `root`. Malformed entries are skipped silently
// (the compiler reports them when it reads the section).
Symbols CollectSymbols(const YamlNode& root);

}  // namespace redline::scenario
