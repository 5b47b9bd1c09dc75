// Counterfactual regret minimisation for N-player extensive games (perfect recall assumed
// for the guarantees; the code runs on any tree).
//
//  - CFR+ (Tammelin 2014; Tammelin, Burch, Johanson & Bowling 2015): regret matching+
//    (cumulative regrets clipped at 0), alternating updates (player 1's regrets are updated
//    before player 2 traverses), and linear averaging (iteration t's strategy weighted by t).
//    In two-player zero-sum games the average converges to a Nash equilibrium; in other
//    games it approaches a coarse correlated equilibrium and NashConv need not reach 0.
//  - MCCFR with external sampling (Lanctot, Waugh, Zinkevich & Bowling 2009): the traverser
//    explores all its actions, opponents' and chance actions are sampled; plain regret
//    matching; the average strategy is accumulated at opponents' nodes. Deterministic given
//    the seed (counter-based draws, core/rng.h).
//
// Both report NashConv of the average strategy at checkpoints and stop when it falls below
// the tolerance (converged) or at the iteration limit (hit_limit; not an error).
// Cost per CFR+ iteration: N walks of the whole tree; per MCCFR iteration: N sampled walks.
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "games/game.h"
#include "games/lcp_tableau.h"  // SolverError
#include "games/solvers.h"
#include "games/strategy.h"

namespace redline::games {

struct CfrOptions {
  int64_t max_iterations = 10000;
  double tolerance = 1e-6;         // stop when NashConv(average) <= tolerance
  int64_t checkpoint_every = 100;  // NashConv is computed every this many iterations
  uint64_t seed = 1;               // MCCFR only
};

struct CfrCheckpoint {
  int64_t iteration = 0;
  double nash_conv = 0.0;
};

struct CfrResult {
  BehaviorProfile average;  // the average strategy profile
  std::vector<CfrCheckpoint> checkpoints;
  int64_t iterations = 0;
  bool converged = false;
  bool hit_limit = false;
};

CfrResult SolveCfrPlus(const ExtensiveGame& game, const CfrOptions& options);
CfrResult SolveExternalSamplingMccfr(const ExtensiveGame& game, const CfrOptions& options);

SolverInfo CfrSolverInfo();
SolverInfo McCfrSolverInfo();

}  // namespace redline::games
