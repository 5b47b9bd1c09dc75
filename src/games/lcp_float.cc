#include "games/lcp_float.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace redline::games {

namespace {

// Doubles: entries smaller than kPivotTolerance are zero, ratios within kTieTolerance
// (relative) are tied. With P bits of precision (double-double: 106, GMP floats: as asked)
// the tolerances are 2^-(P/2) and 2^-(P/2 - 6): half the precision is left for the
// rounding error that accumulates along the path.
constexpr double kPivotTolerance = 1e-13;
constexpr double kTieTolerance = 1e-11;

// The few operations whose spelling differs between double, dd_real and mpf_class.
// The second argument of FromRational and PrecisionOf only selects the type.
int PrecisionOf(double, int) { return 53; }
int PrecisionOf(const dd_real&, int) { return 106; }
int PrecisionOf(const mpf_class&, int requested) { return requested; }

double FromRational(const mpq_class& v, double, int) { return v.get_d(); }
// The nearest double-double to a rational (to within about 2^-106 relative): the leading double,
// then the double nearest the rest, from a 192-bit GMP float.
dd_real FromRational(const mpq_class& v, const dd_real&, int) {
  mpf_class f(0, 192);
  mpf_set_q(f.get_mpf_t(), v.get_mpq_t());
  const double high = f.get_d();
  f -= high;
  return dd_real(high, f.get_d());
}
mpf_class FromRational(const mpq_class& v, const mpf_class&, int precision_bits) {
  mpf_class out(0, precision_bits);
  mpf_set_q(out.get_mpf_t(), v.get_mpq_t());
  return out;
}

// From a double (exact in every precision; doubles take M's doubles directly).
dd_real FromRational(double v, const dd_real&, int) { return dd_real(v); }
mpf_class FromRational(double v, const mpf_class&, int precision_bits) {
  return mpf_class(v, precision_bits);
}

double ToDouble(const mpq_class& v) { return v.get_d(); }
double ToDouble(double v) { return v; }

bool IsZero(double v) { return v == 0.0; }
bool IsZero(const dd_real& v) { return v.is_zero(); }
bool IsZero(const mpf_class& v) { return sgn(v) == 0; }

double Magnitude(double v) { return std::fabs(v); }
dd_real Magnitude(const dd_real& v) { return abs(v); }
mpf_class Magnitude(const mpf_class& v) { return abs(v); }

// target -= factor * source (scratch: room for the product, used by mpf_class only, whose
// expression templates would allocate a temporary for it).
void SubtractProduct(double& target, double factor, double source, double&) {
  target -= factor * source;
}
void SubtractProduct(dd_real& target, const dd_real& factor, const dd_real& source, dd_real&) {
  target -= factor * source;
}
void SubtractProduct(mpf_class& target, const mpf_class& factor, const mpf_class& source,
                     mpf_class& scratch) {
  mpf_mul(scratch.get_mpf_t(), factor.get_mpf_t(), source.get_mpf_t());
  mpf_sub(target.get_mpf_t(), target.get_mpf_t(), scratch.get_mpf_t());
}

}  // namespace

template <typename Real>
BasicFloatLcpTableau<Real>::BasicFloatLcpTableau(const RationalMatrix& m, const RationalVector& q,
                                                 const RationalVector& covering, int precision_bits)
    : BasicFloatLcpTableau(static_cast<int>(q.size()), precision_bits) {
  Fill(
      [&](const auto& visit) {
        for (int i = 0; i < n_; ++i) {
          for (int j = 0; j < n_; ++j) {
            if (sgn(m[i][j]) != 0) visit(i, j, m[i][j]);
          }
        }
      },
      q, covering);
}

template <typename Real>
BasicFloatLcpTableau<Real>::BasicFloatLcpTableau(const SparseRationalMatrix& m,
                                                 const RationalVector& q,
                                                 const RationalVector& covering, int precision_bits)
    : BasicFloatLcpTableau(static_cast<int>(q.size()), precision_bits) {
  Fill(
      [&](const auto& visit) {
        for (int i = 0; i < n_; ++i) {
          for (const auto& [j, v] : m.rows[i]) visit(i, j, v);
        }
      },
      q, covering);
}

template <typename Real>
BasicFloatLcpTableau<Real>::BasicFloatLcpTableau(const std::vector<double>& m,
                                                 const RationalVector& q,
                                                 const RationalVector& covering, int precision_bits)
    : BasicFloatLcpTableau(static_cast<int>(q.size()), precision_bits) {
  Fill(
      [&](const auto& visit) {
        for (int i = 0; i < n_; ++i) {
          for (int j = 0; j < n_; ++j) {
            const double v = m[static_cast<std::size_t>(i) * n_ + j];
            if (v != 0.0) visit(i, j, v);
          }
        }
      },
      q, covering);
}

template <typename Real>
BasicFloatLcpTableau<Real>::BasicFloatLcpTableau(int n, int precision_bits)
    : n_(n),
      columns_(2 * n_ + 1),
      precision_bits_(PrecisionOf(Real(), precision_bits)),
      pivot_tolerance_(std::is_same_v<Real, double> ? kPivotTolerance
                                                    : std::ldexp(1.0, -precision_bits_ / 2)),
      tie_tolerance_(std::is_same_v<Real, double> ? kTieTolerance
                                                  : std::ldexp(1.0, 6 - precision_bits_ / 2)),
      scratch_(FromRational(mpq_class(0), Real(0), precision_bits_)) {}

template <typename Real>
template <typename ForEachEntry>
void BasicFloatLcpTableau<Real>::Fill(const ForEachEntry& for_each_entry, const RationalVector& q,
                                      const RationalVector& covering) {
  const Real zero = scratch_;
  tableau_.assign(static_cast<std::size_t>(n_) * columns_, zero);
  rhs_.assign(n_, zero);
  basis_.resize(n_);
  row_of_.assign(columns_, -1);
  free_.assign(n_, 0);
  lex_columns_.resize(n_);
  // Scale M by 1/max|M| and (q, d) by 1/max(|q|, |d|): z and z0 scale, the pivots do not.
  // Doubles take M's entries in this first pass; the other precisions convert in a second.
  double m_scale = 0;
  for_each_entry([&](int i, int j, const auto& v) {
    const double value = ToDouble(v);
    m_scale = std::max(m_scale, std::fabs(value));
    if constexpr (std::is_same_v<Real, double>) at(i, n_ + j) = value;
  });
  double q_scale = 0;
  for (int i = 0; i < n_; ++i) {
    q_scale = std::max(q_scale, std::fabs(q[i].get_d()));
    if (!covering.empty()) q_scale = std::max(q_scale, std::fabs(covering[i].get_d()));
  }
  m_scale = m_scale > 0 ? m_scale : 1.0;
  q_scale = q_scale > 0 ? q_scale : 1.0;
  for_each_entry([&](int i, int j, const auto& v) {
    if constexpr (!std::is_same_v<Real, double>)
      at(i, n_ + j) = FromRational(v, zero, precision_bits_);
    at(i, n_ + j) /= -m_scale;
  });
  for (int i = 0; i < n_; ++i) {
    at(i, i) = 1;
    if (!covering.empty()) {
      at(i, 2 * n_) = FromRational(covering[i], zero, precision_bits_);
      at(i, 2 * n_) /= -q_scale;
    }
    rhs_[i] = FromRational(q[i], zero, precision_bits_);
    rhs_[i] /= q_scale;
    basis_[i] = i;
    row_of_[i] = i;
    lex_columns_[i] = i;
  }
}

template <typename Real>
bool BasicFloatLcpTableau<Real>::SetStartingBasis(const std::vector<int>& variables) {
  std::vector<char> wanted;
  if (!MarkStartingBasis(variables, n_, columns_, wanted)) return false;
  for (int v : variables) {
    if (IsBasic(v)) continue;
    // Partial pivoting (the largest eligible entry) for stability; the lexicographic order
    // below does not depend on which row each variable lands in.
    int row = -1;
    for (int i = 0; i < n_; ++i) {
      if (wanted[basis_[i]] || !(Magnitude(at(i, v)) > pivot_tolerance_)) continue;
      if (row < 0 || Magnitude(at(i, v)) > Magnitude(at(row, v))) row = i;
    }
    if (row < 0) return false;
    Pivot(row, v);
  }
  lex_columns_ = basis_;
  std::sort(lex_columns_.begin(), lex_columns_.end());  // as LcpTableau
  return true;
}

// -1, 0, 1 as a < b, a ≈ b, a > b: within the tie tolerance relative to the larger
// magnitude, plus an absolute floor of the tolerance unless `relative`.
template <typename Real>
int BasicFloatLcpTableau<Real>::Compare(const Real& a, const Real& b, bool relative) const {
  Real scale = Magnitude(a) > Magnitude(b) ? Magnitude(a) : Magnitude(b);
  if (!relative) scale += 1;
  const Real difference = Magnitude(a - b);
  if (difference <= tie_tolerance_ * scale) return 0;
  return a < b ? -1 : 1;
}

template <typename Real>
int BasicFloatLcpTableau<Real>::LexicographicMinimumRow(int column, bool only_positive) const {
  int best = -1;
  Real ratio_best = scratch_, scale_best = scratch_;
  for (int i = 0; i < n_; ++i) {
    const int basic = basis_[i];
    if (basic >= n_ && basic < 2 * n_ && free_[basic - n_]) continue;
    const Real& entry = at(i, column);
    if (only_positive ? entry <= pivot_tolerance_ : entry >= -pivot_tolerance_) continue;
    const Real scale_i = Magnitude(entry);
    const Real ratio_i = rhs_[i] / scale_i;
    if (best < 0) {
      best = i;
      ratio_best = ratio_i;
      scale_best = scale_i;
      continue;
    }
    int order = Compare(ratio_i, ratio_best, relative_ratio_ties_);
    for (int k = 0; order == 0 && k < n_; ++k) {
      const int c = lex_columns_[k];
      order = Compare(at(i, c) / scale_i, at(best, c) / scale_best, /*relative=*/false);
    }
    if (order < 0) {
      best = i;
      ratio_best = ratio_i;
      scale_best = scale_i;
    }
  }
  return best;
}

template <typename Real>
void BasicFloatLcpTableau<Real>::Pivot(int row, int entering) {
  Real* pivot_row = &tableau_[static_cast<std::size_t>(row) * columns_];
  const Real pivot = pivot_row[entering];
  for (int k = 0; k < columns_; ++k) pivot_row[k] /= pivot;
  rhs_[row] /= pivot;
  // The pivot row's non-zero columns: rows are updated only there.
  nonzero_.clear();
  for (int k = 0; k < columns_; ++k) {
    if (!IsZero(pivot_row[k])) nonzero_.push_back(k);
  }
  for (int i = 0; i < n_; ++i) {
    if (i == row) continue;
    Real* target = &tableau_[static_cast<std::size_t>(i) * columns_];
    if (IsZero(target[entering])) continue;
    const Real factor = target[entering];
    for (int k : nonzero_) SubtractProduct(target[k], factor, pivot_row[k], scratch_);
    target[entering] = 0.0;
    SubtractProduct(rhs_[i], factor, rhs_[row], scratch_);
  }
  row_of_[basis_[row]] = -1;
  basis_[row] = entering;
  row_of_[entering] = row;
}

template <typename Real>
bool BasicFloatLcpTableau<Real>::LooksFeasible() const {
  for (int i = 0; i < n_; ++i) {
    const int basic = basis_[i];
    if (basic >= n_ && basic < 2 * n_ && free_[basic - n_]) continue;
    if (rhs_[i] < -pivot_tolerance_) return false;
  }
  return true;
}

template <typename Real>
std::optional<int> BasicFloatLcpTableau<Real>::PivotIn(int entering) {
  const int row = LexicographicMinimumRow(entering, /*only_positive=*/true);
  if (row < 0) return std::nullopt;
  const int leaving = basis_[row];
  Pivot(row, entering);
  return leaving;
}

template <typename Real>
int BasicFloatLcpTableau<Real>::PivotInArtificial() {
  const int row = LexicographicMinimumRow(ArtificialVariable(), /*only_positive=*/false);
  if (row < 0) return -1;
  const int leaving = basis_[row];
  Pivot(row, ArtificialVariable());
  return leaving;
}

template class BasicFloatLcpTableau<double>;
template class BasicFloatLcpTableau<dd_real>;
template class BasicFloatLcpTableau<mpf_class>;

namespace {

// row_target -= factor * row_source (both sorted by column); reports columns that appear
// and disappear so the caller can keep its column index.
void SubtractMultiple(SparseRow& target, const SparseRow& source, const mpq_class& factor,
                      std::vector<int>& appeared, std::vector<int>& vanished) {
  SparseRow out;
  out.reserve(target.size() + source.size());
  std::size_t a = 0, b = 0;
  while (a < target.size() || b < source.size()) {
    if (b == source.size() || (a < target.size() && target[a].first < source[b].first)) {
      out.push_back(std::move(target[a++]));
    } else if (a == target.size() || source[b].first < target[a].first) {
      out.emplace_back(source[b].first, -factor * source[b].second);
      appeared.push_back(source[b].first);
      ++b;
    } else {
      mpq_class v = target[a].second - factor * source[b].second;
      if (sgn(v) != 0) {
        out.emplace_back(target[a].first, std::move(v));
      } else {
        vanished.push_back(target[a].first);
      }
      ++a;
      ++b;
    }
  }
  target = std::move(out);
}

const mpq_class* EntryAt(const SparseRow& row, int column) {
  auto it = std::lower_bound(row.begin(), row.end(), column,
                             [](const std::pair<int, mpq_class>& e, int c) { return e.first < c; });
  return it != row.end() && it->first == column ? &it->second : nullptr;
}

}  // namespace

std::optional<RationalVector> SolveSparseRational(std::vector<SparseRow> rows, RationalVector rhs,
                                                  int num_columns) {
  const int n = static_cast<int>(rows.size());
  if (n != num_columns || static_cast<int>(rhs.size()) != n) return std::nullopt;
  // The rows with an entry in each column, ascending (few per column: sorted vectors).
  std::vector<std::vector<int>> rows_of_column(num_columns);
  auto insert = [&](int c, int r) {
    std::vector<int>& rows_here = rows_of_column[c];
    const auto at = std::lower_bound(rows_here.begin(), rows_here.end(), r);
    if (at == rows_here.end() || *at != r) rows_here.insert(at, r);
  };
  auto erase = [&](int c, int r) {
    std::vector<int>& rows_here = rows_of_column[c];
    const auto at = std::lower_bound(rows_here.begin(), rows_here.end(), r);
    if (at != rows_here.end() && *at == r) rows_here.erase(at);
  };
  for (int r = 0; r < n; ++r) {
    std::sort(rows[r].begin(), rows[r].end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    for (const auto& [c, v] : rows[r]) rows_of_column[c].push_back(r);  // r ascends
  }
  std::vector<char> row_done(n, 0), column_done(num_columns, 0);
  std::vector<std::pair<int, int>> pivots;  // (row, column) in elimination order
  for (int step = 0; step < n; ++step) {
    // Markowitz-style: the column with the fewest remaining rows, then its shortest row.
    int column = -1;
    for (int c = 0; c < num_columns; ++c) {
      if (column_done[c]) continue;
      if (column < 0 || rows_of_column[c].size() < rows_of_column[column].size()) column = c;
    }
    if (column < 0 || rows_of_column[column].empty()) return std::nullopt;
    int row = -1;
    for (int r : rows_of_column[column]) {
      if (row < 0 || rows[r].size() < rows[row].size()) row = r;
    }
    pivots.emplace_back(row, column);
    row_done[row] = 1;
    column_done[column] = 1;
    for (const auto& [c, v] : rows[row]) erase(c, row);
    const mpq_class pivot = *EntryAt(rows[row], column);
    const std::vector<int> targets = rows_of_column[column];
    for (int r : targets) {
      const mpq_class factor = *EntryAt(rows[r], column) / pivot;
      std::vector<int> appeared, vanished;
      SubtractMultiple(rows[r], rows[row], factor, appeared, vanished);
      rhs[r] -= factor * rhs[row];
      for (int c : appeared) insert(c, r);
      for (int c : vanished) erase(c, r);
      erase(column, r);  // exactly cancelled
    }
  }
  RationalVector values(num_columns, 0);
  for (auto it = pivots.rbegin(); it != pivots.rend(); ++it) {
    const auto [row, column] = *it;
    mpq_class total = rhs[row];
    mpq_class diagonal;
    for (const auto& [c, v] : rows[row]) {
      if (c == column) {
        diagonal = v;
      } else {
        total -= v * values[c];
      }
    }
    values[column] = total / diagonal;
  }
  return values;
}

namespace {

// ExactBasicSolution for M given by its row visitor: for_each_in_row(i, visit) calls
// visit(j, M_ij) for the nonzero entries of row i, columns ascending.
template <typename ForEachInRow>
std::optional<RationalVector> ExactBasicSolutionOf(const ForEachInRow& for_each_in_row,
                                                   const RationalVector& q,
                                                   const RationalVector& covering,
                                                   const std::vector<int>& basis) {
  const int n = static_cast<int>(q.size());
  if (static_cast<int>(basis.size()) != n) return std::nullopt;
  // Unknowns: the basic variables, in basis order. Row i: w_i - sum_j M_ij z_j - d_i z0 = q_i.
  std::vector<int> unknown_of(2 * n + 1, -1);
  for (int k = 0; k < n; ++k) unknown_of[basis[k]] = k;
  std::vector<SparseRow> rows(n);
  for (int i = 0; i < n; ++i) {
    if (unknown_of[i] >= 0) rows[i].emplace_back(unknown_of[i], 1);
    for_each_in_row(i, [&](int j, const mpq_class& v) {
      if (unknown_of[n + j] >= 0) rows[i].emplace_back(unknown_of[n + j], -v);
    });
    if (!covering.empty() && unknown_of[2 * n] >= 0 && sgn(covering[i]) != 0) {
      rows[i].emplace_back(unknown_of[2 * n], -covering[i]);
    }
  }
  std::optional<RationalVector> solved = SolveSparseRational(std::move(rows), q, n);
  if (!solved) return std::nullopt;
  RationalVector values(2 * n + 1, 0);
  for (int k = 0; k < n; ++k) values[basis[k]] = (*solved)[k];
  return values;
}

}  // namespace

std::optional<RationalVector> ExactBasicSolution(const RationalMatrix& m, const RationalVector& q,
                                                 const RationalVector& covering,
                                                 const std::vector<int>& basis) {
  const int n = static_cast<int>(q.size());
  return ExactBasicSolutionOf(
      [&](int i, const auto& visit) {
        for (int j = 0; j < n; ++j) {
          if (sgn(m[i][j]) != 0) visit(j, m[i][j]);
        }
      },
      q, covering, basis);
}

std::optional<RationalVector> ExactBasicSolution(const SparseRationalMatrix& m,
                                                 const RationalVector& q,
                                                 const RationalVector& covering,
                                                 const std::vector<int>& basis) {
  if (m.size != static_cast<int>(q.size())) return std::nullopt;
  return ExactBasicSolutionOf(
      [&](int i, const auto& visit) {
        for (const auto& [j, v] : m.rows[i]) visit(j, v);
      },
      q, covering, basis);
}

}  // namespace redline::games
