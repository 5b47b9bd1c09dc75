#include "games/enummixed_vertices.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <string>

namespace redline::games {

namespace {

// A feasible basis of C u + s = 1 with its tableau B^-1 [C | I] and B^-1 1.
struct BasisState {
  RationalMatrix tableau;
  RationalVector rhs;
  std::vector<int> basis;  // basis[row] = variable

  std::vector<int> SortedBasis() const {
    std::vector<int> sorted = basis;
    std::sort(sorted.begin(), sorted.end());
    return sorted;
  }
};

BasisState Pivoted(const BasisState& from, int row, int entering) {
  BasisState next = from;
  const mpq_class pivot = next.tableau[row][entering];
  for (mpq_class& v : next.tableau[row]) v /= pivot;
  next.rhs[row] /= pivot;
  for (std::size_t i = 0; i < next.tableau.size(); ++i) {
    if (static_cast<int>(i) == row || sgn(next.tableau[i][entering]) == 0) continue;
    const mpq_class factor = next.tableau[i][entering];
    for (std::size_t k = 0; k < next.tableau[i].size(); ++k) {
      next.tableau[i][k] -= factor * next.tableau[row][k];
    }
    next.rhs[i] -= factor * next.rhs[row];
  }
  next.basis[row] = entering;
  return next;
}

// Rows that a pivot on `column` may leave while staying feasible (minimum ratio, all ties).
std::vector<int> MinimumRatioRows(const BasisState& state, int column) {
  std::vector<int> rows;
  mpq_class best;
  for (std::size_t i = 0; i < state.tableau.size(); ++i) {
    const mpq_class& entry = state.tableau[i][column];
    if (sgn(entry) <= 0) continue;
    const mpq_class ratio = state.rhs[i] / entry;
    if (rows.empty() || ratio < best) {
      rows.assign(1, static_cast<int>(i));
      best = ratio;
    } else if (ratio == best) {
      rows.push_back(static_cast<int>(i));
    }
  }
  return rows;
}

LabelledVertex VertexOf(const BasisState& state, int dimension,
                        const std::vector<int>& labels_of_variables, int label_count) {
  const int variables = static_cast<int>(labels_of_variables.size());
  RationalVector values(variables, 0);
  for (std::size_t row = 0; row < state.basis.size(); ++row)
    values[state.basis[row]] = state.rhs[row];
  LabelledVertex vertex{RationalVector(values.begin(), values.begin() + dimension),
                        std::vector<char>(label_count, 0)};
  for (int v = 0; v < variables; ++v) {
    if (sgn(values[v]) == 0) vertex.labels[labels_of_variables[v]] = 1;
  }
  return vertex;
}

}  // namespace

std::vector<LabelledVertex> EnumerateLabelledVertices(const RationalMatrix& c,
                                                      const std::vector<int>& labels_of_variables,
                                                      int label_count, long max_bases,
                                                      bool& hit_limit) {
  const int rows = static_cast<int>(c.size());
  const int dimension = static_cast<int>(c[0].size());
  BasisState start;
  start.tableau.assign(rows, RationalVector(dimension + rows, 0));
  start.rhs.assign(rows, 1);
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < dimension; ++j) start.tableau[i][j] = c[i][j];
    start.tableau[i][dimension + i] = 1;
    start.basis.push_back(dimension + i);
  }
  std::set<std::vector<int>> seen_bases{start.SortedBasis()};
  std::map<RationalVector, LabelledVertex> vertices;  // ordered: deterministic output
  std::deque<BasisState> frontier{start};
  while (!frontier.empty() && !hit_limit) {
    const BasisState state = std::move(frontier.front());
    frontier.pop_front();
    LabelledVertex vertex = VertexOf(state, dimension, labels_of_variables, label_count);
    vertices.emplace(vertex.coordinates, std::move(vertex));
    std::vector<char> is_basic(dimension + rows, 0);
    for (int v : state.basis) is_basic[v] = 1;
    for (int column = 0; column < dimension + rows; ++column) {
      if (is_basic[column]) continue;
      for (int row : MinimumRatioRows(state, column)) {
        BasisState next = Pivoted(state, row, column);
        if (!seen_bases.insert(next.SortedBasis()).second) continue;
        if (static_cast<long>(seen_bases.size()) > max_bases) {
          hit_limit = true;
          break;
        }
        frontier.push_back(std::move(next));
      }
    }
  }
  std::vector<LabelledVertex> out;
  for (auto& [coordinates, vertex] : vertices) {
    const bool is_zero = std::all_of(coordinates.begin(), coordinates.end(),
                                     [](const mpq_class& v) { return sgn(v) == 0; });
    if (!is_zero) out.push_back(std::move(vertex));
  }
  return out;
}

}  // namespace redline::games
