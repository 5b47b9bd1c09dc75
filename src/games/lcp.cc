#include "games/lcp.h"

#include <algorithm>

#include "games/lcp_float.h"

namespace redline::games {

namespace {

// The most rows an LCP may have here: the float path pivots on a dense n × (2n + 1) tableau
// (1 GB of doubles at 8,000 rows) and the exact fallback on a dense rational one.
inline constexpr std::size_t kMaxLcpRows = 8000;

// q and the covering vector, for an M of n rows.
Status CheckLcpVectors(std::size_t n, const RationalVector& q, const RationalVector& covering) {
  if (n > kMaxLcpRows) {
    return SolverError("LCP: " + std::to_string(n) + " rows, more than the " +
                       std::to_string(kMaxLcpRows) +
                       " that its dense tableau takes (a game with this many sequences is too "
                       "large for lcp)");
  }
  if (q.size() != n || covering.size() != n) {
    return SolverError("LCP: M, q and the covering vector must have the same size");
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (sgn(q[i]) < 0 && sgn(covering[i]) <= 0) {
      return SolverError("LCP: the covering vector must be positive where q is negative");
    }
  }
  return {};
}

Status CheckLcpShape(const RationalMatrix& m, const RationalVector& q,
                     const RationalVector& covering) {
  if (Status status = CheckLcpVectors(m.size(), q, covering); !status) return status;
  for (const RationalVector& row : m) {
    if (row.size() != m.size()) return SolverError("LCP: M must be square");
  }
  return {};
}

Status CheckLcpShape(const SparseRationalMatrix& m, const RationalVector& q,
                     const RationalVector& covering) {
  if (Status status = CheckLcpVectors(m.rows.size(), q, covering); !status) return status;
  if (static_cast<int>(m.rows.size()) != m.size) return SolverError("LCP: M must be square");
  for (const SparseRow& row : m.rows) {
    for (const auto& entry : row) {
      if (entry.first < 0 || entry.first >= m.size) return SolverError("LCP: M must be square");
    }
  }
  return {};
}

// Whether `values` (all 2n+1 variables) is a solution: z0 = 0, w and z >= 0 and
// complementary, w_i = 0 where z_i is free.
bool IsComplementarySolution(const RationalVector& values, const std::vector<char>& free) {
  const int n = static_cast<int>(free.size());
  if (sgn(values[2 * n]) != 0) return false;
  for (int i = 0; i < n; ++i) {
    if (free[i]) {
      if (sgn(values[i]) != 0) return false;
      continue;
    }
    if (sgn(values[i]) < 0 || sgn(values[n + i]) < 0) return false;
    if (sgn(values[i]) != 0 && sgn(values[n + i]) != 0) return false;
  }
  return true;
}

RationalVector ZPart(const RationalVector& values, int n) {
  return RationalVector(values.begin() + n, values.begin() + 2 * n);
}

// Lemke's path in doubles (lcp_float.h); the solution of the basis where it ends, when that
// is exactly a solution. Nothing otherwise (the caller pivots exactly).
std::optional<LcpSolution> FloatLemke(const RationalMatrix& m, const RationalVector& q,
                                      const RationalVector& covering, const LemkeOptions& options) {
  const int n = static_cast<int>(q.size());
  FloatLcpTableau tableau(m, q, covering);
  int leaving = tableau.PivotInArtificial();
  if (leaving < 0) return std::nullopt;
  int pivots = 1;
  while (leaving != tableau.ArtificialVariable()) {
    if (pivots >= options.max_pivots) return std::nullopt;
    const std::optional<int> next = tableau.PivotIn(tableau.Complement(leaving));
    if (!next) return std::nullopt;
    leaving = *next;
    ++pivots;
  }
  std::optional<RationalVector> values = ExactBasicSolution(m, q, covering, tableau.basis());
  if (!values || !IsComplementarySolution(*values, std::vector<char>(n, 0))) return std::nullopt;
  return LcpSolution{ZPart(*values, n), pivots, false, true, 53};
}

}  // namespace

Result<LcpSolution> SolveLcpLemke(const RationalMatrix& m, const RationalVector& q,
                                  const RationalVector& covering, const LemkeOptions& options) {
  if (Status status = CheckLcpShape(m, q, covering); !status) return status.errors();
  const int n = static_cast<int>(q.size());
  if (std::all_of(q.begin(), q.end(), [](const mpq_class& v) { return sgn(v) >= 0; })) {
    return LcpSolution{RationalVector(n, 0), 0, false};
  }
  if (!options.exact_only) {
    if (std::optional<LcpSolution> fast = FloatLemke(m, q, covering, options)) return *fast;
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

Status CheckMixedSolution(const SparseRationalMatrix& m, const RationalVector& q,
                          const std::vector<char>& free, const RationalVector& z) {
  const std::size_t n = q.size();
  for (std::size_t i = 0; i < n; ++i) {
    mpq_class w = q[i];
    for (const auto& [j, v] : m.rows[i]) {
      if (sgn(z[j]) != 0) w += v * z[j];
    }
    const bool ok = free[i] ? sgn(w) == 0 : sgn(w) >= 0 && sgn(z[i]) >= 0 && sgn(w * z[i]) == 0;
    if (!ok) return SolverError("LCP: Lemke's path ended at a point that is not a solution");
  }
  return {};
}

Status CheckMixedStart(const LcpTableau& tableau, const std::vector<char>& free,
                       const MixedLcpStart& start) {
  const int n = tableau.size();
  if (static_cast<int>(free.size()) != n) return SolverError("LCP: free flags of the wrong size");
  if (!tableau.IsBasic(tableau.ArtificialVariable())) {
    return SolverError("LCP: the starting basis must contain z0");
  }
  for (int i = 0; i < n; ++i) {
    if (free[i] && !tableau.IsBasic(n + i)) {
      return SolverError("LCP: the starting basis must contain every free variable");
    }
    if (tableau.IsBasic(n + i) && tableau.IsBasic(i)) {
      return SolverError("LCP: the starting basis is not almost complementary");
    }
    if (!free[i] && (sgn(tableau.Value(i)) < 0 || sgn(tableau.Value(n + i)) < 0)) {
      return SolverError("LCP: the starting basis is infeasible");
    }
  }
  if (sgn(tableau.Value(tableau.ArtificialVariable())) < 0) {
    return SolverError("LCP: the starting basis is infeasible");
  }
  const int e = start.entering;
  if (e < 0 || e >= 2 * n || tableau.IsBasic(e) || tableau.IsBasic(LcpTableau::Complement(e, n))) {
    return SolverError("LCP: the first entering variable must belong to the missing pair");
  }
  return {};
}

// The mixed path in floating point (Tableau: doubles, double-doubles, or GMP floats of
// `precision_bits`); as FloatLemke.
template <typename Tableau>
std::optional<LcpSolution> FloatMixedLemke(const SparseRationalMatrix& m, const RationalVector& q,
                                           const RationalVector& covering,
                                           const std::vector<char>& free,
                                           const MixedLcpStart& start, const LemkeOptions& options,
                                           bool relative_ratio_ties, int precision_bits = 53) {
  const int n = static_cast<int>(q.size());
  Tableau tableau(m, q, covering, precision_bits);
  tableau.SetRelativeRatioTies(relative_ratio_ties);
  for (int i = 0; i < n; ++i) {
    if (free[i]) tableau.SetFree(i);
  }
  if (!tableau.SetStartingBasis(start.basis) || !tableau.LooksFeasible()) return std::nullopt;
  // The structure CheckMixedStart checks exactly; a start that fails goes to the exact path,
  // which reports it.
  const int e = start.entering;
  if (!tableau.IsBasic(tableau.ArtificialVariable()) || e < 0 || e >= 2 * n || tableau.IsBasic(e) ||
      tableau.IsBasic(tableau.Complement(e))) {
    return std::nullopt;
  }
  for (int i = 0; i < n; ++i) {
    if ((free[i] && !tableau.IsBasic(n + i)) || (tableau.IsBasic(i) && tableau.IsBasic(n + i))) {
      return std::nullopt;
    }
  }
  std::optional<int> leaving = tableau.PivotIn(start.entering);
  int pivots = 1;
  while (leaving && *leaving != tableau.ArtificialVariable()) {
    if (pivots >= options.max_pivots) return std::nullopt;
    leaving = tableau.PivotIn(tableau.Complement(*leaving));
    ++pivots;
  }
  if (!leaving) return std::nullopt;
  std::optional<RationalVector> values = ExactBasicSolution(m, q, covering, tableau.basis());
  if (!values || !IsComplementarySolution(*values, free)) return std::nullopt;
  return LcpSolution{ZPart(*values, n), pivots, false, true};
}

// The float path in one precision with ties within an absolute floor first (right on
// degenerate games, where a right-hand side that should be 0 comes out as rounding noise),
// then with ties relative to the ratios only (right where the ratios shrink geometrically,
// e.g. long risk_taking trees); the first whose end passes the exact check.
template <typename Tableau>
std::optional<LcpSolution> VerifiedFloatPath(const SparseRationalMatrix& m, const RationalVector& q,
                                             const RationalVector& covering,
                                             const std::vector<char>& free,
                                             const MixedLcpStart& start,
                                             const LemkeOptions& options, int precision_bits) {
  for (bool relative_ratio_ties : {false, true}) {
    std::optional<LcpSolution> fast = FloatMixedLemke<Tableau>(m, q, covering, free, start, options,
                                                               relative_ratio_ties, precision_bits);
    if (fast && CheckMixedSolution(m, q, free, fast->z).ok()) {
      fast->precision_bits = precision_bits;
      return fast;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<LcpSolution> SolveMixedLcpLemke(const SparseRationalMatrix& m, const RationalVector& q,
                                       const RationalVector& covering,
                                       const std::vector<char>& free, const MixedLcpStart& start,
                                       const LemkeOptions& options) {
  if (Status status = CheckLcpShape(m, q, covering); !status) return status.errors();
  if (!options.exact_only && free.size() == q.size()) {
    // In doubles first; then the same path in double-double and in 256-bit GMP floats, for
    // paths whose rounding error grows past what doubles hold (lcp_float.h). Exact
    // pivoting runs only when no end passes the exact check.
    if (options.first_float_precision <= 53) {
      if (auto fast =
              VerifiedFloatPath<FloatLcpTableau>(m, q, covering, free, start, options, 53)) {
        return *fast;
      }
    }
    if (options.first_float_precision <= 106) {
      if (auto fast = VerifiedFloatPath<DoubleDoubleLcpTableau>(m, q, covering, free, start,
                                                                options, 106)) {
        return *fast;
      }
    }
    if (auto fast = VerifiedFloatPath<MultiPrecisionLcpTableau>(m, q, covering, free, start,
                                                                options, 256)) {
      return *fast;
    }
  }
  LcpTableau tableau(m.Dense(), q, covering);
  for (std::size_t i = 0; i < free.size() && i < q.size(); ++i) {
    if (free[i]) tableau.SetFree(static_cast<int>(i));
  }
  if (!tableau.SetStartingBasis(start.basis)) {
    return SolverError("LCP: the starting basis is singular");
  }
  if (Status status = CheckMixedStart(tableau, free, start); !status) return status.errors();
  std::optional<int> leaving = tableau.PivotIn(start.entering);
  int pivots = 1;
  while (leaving && *leaving != tableau.ArtificialVariable()) {
    if (pivots >= options.max_pivots) return LcpSolution{{}, pivots, true};
    leaving = tableau.PivotIn(tableau.Complement(*leaving));
    ++pivots;
  }
  if (!leaving) return SolverError("LCP: Lemke's algorithm ended on a secondary ray");
  LcpSolution solution{tableau.ZValues(), pivots, false};
  if (Status status = CheckMixedSolution(m, q, free, solution.z); !status) return status.errors();
  return solution;
}

}  // namespace redline::games
