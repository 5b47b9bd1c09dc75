// Builds the decision models of a compiled Model: one per actor, in actor order, of the kind
// its Actor::decision names (scripted, quantal or equilibrium). The simulation kernel
// receives them (Simulator's constructor); the Monte Carlo runner and the command line wire
// the two together.
#pragma once

#include "core/status.h"
#include "crisis/decision_model.h"
#include "model/model.h"

namespace redline {

// One decision model per actor, in actor order. Fails (with a diagnostic naming the actor) for
// a Model the decision models cannot play.
Result<DecisionModels> MakeDecisionModels(const Model& model);

}  // namespace redline
