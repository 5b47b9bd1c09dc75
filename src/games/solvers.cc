#include "games/solvers.h"

#include "games/cfr.h"
#include "games/enumpure.h"
#include "games/lcp_solver.h"
#include "games/logit.h"
#include "games/spe.h"

namespace redline::games {

const std::vector<SolverInfo>& Solvers() {
  // One line per method, in the order `redline solve --help` lists them.
  static const std::vector<SolverInfo> solvers = {
      EnumPureSolverInfo(), SpeSolverInfo(), EnumMixedSolverInfo(), LcpSolverInfo(),
      LogitSolverInfo(),    CfrSolverInfo(), McCfrSolverInfo(),
  };
  return solvers;
}

const SolverInfo* FindSolver(std::string_view name) {
  for (const SolverInfo& solver : Solvers()) {
    if (solver.name == name) return &solver;
  }
  return nullptr;
}

std::vector<std::string> SolverNames() {
  std::vector<std::string> names;
  for (const SolverInfo& solver : Solvers()) names.push_back(solver.name);
  return names;
}

}  // namespace redline::games
