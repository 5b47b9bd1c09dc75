#include "scenario/symbols.h"

namespace redline::scenario {

std::optional<int> NameTable::Find(const std::string& name) const {
  if (name.empty()) return std::nullopt;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<int>(i);
  }
  return std::nullopt;
}

std::vector<std::string> NameTable::Candidates() const {
  std::vector<std::string> out;
  for (const std::string& name : names) {
    if (!name.empty()) out.push_back(name);
  }
  return out;
}

namespace {

NameTable ListIds(const YamlNode* list) {
  NameTable table;
  if (list == nullptr || !list->IsSequence()) return table;
  for (const YamlNode& entry : list->items) table.names.push_back(EntryId(entry));
  return table;
}

std::string ScalarAt(const YamlNode& node, const char* key) {
  const YamlNode* value = node.Find(key);
  return value != nullptr && value->IsScalar() ? value->text : "";
}

}  // namespace

Symbols CollectSymbols(const YamlNode& root) {
  Symbols symbols;
  symbols.rungs = ListIds(root.Find("ladder"));
  if (const YamlNode* thresholds = root.Find("thresholds"); thresholds != nullptr) {
    for (const YamlEntry& entry : thresholds->entries) {
      symbols.thresholds.names.push_back(entry.key);
      symbols.threshold_rungs.push_back(entry.value.IsScalar() ? entry.value.text : "");
    }
  }
  symbols.actors = ListIds(root.Find("actors"));
  symbols.levers = ListIds(root.Find("levers"));
  if (const YamlNode* levers = root.Find("levers"); levers != nullptr) {
    for (const YamlNode& lever : levers->items) {
      symbols.levels_of_lever.push_back(ListIds(lever.Find("levels")));
      symbols.lever_owners.push_back(ScalarAt(lever, "owner"));
    }
  }
  symbols.red_lines = ListIds(root.Find("red_lines"));
  symbols.alliances = ListIds(root.Find("alliances"));
  symbols.channels = ListIds(root.Find("channels"));
  symbols.observers = ListIds(root.Find("observers"));
  symbols.outcomes = ListIds(root.Find("outcomes"));
  return symbols;
}

}  // namespace redline::scenario
