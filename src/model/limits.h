// The limits every compiled Model obeys, beyond the scenario format's own rules, because the
// kernel or a decision model relies on them. The scenario compiler checks them, with
// file:line:col (scenario::CompileScenario, after FinalizeModel); the kernel and the decision
// models only assert them. Each limit has one definition here, read by both sides, so a Model
// the compiler accepts is always runnable.
#pragma once

#include <vector>

#include "model/model.h"

namespace redline {

// Accident hazards on one lever level: the kernel keys a hazard's draws by
// lever * kMaxHazardsPerLevel + hazard (docs/model.md §1).
inline constexpr int kMaxHazardsPerLevel = 8;

// Types of an actor that uses the equilibrium decision model, and of every red-line owner when
// some actor does: the deterrence game it plays has two (type 0 resolute, type 1 irresolute).
inline constexpr int kEquilibriumTypes = 2;

// Candidate moves per step of an actor that uses the equilibrium decision model (a fixed stack
// buffer keeps its choice allocation-free).
inline constexpr int kMaxEquilibriumCandidates = 256;

// The most candidate moves `actor` can have in a step: hold, and for each lever it owns every
// other level within max_change of the current one:
//   1 + Σ over its levers of min(2 · max_change, levels − 1).
// Model::max_candidates is its maximum over the actors. Reads Model::levers_of_actor (set by
// FinalizeModel).
int CandidateBound(const Model& model, ActorId actor);

// One broken limit of a finalized Model.
struct LimitViolation {
  enum class Kind {
    kEquilibriumTypes,       // actor uses the equilibrium model with > kEquilibriumTypes types
    kEquilibriumCandidates,  // actor uses it with CandidateBound > kMaxEquilibriumCandidates
    kRedLineOwnerTypes,      // actor owns red_line, has > kEquilibriumTypes types, and
                             // equilibrium_actor uses the equilibrium model
  };
  Kind kind;
  ActorId actor;
  int value = 0;              // the actor's types or candidate bound
  RedLineId red_line;         // kRedLineOwnerTypes: the first red line the actor owns
  ActorId equilibrium_actor;  // kRedLineOwnerTypes: the first actor using the equilibrium model
};

// Every broken limit of a finalized Model, actors in scenario order (each actor and kind at
// most once). Empty for every Model the scenario compiler accepts. Cost O(actors + levers +
// red lines); allocates only when it finds something.
std::vector<LimitViolation> FindLimitViolations(const Model& model);

}  // namespace redline
