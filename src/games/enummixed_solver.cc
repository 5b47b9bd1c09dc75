// Registry entry for enummixed: the bimatrix of a two-player normal-form game.
#include "games/enummixed.h"
#include "games/lcp_solver.h"

namespace redline::games {

Result<BimatrixPayoffs> BimatrixOf(const AnyGame& game) {
  const NormalFormGame* normal = AsNormalForm(game);
  if (normal == nullptr || normal->num_players() != 2) {
    return SolverError("needs a two-player normal-form game");
  }
  BimatrixPayoffs out;
  const int rows = normal->num_strategies(0), columns = normal->num_strategies(1);
  out.row.assign(rows, RationalVector(columns));
  out.column.assign(rows, RationalVector(columns));
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < columns; ++j) {
      const int64_t cell = normal->CellOf({i, j});
      out.row[i][j] = normal->exact_payoff(cell, 0);
      out.column[i][j] = normal->exact_payoff(cell, 1);
    }
  }
  return out;
}

ExactMixedProfile JoinProfile(const BimatrixEquilibrium& eq) {
  ExactMixedProfile profile = eq.row_strategy;
  profile.insert(profile.end(), eq.column_strategy.begin(), eq.column_strategy.end());
  return profile;
}

namespace {

Status EnumMixedApplies(const AnyGame& game) {
  const NormalFormGame* normal = AsNormalForm(game);
  if (normal == nullptr) {
    return SolverError(
        "enummixed needs a normal-form (.nfg) game; for an extensive game use "
        "lcp, which solves its sequence form");
  }
  if (normal->num_players() != 2) {
    return SolverError("enummixed needs a two-player game; this one has " +
                       std::to_string(normal->num_players()) + " players");
  }
  return {};
}

Result<Solution> SolveEnumMixed(const AnyGame& game, const SolverOptions& options) {
  Result<BimatrixPayoffs> payoffs = BimatrixOf(game);
  if (!payoffs) return payoffs.errors();
  EnumMixedOptions limits;
  if (options.max_iterations > 0) limits.max_bases = static_cast<long>(options.max_iterations);
  Result<EnumMixedResult> all = EnumerateExtremeEquilibria(payoffs->row, payoffs->column, limits);
  if (!all) return all.errors();
  Solution solution;
  solution.method = "enummixed";
  solution.kind = ProfileKind::kMixed;
  for (const BimatrixEquilibrium& eq : all->equilibria) {
    solution.equilibria.push_back(MakeExactEquilibrium(game, JoinProfile(eq)));
  }
  solution.notes.push_back(
      "extreme equilibria by vertex enumeration: " + std::to_string(all->vertices_row_polytope) +
      " and " + std::to_string(all->vertices_column_polytope) +
      " vertices of the best-response polytopes");
  if (all->hit_limit) {
    solution.hit_limit = true;
    solution.converged = false;
    solution.notes.push_back("stopped at the limit of " + std::to_string(limits.max_bases) +
                             " feasible bases per polytope: the list may be incomplete");
  }
  return solution;
}

}  // namespace

SolverInfo EnumMixedSolverInfo() {
  return {"enummixed",
          "all extreme equilibria of a two-player normal-form game (exact)",
          EnumMixedApplies,
          SolveEnumMixed,
          {"max_iterations"}};
}

}  // namespace redline::games
