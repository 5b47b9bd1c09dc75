#include "games/lcp_tableau.h"

#include <algorithm>

namespace redline::games {

LcpTableau::LcpTableau(const RationalMatrix& m, const RationalVector& q,
                       const RationalVector& covering)
    : n_(static_cast<int>(q.size())), columns_(2 * n_ + 1) {
  tableau_.assign(n_, RationalVector(columns_, 0));
  rhs_ = q;
  basis_.resize(n_);
  row_of_.assign(columns_, -1);
  free_.assign(n_, 0);
  lex_columns_.resize(n_);
  for (int i = 0; i < n_; ++i) {
    tableau_[i][i] = 1;
    for (int j = 0; j < n_; ++j) tableau_[i][n_ + j] = -m[i][j];
    if (!covering.empty()) tableau_[i][2 * n_] = -covering[i];
    basis_[i] = i;
    row_of_[i] = i;
    lex_columns_[i] = i;
  }
}

bool LcpTableau::SetStartingBasis(const std::vector<int>& variables) {
  std::vector<char> wanted;
  if (!MarkStartingBasis(variables, n_, columns_, wanted)) return false;
  // Greedy exchange: a wanted column with zeros in every row of an unwanted basic variable
  // would be a combination of wanted basic columns, i.e. the wanted set is singular.
  for (int v : variables) {
    if (IsBasic(v)) continue;
    int row = -1;
    for (int i = 0; i < n_ && row < 0; ++i) {
      if (!wanted[basis_[i]] && sgn(tableau_[i][v]) != 0) row = i;
    }
    if (row < 0) return false;
    Pivot(row, v);
  }
  // B0's columns in variable order, not in the order of the rows they landed in: the
  // lexicographic rule is then independent of how the basis was set up (the floating-point
  // tableau, lcp_float.h, sets it up with other pivots and takes the same path).
  lex_columns_ = basis_;
  std::sort(lex_columns_.begin(), lex_columns_.end());
  return true;
}

// Among rows whose entry in `column` has the required sign, the row minimising
// (rhs_i, row i of B^-1 B0) / |entry| lexicographically; -1 when there is none.
int LcpTableau::LexicographicMinimumRow(int column, bool only_positive) const {
  int best = -1;
  for (int i = 0; i < n_; ++i) {
    const int basic = basis_[i];
    if (basic >= n_ && basic < 2 * n_ && free_[basic - n_]) continue;
    const int sign = sgn(tableau_[i][column]);
    if (only_positive ? sign <= 0 : sign >= 0) continue;
    if (best < 0) {
      best = i;
      continue;
    }
    const mpq_class scale_i = abs(tableau_[i][column]);
    const mpq_class scale_best = abs(tableau_[best][column]);
    // Compare a_i / s_i with a_best / s_best as a_i * s_best vs a_best * s_i (s > 0).
    int order = cmp(rhs_[i] * scale_best, rhs_[best] * scale_i);
    for (int k = 0; order == 0 && k < n_; ++k) {
      const int c = lex_columns_[k];
      order = cmp(tableau_[i][c] * scale_best, tableau_[best][c] * scale_i);
    }
    if (order < 0) best = i;
  }
  return best;
}

void LcpTableau::Pivot(int row, int entering) {
  const mpq_class pivot = tableau_[row][entering];
  for (mpq_class& entry : tableau_[row]) entry /= pivot;
  rhs_[row] /= pivot;
  for (int i = 0; i < n_; ++i) {
    if (i == row || sgn(tableau_[i][entering]) == 0) continue;
    const mpq_class factor = tableau_[i][entering];
    for (int k = 0; k < columns_; ++k) {
      if (sgn(tableau_[row][k]) != 0) tableau_[i][k] -= factor * tableau_[row][k];
    }
    rhs_[i] -= factor * rhs_[row];
  }
  row_of_[basis_[row]] = -1;
  basis_[row] = entering;
  row_of_[entering] = row;
}

std::optional<int> LcpTableau::PivotIn(int entering) {
  const int row = LexicographicMinimumRow(entering, /*only_positive=*/true);
  if (row < 0) return std::nullopt;
  const int leaving = basis_[row];
  Pivot(row, entering);
  return leaving;
}

int LcpTableau::PivotInArtificial() {
  const int row = LexicographicMinimumRow(ArtificialVariable(), /*only_positive=*/false);
  const int leaving = basis_[row];
  Pivot(row, ArtificialVariable());
  return leaving;
}

mpq_class LcpTableau::Value(int variable) const {
  const int row = row_of_[variable];
  return row < 0 ? mpq_class(0) : rhs_[row];
}

RationalVector LcpTableau::ZValues() const {
  RationalVector z(n_);
  for (int i = 0; i < n_; ++i) z[i] = Value(n_ + i);
  return z;
}

}  // namespace redline::games
