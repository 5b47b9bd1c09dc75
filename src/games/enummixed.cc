#include "games/enummixed.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

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

// The fast path (enummixed_vertices.h): both polytopes' vertices found in doubles, non-
// degenerate, so a vertex's labels are exactly its non-basic variables and x pairs with the
// y whose labels are the complement of its own. Every pair is then recomputed exactly and
// checked (feasible, completely labelled). Nothing when either polytope looks degenerate or
// an exact check fails: the caller enumerates exactly.
std::optional<EnumMixedResult> EnumerateInDoubles(const RationalMatrix& p_matrix,
                                                  const std::vector<int>& labels_p,
                                                  const RationalMatrix& q_matrix,
                                                  const std::vector<int>& labels_q, int label_count,
                                                  const EnumMixedOptions& options) {
  if (label_count > kMaxMaskedVariables) return std::nullopt;
  std::vector<MaskedVertex> p_vertices, q_vertices;
  bool p_limit = false, q_limit = false;
  if (!EnumerateVerticesInDoubles(p_matrix, labels_p, options.max_bases, p_vertices, p_limit) ||
      !EnumerateVerticesInDoubles(q_matrix, labels_q, options.max_bases, q_vertices, q_limit)) {
    return std::nullopt;
  }
  if (p_limit || q_limit) return std::nullopt;  // the exact search reports the limit
  VariableMask all;
  for (int l = 0; l < label_count; ++l) all.set(l);
  std::unordered_map<VariableMask, std::vector<std::size_t>> q_by_labels;
  // Vertex 0 of each list is the zero vertex (the starting basis): never part of a pair.
  for (std::size_t k = 1; k < q_vertices.size(); ++k)
    q_by_labels[q_vertices[k].labels].push_back(k);
  std::vector<std::pair<LabelledVertex, LabelledVertex>> pairs;
  for (std::size_t k = 1; k < p_vertices.size(); ++k) {
    auto it = q_by_labels.find(all & ~p_vertices[k].labels);
    if (it == q_by_labels.end()) continue;
    std::optional<LabelledVertex> x =
        ExactVertexOfBasis(p_matrix, p_vertices[k].basis, labels_p, label_count);
    if (!x) return std::nullopt;
    for (std::size_t j : it->second) {
      std::optional<LabelledVertex> y =
          ExactVertexOfBasis(q_matrix, q_vertices[j].basis, labels_q, label_count);
      if (!y || !CompletelyLabelled(*x, *y)) return std::nullopt;
      pairs.emplace_back(*x, std::move(*y));
    }
  }
  // The exact enumeration's order: x's coordinates, then y's, lexicographically.
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    if (a.first.coordinates != b.first.coordinates)
      return a.first.coordinates < b.first.coordinates;
    return a.second.coordinates < b.second.coordinates;
  });
  EnumMixedResult result;
  result.vertices_row_polytope = static_cast<long>(p_vertices.size()) - 1;
  result.vertices_column_polytope = static_cast<long>(q_vertices.size()) - 1;
  for (const auto& [x, y] : pairs) {
    result.equilibria.push_back({Normalised(x.coordinates), Normalised(y.coordinates), 0});
  }
  return result;
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
  if (!options.exact_only) {
    if (std::optional<EnumMixedResult> fast =
            EnumerateInDoubles(b_transposed, labels_p, pa, labels_q, label_count, options)) {
      return *fast;
    }
  }
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
