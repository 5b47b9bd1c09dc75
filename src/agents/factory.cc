#include <memory>

#include "agents/decision_model.h"
#include "agents/quantal.h"
#include "agents/scripted.h"

namespace redline {

Result<DecisionModels> MakeDecisionModels(const Model& model) {
  DecisionModels models;
  Diagnostics errors;
  for (const Actor& actor : model.actors) {
    switch (actor.decision.kind) {
      case DecisionKind::kScripted:
        models.push_back(std::make_unique<ScriptedModel>());
        break;
      case DecisionKind::kQuantal:
        models.push_back(std::make_unique<QuantalModel>());
        break;
      case DecisionKind::kEquilibrium:
        errors.push_back(Diagnostic{
            SourceLocation{model.source_file, 0, 0},
            "actor '" + actor.id +
                "': decision model 'equilibrium' is not available in this build yet"});
        break;
    }
  }
  if (!errors.empty()) return errors;
  return models;
}

}  // namespace redline
