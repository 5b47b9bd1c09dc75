// Registry entries for cfr (CFR+) and mccfr (external sampling).
#include <algorithm>
#include <string>

#include "games/cfr.h"
#include "games/solution.h"

namespace redline::games {

namespace {

// CFR's tree walks recurse once per move on a path; deeper trees are refused rather than
// allowed to exhaust the thread's stack.
inline constexpr int kMaxCfrDepth = 5000;

Status CfrApplies(const AnyGame& game) {
  if (!IsExtensive(game)) {
    return SolverError(
        "cfr and mccfr need an extensive (.efg) game; for a normal-form game "
        "use enummixed, lcp or logit");
  }
  if (const int depth = AsExtensive(game)->depth(); depth > kMaxCfrDepth) {
    return SolverError("cfr and mccfr walk trees at most " + std::to_string(kMaxCfrDepth) +
                       " moves deep; this one is " + std::to_string(depth) +
                       " deep (try enumpure or spe)");
  }
  return {};
}

CfrOptions ToCfrOptions(const SolverOptions& options, int64_t default_iterations) {
  CfrOptions cfr;
  cfr.max_iterations = options.max_iterations > 0 ? options.max_iterations : default_iterations;
  if (options.tolerance > 0) cfr.tolerance = options.tolerance;
  cfr.checkpoint_every = std::max<int64_t>(1, cfr.max_iterations / 20);
  cfr.seed = options.seed;
  return cfr;
}

Solution ToSolution(const AnyGame& game, const std::string& method, const CfrResult& result) {
  Solution solution;
  solution.method = method;
  solution.kind = ProfileKind::kBehavior;
  solution.equilibria.push_back(MakeEquilibrium(game, result.average));
  solution.converged = result.converged;
  solution.hit_limit = result.hit_limit;
  solution.iterations = result.iterations;
  std::string trace = "NashConv of the average strategy at checkpoints:";
  for (const CfrCheckpoint& c : result.checkpoints) {
    trace += " " + std::to_string(c.iteration) + ":" + FormatDecimal(c.nash_conv, 6);
  }
  solution.notes.push_back(trace);
  if (result.hit_limit) {
    solution.notes.push_back(
        "stopped at the iteration limit before NashConv reached the "
        "tolerance");
  }
  return solution;
}

}  // namespace

SolverInfo CfrSolverInfo() {
  return {"cfr",
          "CFR+ (regret matching+, alternating updates, linear averaging), N players",
          CfrApplies,
          [](const AnyGame& game, const SolverOptions& options) -> Result<Solution> {
            return ToSolution(game, "cfr",
                              SolveCfrPlus(*AsExtensive(game), ToCfrOptions(options, 10000)));
          },
          {"max_iterations", "tolerance"}};
}

SolverInfo McCfrSolverInfo() {
  return {"mccfr",
          "external-sampling Monte Carlo CFR with a seed, N players",
          CfrApplies,
          [](const AnyGame& game, const SolverOptions& options) -> Result<Solution> {
            return ToSolution(
                game, "mccfr",
                SolveExternalSamplingMccfr(*AsExtensive(game), ToCfrOptions(options, 100000)));
          },
          {"max_iterations", "tolerance", "seed"}};
}

}  // namespace redline::games
