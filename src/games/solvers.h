// The solver registry: method name -> how to tell whether it applies and how to run it.
// The CLI (`redline solve --method NAME`) knows nothing else about solvers.
//
// To add a solver: write `SolverInfo XxxSolverInfo();` in your solver's header, define it
// in its .cc, and add one line `XxxSolverInfo(),` to the list in solvers.cc. Names are
// lower-case words; the list order is the order `redline solve --help` shows.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "games/game_file.h"
#include "games/solution.h"

namespace redline::games {

// Knobs common to iterative solvers; each solver documents which it reads and its defaults
// (a field left at 0 means "the solver's default").
struct SolverOptions {
  int64_t max_iterations = 0;
  double tolerance = 0.0;
  uint64_t seed = 0;
  double time_limit_seconds = 0.0;
  std::map<std::string, std::string> extra;  // solver-specific "key=value" settings
};

struct SolverInfo {
  std::string name;         // e.g. "enumpure"
  std::string description;  // one line for --help
  // Ok when the method can solve `game`; otherwise one Diagnostic saying why not
  // ("spe needs a game of perfect information; infoset 1 of player 2 has 2 nodes").
  std::function<Status(const AnyGame& game)> applies;
  // Runs the method. Only called when applies() is ok. Errors are for inputs the method
  // cannot handle after all (e.g. a strategic form too large); a limit reached is not an
  // error but Solution::hit_limit.
  std::function<Result<Solution>(const AnyGame& game, const SolverOptions& options)> solve;
  // The SolverOptions the method reads, by name: "max_iterations", "tolerance", "seed", or an
  // `extra` key such as "max_lambda". Front ends reject settings a method would ignore.
  std::vector<std::string> settings;
};

// Every registered solver, in display order.
const std::vector<SolverInfo>& Solvers();
// The solver called `name`, or nullptr.
const SolverInfo* FindSolver(std::string_view name);
std::vector<std::string> SolverNames();

}  // namespace redline::games
