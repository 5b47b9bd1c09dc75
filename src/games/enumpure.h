// Pure-strategy Nash equilibria by enumeration (Gambit's gambit-enumpure).
//
// Normal-form games: every cell is checked, in cell order (player 1's strategy changing
// fastest), and kept when no player gains strictly by switching strategy (exact arithmetic).
// Extensive games: the same on Gambit's reduced strategic form; each equilibrium is reported
// as a behaviour profile (see ToBehaviorProfile in strategy.h), so the set and order are the
// ones `gambit-enumpure` prints. Cost: cells x sum of strategies; fails when the strategic
// form would exceed `max_cells` cells (default 5 million).
#pragma once

#include <cstdint>

#include "core/status.h"
#include "games/game_file.h"
#include "games/solution.h"
#include "games/solvers.h"

namespace redline::games {

Result<Solution> EnumeratePureEquilibria(const AnyGame& game, int64_t max_cells = 5'000'000);

SolverInfo EnumPureSolverInfo();

}  // namespace redline::games
