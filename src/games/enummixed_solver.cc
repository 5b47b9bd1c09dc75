// Registry entry for enummixed: the bimatrix of a two-player normal-form game.
#include <memory>

#include "games/enummixed.h"
#include "games/lcp_solver.h"

namespace redline::games {

Result<BimatrixPayoffs> BimatrixOf(const AnyGame& game) {
  const NormalFormGame* normal = AsNormalForm(game);
  if (normal == nullptr || normal->num_players() != 2) {
    return SolverError("needs a two-player normal-form game");
  }
  return BimatrixOf(*normal);
}

BimatrixPayoffs BimatrixOf(const NormalFormGame& normal) {
  BimatrixPayoffs out;
  const int rows = normal.num_strategies(0), columns = normal.num_strategies(1);
  out.row.resize(rows);
  out.column.resize(rows);
  for (int i = 0; i < rows; ++i) {
    out.row[i].reserve(columns);
    out.column[i].reserve(columns);
    for (int j = 0; j < columns; ++j) {
      const int64_t cell = normal.stride(0) * i + normal.stride(1) * j;  // as CellOf({i, j})
      out.row[i].push_back(normal.exact_payoff(cell, 0));
      out.column[i].push_back(normal.exact_payoff(cell, 1));
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
  if (NumPlayers(game) != 2) {
    return SolverError("enummixed needs a two-player game; this one has " +
                       std::to_string(NumPlayers(game)) + " players");
  }
  return {};
}

Result<Solution> SolveEnumMixed(const AnyGame& game, const SolverOptions& options) {
  Solution solution;
  solution.method = "enummixed";
  solution.kind = ProfileKind::kMixed;
  const NormalFormGame* normal = AsNormalForm(game);
  if (const ExtensiveGame* tree = AsExtensive(game)) {
    // As Gambit: the reduced strategic form, profiles over its strategies in its order.
    Result<NormalFormGame> reduced = ToStrategicForm(*tree, StrategicFormKind::kReduced);
    if (!reduced) return reduced.errors();
    solution.profile_game = std::make_shared<const AnyGame>(std::move(reduced).value());
    normal = AsNormalForm(*solution.profile_game);
    solution.notes.push_back("mixed strategies of the reduced strategic form (" +
                             std::to_string(normal->num_strategies(0)) + " × " +
                             std::to_string(normal->num_strategies(1)) + " strategies)");
  }
  if (normal == nullptr || normal->num_players() != 2) {
    return SolverError("enummixed needs a two-player game");
  }
  const BimatrixPayoffs payoffs = BimatrixOf(*normal);
  EnumMixedOptions limits;
  if (options.max_iterations > 0) limits.max_bases = static_cast<long>(options.max_iterations);
  Result<EnumMixedResult> all = EnumerateExtremeEquilibria(payoffs.row, payoffs.column, limits);
  if (!all) return all.errors();
  const AnyGame& profile_game = solution.ProfileGame(game);
  for (const BimatrixEquilibrium& eq : all->equilibria) {
    solution.equilibria.push_back(MakeExactEquilibrium(profile_game, JoinProfile(eq)));
  }
  solution.notes.push_back(
      "extreme equilibria by vertex enumeration: " + std::to_string(all->vertices_row_polytope) +
      " and " + std::to_string(all->vertices_column_polytope) +
      " vertices of the best-response polytopes");
  if (all->hit_limit) {
    solution.hit_limit = true;
    solution.converged = false;
    solution.notes.push_back("stopped at a limit (" + std::to_string(limits.max_bases) +
                             " feasible bases per polytope, or the exact search's memory "
                             "bound): the list may be incomplete");
  }
  return solution;
}

}  // namespace

SolverInfo EnumMixedSolverInfo() {
  return {"enummixed",
          "all extreme equilibria of a two-player game (exact; extensive games: of the reduced "
          "strategic form, as Gambit)",
          EnumMixedApplies,
          SolveEnumMixed,
          {"max_iterations"}};
}

}  // namespace redline::games
