#include "games/logit.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <string>
#include <utility>

#include "games/agent_logit_system.h"
#include "games/lcp_tableau.h"  // SolverError
#include "games/logit_path.h"
#include "games/logit_system.h"

namespace redline::games {

namespace {

// `regret` evaluates the system at x and returns its largest regret.
PathOptions ToPathOptions(const LogitOptions& options, double payoff_scale, double payoff_range,
                          std::function<double(const std::vector<double>&)> regret) {
  PathOptions path;
  path.max_lambda = options.max_lambda;
  path.first_step = options.first_step;
  path.max_steps = options.max_steps;
  path.max_distance = options.max_distance;
  path.max_contraction = options.max_contraction;
  path.nominal_contraction = options.nominal_contraction;
  path.max_angle = options.max_angle;
  path.max_growth = options.max_growth;
  path.payoff_scale = std::max(payoff_scale, 1e-300);
  if (options.regret_tolerance > 0) {
    const double tolerance = options.regret_tolerance * (payoff_range > 0 ? payoff_range : 1.0);
    path.done = [tolerance, regret = std::move(regret)](const std::vector<double>& x) {
      return regret(x) <= tolerance;
    };
  }
  return path;
}

// Probability blocks that sum to 1: (first entry, entry count) per player or infoset.
using Blocks = std::vector<std::pair<int, int>>;

// The point's probabilities, renormalised per block: the corrector stops once the residual
// is at rounding level relative to |x|, which leaves sums off by up to ~1e-8 far out.
LogitPoint PointOf(const std::vector<double>& x, const Blocks& blocks) {
  LogitPoint point;
  point.lambda = x.back();
  point.profile.resize(x.size() - 1);
  for (std::size_t k = 0; k + 1 < x.size(); ++k) point.profile[k] = std::exp(x[k]);
  for (const auto& [first, count] : blocks) {
    double total = 0.0;
    for (int k = first; k < first + count; ++k) total += point.profile[k];
    for (int k = first; k < first + count; ++k) point.profile[k] /= total;
  }
  return point;
}

LogitResult ToLogitResult(const TracedPath& traced, const Blocks& blocks) {
  LogitResult result;
  for (const auto& x : traced.points) result.path.push_back(PointOf(x, blocks));
  for (const auto& event : traced.turning)
    result.turning_points.push_back(PointOf(event.x, blocks));
  for (const auto& event : traced.bifurcations) {
    result.bifurcations.push_back(PointOf(event.x, blocks));
  }
  result.profile = result.path.back().profile;
  result.lambda = result.path.back().lambda;
  result.steps = traced.steps;
  result.rejected_steps = traced.rejected;
  result.small_regret = traced.done;
  result.hit_limit = traced.hit_limit;
  return result;
}

std::string LambdaList(const std::vector<LogitPoint>& points) {
  std::string text;
  for (std::size_t k = 0; k < points.size() && k < 8; ++k) {
    text += (k == 0 ? "" : ", ") + FormatDecimal(points[k].lambda, 4);
  }
  if (points.size() > 8) text += ", ...";
  return text;
}

std::vector<std::string> LogitNotes(const LogitResult& traced, bool agent) {
  std::vector<std::string> notes;
  notes.push_back(
      std::string(agent ? "agent QRE" : "QRE") +
      " principal branch traced by arc length to lambda = " + FormatDecimal(traced.lambda, 1) +
      " in " + std::to_string(traced.steps) + " steps (" + std::to_string(traced.rejected_steps) +
      " rejected), " + std::to_string(traced.turning_points.size()) + " turning points" +
      (traced.turning_points.empty() ? "" : " (lambda " + LambdaList(traced.turning_points) + ")"));
  if (traced.small_regret) {
    notes.push_back("stopped before the lambda limit: the profile's largest " +
                    std::string(agent ? "agent " : "") +
                    "regret is within the tolerance (relative to the payoff range)");
  }
  if (!traced.bifurcations.empty()) {
    notes.push_back(
        "the branch bifurcated (another branch of the correspondence crosses it) at "
        "lambda " +
        LambdaList(traced.bifurcations) +
        "; either continuation is a valid answer: redline continued along the same "
        "smooth curve straight through the crossing");
  }
  return notes;
}

}  // namespace

Result<LogitResult> TraceLogitPath(const NormalFormGame& game, const LogitOptions& options) {
  const int entries = game.num_profile_entries();
  std::vector<double> start(entries + 1, 0.0);
  for (int i = 0; i < game.num_players(); ++i) {
    for (int j = 0; j < game.num_strategies(i); ++j) {
      start[game.strategy_offset(i) + j] = -std::log(static_cast<double>(game.num_strategies(i)));
    }
  }
  NormalLogitSystem equations(game);
  auto system = [&equations](const std::vector<double>& x, std::vector<double>& f,
                             DenseMatrix* jacobian) { equations.Evaluate(x, f, jacobian); };
  double low = 0.0, high = 0.0;
  for (int64_t cell = 0; cell < game.num_cells(); ++cell) {
    for (int i = 0; i < game.num_players(); ++i) {
      low = std::min(low, game.payoff(cell, i));
      high = std::max(high, game.payoff(cell, i));
    }
  }
  auto regret = [&equations](const std::vector<double>& x) {
    std::vector<double> f;
    equations.Evaluate(x, f, nullptr);
    return equations.MaxRegret();
  };
  Result<TracedPath> traced = TracePath(
      system, std::move(start), ToPathOptions(options, std::max(-low, high), high - low, regret));
  if (!traced) return traced.errors();
  Blocks blocks;
  for (int i = 0; i < game.num_players(); ++i) {
    blocks.emplace_back(game.strategy_offset(i), game.num_strategies(i));
  }
  return ToLogitResult(*traced, blocks);
}

Result<LogitResult> TraceAgentLogitPath(const ExtensiveGame& game, const LogitOptions& options) {
  AgentLogitSystem agent(game);
  auto system = [&agent](const std::vector<double>& x, std::vector<double>& f,
                         DenseMatrix* jacobian) { agent.Evaluate(x, f, jacobian); };
  double low = 0.0, high = 0.0;
  for (const Outcome& outcome : game.outcomes()) {
    for (const Number& payoff : outcome.payoffs) {
      low = std::min(low, payoff.real());
      high = std::max(high, payoff.real());
    }
  }
  auto regret = [&agent](const std::vector<double>& x) {
    std::vector<double> f;
    agent.Evaluate(x, f, nullptr);
    return agent.MaxRegret();
  };
  Result<TracedPath> traced = TracePath(
      system, agent.Start(), ToPathOptions(options, agent.payoff_scale(), high - low, regret));
  if (!traced) return traced.errors();
  Blocks blocks;
  for (const Infoset& infoset : game.infosets()) {
    if (infoset.player != kChancePlayer) {
      blocks.emplace_back(infoset.first_action_index, infoset.num_actions());
    }
  }
  return ToLogitResult(*traced, blocks);
}

SolverInfo LogitSolverInfo() {
  auto applies = [](const AnyGame& game) -> Status {
    const ExtensiveGame* tree = AsExtensive(game);
    if (tree != nullptr && tree->num_actions() == 0) {
      return SolverError("logit needs a game in which some player moves");
    }
    // One unknown per action (strategy), and lambda.
    const std::size_t unknowns =
        1 + static_cast<std::size_t>(tree != nullptr ? tree->num_actions()
                                                     : AsNormalForm(game)->num_profile_entries());
    if (unknowns > kMaxPathUnknowns) {
      return SolverError("logit traces at most " + std::to_string(kMaxPathUnknowns - 1) +
                         " actions (its Jacobian is dense); this game has " +
                         std::to_string(unknowns - 1));
    }
    return {};
  };
  auto solve = [](const AnyGame& game, const SolverOptions& options) -> Result<Solution> {
    LogitOptions logit;
    if (options.max_iterations > 0) logit.max_steps = static_cast<int>(options.max_iterations);
    if (options.tolerance > 0) logit.regret_tolerance = options.tolerance;
    if (auto it = options.extra.find("max_lambda"); it != options.extra.end()) {
      logit.max_lambda = std::atof(it->second.c_str());
    }
    const ExtensiveGame* tree = AsExtensive(game);
    Result<LogitResult> traced = tree != nullptr ? TraceAgentLogitPath(*tree, logit)
                                                 : TraceLogitPath(*AsNormalForm(game), logit);
    if (!traced) return traced.errors();
    Solution solution;
    solution.method = "logit";
    solution.kind = tree != nullptr ? ProfileKind::kBehavior : ProfileKind::kMixed;
    solution.equilibria.push_back(MakeEquilibrium(game, traced->profile));
    solution.iterations = traced->steps;
    solution.hit_limit = traced->hit_limit;
    solution.converged = !traced->hit_limit;
    solution.notes = LogitNotes(*traced, tree != nullptr);
    if (traced->hit_limit) {
      solution.notes.push_back("stopped at the step limit (" + std::to_string(logit.max_steps) +
                               ") before lambda reached " + FormatDecimal(logit.max_lambda, 1));
    }
    solution.turning_points = traced->turning_points;
    solution.bifurcations = traced->bifurcations;
    solution.path = std::move(traced->path);
    return solution;
  };
  return {"logit",
          "logit QRE branch from lambda = 0 to its limit (normal form; agent QRE in "
          "behaviour strategies for extensive games)",
          applies,
          solve,
          {"max_iterations", "tolerance", "max_lambda"}};
}

}  // namespace redline::games
