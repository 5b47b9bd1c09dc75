// Registry entries for the exact two-player solvers: `enummixed` (enummixed.h) and `lcp`
// (Lemke–Howson on normal-form games, lemke_howson.h; sequence form + Lemke on extensive
// games with perfect recall, sequence_form.h).
#pragma once

#include "games/lemke_howson.h"
#include "games/solvers.h"
#include "games/strategy.h"

namespace redline::games {

SolverInfo EnumMixedSolverInfo();
SolverInfo LcpSolverInfo();

struct BimatrixPayoffs {
  RationalMatrix row, column;
};
// The exact payoff matrices of a two-player normal-form game; fails otherwise.
Result<BimatrixPayoffs> BimatrixOf(const AnyGame& game);
BimatrixPayoffs BimatrixOf(const NormalFormGame& game);
// Row strategy then column strategy: the flat mixed-profile order.
ExactMixedProfile JoinProfile(const BimatrixEquilibrium& eq);

}  // namespace redline::games
