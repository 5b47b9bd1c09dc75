// The limits of model/limits.h, checked on the finalized Model and reported where the
// scenario sets what breaks them (the actor's types, its decision model).
#include <string>

#include "model/limits.h"
#include "scenario/compile_sections.h"

namespace redline::scenario {

namespace {

// Where the other key of a message was written: " (line 9)" in the scenario file, or
// " (--set PATH=VALUE)" for an override.
std::string Mention(const SourceLocation& where, const Model& model) {
  if (where.file != model.source_file) return " (" + where.file + ")";
  return where.line > 0 ? " (line " + std::to_string(where.line) + ")" : "";
}

void Report(const LimitViolation& v, CompileContext& ctx) {
  const Model& model = ctx.model;
  const std::string& id = model.actors[v.actor.index].id;
  const NodeAt& types = ctx.actor_types_at[v.actor.index];
  const NodeAt& decision = ctx.actor_decision_at[v.actor.index];
  const std::string n = std::to_string(v.value);
  switch (v.kind) {
    case LimitViolation::Kind::kEquilibriumTypes:
      ctx.Error(types.where, types.path,
                "actor '" + id + "' has " + n + " types, but its decision model, equilibrium" +
                    Mention(decision.where, model) + ", plays the deterrence game, which has " +
                    std::to_string(kEquilibriumTypes) +
                    " (the first type resolute, the second irresolute); give it one or two "
                    "types, or another decision model");
      return;
    case LimitViolation::Kind::kEquilibriumCandidates:
      ctx.Error(decision.where, decision.path,
                "the equilibrium decision model handles at most " +
                    std::to_string(kMaxEquilibriumCandidates) + " candidate moves per step, but '" +
                    id + "' may have " + n +
                    " (hold, plus min(2 * max_change, levels - 1) per lever it owns); lower its "
                    "levers' max_change or give it another decision model");
      return;
    case LimitViolation::Kind::kRedLineOwnerTypes: {
      const std::string& other = model.actors[v.equilibrium_actor.index].id;
      ctx.Error(types.where, types.path,
                "actor '" + id + "' has " + n + " types and owns red line '" +
                    model.red_lines[v.red_line.index].id + "', but actor '" + other +
                    "' uses the equilibrium decision model" +
                    Mention(ctx.actor_decision_at[v.equilibrium_actor.index].where, model) +
                    ", which plays the two-type deterrence game against red-line owners; give '" +
                    id + "' one or two types");
      return;
    }
  }
}

}  // namespace

void CheckModelLimits(CompileContext& ctx) {
  for (const LimitViolation& violation : FindLimitViolations(ctx.model)) Report(violation, ctx);
}

}  // namespace redline::scenario
