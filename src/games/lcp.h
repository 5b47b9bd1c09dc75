// Lemke's algorithm with a covering vector for the linear complementarity problem
//
//   find z >= 0 with  w = q + M z >= 0  and  z'w = 0,
//
// in exact rational arithmetic (Lemke 1965; the covering-vector form as in Koller, Megiddo
// & von Stengel 1996, "Efficient computation of equilibria for extensive two-person
// games"). Used by the sequence-form solver (sequence_form.h); usable on its own.
#pragma once

#include <string>

#include "core/status.h"
#include "games/lcp_tableau.h"

namespace redline::games {

struct LcpSolution {
  RationalVector z;  // a complementary solution; w = q + M z
  int pivots = 0;
  bool hit_limit = false;  // stopped at LemkeOptions::max_pivots; z is then empty
};

struct LemkeOptions {
  int max_pivots = 100000;
};

// Solves the LCP (M, q) starting from the ray of the covering vector d (d > 0 wherever
// q < 0; the all-ones vector is the usual choice). Returns z = 0 when q >= 0.
// Errors: mismatched sizes, a non-positive covering entry where q < 0, ray termination
// (Lemke's algorithm ends on a secondary ray: for the matrices of sequence-form games with
// negative payoffs this does not happen). Reaching max_pivots is not an error: the result
// has hit_limit set and no z.
Result<LcpSolution> SolveLcpLemke(const RationalMatrix& m, const RationalVector& q,
                                  const RationalVector& covering, const LemkeOptions& options = {});

// Lemke's algorithm on a mixed LCP: the z_i with free[i] set are unrestricted in sign and
// their w_i must end at 0 (equalities). The first step pivots z0 into `first_row`; after
// that, the path is Lemke's with free variables never leaving the basis. The result is
// checked (w_free = 0, w >= 0, z >= 0 on the other indices, complementarity); a path that
// ends elsewhere is reported as an error, never returned as a solution.
Result<LcpSolution> SolveMixedLcpLemke(const RationalMatrix& m, const RationalVector& q,
                                       const RationalVector& covering,
                                       const std::vector<char>& free, int first_row,
                                       const LemkeOptions& options = {});

}  // namespace redline::games
