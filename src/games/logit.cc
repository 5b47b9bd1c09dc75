#include "games/logit.h"

#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>

#include "games/agent_logit_system.h"
#include "games/lcp_tableau.h"  // SolverError
#include "games/logit_path.h"
#include "games/logit_system.h"

namespace redline::games {

namespace {

PathOptions ToPathOptions(const LogitOptions& options) {
  return {options.max_lambda, options.first_step, options.max_step, options.relative_max_step,
          options.max_steps};
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
  for (const auto& x : traced.turning) result.turning_points.push_back(PointOf(x, blocks));
  result.profile = result.path.back().profile;
  result.lambda = result.path.back().lambda;
  result.steps = traced.steps;
  result.hit_limit = traced.hit_limit;
  return result;
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
  auto system = [&game, entries](const std::vector<double>& x, std::vector<double>& f,
                                 DenseMatrix& jacobian) {
    EvaluateLogitSystem(game, std::vector<double>(x.begin(), x.begin() + entries), x[entries], f,
                        jacobian);
  };
  Result<TracedPath> traced = TracePath(system, std::move(start), ToPathOptions(options));
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
                         DenseMatrix& jacobian) { agent.Evaluate(x, f, jacobian); };
  Result<TracedPath> traced = TracePath(system, agent.Start(), ToPathOptions(options));
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
    return {};
  };
  auto solve = [](const AnyGame& game, const SolverOptions& options) -> Result<Solution> {
    LogitOptions logit;
    if (options.max_iterations > 0) logit.max_steps = static_cast<int>(options.max_iterations);
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
    solution.notes.push_back(
        std::string(tree != nullptr ? "agent QRE" : "QRE") +
        " principal branch traced to lambda = " + FormatDecimal(traced->lambda, 1) + " in " +
        std::to_string(traced->steps) + " steps, " + std::to_string(traced->turning_points.size()) +
        " turning points");
    if (traced->hit_limit) {
      solution.notes.push_back("stopped at the step limit (" + std::to_string(logit.max_steps) +
                               ") before lambda reached " + FormatDecimal(logit.max_lambda, 1));
    }
    solution.path = std::move(traced->path);
    return solution;
  };
  return {"logit",
          "logit QRE branch from lambda = 0 to its limit (normal form; agent QRE in "
          "behaviour strategies for extensive games)",
          applies,
          solve,
          {"max_iterations", "max_lambda"}};
}

}  // namespace redline::games
