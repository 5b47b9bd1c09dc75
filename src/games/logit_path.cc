#include "games/logit_path.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "games/lcp_tableau.h"  // SolverError
#include "games/number.h"       // FormatDecimal

namespace redline::games {
namespace {

using Vector = std::vector<double>;

double Norm(const Vector& v) {
  double s = 0;
  for (double x : v) s += x * x;
  return std::sqrt(s);
}

double Dot(const Vector& a, const Vector& b) {
  double s = 0;
  for (std::size_t k = 0; k < a.size(); ++k) s += a[k] * b[k];
  return s;
}

// Lengths of corrections are measured componentwise relative to the point: absolute for
// entries up to 1 in size, relative beyond. Far out the branch the log-probabilities of
// inferior actions grow like −λ·(payoff gap) and λ itself grows; there only their relative
// accuracy matters (exp of them is 0 to double precision), and the corrector's rounding
// noise is relative to them.
double ScaledNorm(const Vector& delta, const Vector& u) {
  double s = 0;
  for (std::size_t k = 0; k < u.size(); ++k) {
    const double d = delta[k] / std::max(1.0, std::fabs(u[k]));
    s += d * d;
  }
  return std::sqrt(s);
}

// The corrector has converged when its (scaled) correction is below this. H's terms include
// λ times action values, so rounding noise in the corrections grows like λ·(payoff scale).
// Points along the way need less accuracy (the next corrector starts from a prediction
// anyway) than the point returned, which is polished.
constexpr double kPathAccuracy = 1e-8, kFinalAccuracy = 1e-11;
double ConvergedBelow(const Vector& u, double payoff_scale, double accuracy) {
  return accuracy + 1e-14 * std::fabs(u.back()) * payoff_scale;
}

// [jacobian; row] as one square matrix.
DenseMatrix Augmented(const DenseMatrix& jacobian, const Vector& row) {
  const int n = jacobian.rows();
  DenseMatrix a(n + 1, n + 1);
  for (int r = 0; r < n; ++r) std::copy_n(jacobian.Row(r), n + 1, a.Row(r));
  std::copy(row.begin(), row.end(), a.Row(n));
  return a;
}

// The unit tangent from factors of [H'(u); t]: the solution of [H'; t] τ = e_last, which is
// in the null space of H' and has τ · t = 1 > 0 before normalising.
bool TangentFrom(const LuFactors& factors, std::size_t size, Vector& tangent) {
  tangent.assign(size, 0.0);
  tangent.back() = 1.0;
  factors.Solve(tangent);
  const double norm = Norm(tangent);
  if (!std::isfinite(norm) || norm == 0.0) return false;
  for (double& v : tangent) v /= norm;
  return true;
}

// How one predictor–corrector attempt went.
struct Attempt {
  bool accepted = false;
  double first_distance = 0.0;  // length of the first correction
  double contraction = 0.0;     // largest ratio of successive corrections
  double angle = 0.0;           // between the old and new tangents
};

// A point of the curve with the LU factors of [H'(x); t_before] and its unit tangent t
// (oriented by t · t_before > 0), and the sign of det [H'(x); t].
struct Frame {
  Vector x;
  LuFactors factors;
  Vector tangent;
  int orientation = 1;
};

// Evaluates H' at frame.x and fills the rest of the frame; `before` orients the tangent.
bool MakeFrame(const PathSystem& system, const Vector& before, Frame& frame) {
  Vector f;
  DenseMatrix jacobian;
  system(frame.x, f, &jacobian);
  if (!frame.factors.Factor(Augmented(jacobian, before))) return false;
  if (!TangentFrom(frame.factors, frame.x.size(), frame.tangent)) return false;
  frame.orientation = frame.factors.DeterminantSign();
  return true;
}

// Chord-Newton corrector from u (the prediction), with the factors at the current point,
// on the hyperplane through u orthogonal to the tangent the factors were built with; then
// the new frame at the corrected point.
Attempt Correct(const PathSystem& system, const PathOptions& options, const Frame& here, Vector u,
                Frame& next, double accuracy = kPathAccuracy) {
  Attempt attempt;
  const std::size_t size = u.size();
  Vector f, delta(size);
  system(u, f, nullptr);
  double previous = 0.0;
  for (int iteration = 0;; ++iteration) {
    for (std::size_t k = 0; k + 1 < size; ++k) delta[k] = -f[k];
    delta.back() = 0.0;
    here.factors.Solve(delta);
    const double distance = ScaledNorm(delta, u);
    const double converged = ConvergedBelow(u, options.payoff_scale, accuracy);
    if (!std::isfinite(distance) || distance > options.max_distance) return attempt;
    if (iteration == 0) {
      attempt.first_distance = distance;
    } else {
      const double contraction = distance / (previous + converged);
      if (contraction > options.max_contraction) {
        // Corrections that stopped shrinking at rounding level: u is as good as it gets.
        if (previous <= 100 * converged) break;
        return attempt;
      }
      attempt.contraction = std::max(attempt.contraction, contraction);
    }
    for (std::size_t k = 0; k < size; ++k) u[k] += delta[k];
    if (distance <= converged) break;
    if (iteration >= 50) return attempt;
    previous = distance;
    system(u, f, nullptr);
  }
  next.x = std::move(u);
  if (!MakeFrame(system, here.tangent, next)) return attempt;
  attempt.angle = std::acos(std::clamp(Dot(here.tangent, next.tangent), -1.0, 1.0));
  attempt.accepted = attempt.angle <= options.max_angle;
  return attempt;
}

// Bisects the step of length `step` from `here` (whose end point has the opposite `side`)
// for the point where side() changes, to a relative accuracy of about 1e-6 in arc length;
// returns that point (the last one found on the far side).
template <typename Side>
std::vector<double> Locate(const PathSystem& system, const PathOptions& options, const Frame& here,
                           double step, const Frame& far, Side side) {
  const bool near_side = side(here);
  double low = 0.0, high = step;
  Vector found = far.x;
  for (int iteration = 0; iteration < 24; ++iteration) {
    const double middle = 0.5 * (low + high);
    Vector u(here.x.size());
    for (std::size_t k = 0; k < u.size(); ++k) u[k] = here.x[k] + middle * here.tangent[k];
    Frame probe;
    if (!Correct(system, options, here, std::move(u), probe).accepted) break;
    if (side(probe) == near_side) {
      low = middle;
    } else {
      high = middle;
      found = probe.x;
    }
  }
  return found;
}

// The next step length from how the accepted attempt went: shrink when any measure is near
// its limit, grow (at most ×max_growth) when all are well inside.
double NextStep(double step, const Attempt& attempt, const PathOptions& options) {
  const double g = options.max_growth;
  double decel = 1.0 / g;
  decel = std::max(decel, std::sqrt(attempt.first_distance / options.max_distance) * g);
  decel = std::max(decel, std::sqrt(attempt.contraction / options.nominal_contraction));
  decel = std::max(decel, attempt.angle / options.max_angle * g);
  return step / std::min(decel, g);
}

}  // namespace

Result<TracedPath> TracePath(const PathSystem& system, Vector start, const PathOptions& options) {
  const std::size_t size = start.size();
  if (size > kMaxPathUnknowns) {
    return SolverError(
        std::to_string(size) + " unknowns (one per action, and lambda), more than the " +
        std::to_string(kMaxPathUnknowns) +
        " that the tracer's dense Jacobian takes (a game this large is too large for logit)");
  }
  Frame here;
  here.x = std::move(start);
  Vector up(size, 0.0);
  up.back() = 1.0;  // start increasing λ
  if (!MakeFrame(system, up, here)) {
    return SolverError("singular Jacobian at the start of the branch");
  }
  TracedPath result;
  result.points.push_back(here.x);
  double step = options.first_step;
  while (here.x.back() < options.max_lambda) {
    if (result.steps >= options.max_steps) {
      result.hit_limit = true;
      break;
    }
    Vector u(size);
    for (std::size_t k = 0; k < size; ++k) u[k] = here.x[k] + step * here.tangent[k];
    Frame next;
    const Attempt attempt = Correct(system, options, here, std::move(u), next);
    if (!attempt.accepted) {
      ++result.rejected;
      step /= options.max_growth;
      if (step < 1e-12 * (1.0 + Norm(here.x))) {
        return SolverError("the path could not be continued past lambda = " +
                           FormatDecimal(here.x.back(), 6) + " (step length underflow)");
      }
      continue;
    }
    auto rising = [](const Frame& frame) { return frame.tangent.back() > 0; };
    if (rising(next) != rising(here)) {
      result.turning.push_back({Locate(system, options, here, step, next, rising)});
    }
    auto orientation = [](const Frame& frame) { return frame.orientation; };
    if (next.orientation != here.orientation) {
      result.bifurcations.push_back({Locate(system, options, here, step, next, orientation)});
    }
    here = std::move(next);
    ++result.steps;
    result.points.push_back(here.x);
    if (options.done && options.done(here.x)) {
      result.done = true;
      break;
    }
    step = NextStep(step, attempt, options);
  }
  // Polish the last point (λ stays put to first order: the correction is orthogonal to t).
  Frame polished;
  if (Correct(system, options, here, here.x, polished, kFinalAccuracy).accepted) {
    result.points.back() = polished.x;
  }
  return result;
}

}  // namespace redline::games
