#include "agents/factory.h"

#include <memory>
#include <string>

#include "agents/equilibrium.h"
#include "agents/quantal.h"
#include "agents/scripted.h"

namespace redline {

namespace {

Diagnostic ModelError(const Model& model, std::string message) {
  return Diagnostic{SourceLocation{model.source_file, 0, 0}, std::move(message)};
}

// The equilibrium model plays the two-type deterrence game: its actors, and the owners of the
// red lines they may cross, need at most two types; its move buffer has a fixed size.
void CheckEquilibriumActor(const Model& model, ActorId actor, Diagnostics& errors) {
  const Actor& a = model.actors[actor.index];
  if (a.types.size() > 2) {
    errors.push_back(
        ModelError(model, "actor '" + a.id +
                              "': the equilibrium decision model plays the two-type "
                              "deterrence game (type 0 resolute, type 1 irresolute), but '" +
                              a.id + "' has " + std::to_string(a.types.size()) +
                              " types; give it one or two types or another decision model"));
  }
  if (actor.index < static_cast<int>(model.levers_of_actor.size()) &&
      CandidateBound(model, actor) > kMaxEquilibriumCandidates) {
    errors.push_back(ModelError(
        model, "actor '" + a.id + "': the equilibrium decision model handles at most " +
                   std::to_string(kMaxEquilibriumCandidates) + " candidate moves per step, but '" +
                   a.id + "' may have " + std::to_string(CandidateBound(model, actor)) +
                   "; lower its levers' max_change"));
  }
}

void CheckRedLineOwners(const Model& model, const std::string& equilibrium_actor,
                        Diagnostics& errors) {
  std::vector<bool> reported(model.actors.size(), false);
  for (const RedLine& line : model.red_lines) {
    const Actor& owner = model.actors[line.owner.index];
    if (owner.types.size() <= 2 || owner.decision.kind == DecisionKind::kEquilibrium ||
        reported[line.owner.index])
      continue;
    reported[line.owner.index] = true;
    errors.push_back(ModelError(
        model, "actor '" + owner.id + "': owns red line '" + line.id + "' and has " +
                   std::to_string(owner.types.size()) + " types, but actor '" + equilibrium_actor +
                   "' uses the equilibrium decision model, which plays the two-type "
                   "deterrence game against red-line owners; give '" +
                   owner.id + "' one or two types"));
  }
}

}  // namespace

Result<DecisionModels> MakeDecisionModels(const Model& model) {
  DecisionModels models;
  Diagnostics errors;
  std::string first_equilibrium_actor;
  for (int a = 0; a < static_cast<int>(model.actors.size()); ++a) {
    const Actor& actor = model.actors[a];
    switch (actor.decision.kind) {
      case DecisionKind::kScripted:
        models.push_back(std::make_unique<ScriptedModel>());
        break;
      case DecisionKind::kQuantal:
        models.push_back(std::make_unique<QuantalModel>());
        break;
      case DecisionKind::kEquilibrium:
        CheckEquilibriumActor(model, ActorId(a), errors);
        if (first_equilibrium_actor.empty()) first_equilibrium_actor = actor.id;
        models.push_back(std::make_unique<EquilibriumModel>(model));
        break;
    }
  }
  if (!first_equilibrium_actor.empty()) CheckRedLineOwners(model, first_equilibrium_actor, errors);
  if (!errors.empty()) return errors;
  return models;
}

}  // namespace redline
