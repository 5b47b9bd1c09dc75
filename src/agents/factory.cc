#include "agents/factory.h"

#include <cassert>
#include <memory>

#include "agents/equilibrium.h"
#include "agents/quantal.h"
#include "agents/scripted.h"
#include "model/limits.h"

namespace redline {

DecisionModels MakeDecisionModels(const Model& model) {
  // The scenario compiler refuses every Model that breaks a limit (model/limits.h).
  assert(FindLimitViolations(model).empty() && "a Model the scenario compiler would refuse");
  DecisionModels models;
  for (const Actor& actor : model.actors) {
    switch (actor.decision.kind) {
      case DecisionKind::kScripted:
        models.push_back(std::make_unique<ScriptedModel>());
        break;
      case DecisionKind::kQuantal:
        models.push_back(std::make_unique<QuantalModel>());
        break;
      case DecisionKind::kEquilibrium:
        models.push_back(std::make_unique<EquilibriumModel>(model));
        break;
    }
  }
  return models;
}

}  // namespace redline
