#include "games/lemke_howson.h"

#include <string>

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

}  // namespace

Result<BimatrixEquilibrium> SolveLemkeHowson(const RationalMatrix& a, const RationalMatrix& b,
                                             int dropped_label) {
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
  LcpTableau tableau(m, RationalVector(n, 1), {});
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
