#include "games/lcp_float.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace redline::games {

namespace {

constexpr double kPivotTolerance = 1e-13;  // entries smaller than this are zero
constexpr double kTieTolerance = 1e-11;    // relative: ratios this close are tied

// As CompareWithin, but relative to the magnitudes only, with no absolute floor.
int CompareRelative(double a, double b) {
  const double scale = std::max(std::fabs(a), std::fabs(b));
  if (std::fabs(a - b) <= kTieTolerance * scale) return 0;
  return a < b ? -1 : 1;
}

// -1, 0, 1 as a < b, a ≈ b, a > b.
int CompareWithin(double a, double b) {
  const double scale = 1.0 + std::max(std::fabs(a), std::fabs(b));
  if (std::fabs(a - b) <= kTieTolerance * scale) return 0;
  return a < b ? -1 : 1;
}

double LargestMagnitude(const RationalMatrix& m) {
  double largest = 0;
  for (const RationalVector& row : m) {
    for (const mpq_class& v : row) {
      if (sgn(v) != 0) largest = std::max(largest, std::fabs(v.get_d()));
    }
  }
  return largest;
}

}  // namespace

FloatLcpTableau::FloatLcpTableau(const RationalMatrix& m, const RationalVector& q,
                                 const RationalVector& covering)
    : n_(static_cast<int>(q.size())), columns_(2 * n_ + 1) {
  tableau_.assign(static_cast<std::size_t>(n_) * columns_, 0.0);
  rhs_.assign(n_, 0.0);
  basis_.resize(n_);
  row_of_.assign(columns_, -1);
  free_.assign(n_, 0);
  lex_columns_.resize(n_);
  // Scale M by 1/max|M| and (q, d) by 1/max(|q|, |d|): z and z0 scale, the pivots do not.
  double m_scale = LargestMagnitude(m);
  double q_scale = 0;
  for (int i = 0; i < n_; ++i) {
    q_scale = std::max(q_scale, std::fabs(q[i].get_d()));
    if (!covering.empty()) q_scale = std::max(q_scale, std::fabs(covering[i].get_d()));
  }
  m_scale = m_scale > 0 ? m_scale : 1.0;
  q_scale = q_scale > 0 ? q_scale : 1.0;
  for (int i = 0; i < n_; ++i) {
    at(i, i) = 1;
    for (int j = 0; j < n_; ++j) {
      if (sgn(m[i][j]) != 0) at(i, n_ + j) = -m[i][j].get_d() / m_scale;
    }
    if (!covering.empty()) at(i, 2 * n_) = -covering[i].get_d() / q_scale;
    rhs_[i] = q[i].get_d() / q_scale;
    basis_[i] = i;
    row_of_[i] = i;
    lex_columns_[i] = i;
  }
}

bool FloatLcpTableau::SetStartingBasis(const std::vector<int>& variables) {
  std::vector<char> wanted;
  if (!MarkStartingBasis(variables, n_, columns_, wanted)) return false;
  for (int v : variables) {
    if (IsBasic(v)) continue;
    // Partial pivoting (the largest eligible entry) for stability; the lexicographic order
    // below does not depend on which row each variable lands in.
    int row = -1;
    double largest = kPivotTolerance;
    for (int i = 0; i < n_; ++i) {
      if (!wanted[basis_[i]] && std::fabs(at(i, v)) > largest) {
        largest = std::fabs(at(i, v));
        row = i;
      }
    }
    if (row < 0) return false;
    Pivot(row, v);
  }
  lex_columns_ = basis_;
  std::sort(lex_columns_.begin(), lex_columns_.end());  // as LcpTableau
  return true;
}

int FloatLcpTableau::LexicographicMinimumRow(int column, bool only_positive) const {
  int best = -1;
  for (int i = 0; i < n_; ++i) {
    const int basic = basis_[i];
    if (basic >= n_ && basic < 2 * n_ && free_[basic - n_]) continue;
    const double entry = at(i, column);
    if (only_positive ? entry <= kPivotTolerance : entry >= -kPivotTolerance) continue;
    if (best < 0) {
      best = i;
      continue;
    }
    const double scale_i = std::fabs(entry), scale_best = std::fabs(at(best, column));
    const double ratio_i = rhs_[i] / scale_i, ratio_best = rhs_[best] / scale_best;
    int order = relative_ratio_ties_ ? CompareRelative(ratio_i, ratio_best)
                                     : CompareWithin(ratio_i, ratio_best);
    for (int k = 0; order == 0 && k < n_; ++k) {
      const int c = lex_columns_[k];
      order = CompareWithin(at(i, c) / scale_i, at(best, c) / scale_best);
    }
    if (order < 0) best = i;
  }
  return best;
}

void FloatLcpTableau::Pivot(int row, int entering) {
  double* pivot_row = &tableau_[static_cast<std::size_t>(row) * columns_];
  const double pivot = pivot_row[entering];
  for (int k = 0; k < columns_; ++k) pivot_row[k] /= pivot;
  rhs_[row] /= pivot;
  // The pivot row's non-zero columns: rows are updated only there.
  std::vector<int> nonzero;
  for (int k = 0; k < columns_; ++k) {
    if (pivot_row[k] != 0.0) nonzero.push_back(k);
  }
  for (int i = 0; i < n_; ++i) {
    if (i == row) continue;
    double* target = &tableau_[static_cast<std::size_t>(i) * columns_];
    const double factor = target[entering];
    if (factor == 0.0) continue;
    for (int k : nonzero) target[k] -= factor * pivot_row[k];
    target[entering] = 0.0;
    rhs_[i] -= factor * rhs_[row];
  }
  row_of_[basis_[row]] = -1;
  basis_[row] = entering;
  row_of_[entering] = row;
}

bool FloatLcpTableau::LooksFeasible() const {
  for (int i = 0; i < n_; ++i) {
    const int basic = basis_[i];
    if (basic >= n_ && basic < 2 * n_ && free_[basic - n_]) continue;
    if (rhs_[i] < -kPivotTolerance) return false;
  }
  return true;
}

std::optional<int> FloatLcpTableau::PivotIn(int entering) {
  const int row = LexicographicMinimumRow(entering, /*only_positive=*/true);
  if (row < 0) return std::nullopt;
  const int leaving = basis_[row];
  Pivot(row, entering);
  return leaving;
}

int FloatLcpTableau::PivotInArtificial() {
  const int row = LexicographicMinimumRow(ArtificialVariable(), /*only_positive=*/false);
  if (row < 0) return -1;
  const int leaving = basis_[row];
  Pivot(row, ArtificialVariable());
  return leaving;
}

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
  std::vector<std::set<int>> rows_of_column(num_columns);
  for (int r = 0; r < n; ++r) {
    std::sort(rows[r].begin(), rows[r].end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    for (const auto& [c, v] : rows[r]) rows_of_column[c].insert(r);
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
    for (const auto& [c, v] : rows[row]) rows_of_column[c].erase(row);
    const mpq_class pivot = *EntryAt(rows[row], column);
    const std::vector<int> targets(rows_of_column[column].begin(), rows_of_column[column].end());
    for (int r : targets) {
      const mpq_class factor = *EntryAt(rows[r], column) / pivot;
      std::vector<int> appeared, vanished;
      SubtractMultiple(rows[r], rows[row], factor, appeared, vanished);
      rhs[r] -= factor * rhs[row];
      for (int c : appeared) rows_of_column[c].insert(r);
      for (int c : vanished) rows_of_column[c].erase(r);
      rows_of_column[column].erase(r);  // exactly cancelled
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

std::optional<RationalVector> ExactBasicSolution(const RationalMatrix& m, const RationalVector& q,
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
    for (int j = 0; j < n; ++j) {
      if (unknown_of[n + j] >= 0 && sgn(m[i][j]) != 0) {
        rows[i].emplace_back(unknown_of[n + j], -m[i][j]);
      }
    }
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

}  // namespace redline::games
