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

// Reorders `equilibria` by `keys` (one per equilibrium; equal keys keep their order).
void SortByKeys(const std::vector<std::pair<int, int>>& keys,
                std::vector<BimatrixEquilibrium>& equilibria) {
  std::vector<std::size_t> order(equilibria.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  std::vector<BimatrixEquilibrium> sorted;
  for (std::size_t k : order) sorted.push_back(std::move(equilibria[k]));
  equilibria = std::move(sorted);
}

// Puts `equilibria` (the k-th from the vertices with indices vertex_pairs[k] in p_bases and
// q_bases) in gambit-enummixed's order — player 1's vertex, then player 2's, each in the
// order Gambit's reverse search meets it (GambitVertexRanks) — when both ranks are defined;
// otherwise leaves them as they are.
void SortInGambitOrder(const RationalMatrix& p_matrix, const std::vector<VariableMask>& p_bases,
                       const RationalMatrix& q_matrix, const std::vector<VariableMask>& q_bases,
                       const std::vector<std::pair<std::size_t, std::size_t>>& vertex_pairs,
                       std::vector<BimatrixEquilibrium>& equilibria) {
  const std::optional<std::vector<int>> p_rank = GambitVertexRanks(p_matrix, p_bases);
  if (!p_rank) return;
  const std::optional<std::vector<int>> q_rank = GambitVertexRanks(q_matrix, q_bases);
  if (!q_rank) return;
  std::vector<std::pair<int, int>> keys;
  for (const auto& [p, q] : vertex_pairs) keys.emplace_back((*p_rank)[p], (*q_rank)[q]);
  SortByKeys(keys, equilibria);
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
  std::vector<std::pair<std::size_t, std::size_t>> vertex_pairs;  // indices of each pair
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
      vertex_pairs.emplace_back(k, j);
    }
  }
  // The exact enumeration's order (x's coordinates, then y's, lexicographically), then
  // Gambit's where it is defined.
  std::vector<std::size_t> order(pairs.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (pairs[a].first.coordinates != pairs[b].first.coordinates)
      return pairs[a].first.coordinates < pairs[b].first.coordinates;
    return pairs[a].second.coordinates < pairs[b].second.coordinates;
  });
  EnumMixedResult result;
  result.vertices_row_polytope = static_cast<long>(p_vertices.size()) - 1;
  result.vertices_column_polytope = static_cast<long>(q_vertices.size()) - 1;
  std::vector<std::pair<std::size_t, std::size_t>> sorted_pairs;
  for (std::size_t k : order) {
    const auto& [x, y] = pairs[k];
    result.equilibria.push_back({Normalised(x.coordinates), Normalised(y.coordinates), 0});
    sorted_pairs.push_back(vertex_pairs[k]);
  }
  std::vector<VariableMask> p_bases, q_bases;
  for (const MaskedVertex& v : p_vertices) p_bases.push_back(v.basis);
  for (const MaskedVertex& v : q_vertices) q_bases.push_back(v.basis);
  SortInGambitOrder(p_matrix, p_bases, q_matrix, q_bases, sorted_pairs, result.equilibria);
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
  std::vector<std::pair<int, int>> ranks;  // Gambit's ranks of each equilibrium's vertices
  bool gambit_order = true;
  for (const LabelledVertex& x : p_vertices) {
    for (const LabelledVertex& y : q_vertices) {
      if (!CompletelyLabelled(x, y)) continue;
      result.equilibria.push_back({Normalised(x.coordinates), Normalised(y.coordinates), 0});
      ranks.emplace_back(x.gambit_rank, y.gambit_rank);
      gambit_order = gambit_order && x.gambit_rank >= 0 && y.gambit_rank >= 0;
    }
  }
  if (gambit_order) SortByKeys(ranks, result.equilibria);  // else the coordinate order
  return result;
}

}  // namespace redline::games
