// Internal to the compiler: what every section compiler shares while a Model is built — the
// model under construction, the diagnostics, the names collected up front, parameter slots —
// and the resolution of references (an actor id, a lever's level, a rung or threshold, ...)
// with did-you-mean suggestions.
#pragma once

#include <optional>
#include <string>

#include "core/status.h"
#include "model/model.h"
#include "scenario/node_reader.h"
#include "scenario/parameters.h"
#include "scenario/symbols.h"
#include "scenario/yaml_tree.h"

namespace redline::scenario {

// Where a key was written: for the checks that need the finalized Model (CheckModelLimits).
struct NodeAt {
  SourceLocation where;
  std::string path;
};

// An actor or an alliance (lever owners, strike targets, channel ends, `by`).
struct Party {
  ActorId actor;
  AllianceId alliance;
};

class CompileContext {
 public:
  CompileContext(Model& model, Diagnostics& errors, const Symbols& symbols)
      : model(model), errors(errors), symbols(symbols), params(model, errors) {}

  Model& model;
  Diagnostics& errors;
  const Symbols& symbols;
  ParamCompiler params;
  // Per actor, in actor order: where its `types` and its `decision.model` were written (the
  // actor's entry when the key is absent).
  std::vector<NodeAt> actor_types_at;
  std::vector<NodeAt> actor_decision_at;

  // Hazard `when` conditions, compiled after every lever (a condition may name a lever, and its
  // levels, defined further down the file): CompileHazardConditions.
  struct PendingHazardCondition {
    const YamlNode* node;
    std::string path;
    int lever = 0, level = 0, hazard = 0;
  };
  std::vector<PendingHazardCondition> pending_hazard_conditions;
  // Acts' `causes` ({lever: level}), resolved once every lever is compiled (the same pass).
  struct PendingCauses {
    const YamlNode* node;
    std::string path;
    int lever = 0, level = 0;
  };
  std::vector<PendingCauses> pending_causes;

  void Error(const SourceLocation& where, const std::string& path, const std::string& message) {
    AddError(errors, where, path, message);
  }

  // References. Each reports an unknown name (with did-you-mean, or what the name is instead,
  // e.g. "'nato' is an alliance, not an actor") and returns nullopt.
  std::optional<RungId> Rung(const YamlNode& node, const std::string& path);  // id or threshold
  std::optional<ActorId> Actor(const YamlNode& node, const std::string& path);
  std::optional<LeverId> Lever(const YamlNode& node, const std::string& path);
  std::optional<int> Level(LeverId lever, const YamlNode& node, const std::string& path);
  std::optional<RedLineId> RedLine(const YamlNode& node, const std::string& path);
  std::optional<AllianceId> Alliance(const YamlNode& node, const std::string& path);
  std::optional<ChannelId> Channel(const YamlNode& node, const std::string& path);
  std::optional<ObserverId> Observer(const YamlNode& node, const std::string& path);
  std::optional<Party> ActorOrAlliance(const YamlNode& node, const std::string& path);
  // a | b (| none when `allow_none`) -> 0 | 1 | kNoSide.
  std::optional<int> Side(const YamlNode& node, const std::string& path, bool allow_none);

 private:
  std::optional<int> Resolve(const NameTable& table, const std::string& what, const YamlNode& node,
                             const std::string& path,
                             std::vector<std::string> extra_candidates = {});
  // "an alliance", "an observer", ... if `name` is defined as something else; "" otherwise.
  std::string KindOf(const std::string& name) const;
};

// The path of entry `index` of list `section`: "actors.russia", or "outcomes.3" if no id.
std::string EntryPath(const std::string& section, const YamlNode& entry, std::size_t index);

// Reports the ids of list `section` that repeat an earlier entry's id.
void CheckUniqueIds(const YamlNode& list, const std::string& section, const std::string& what,
                    Diagnostics& errors);

}  // namespace redline::scenario
