// The logit quantal response equilibrium (QRE) correspondence of a normal-form game,
// traced from λ = 0 (the centroid) toward large λ by predictor–corrector path following
// (Turocy 2005, "A dynamic homotopy interpretation of the logistic quantal response
// equilibrium correspondence", GEB 51). The limit of the principal branch as λ → ∞ is a
// Nash equilibrium (McKelvey & Palfrey 1995); the point reached at `max_lambda` is returned
// as the selected (approximate) equilibrium.
//
// Unknowns: log-probabilities w and λ. Equations per player i: w_ij − w_i0 =
// λ (u_ij(σ) − u_i0(σ)) for j ≥ 1 and Σ_j exp(w_ij) = 1. Arc-length continuation: the tangent
// spans the Jacobian's null space (oriented to continue the path), Newton corrects on the
// hyperplane orthogonal to it; the step grows after easy corrections and halves after hard
// ones, so turning points (where λ decreases) are followed.
//
// Not covered: extensive games (agent QRE in behaviour strategies) — see the report in
// docs/games.md. Cost per step: O(cells · players²) for the Jacobian plus a dense solve.
#pragma once

#include <vector>

#include "core/status.h"
#include "games/normal_form.h"
#include "games/solvers.h"
#include "games/strategy.h"

namespace redline::games {

struct LogitOptions {
  double max_lambda = 1e6;
  double first_step = 0.03;
  double max_step = 1e4;
  int max_steps = 100000;
};

struct LogitPoint {
  double lambda = 0.0;
  MixedProfile profile;
};

struct LogitResult {
  MixedProfile profile;                    // at the last point reached
  double lambda = 0.0;                     // λ there
  std::vector<LogitPoint> path;            // accepted points, in order
  std::vector<LogitPoint> turning_points;  // where dλ/ds changes sign (branch folds)
  int steps = 0;
  bool hit_limit = false;  // stopped by max_steps before max_lambda
};

// Fails when the path cannot be continued (step size underflow).
Result<LogitResult> TraceLogitPath(const NormalFormGame& game, const LogitOptions& options = {});

SolverInfo LogitSolverInfo();

}  // namespace redline::games
