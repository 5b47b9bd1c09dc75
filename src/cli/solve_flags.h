// The solver settings of `redline solve` (--iterations, --tolerance, --seed, --max-lambda,
// --lambda-out): taken as text, checked here so that every bad value gets one clear line,
// and turned into games::SolverOptions. A setting the chosen method does not read
// (games::SolverInfo::settings) is an error too, rather than silently ignored.
#pragma once

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>

#include "core/status.h"
#include "games/solution.h"
#include "games/solvers.h"

namespace redline::cli {

struct SolveFlags {
  std::string iterations, tolerance, seed, max_lambda;  // empty: the method's default
  std::string lambda_out;                               // CSV file for the logit branch
};

// Adds the flags above to `command`.
void AddSolveFlags(CLI::App& command, SolveFlags& flags);

// Checks every flag against its range and against what `solver` reads; fills `options`.
// The problems, one Diagnostic per flag ("--tolerance: error: expected ...").
Status CheckSolveFlags(const SolveFlags& flags, const games::SolverInfo& solver,
                       games::SolverOptions& options);

// Writes solution.path as CSV: a header `lambda,` + one column per profile entry named
// PLAYER:INFOSET:ACTION (extensive) or PLAYER:STRATEGY (normal form), then one row per
// point. Labels are quoted when they contain a comma, a quote or a line break.
void WritePathCsv(const games::AnyGame& game, const games::Solution& solution, std::ostream& out);

}  // namespace redline::cli
