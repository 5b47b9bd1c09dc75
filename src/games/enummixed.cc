#include "games/enummixed.h"

#include "games/enummixed_vertices.h"

namespace redline::games {

namespace {

RationalVector Normalised(const RationalVector& weights) {
  mpq_class total = 0;
  for (const mpq_class& v : weights) total += v;
  RationalVector out = weights;
  for (mpq_class& v : out) v /= total;
  return out;
}

bool CompletelyLabelled(const LabelledVertex& x, const LabelledVertex& y) {
  for (std::size_t l = 0; l < x.labels.size(); ++l) {
    if (!x.labels[l] && !y.labels[l]) return false;
  }
  return true;
}

}  // namespace

Result<EnumMixedResult> EnumerateExtremeEquilibria(const RationalMatrix& a, const RationalMatrix& b,
                                                   const EnumMixedOptions& options) {
  if (Status status = CheckBimatrixShape(a, b); !status) return status.errors();
  const int rows = static_cast<int>(a.size());
  const int columns = static_cast<int>(a[0].size());
  const RationalMatrix pa = ShiftedPositive(a);
  const RationalMatrix pb = ShiftedPositive(b);
  // P = {x >= 0 : B'x <= 1}: x_i carries label i, the slack of column j label rows + j.
  RationalMatrix b_transposed(columns, RationalVector(rows));
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < columns; ++j) b_transposed[j][i] = pb[i][j];
  }
  std::vector<int> labels_p(rows + columns);
  for (int v = 0; v < rows + columns; ++v) labels_p[v] = v;
  // Q = {y >= 0 : A y <= 1}: y_j carries label rows + j, the slack of row i label i.
  std::vector<int> labels_q(rows + columns);
  for (int j = 0; j < columns; ++j) labels_q[j] = rows + j;
  for (int i = 0; i < rows; ++i) labels_q[columns + i] = i;

  const int label_count = rows + columns;
  bool p_limit = false, q_limit = false;
  const auto p_vertices =
      EnumerateLabelledVertices(b_transposed, labels_p, label_count, options.max_bases, p_limit);
  const auto q_vertices =
      EnumerateLabelledVertices(pa, labels_q, label_count, options.max_bases, q_limit);
  EnumMixedResult result;
  result.hit_limit = p_limit || q_limit;
  result.vertices_row_polytope = static_cast<long>(p_vertices.size());
  result.vertices_column_polytope = static_cast<long>(q_vertices.size());
  for (const LabelledVertex& x : p_vertices) {
    for (const LabelledVertex& y : q_vertices) {
      if (!CompletelyLabelled(x, y)) continue;
      result.equilibria.push_back({Normalised(x.coordinates), Normalised(y.coordinates), 0});
    }
  }
  return result;
}

}  // namespace redline::games
