// Condition trees: red-line triggers and outcome rules, compiled into Model::conditions.
//
// A condition is a mapping with exactly one form key (plus that form's companion key):
//   {all: [C, ...]}  {any: [C, ...]}  {not: C}
//   {lever: L, at_least: LEVEL}       {interference_at_least: X}   (X a parameter, >= 0)
//   {strike_on: ACTOR_OR_ALLIANCE}    {rung_at_least: RUNG, by: ACTOR_OR_ALLIANCE}
//   {max_rung_at_least: RUNG}  {winner: a|b}  {settled: true}  {red_line_enforced: ID}
//   {red_line_withdrawn: ID} (outcomes)
//   {alliance_responded: ID}  {always: true}
// Triggers are about the current step; outcomes about the whole run. Which forms each may
// use is fixed below (see docs/scenario-format.md, "Conditions").
#pragma once

#include <string>

#include "model/model.h"
#include "scenario/compile_context.h"
#include "scenario/yaml_tree.h"

namespace redline::scenario {

enum class ConditionContext { kTrigger, kOutcome };

// Compiles `node` (and its children) into model.conditions and returns the root's id; an
// invalid id if the condition has errors (all of them are reported).
ConditionId CompileCondition(const YamlNode& node, const std::string& path,
                             ConditionContext context, CompileContext& ctx);

// True if the condition at `id` is the literal {always: true}.
bool IsAlways(const Model& model, ConditionId id);

}  // namespace redline::scenario
