#include "games/logit.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "games/lcp_tableau.h"  // SolverError
#include "games/logit_system.h"

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
  for (double& x : b) x /= norm;
  tangent = std::move(b);
  return true;
}

MixedProfile ProfileOf(const Vector& x, int entries) {
  MixedProfile profile(entries);
  for (int k = 0; k < entries; ++k) profile[k] = std::exp(x[k]);
  return profile;
}

// Newton on F(y) = 0, tangent · (y − predicted) = 0. False when it does not converge fast.
bool Correct(const NormalFormGame& game, const Vector& tangent, const Vector& predicted, Vector& y,
             Vector& f, DenseMatrix& jacobian) {
  const int entries = game.num_profile_entries();
  y = predicted;
  for (int iteration = 0; iteration < 8; ++iteration) {
    EvaluateLogitSystem(game, Vector(y.begin(), y.begin() + entries), y[entries], f, jacobian);
    DenseMatrix a = jacobian;
    a.push_back(tangent);
    Vector rhs(entries + 1);
    for (int k = 0; k < entries; ++k) rhs[k] = -f[k];
    double along = 0;
    for (int k = 0; k <= entries; ++k) along += tangent[k] * (y[k] - predicted[k]);
    rhs[entries] = -along;
    if (!SolveDense(std::move(a), rhs)) return false;
    for (int k = 0; k <= entries; ++k) y[k] += rhs[k];
    if (Norm(rhs) < 1e-10 * (1 + Norm(y))) {
      EvaluateLogitSystem(game, Vector(y.begin(), y.begin() + entries), y[entries], f, jacobian);
      return Norm(f) < 1e-8;
    }
  }
  return false;
}

}  // namespace

Result<LogitResult> TraceLogitPath(const NormalFormGame& game, const LogitOptions& options) {
  const int entries = game.num_profile_entries();
  Vector x(entries + 1, 0.0);
  for (int i = 0; i < game.num_players(); ++i) {
    for (int j = 0; j < game.num_strategies(i); ++j) {
      x[game.strategy_offset(i) + j] = -std::log(static_cast<double>(game.num_strategies(i)));
    }
  }
  Vector f, tangent, previous(entries + 1, 0.0);
  previous[entries] = 1.0;  // start increasing λ
  DenseMatrix jacobian;
  EvaluateLogitSystem(game, Vector(x.begin(), x.begin() + entries), 0.0, f, jacobian);
  LogitResult result;
  result.path.push_back({0.0, ProfileOf(x, entries)});
  double step = options.first_step;
  while (x[entries] < options.max_lambda) {
    if (result.steps >= options.max_steps) {
      result.hit_limit = true;
      break;
    }
    if (!Tangent(jacobian, previous, tangent)) return SolverError("logit: singular Jacobian");
    Vector predicted(entries + 1), y;
    for (int k = 0; k <= entries; ++k) predicted[k] = x[k] + step * tangent[k];
    DenseMatrix next_jacobian;
    Vector next_f;
    if (!Correct(game, tangent, predicted, y, next_f, next_jacobian)) {
      step /= 2;
      if (step < 1e-12) return SolverError("logit: the path could not be continued");
      continue;
    }
    if ((tangent[entries] > 0) != (previous[entries] > 0) && result.steps > 0) {
      result.turning_points.push_back({x[entries], ProfileOf(x, entries)});
    }
    x = std::move(y);
    jacobian = std::move(next_jacobian);
    previous = tangent;
    ++result.steps;
    result.path.push_back({x[entries], ProfileOf(x, entries)});
    step = std::min(step * 1.5, options.max_step);
  }
  result.lambda = x[entries];
  result.profile = ProfileOf(x, entries);
  return result;
}

SolverInfo LogitSolverInfo() {
  auto applies = [](const AnyGame& game) -> Status {
    if (AsNormalForm(game) == nullptr) {
      return SolverError(
          "logit is implemented for normal-form (.nfg) games only; for an "
          "extensive game use lcp (two players) or cfr");
    }
    return {};
  };
  auto solve = [](const AnyGame& game, const SolverOptions& options) -> Result<Solution> {
    LogitOptions logit;
    if (options.max_iterations > 0) logit.max_steps = static_cast<int>(options.max_iterations);
    if (auto it = options.extra.find("max_lambda"); it != options.extra.end()) {
      logit.max_lambda = std::atof(it->second.c_str());
    }
    Result<LogitResult> traced = TraceLogitPath(*AsNormalForm(game), logit);
    if (!traced) return traced.errors();
    Solution solution;
    solution.method = "logit";
    solution.kind = ProfileKind::kMixed;
    solution.equilibria.push_back(MakeEquilibrium(game, traced->profile));
    solution.iterations = traced->steps;
    solution.hit_limit = traced->hit_limit;
    solution.converged = !traced->hit_limit;
    solution.notes.push_back(
        "principal branch traced to lambda = " + FormatDecimal(traced->lambda, 1) + " in " +
        std::to_string(traced->steps) + " steps, " + std::to_string(traced->turning_points.size()) +
        " turning points");
    return solution;
  };
  return {"logit", "logit QRE path from lambda = 0 to its Nash limit (normal form)", applies,
          solve};
}

}  // namespace redline::games
