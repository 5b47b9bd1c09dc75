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

namespace {

// The constant that ShiftedPositive adds: 1 - the lowest payoff.
mpq_class PositiveShift(const RationalMatrix& payoffs) {
  const mpq_class* lowest = &payoffs[0][0];
  for (const RationalVector& row : payoffs) {
    for (const mpq_class& v : row) lowest = v < *lowest ? &v : lowest;
  }
  return 1 - *lowest;
}

}  // namespace

RationalMatrix ShiftedPositive(const RationalMatrix& payoffs) {
  const mpq_class shift = PositiveShift(payoffs);
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

// The shifted payoffs of one player, M's off-diagonal blocks: M_ij = -(payoff + shift), built
// in rationals only where asked (the float path needs M's doubles, the exact check only the
// columns of the basic variables).
struct ShiftedBlock {
  const RationalMatrix& payoffs;
  mpq_class shift;

  // -(payoff + shift) as a double, as mpq_class::get_d gives it: integer sums below 2^53 are
  // exact in doubles, everything else goes through the rational.
  double NegatedDouble(int i, int j, mpq_class& scratch) const {
    const mpq_class& v = payoffs[i][j];
    if (mpz_cmp_ui(v.get_den_mpz_t(), 1) == 0 && mpz_cmp_ui(shift.get_den_mpz_t(), 1) == 0 &&
        mpz_fits_slong_p(v.get_num_mpz_t()) && mpz_fits_slong_p(shift.get_num_mpz_t())) {
      constexpr long kExact = 1L << 53;
      long sum = 0;
      if (!__builtin_add_overflow(mpz_get_si(v.get_num_mpz_t()), mpz_get_si(shift.get_num_mpz_t()),
                                  &sum) &&
          sum > -kExact && sum < kExact) {
        return -static_cast<double>(sum);
      }
    }
    Negated(i, j, scratch);
    return scratch.get_d();
  }
  void Negated(int i, int j, mpq_class& out) const {
    mpq_add(out.get_mpq_t(), payoffs[i][j].get_mpq_t(), shift.get_mpq_t());
    mpq_neg(out.get_mpq_t(), out.get_mpq_t());
  }
};

// M of the Lemke–Howson LCP, w = 1 + M z with z = (x, y): w_i = 1 - (A y)_i,
// w_{rows+j} = 1 - (B'x)_j, with A and B shifted to be positive.
struct BimatrixLcp {
  ShiftedBlock a, b;
  int rows, columns;

  int size() const { return rows + columns; }
  std::vector<double> Doubles() const {
    const int n = size();
    std::vector<double> m(static_cast<std::size_t>(n) * n, 0.0);
    mpq_class scratch;
    for (int i = 0; i < rows; ++i) {
      for (int j = 0; j < columns; ++j) {
        m[static_cast<std::size_t>(i) * n + rows + j] = a.NegatedDouble(i, j, scratch);
        m[static_cast<std::size_t>(rows + j) * n + i] = b.NegatedDouble(i, j, scratch);
      }
    }
    return m;
  }
  // M's entries in the columns of z's that `basis` contains (the others do not enter the
  // basic solution), rows sorted by column.
  SparseRationalMatrix BasicColumns(const std::vector<int>& basis) const {
    const int n = size();
    std::vector<char> basic(2 * n + 1, 0);
    for (int v : basis) basic[v] = 1;
    SparseRationalMatrix m;
    m.size = n;
    m.rows.resize(n);
    for (int i = 0; i < rows; ++i) {
      for (int j = 0; j < columns; ++j) {
        if (basic[n + rows + j]) a.Negated(i, j, m.rows[i].emplace_back(rows + j, 0).second);
      }
    }
    for (int j = 0; j < columns; ++j) {
      for (int i = 0; i < rows; ++i) {
        if (basic[n + i]) b.Negated(i, j, m.rows[rows + j].emplace_back(i, 0).second);
      }
    }
    return m;
  }
  RationalMatrix Dense() const {
    const int n = size();
    RationalMatrix m(n, RationalVector(n));
    for (int i = 0; i < rows; ++i) {
      for (int j = 0; j < columns; ++j) {
        a.Negated(i, j, m[i][rows + j]);
        b.Negated(i, j, m[rows + j][i]);
      }
    }
    return m;
  }
};

// The Lemke–Howson path in doubles. When the basis where it ends is exactly a completely
// labelled point (x, y) with x, y != 0, returns z = (x, y) unnormalised in both strategy
// vectors (the caller normalises its parts).
std::optional<BimatrixEquilibrium> FloatLemkeHowson(const BimatrixLcp& lcp,
                                                    const RationalVector& ones, int dropped_label) {
  const int n = lcp.size();
  FloatLcpTableau tableau(lcp.Doubles(), ones, {});
  int entering = n + dropped_label;
  int pivots = 0;
  while (true) {
    const std::optional<int> leaving = tableau.PivotIn(entering);
    ++pivots;
    if (!leaving || pivots > 100 * n + 1000) return std::nullopt;
    if (*leaving == dropped_label || *leaving == n + dropped_label) break;
    entering = tableau.Complement(*leaving);
  }
  std::optional<RationalVector> values =
      ExactBasicSolution(lcp.BasicColumns(tableau.basis()), ones, {}, tableau.basis());
  if (!values) return std::nullopt;
  bool row_support = false, column_support = false;
  for (int i = 0; i < n; ++i) {
    const mpq_class& w = (*values)[i];
    const mpq_class& z = (*values)[n + i];
    if (sgn(w) < 0 || sgn(z) < 0 || (sgn(w) != 0 && sgn(z) != 0)) return std::nullopt;
    if (sgn(z) > 0) (i < lcp.rows ? row_support : column_support) = true;
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
  // The payoffs shifted to be positive (as ShiftedPositive).
  const BimatrixLcp lcp{{a, PositiveShift(a)}, {b, PositiveShift(b)}, rows, columns};
  const RationalVector ones(n, 1);
  // First in doubles, the end verified exactly (lcp_float.h); else exact pivoting.
  std::optional<BimatrixEquilibrium> fast;
  if (!exact_only) fast = FloatLemkeHowson(lcp, ones, dropped_label);
  if (fast) {
    fast->row_strategy = Normalised(fast->row_strategy, 0, rows);
    fast->column_strategy = Normalised(fast->column_strategy, rows, n);
    return *fast;
  }
  LcpTableau tableau(lcp.Dense(), ones, {});
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
