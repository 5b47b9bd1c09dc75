// The logit quantal response equilibrium (QRE) correspondence, traced from λ = 0 (the
// centroid) toward large λ by predictor–corrector path following (logit_path.h; Turocy
// 2005, "A dynamic homotopy interpretation of the logistic quantal response equilibrium
// correspondence", GEB 51). The point reached at `max_lambda` is returned as the selected
// (approximate) equilibrium. The branch is followed by arc length, through folds where λ
// turns back (counted as turning points) and straight through points where another branch
// crosses it (bifurcations, which symmetric games have: counted, with their λ).
//
//  - Normal-form games: the QRE of McKelvey & Palfrey (1995) in mixed strategies; the limit
//    of the principal branch is a Nash equilibrium. Equations per player i: w_ij − w_i0 =
//    λ (u_ij(σ) − u_i0(σ)) for j ≥ 1 and Σ_j exp(w_ij) = 1 (logit_system.h). Cost per step:
//    O(cells · players²) for the Jacobian plus one dense LU factorisation.
//  - Extensive games: the agent QRE of McKelvey & Palfrey (1998) in behaviour strategies:
//    at every infoset the probabilities are a logit response to the action values given the
//    beliefs the profile itself implies (agent_logit_system.h). Every infoset is reached at
//    finite λ, and limits of the branch are sequential equilibria (McKelvey & Palfrey 1998;
//    Turocy 2010, "Computing sequential equilibria using agent quantal response
//    equilibria", Economic Theory 42), so off-path behaviour is credible: in a game with a
//    non-credible threat the limit is the subgame-perfect equilibrium. Cost per step:
//    O(actions · nodes · players) for the Jacobian plus one dense O(actions³) factorisation.
//
// Profiles in results are probabilities (not logs), in the game's flat profile order.
#pragma once

#include <vector>

#include "core/status.h"
#include "games/game.h"
#include "games/normal_form.h"
#include "games/solution.h"
#include "games/solvers.h"
#include "games/strategy.h"

namespace redline::games {

struct LogitOptions {
  // Tracing stops at the first of: λ ≥ max_lambda, or a profile whose largest regret (agent
  // regret for extensive games) is at most regret_tolerance × (payoff range) — Gambit's
  // gambit-logit rule, with its default; 0 turns the regret test off.
  double max_lambda = 1e6;
  double regret_tolerance = 1e-8;
  double first_step = 0.03;
  int max_steps = 100000;
  // Step control limits, see PathOptions (logit_path.h).
  double max_distance = 0.4;
  double max_contraction = 0.6;
  double nominal_contraction = 0.3;
  double max_angle = 0.5;
  double max_growth = 2.0;
};

using LogitPoint = PathPoint;

struct LogitResult {
  std::vector<double> profile;             // at the last point reached
  double lambda = 0.0;                     // λ there
  std::vector<LogitPoint> path;            // accepted points, in order (the first at λ = 0)
  std::vector<LogitPoint> turning_points;  // where dλ/ds changes sign (branch folds)
  std::vector<LogitPoint> bifurcations;    // where another branch crosses (midpoint of the
                                           // step that crossed it); traced straight through
  int steps = 0;                           // accepted steps
  int rejected_steps = 0;                  // attempts the step control rejected
  bool hit_limit = false;                  // stopped by max_steps before max_lambda
  bool small_regret = false;               // stopped by regret_tolerance before max_lambda
};

// Fails when the path cannot be continued (singular Jacobian, step size underflow).
Result<LogitResult> TraceLogitPath(const NormalFormGame& game, const LogitOptions& options = {});
// Agent QRE of an extensive game (behaviour profiles, ExtensiveGame::action_index order).
Result<LogitResult> TraceAgentLogitPath(const ExtensiveGame& game,
                                        const LogitOptions& options = {});

// Reads options.max_iterations (steps, default 100 000), options.tolerance (the regret
// tolerance, default 1e-8) and extra["max_lambda"] (default 1e6).
SolverInfo LogitSolverInfo();

}  // namespace redline::games
