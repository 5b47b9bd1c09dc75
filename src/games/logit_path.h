// Internal to logit: arc-length predictor–corrector continuation of a smooth curve
// H(x) = 0 in R^(n+1), shared by the normal-form QRE (logit.cc) and the agent QRE of
// extensive games (agent_logit_system.h). The unknowns are log-probabilities and λ (last).
//
// Method (Allgower & Georg, "Introduction to Numerical Continuation Methods", ch. 6; the
// step control Turocy's QRE tracer uses): an Euler predictor along the unit tangent, then a
// chord-Newton corrector that reuses one LU factorisation of [H'(u); t] at the predicted
// point u for every iteration, the tangent at the new point and the orientation there. The
// step length is driven by how the corrector behaved: the length of its first correction
// (how far the prediction fell from the curve), its contraction rate (how well the
// linearisation fits) and the angle between successive tangents (how fast the curve turns).
// A step that exceeds any of the limits is rejected and retried shorter; an accepted step
// sets the next length from the worst of the three against its limit. So a bend is followed
// however sharp, instead of being jumped by a step that lands on another part of the curve.
//
// The tangent is oriented to continue the previous one (t_new · t_old > 0), so the curve is
// followed through folds, where λ turns back (turning points: the sign of dλ/ds changes),
// and straight through simple bifurcation points, where another branch crosses: there the
// sign of det [H'; t] changes (the Jacobian's orientation flips), which is how crossings
// are detected.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "core/status.h"
#include "games/logit_system.h"

namespace redline::games {

// Fills H(x) (n entries) and, when `jacobian` is not null, its Jacobian (n × (n + 1)).
using PathSystem =
    std::function<void(const std::vector<double>& x, std::vector<double>& f, DenseMatrix* j)>;

struct PathOptions {
  double max_lambda = 1e6;
  double first_step = 0.03;
  int max_steps = 100000;  // accepted steps
  // Step control. A step is rejected when the corrector's first correction is longer than
  // max_distance, when a correction is more than max_contraction times the previous one, or
  // when the tangent turns by more than max_angle (radians). After an accepted step the
  // length changes by a factor in [1 / max_growth, max_growth], aiming at a first correction
  // of max_distance / max_growth², a contraction of nominal_contraction and a turn of
  // max_angle / max_growth. (A contraction up to max_contraction is safe: the first
  // correction and the turn are what keep a step on its own stretch of the curve; the
  // contraction of a chord corrector far out grows with λ's relative change per step.)
  double max_distance = 0.4;
  double max_contraction = 0.6;
  double nominal_contraction = 0.3;
  double max_angle = 0.5;
  double max_growth = 2.0;
  // The largest |payoff|: sets the rounding level of H's residual, which grows like λ times
  // it (see ResidualTolerance in logit_path.cc).
  double payoff_scale = 1.0;
  // Optional: called at every accepted point; tracing stops there when it returns true
  // (logit: the profile's regret is small enough).
  std::function<bool(const std::vector<double>& x)> done;
};

// A point of the curve where something happened between two accepted points, located by
// bisecting that step (to about 1e-6 of its length): the first point found past the fold
// (dλ/ds changed sign) or past the crossing (det [H'; t] changed sign).
struct PathEvent {
  std::vector<double> x;
};

struct TracedPath {
  std::vector<std::vector<double>> points;  // accepted points x = (w, λ), in order
  std::vector<PathEvent> turning;           // folds: where dλ/ds changed sign
  std::vector<PathEvent> bifurcations;      // where det [H'; t] changed sign
  int steps = 0;                            // accepted steps
  int rejected = 0;                         // rejected step attempts
  bool hit_limit = false;                   // stopped by max_steps before max_lambda
  bool done = false;                        // stopped because options.done said so
};

// The most unknowns (the point's coordinates, λ included) TracePath takes: it factors a
// dense Jacobian of that order at every step (512 MB of doubles at 8,000).
inline constexpr std::size_t kMaxPathUnknowns = 8000;

// Follows the curve from `start` (a solution at λ = start.back(), normally 0) in the
// direction of increasing λ until λ ≥ max_lambda or max_steps steps. Fails when the
// Jacobian is singular at the start or the step length underflows (the message names λ),
// or the point has more than kMaxPathUnknowns coordinates.
Result<TracedPath> TracePath(const PathSystem& system, std::vector<double> start,
                             const PathOptions& options);

}  // namespace redline::games
