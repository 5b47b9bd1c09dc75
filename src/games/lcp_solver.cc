// Registry entry for lcp: Lemke–Howson (normal form) or sequence form + Lemke (extensive).
#include "games/lcp_solver.h"

#include <cstdlib>

#include "games/sequence_form.h"

namespace redline::games {

namespace {

Status LcpApplies(const AnyGame& game) {
  if (NumPlayers(game) != 2) {
    return SolverError("lcp needs a two-player game; this one has " +
                       std::to_string(NumPlayers(game)) + " players (try logit or cfr)");
  }
  const ExtensiveGame* tree = AsExtensive(game);
  if (tree != nullptr && !tree->has_perfect_recall()) {
    return SolverError(
        "lcp needs perfect recall (the sequence form); this game has "
        "imperfect recall");
  }
  return {};
}

Result<Solution> SolveLcp(const AnyGame& game, const SolverOptions& options) {
  Solution solution;
  solution.method = "lcp";
  if (const ExtensiveGame* tree = AsExtensive(game)) {
    LemkeOptions lemke;
    if (options.max_iterations > 0) lemke.max_pivots = static_cast<int>(options.max_iterations);
    Result<SequenceFormEquilibrium> eq = SolveSequenceForm(*tree, lemke);
    if (!eq) return eq.errors();
    solution.kind = ProfileKind::kBehavior;
    solution.iterations = eq->pivots;
    if (eq->hit_limit) {
      solution.hit_limit = true;
      solution.converged = false;
      solution.notes.push_back("stopped at the pivot limit (" + std::to_string(lemke.max_pivots) +
                               ") before Lemke's path reached an equilibrium");
      return solution;
    }
    solution.equilibria.push_back(MakeExactEquilibrium(game, eq->profile));
    solution.notes.push_back("sequence form solved by Lemke's algorithm in " +
                             std::to_string(eq->pivots) + " pivots");
    return solution;
  }
  Result<BimatrixPayoffs> payoffs = BimatrixOf(game);
  if (!payoffs) return payoffs.errors();
  int label = 0;
  if (auto it = options.extra.find("label"); it != options.extra.end()) {
    label = std::atoi(it->second.c_str());
  }
  Result<BimatrixEquilibrium> eq = SolveLemkeHowson(payoffs->row, payoffs->column, label);
  if (!eq) return eq.errors();
  solution.kind = ProfileKind::kMixed;
  solution.iterations = eq->pivots;
  solution.equilibria.push_back(MakeExactEquilibrium(game, JoinProfile(*eq)));
  solution.notes.push_back("Lemke–Howson from label " + std::to_string(label) + " in " +
                           std::to_string(eq->pivots) + " pivots");
  return solution;
}

}  // namespace

SolverInfo LcpSolverInfo() {
  return {"lcp",
          "one equilibrium of a two-player game (Lemke–Howson / sequence form, exact)",
          LcpApplies,
          SolveLcp,
          {"max_iterations"}};
}

}  // namespace redline::games
