// Floating-point complementary pivoting, verified exactly.
//
// The exact tableau (lcp_tableau.h) spends nearly all its time in GMP arithmetic on a dense
// tableau whose entries grow with every pivot. The solvers therefore first follow the path
// in doubles with FloatLcpTableau — the same pivoting rule, ties in the ratio test decided
// within a tolerance and then lexicographically like the exact tableau — and keep only the
// basis where it ends. ExactBasicSolution then computes that basis's solution in rationals
// (a sparse exact linear solve), and the caller checks it exactly (feasibility and
// complementarity). When the check fails — rounding led the path astray — the caller reruns
// the exact tableau, so every answer is exact and verified either way.
#pragma once

#include <gmpxx.h>
#include <qd/dd_real.h>  // double-double arithmetic (Debian libqd-dev: Hida, Li & Bailey's QD)

#include <optional>
#include <vector>

#include "games/lcp_tableau.h"

namespace redline::games {

// LcpTableau's interface in floating point (variables: w_i = i, z_i = n + i, z0 = 2n): in
// doubles (FloatLcpTableau), or in GMP floats of a chosen precision
// (MultiPrecisionLcpTableau) for paths too long for doubles. M, q and the covering vector
// are scaled to entries of magnitude at most 1 (the pivots are the same in exact
// arithmetic), then pivoted with a tolerance that follows the precision.
//
// Why more precision rather than a rescaling: along some paths (risk_taking at H >= 160)
// the relative rounding error of the basic solution grows by a constant factor per pivot
// (~1.28 there), whatever the size of the values, until the ratio test picks the wrong row
// (pivot ~140 in doubles). Rescaling rows and columns by powers of two leaves every rounding
// the same (it commutes with it), so only the working precision moves that point.
template <typename Real>
class BasicFloatLcpTableau {
 public:
  // `precision_bits` is used by the multi-precision tableau only (doubles have 53).
  BasicFloatLcpTableau(const RationalMatrix& m, const RationalVector& q,
                       const RationalVector& covering, int precision_bits = 53);
  BasicFloatLcpTableau(const SparseRationalMatrix& m, const RationalVector& q,
                       const RationalVector& covering, int precision_bits = 53);
  // M as doubles (n × n, row-major; what mpq_class::get_d gives for each entry), for callers
  // that never build M in rationals unless the float path fails (Lemke–Howson).
  BasicFloatLcpTableau(const std::vector<double>& m, const RationalVector& q,
                       const RationalVector& covering, int precision_bits = 53);

  int size() const { return n_; }
  int ArtificialVariable() const { return 2 * n_; }
  int Complement(int variable) const { return LcpTableau::Complement(variable, n_); }

  std::optional<int> PivotIn(int entering);
  int PivotInArtificial();
  void SetFree(int z_index) { free_[z_index] = 1; }
  bool SetStartingBasis(const std::vector<int>& variables);
  // Ratios in the minimum-ratio test tie when they agree to a relative tolerance with an
  // absolute floor (the default), or, with this set, relative to their magnitudes only.
  // The floor absorbs rounding where a degenerate right-hand side should be 0 (~1e-16 in
  // doubles); without it, ratios that shrink geometrically along a long path (risk_taking:
  // ~1e-12 after 40 pivots at 50 rounds, far smaller later) are told apart instead of being
  // taken for ties, which let z0 leave early. Callers try the default first and this second.
  void SetRelativeRatioTies(bool on) { relative_ratio_ties_ = on; }
  bool IsBasic(int variable) const { return row_of_[variable] >= 0; }
  // Whether every basic variable except the free z's is >= 0 (within the tolerance).
  bool LooksFeasible() const;
  // The basic variables, one per row.
  const std::vector<int>& basis() const { return basis_; }

 private:
  Real& at(int row, int column) {
    return tableau_[static_cast<std::size_t>(row) * columns_ + column];
  }
  const Real& at(int row, int column) const {
    return tableau_[static_cast<std::size_t>(row) * columns_ + column];
  }
  BasicFloatLcpTableau(int n, int precision_bits);  // sizes and tolerances; Fill does the rest
  // Fills the tableau from M's nonzero entries, (i, j, value) with value != 0 (a rational
  // or a double), as for_each_entry visits them (each once).
  template <typename ForEachEntry>
  void Fill(const ForEachEntry& for_each_entry, const RationalVector& q,
            const RationalVector& covering);
  int Compare(const Real& a, const Real& b, bool relative) const;
  int LexicographicMinimumRow(int column, bool only_positive) const;
  void Pivot(int row, int entering);

  int n_;
  int columns_;
  int precision_bits_;
  double pivot_tolerance_;     // entries smaller than this are zero
  double tie_tolerance_;       // relative: ratios this close are tied
  std::vector<Real> tableau_;  // n rows × (2n+1) columns, row-major
  std::vector<Real> rhs_;
  std::vector<int> basis_;
  std::vector<int> row_of_;
  std::vector<char> free_;
  std::vector<int> lex_columns_;
  std::vector<int> nonzero_;  // scratch for Pivot
  mutable Real scratch_;      // scratch for Pivot (a product)
  bool relative_ratio_ties_ = false;
};

using FloatLcpTableau = BasicFloatLcpTableau<double>;
using DoubleDoubleLcpTableau = BasicFloatLcpTableau<dd_real>;
using MultiPrecisionLcpTableau = BasicFloatLcpTableau<mpf_class>;
extern template class BasicFloatLcpTableau<double>;
extern template class BasicFloatLcpTableau<dd_real>;
extern template class BasicFloatLcpTableau<mpf_class>;

// Solves the square system rows · v = rhs exactly (sparse Gaussian elimination, pivots
// chosen to limit fill-in). Nothing when the system is singular.
std::optional<RationalVector> SolveSparseRational(std::vector<SparseRow> rows, RationalVector rhs,
                                                  int num_columns);

// The exact values of all 2n+1 variables (numbering as above) in the basic solution of
// w - M z - d z0 = q whose basic variables are `basis` (n of them; non-basic ones are 0).
// Nothing when the basis is singular. `covering` may be empty (no z0).
std::optional<RationalVector> ExactBasicSolution(const RationalMatrix& m, const RationalVector& q,
                                                 const RationalVector& covering,
                                                 const std::vector<int>& basis);
std::optional<RationalVector> ExactBasicSolution(const SparseRationalMatrix& m,
                                                 const RationalVector& q,
                                                 const RationalVector& covering,
                                                 const std::vector<int>& basis);

}  // namespace redline::games
