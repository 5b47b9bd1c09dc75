#include "games/lcp.h"

#include <algorithm>

namespace redline::games {

namespace {

Status CheckLcpShape(const RationalMatrix& m, const RationalVector& q,
                     const RationalVector& covering) {
  const std::size_t n = q.size();
  if (m.size() != n || covering.size() != n) {
    return SolverError("LCP: M, q and the covering vector must have the same size");
  }
  for (const RationalVector& row : m) {
    if (row.size() != n) return SolverError("LCP: M must be square");
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (sgn(q[i]) < 0 && sgn(covering[i]) <= 0) {
      return SolverError("LCP: the covering vector must be positive where q is negative");
    }
  }
  return {};
}

}  // namespace

Result<LcpSolution> SolveLcpLemke(const RationalMatrix& m, const RationalVector& q,
                                  const RationalVector& covering, const LemkeOptions& options) {
  if (Status status = CheckLcpShape(m, q, covering); !status) return status.errors();
  const int n = static_cast<int>(q.size());
  if (std::all_of(q.begin(), q.end(), [](const mpq_class& v) { return sgn(v) >= 0; })) {
    return LcpSolution{RationalVector(n, 0), 0, false};
  }
  LcpTableau tableau(m, q, covering);
  int leaving = tableau.PivotInArtificial();
  int pivots = 1;
  while (leaving != tableau.ArtificialVariable()) {
    if (pivots >= options.max_pivots) {
      return LcpSolution{{}, pivots, true};
    }
    const std::optional<int> next = tableau.PivotIn(tableau.Complement(leaving));
    if (!next) return SolverError("LCP: Lemke's algorithm ended on a secondary ray");
    leaving = *next;
    ++pivots;
  }
  return LcpSolution{tableau.ZValues(), pivots, false};
}

namespace {

Status CheckMixedSolution(const RationalMatrix& m, const RationalVector& q,
                          const std::vector<char>& free, const RationalVector& z) {
  const std::size_t n = q.size();
  for (std::size_t i = 0; i < n; ++i) {
    mpq_class w = q[i];
    for (std::size_t j = 0; j < n; ++j) w += m[i][j] * z[j];
    const bool ok = free[i] ? sgn(w) == 0 : sgn(w) >= 0 && sgn(z[i]) >= 0 && sgn(w * z[i]) == 0;
    if (!ok) return SolverError("LCP: Lemke's path ended at a point that is not a solution");
  }
  return {};
}

}  // namespace

Result<LcpSolution> SolveMixedLcpLemke(const RationalMatrix& m, const RationalVector& q,
                                       const RationalVector& covering,
                                       const std::vector<char>& free, int first_row,
                                       const LemkeOptions& options) {
  if (Status status = CheckLcpShape(m, q, covering); !status) return status.errors();
  LcpTableau tableau(m, q, covering);
  for (std::size_t i = 0; i < free.size(); ++i) {
    if (free[i]) tableau.SetFree(static_cast<int>(i));
  }
  int leaving = tableau.PivotInArtificialAt(first_row);
  int pivots = 1;
  while (leaving != tableau.ArtificialVariable()) {
    if (pivots >= options.max_pivots) {
      return LcpSolution{{}, pivots, true};
    }
    const std::optional<int> next = tableau.PivotIn(tableau.Complement(leaving));
    if (!next) return SolverError("LCP: Lemke's algorithm ended on a secondary ray");
    leaving = *next;
    ++pivots;
  }
  LcpSolution solution{tableau.ZValues(), pivots, false};
  if (Status status = CheckMixedSolution(m, q, free, solution.z); !status) return status.errors();
  return solution;
}

}  // namespace redline::games
