#include "scenario/compile_context.h"

namespace redline::scenario {

std::string EntryPath(const std::string& section, const YamlNode& entry, std::size_t index) {
  const std::string id = EntryId(entry);
  return section + "." + (id.empty() ? std::to_string(index) : id);
}

void CheckUniqueIds(const YamlNode& list, const std::string& section, const std::string& what,
                    Diagnostics& errors) {
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    const std::string id = EntryId(list.items[i]);
    if (id.empty()) continue;
    for (std::size_t j = 0; j < i; ++j) {
      if (EntryId(list.items[j]) != id) continue;
      const YamlNode* id_node = list.items[i].Find("id");
      AddError(errors, id_node->where, section + "." + std::to_string(i) + ".id",
               "duplicate " + what + " id '" + id + "' (first defined at line " +
                   std::to_string(list.items[j].where.line) + ")");
      break;
    }
  }
}

std::string CompileContext::KindOf(const std::string& name) const {
  if (symbols.actors.Find(name)) return "an actor";
  if (symbols.alliances.Find(name)) return "an alliance";
  if (symbols.observers.Find(name)) return "an observer";
  if (symbols.levers.Find(name)) return "a lever";
  if (symbols.red_lines.Find(name)) return "a red line";
  if (symbols.rungs.Find(name)) return "a rung";
  if (symbols.channels.Find(name)) return "a channel";
  if (symbols.outcomes.Find(name)) return "an outcome";
  return "";
}

std::optional<int> CompileContext::Resolve(const NameTable& table, const std::string& what,
                                           const YamlNode& node, const std::string& path,
                                           std::vector<std::string> extra_candidates) {
  if (!node.IsScalar()) {
    Error(node.where, path, "expected " + what + " id, got " + node.Describe());
    return std::nullopt;
  }
  if (std::optional<int> index = table.Find(node.text)) return index;
  std::vector<std::string> candidates = table.Candidates();
  candidates.insert(candidates.end(), extra_candidates.begin(), extra_candidates.end());
  const std::string kind = KindOf(node.text);
  if (!kind.empty()) {
    Error(node.where, path, "'" + node.text + "' is " + kind + ", not " + what);
  } else {
    Error(node.where, path,
          "unknown " + what.substr(what.find(' ') + 1) + " '" + node.text + "'" +
              DidYouMean(node.text, candidates));
  }
  return std::nullopt;
}

std::optional<RungId> CompileContext::Rung(const YamlNode& node, const std::string& path) {
  if (node.IsScalar()) {
    if (std::optional<int> threshold = symbols.thresholds.Find(node.text)) {
      std::optional<int> rung = symbols.rungs.Find(symbols.threshold_rungs[*threshold]);
      if (rung) return RungId(*rung);
      return std::nullopt;  // the threshold itself is reported where it is defined
    }
  }
  // With no rungs at all, every rung reference would fail; the ladder is reported instead.
  if (symbols.rungs.Candidates().empty()) return std::nullopt;
  std::optional<int> index =
      Resolve(symbols.rungs, "a rung", node, path, symbols.thresholds.Candidates());
  if (!index) return std::nullopt;
  return RungId(*index);
}

std::optional<ActorId> CompileContext::Actor(const YamlNode& node, const std::string& path) {
  std::optional<int> index = Resolve(symbols.actors, "an actor", node, path);
  if (!index) return std::nullopt;
  return ActorId(*index);
}

std::optional<LeverId> CompileContext::Lever(const YamlNode& node, const std::string& path) {
  std::optional<int> index = Resolve(symbols.levers, "a lever", node, path);
  if (!index) return std::nullopt;
  return LeverId(*index);
}

std::optional<int> CompileContext::Level(LeverId lever, const YamlNode& node,
                                         const std::string& path) {
  const NameTable& levels = symbols.levels_of_lever[lever.index];
  if (!node.IsScalar()) {
    Error(node.where, path,
          "expected a level id of lever '" + symbols.levers.names[lever.index] + "', got " +
              node.Describe());
    return std::nullopt;
  }
  if (std::optional<int> index = levels.Find(node.text)) return index;
  // A lever without readable levels is reported where it is defined.
  if (levels.Candidates().empty()) return std::nullopt;
  Error(node.where, path,
        "lever '" + symbols.levers.names[lever.index] + "' has no level '" + node.text + "'" +
            DidYouMean(node.text, levels.Candidates()) +
            " (its levels: " + JoinChoices(levels.Candidates()) + ")");
  return std::nullopt;
}

std::optional<RedLineId> CompileContext::RedLine(const YamlNode& node, const std::string& path) {
  std::optional<int> index = Resolve(symbols.red_lines, "a red line", node, path);
  if (!index) return std::nullopt;
  return RedLineId(*index);
}

std::optional<AllianceId> CompileContext::Alliance(const YamlNode& node, const std::string& path) {
  std::optional<int> index = Resolve(symbols.alliances, "an alliance", node, path);
  if (!index) return std::nullopt;
  return AllianceId(*index);
}

std::optional<ChannelId> CompileContext::Channel(const YamlNode& node, const std::string& path) {
  std::optional<int> index = Resolve(symbols.channels, "a channel", node, path);
  if (!index) return std::nullopt;
  return ChannelId(*index);
}

std::optional<ObserverId> CompileContext::Observer(const YamlNode& node, const std::string& path) {
  if (node.IsScalar()) {
    if (std::optional<int> actor = symbols.actors.Find(node.text)) return ObserverId(*actor);
  }
  std::optional<int> index =
      Resolve(symbols.observers, "an observer", node, path, symbols.actors.Candidates());
  if (!index) return std::nullopt;
  return ObserverId(static_cast<int>(symbols.actors.names.size()) + *index);
}

std::optional<Party> CompileContext::ActorOrAlliance(const YamlNode& node,
                                                     const std::string& path) {
  if (node.IsScalar()) {
    if (std::optional<int> actor = symbols.actors.Find(node.text)) {
      return Party{ActorId(*actor), AllianceId()};
    }
  }
  std::optional<int> alliance =
      Resolve(symbols.alliances, "an actor or alliance", node, path, symbols.actors.Candidates());
  if (!alliance) return std::nullopt;
  return Party{ActorId(), AllianceId(*alliance)};
}

std::optional<int> CompileContext::Side(const YamlNode& node, const std::string& path,
                                        bool allow_none) {
  static const std::vector<std::string> kSides = {"a", "b"};
  static const std::vector<std::string> kSidesOrNone = {"a", "b", "none"};
  std::optional<int> choice =
      ReadChoice(node, path, allow_none ? kSidesOrNone : kSides, "side", errors);
  if (!choice) return std::nullopt;
  return *choice == 2 ? kNoSide : *choice;
}

}  // namespace redline::scenario
