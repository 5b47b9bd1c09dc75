#include "games/logit_path.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "games/lcp_tableau.h"  // SolverError

namespace redline::games {
namespace {

using Vector = std::vector<double>;

double Norm(const Vector& v) {
  double s = 0;
  for (double x : v) s += x * x;
  return std::sqrt(s);
}

// The unit tangent: J t = 0 with t · previous = 1, then normalised.
bool Tangent(const DenseMatrix& jacobian, const Vector& previous, Vector& tangent) {
  DenseMatrix a = jacobian;
  a.push_back(previous);
  Vector b(previous.size(), 0.0);
  b.back() = 1.0;
  if (!SolveDense(std::move(a), b)) return false;
  const double norm = Norm(b);
  if (!std::isfinite(norm) || norm == 0.0) return false;
  for (double& x : b) x /= norm;
  tangent = std::move(b);
  return true;
}

// Newton on H(y) = 0, tangent · (y − predicted) = 0. False when it does not converge fast.
bool Correct(const PathSystem& system, const Vector& tangent, const Vector& predicted, Vector& y,
             DenseMatrix& jacobian) {
  const std::size_t n = predicted.size() - 1;
  Vector f;
  y = predicted;
  for (int iteration = 0; iteration < 8; ++iteration) {
    system(y, f, jacobian);
    // Converged when the residual is down to rounding in F's terms (whose size grows like
    // |y|); checked before another Newton step, which an ill-conditioned Jacobian far out
    // the branch would turn from rounding noise into a sizeable correction.
    if (iteration > 0 && Norm(f) < 1e-9 * (1 + Norm(y))) return true;
    DenseMatrix a = jacobian;
    a.push_back(tangent);
    Vector rhs(n + 1);
    for (std::size_t k = 0; k < n; ++k) rhs[k] = -f[k];
    double along = 0;
    for (std::size_t k = 0; k <= n; ++k) along += tangent[k] * (y[k] - predicted[k]);
    rhs[n] = -along;
    if (!SolveDense(std::move(a), rhs)) return false;
    for (std::size_t k = 0; k <= n; ++k) y[k] += rhs[k];
    const double correction = Norm(rhs);
    if (!std::isfinite(correction)) return false;
    const double scale = 1 + Norm(y);
    if (correction < 1e-10 * scale) {
      // The residual is judged relative to the size of the unknowns: at large λ the log
      // probabilities of inferior actions grow like −λ·(payoff gap), and F's terms cancel
      // to about machine precision times that size.
      system(y, f, jacobian);
      return Norm(f) < 1e-8 * scale;
    }
  }
  return false;
}

}  // namespace

Result<TracedPath> TracePath(const PathSystem& system, Vector start, const PathOptions& options) {
  const std::size_t n = start.size() - 1;
  Vector x = std::move(start), f, tangent, previous(n + 1, 0.0);
  previous[n] = 1.0;  // start increasing λ
  DenseMatrix jacobian;
  system(x, f, jacobian);
  TracedPath result;
  result.points.push_back(x);
  double step = options.first_step;
  while (x[n] < options.max_lambda) {
    if (result.steps >= options.max_steps) {
      result.hit_limit = true;
      break;
    }
    if (!Tangent(jacobian, previous, tangent)) return SolverError("logit: singular Jacobian");
    Vector predicted(n + 1), y;
    for (std::size_t k = 0; k <= n; ++k) predicted[k] = x[k] + step * tangent[k];
    DenseMatrix next_jacobian;
    if (!Correct(system, tangent, predicted, y, next_jacobian)) {
      step /= 2;
      if (step < 1e-12) return SolverError("logit: the path could not be continued");
      continue;
    }
    if ((tangent[n] > 0) != (previous[n] > 0) && result.steps > 0) result.turning.push_back(x);
    x = std::move(y);
    jacobian = std::move(next_jacobian);
    previous = tangent;
    ++result.steps;
    result.points.push_back(x);
    step = std::min(step * 1.5, std::max(options.max_step, options.relative_max_step * Norm(x)));
  }
  return result;
}

}  // namespace redline::games
