// Internal to logit: arc-length predictor–corrector continuation of a smooth curve
// H(x, λ) = 0 in R^(n+1), shared by the normal-form QRE (logit.cc) and the agent QRE of
// extensive games (agent_logit.cc). The unknowns are log-probabilities and λ (last entry).
//
// From a point on the curve the tangent spans the Jacobian's null space, oriented to
// continue the previous direction; Newton corrects on the hyperplane orthogonal to it. The
// step grows ×1.5 after an accepted correction and halves after a failed one, so folds
// (where λ decreases) are followed and recorded as turning points.
#pragma once

#include <functional>
#include <vector>

#include "core/status.h"
#include "games/logit_system.h"

namespace redline::games {

// Fills H(x) (n entries) and its Jacobian (n rows × (n + 1) columns) at x = (w, λ).
using PathSystem =
    std::function<void(const std::vector<double>& x, std::vector<double>& f, DenseMatrix& j)>;

struct PathOptions {
  double max_lambda = 1e6;
  double first_step = 0.03;
  double max_step = 1e4;
  // Far out the branch is nearly straight in (w, λ) and its length grows like λ: steps may
  // also grow to this fraction of |x|, so λ grows geometrically instead of linearly.
  double relative_max_step = 0.1;
  int max_steps = 100000;
};

struct TracedPath {
  std::vector<std::vector<double>> points;   // accepted points x = (w, λ), in order
  std::vector<std::vector<double>> turning;  // points where dλ/ds changed sign
  int steps = 0;
  bool hit_limit = false;  // stopped by max_steps before max_lambda
};

// Follows the curve from `start` (a solution at λ = start.back(), normally 0) in the
// direction of increasing λ until λ ≥ max_lambda or max_steps steps. Fails when the
// Jacobian is singular at a point or the step size underflows.
Result<TracedPath> TracePath(const PathSystem& system, std::vector<double> start,
                             const PathOptions& options);

}  // namespace redline::games
