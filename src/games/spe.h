// Subgame-perfect equilibrium by backward induction, for extensive games of perfect
// information (every infoset a single node; chance nodes allowed, taken in expectation).
// At each decision node the mover picks the action with the highest exact expected payoff
// for itself; ties go to the first such action, so the result is deterministic. Payoffs of
// outcomes on non-terminal nodes are added along the path. Cost: one pass over the tree.
#pragma once

#include "core/status.h"
#include "games/game.h"
#include "games/game_file.h"
#include "games/solution.h"
#include "games/solvers.h"

namespace redline::games {

// Fails (with a Diagnostic naming the first offending infoset) when the game is not of
// perfect information.
Result<Solution> SolveSubgamePerfect(const ExtensiveGame& game);

// Ok for extensive games of perfect information; a Diagnostic saying why not otherwise.
Status SubgamePerfectApplies(const AnyGame& game);

SolverInfo SpeSolverInfo();

}  // namespace redline::games
