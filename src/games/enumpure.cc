#include "games/enumpure.h"

#include <utility>

#include "games/strategy.h"

namespace redline::games {
namespace {

// True when no player gains strictly by deviating alone from `cell` (exact payoffs).
bool IsPureNash(const NormalFormGame& game, int64_t cell, const std::vector<int>& strategies) {
  for (int p = 0; p < game.num_players(); ++p) {
    const mpq_class& current = game.exact_payoff(cell, p);
    const int64_t base = cell - strategies[p] * game.stride(p);
    for (int s = 0; s < game.num_strategies(p); ++s) {
      if (s != strategies[p] && game.exact_payoff(base + s * game.stride(p), p) > current) {
        return false;
      }
    }
  }
  return true;
}

// Cells of all pure equilibria, in cell order (player 1's strategy changing fastest).
std::vector<int64_t> PureEquilibriumCells(const NormalFormGame& game) {
  std::vector<int64_t> cells;
  std::vector<int> strategies(game.num_players(), 0);
  for (int64_t cell = 0; cell < game.num_cells(); ++cell) {
    if (IsPureNash(game, cell, strategies)) cells.push_back(cell);
    for (int p = 0; p < game.num_players(); ++p) {
      if (++strategies[p] < game.num_strategies(p)) break;
      strategies[p] = 0;
    }
  }
  return cells;
}

ExactMixedProfile PureMixedProfile(const NormalFormGame& game, int64_t cell) {
  ExactMixedProfile profile(game.num_profile_entries(), mpq_class(0));
  const std::vector<int> strategies = game.StrategiesOf(cell);
  for (int p = 0; p < game.num_players(); ++p) profile[game.strategy_offset(p) + strategies[p]] = 1;
  return profile;
}

}  // namespace

Result<Solution> EnumeratePureEquilibria(const AnyGame& game, int64_t max_cells) {
  Solution solution;
  solution.method = "enumpure";
  if (const auto* nfg = AsNormalForm(game)) {
    solution.kind = ProfileKind::kMixed;
    for (int64_t cell : PureEquilibriumCells(*nfg)) {
      solution.equilibria.push_back(MakeExactEquilibrium(game, PureMixedProfile(*nfg, cell)));
    }
    solution.notes.push_back("checked all " + std::to_string(nfg->num_cells()) +
                             " pure-strategy profiles");
    return solution;
  }
  const ExtensiveGame& efg = *AsExtensive(game);
  solution.kind = ProfileKind::kBehavior;
  std::vector<std::vector<PureStrategy>> strategies;
  Result<NormalFormGame> reduced =
      ToStrategicForm(efg, StrategicFormKind::kReduced, max_cells, &strategies);
  if (!reduced.ok()) return reduced.errors();
  for (int64_t cell : PureEquilibriumCells(*reduced)) {
    const std::vector<int> chosen = reduced->StrategiesOf(cell);
    std::vector<PureStrategy> profile;
    for (int p = 0; p < efg.num_players(); ++p) profile.push_back(strategies[p][chosen[p]]);
    solution.equilibria.push_back(MakeExactEquilibrium(game, ToBehaviorProfile(efg, profile)));
  }
  solution.notes.push_back("checked all " + std::to_string(reduced->num_cells()) +
                           " profiles of the reduced strategic form");
  if (!efg.has_perfect_recall()) {
    solution.notes.push_back(
        "the game has imperfect recall; equilibria are of its reduced "
        "strategic form");
  }
  return solution;
}

SolverInfo EnumPureSolverInfo() {
  SolverInfo info;
  info.name = "enumpure";
  info.description = "all pure-strategy Nash equilibria (strategic form; Gambit's enumpure)";
  info.applies = [](const AnyGame&) { return Status(); };
  info.solve = [](const AnyGame& game, const SolverOptions&) {
    return EnumeratePureEquilibria(game);
  };
  return info;
}

}  // namespace redline::games
