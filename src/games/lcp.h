// Lemke's algorithm with a covering vector for the linear complementarity problem
//
//   find z >= 0 with  w = q + M z >= 0  and  z'w = 0,
//
// in exact rational arithmetic (Lemke 1965; the covering-vector form as in Koller, Megiddo
// & von Stengel 1996, "Efficient computation of equilibria for extensive two-person
// games"). The mixed form is used by the sequence-form solver (sequence_form.h).
#pragma once

#include <string>

#include "core/status.h"
#include "games/lcp_tableau.h"

namespace redline::games {

struct LcpSolution {
  RationalVector z;  // a complementary solution; w = q + M z
  int pivots = 0;
  bool hit_limit = false;  // stopped at LemkeOptions::max_pivots; z is then empty
  // The floating-point path (lcp_float.h) ended at this solution (verified exactly); false
  // when exact pivoting produced it.
  bool from_float_path = false;
  // The precision in bits of the floating-point path that ended here: 53 (doubles), 106
  // (double-double) or 256 (GMP floats; mixed LCPs only); 0 when exact pivoting produced it.
  int precision_bits = 0;
};

struct LemkeOptions {
  int max_pivots = 100000;
  // Skip the floating-point path (lcp_float.h) and pivot exactly from the start; the
  // answers are exact either way (tests compare the two).
  bool exact_only = false;
  // Mixed LCPs (the sequence form): skip the floating-point paths below this precision in
  // bits (53 doubles, 106 double-double, 256 GMP floats; tests use it to run each alone).
  int first_float_precision = 53;
};

// Solves the LCP (M, q) starting from the ray of the covering vector d (d > 0 wherever
// q < 0; the all-ones vector is the usual choice). Returns z = 0 when q >= 0.
// Errors: mismatched sizes, a non-positive covering entry where q < 0, ray termination
// (Lemke's algorithm ends on a secondary ray, e.g. when the LCP has no solution). Reaching
// max_pivots is not an error: the result has hit_limit set and no z.
Result<LcpSolution> SolveLcpLemke(const RationalMatrix& m, const RationalVector& q,
                                  const RationalVector& covering, const LemkeOptions& options = {});

// Where Lemke's path on a mixed LCP starts: an almost-complementary basis (tableau
// numbering of lcp_tableau.h: w_i = i, z_i = n + i, z0 = 2n) that contains z0 and every
// free z, whose basic solution is feasible (non-free values >= 0), and the first entering
// variable: a member of the one complementary pair outside the basis, the one whose other
// member, if it entered, would run along the primary ray.
struct MixedLcpStart {
  std::vector<int> basis;
  int entering = -1;
};

// Lemke's algorithm on a mixed LCP: the z_i with free[i] set are unrestricted in sign and
// their w_i must stay at 0 (equalities); they are basic from the start and never leave.
// Ties in the ratio test are broken lexicographically relative to the starting basis, so a
// degenerate start is fine. The result is checked (w_free = 0, w >= 0, z >= 0 on the other
// indices, complementarity); a path that ends elsewhere is reported as an error, never
// returned as a solution. Errors: mismatched sizes, a starting basis that is singular,
// infeasible or lacks z0 or a free variable, ray termination.
Result<LcpSolution> SolveMixedLcpLemke(const SparseRationalMatrix& m, const RationalVector& q,
                                       const RationalVector& covering,
                                       const std::vector<char>& free, const MixedLcpStart& start,
                                       const LemkeOptions& options = {});

}  // namespace redline::games
