// Builds the decision models of a compiled Model: one per actor, in actor order, of the kind
// its Actor::decision names (scripted, quantal or equilibrium). The simulation kernel
// receives them (Simulator's constructor); the Monte Carlo runner and the command line wire
// the two together.
#pragma once

#include "crisis/decision_model.h"
#include "model/model.h"

namespace redline {

// One decision model per actor, in actor order. Never fails: the decision models' limits
// (model/limits.h) are checked by the scenario compiler, so every compiled Model is playable;
// a Model built otherwise (tests) must be finalized (FinalizeModel) and obey them (asserted).
DecisionModels MakeDecisionModels(const Model& model);

}  // namespace redline
