// Internal to the compiler: one function per section of a scenario file. Each reads its
// section of the tree (nullptr when the section is absent), appends to ctx.model and reports
// every problem to ctx.errors. compiler.cc calls them in order; references between sections
// are resolved through ctx.symbols, so the order only matters where a section reads another
// section's compiled entries (levers read their target actors' sides and territory).
#pragma once

#include <functional>
#include <string>

#include "scenario/compile_context.h"
#include "scenario/schema.h"
#include "scenario/yaml_tree.h"

namespace redline::scenario {

void CompileScenarioHeader(const YamlNode* section, const std::string& default_name,
                           CompileContext& ctx);
void CompileLadder(const YamlNode* section, CompileContext& ctx);
void CompileThresholds(const YamlNode* section, CompileContext& ctx);
void CompileObservers(const YamlNode* section, CompileContext& ctx);
void CompileActors(const YamlNode* section, CompileContext& ctx);
void CompileLevers(const YamlNode* section, CompileContext& ctx);
// Hazards' `when` conditions (ctx.pending_hazard_conditions) and acts' `causes`
// (ctx.pending_causes), once every lever is compiled.
void CompileHazardConditions(CompileContext& ctx);
void CompileRedLines(const YamlNode* section, CompileContext& ctx);
void CompileAlliances(const YamlNode* section, CompileContext& ctx);
void CompileChannels(const YamlNode* section, CompileContext& ctx);
void CompileWar(const YamlNode* section, CompileContext& ctx);
void CompileOutcomes(const YamlNode* section, CompileContext& ctx);
// Horizon (scenario.horizon) after the ladder, since stop_at names a rung.
void CompileHorizon(const YamlNode* scenario_section, CompileContext& ctx);
// The limits of model/limits.h on the finalized Model (after FinalizeModel), reported where
// the actors' types and decision models are written.
void CheckModelLimits(CompileContext& ctx);

// Calls `compile` for each entry of the list section `name` (checked to be a list of
// mappings, with unique ids) with the entry, its index, and a reader for `keys`.
// `what` names one entry in messages ("actor").
void ForEachEntry(const YamlNode* section, const std::string& name, const std::string& what,
                  const schema::Keys& keys, CompileContext& ctx,
                  const std::function<void(const MapReader& entry, std::size_t index)>& compile);

// The entry's id (required); "" if missing or invalid (reported).
std::string ReadEntryId(const MapReader& entry, CompileContext& ctx);
// The entry's label, or `fallback` if none.
std::string ReadLabel(const MapReader& entry, const std::string& fallback, CompileContext& ctx);
// The entry's short_label (actors, levers, red lines), or "" if none. A short label is one line
// of 1 to kMaxShortLabel characters; anything else is reported.
inline constexpr int kMaxShortLabel = 24;
std::string ReadShortLabel(const MapReader& entry, CompileContext& ctx);

}  // namespace redline::scenario
