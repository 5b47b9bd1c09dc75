#include "games/lemke_howson.h"

#include <string>

#include "games/lcp_float.h"

namespace redline::games {

Status CheckBimatrixShape(const RationalMatrix& a, const RationalMatrix& b) {
  if (a.empty() || a[0].empty()) return SolverError("bimatrix game: no strategies");
  if (b.size() != a.size()) return SolverError("bimatrix game: A and B differ in shape");
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].size() != a[0].size() || b[i].size() != a[0].size()) {
      return SolverError("bimatrix game: ragged payoff matrix");
    }
  }
  return {};
}

RationalMatrix ShiftedPositive(const RationalMatrix& payoffs) {
  mpq_class lowest = payoffs[0][0];
  for (const RationalVector& row : payoffs) {
    for (const mpq_class& v : row) lowest = v < lowest ? v : lowest;
  }
  const mpq_class shift = 1 - lowest;
  RationalMatrix shifted = payoffs;
  for (RationalVector& row : shifted) {
    for (mpq_class& v : row) v += shift;
  }
  return shifted;
}

namespace {

RationalVector Normalised(const RationalVector& weights, std::size_t begin, std::size_t end) {
  RationalVector out(weights.begin() + begin, weights.begin() + end);
  mpq_class total = 0;
  for (const mpq_class& v : out) total += v;
  for (mpq_class& v : out) v /= total;
  return out;
}

// The Lemke–Howson path in doubles. When the basis where it ends is exactly a completely
// labelled point (x, y) with x, y != 0, returns z = (x, y) unnormalised in both strategy
// vectors (the caller normalises its parts).
std::optional<BimatrixEquilibrium> FloatLemkeHowson(const RationalMatrix& m,
                                                    const RationalVector& ones, int rows,
                                                    int dropped_label) {
  const int n = static_cast<int>(ones.size());
  FloatLcpTableau tableau(m, ones, {});
  int entering = n + dropped_label;
  int pivots = 0;
  while (true) {
    const std::optional<int> leaving = tableau.PivotIn(entering);
    ++pivots;
    if (!leaving || pivots > 100 * n + 1000) return std::nullopt;
    if (*leaving == dropped_label || *leaving == n + dropped_label) break;
    entering = tableau.Complement(*leaving);
  }
  std::optional<RationalVector> values = ExactBasicSolution(m, ones, {}, tableau.basis());
  if (!values) return std::nullopt;
  bool row_support = false, column_support = false;
  for (int i = 0; i < n; ++i) {
    const mpq_class& w = (*values)[i];
    const mpq_class& z = (*values)[n + i];
    if (sgn(w) < 0 || sgn(z) < 0 || (sgn(w) != 0 && sgn(z) != 0)) return std::nullopt;
    if (sgn(z) > 0) (i < rows ? row_support : column_support) = true;
  }
  if (!row_support || !column_support) return std::nullopt;
  RationalVector z(values->begin() + n, values->begin() + 2 * n);
  return BimatrixEquilibrium{z, z, pivots};
}

}  // namespace

Result<BimatrixEquilibrium> SolveLemkeHowson(const RationalMatrix& a, const RationalMatrix& b,
                                             int dropped_label, bool exact_only) {
  if (Status status = CheckBimatrixShape(a, b); !status) return status.errors();
  const int rows = static_cast<int>(a.size());
  const int columns = static_cast<int>(a[0].size());
  const int n = rows + columns;
  if (dropped_label < 0 || dropped_label >= n) {
    return SolverError("Lemke–Howson: label " + std::to_string(dropped_label) +
                       " out of range [0, " + std::to_string(n) + ")");
  }
  const RationalMatrix pa = ShiftedPositive(a);
  const RationalMatrix pb = ShiftedPositive(b);
  // w = 1 + M z with z = (x, y): w_i = 1 - (A y)_i, w_{rows+j} = 1 - (B'x)_j.
  RationalMatrix m(n, RationalVector(n, 0));
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < columns; ++j) {
      m[i][rows + j] = -pa[i][j];
      m[rows + j][i] = -pb[i][j];
    }
  }
  const RationalVector ones(n, 1);
  // First in doubles, the end verified exactly (lcp_float.h); else exact pivoting.
  std::optional<BimatrixEquilibrium> fast;
  if (!exact_only) fast = FloatLemkeHowson(m, ones, rows, dropped_label);
  if (fast) {
    fast->row_strategy = Normalised(fast->row_strategy, 0, rows);
    fast->column_strategy = Normalised(fast->column_strategy, rows, n);
    return *fast;
  }
  LcpTableau tableau(m, ones, {});
  int entering = n + dropped_label;
  int pivots = 0;
  while (true) {
    const std::optional<int> leaving = tableau.PivotIn(entering);
    ++pivots;
    // With positive payoffs every column has a positive entry; the path cannot end on a ray.
    if (!leaving) return SolverError("Lemke–Howson: unexpected ray termination");
    if (*leaving == dropped_label || *leaving == n + dropped_label) break;
    entering = tableau.Complement(*leaving);
  }
  const RationalVector z = tableau.ZValues();
  return BimatrixEquilibrium{Normalised(z, 0, rows), Normalised(z, rows, n), pivots};
}

}  // namespace redline::games
