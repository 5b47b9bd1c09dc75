#include "games/enummixed_vertices.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <unordered_set>

#include "games/lcp_float.h"

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
  // Each waiting basis holds a rational tableau: bound their total size (about 2·10^6
  // entries) as well as the number of bases, so that a huge degenerate game stops at a
  // limit instead of exhausting memory.
  const std::size_t entries_per_state = static_cast<std::size_t>(rows) * (dimension + rows);
  const std::size_t max_frontier = std::max<std::size_t>(1, 2'000'000 / entries_per_state);
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
        std::vector<int> next_basis = state.basis;
        next_basis[row] = column;
        std::sort(next_basis.begin(), next_basis.end());
        if (!seen_bases.insert(std::move(next_basis)).second) continue;
        if (static_cast<long>(seen_bases.size()) > max_bases || frontier.size() >= max_frontier) {
          hit_limit = true;
          break;
        }
        frontier.push_back(Pivoted(state, row, column));
      }
      if (hit_limit) break;
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

namespace {

constexpr double kZero = 1e-9;

// B^-1 [C | I | 1] in doubles for the basis `basis` (partial pivoting), row-major with
// `width` = variables + 1 columns; basic_of_row[i] is the variable basic in row i. False
// when the basis looks singular.
bool DoubleTableau(const std::vector<double>& start, int rows, int width,
                   const std::vector<int>& basic_variables, std::vector<double>& t,
                   std::vector<int>& basic_of_row) {
  t = start;
  basic_of_row.assign(rows, -1);
  std::vector<char> used(rows, 0);
  for (int v : basic_variables) {
    int row = -1;
    double largest = kZero;
    for (int i = 0; i < rows; ++i) {
      if (!used[i] && std::fabs(t[i * width + v]) > largest) {
        largest = std::fabs(t[i * width + v]);
        row = i;
      }
    }
    if (row < 0) return false;
    used[row] = 1;
    basic_of_row[row] = v;
    double* p = &t[row * width];
    const double pivot = p[v];
    for (int k = 0; k < width; ++k) p[k] /= pivot;
    for (int i = 0; i < rows; ++i) {
      if (i == row) continue;
      double* r = &t[i * width];
      const double f = r[v];
      if (f == 0.0) continue;
      for (int k = 0; k < width; ++k) r[k] -= f * p[k];
      r[v] = 0.0;
    }
  }
  return true;
}

}  // namespace

bool EnumerateVerticesInDoubles(const RationalMatrix& c,
                                const std::vector<int>& labels_of_variables, long max_bases,
                                std::vector<MaskedVertex>& vertices, bool& hit_limit) {
  const int rows = static_cast<int>(c.size());
  const int dimension = static_cast<int>(c[0].size());
  const int variables = dimension + rows;
  if (variables > kMaxMaskedVariables) return false;
  for (int label : labels_of_variables) {
    if (label < 0 || label >= kMaxMaskedVariables) return false;
  }
  const int width = variables + 1;
  std::vector<double> start(static_cast<std::size_t>(rows) * width, 0.0);
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < dimension; ++j) start[i * width + j] = c[i][j].get_d();
    start[i * width + dimension + i] = 1.0;
    start[i * width + variables] = 1.0;
  }
  VariableMask first;
  for (int i = 0; i < rows; ++i) first.set(dimension + i);
  std::unordered_set<VariableMask> seen{first};
  std::vector<VariableMask> stack{first};
  std::vector<double> t;
  std::vector<int> basic_of_row, basic_variables;
  vertices.clear();
  while (!stack.empty()) {
    const VariableMask basis = stack.back();
    stack.pop_back();
    basic_variables.clear();
    for (int v = 0; v < variables; ++v) {
      if (basis.test(v)) basic_variables.push_back(v);
    }
    if (!DoubleTableau(start, rows, width, basic_variables, t, basic_of_row)) return false;
    for (int i = 0; i < rows; ++i) {
      if (t[i * width + variables] < kZero) return false;  // degenerate (or lost)
    }
    MaskedVertex vertex{basis, {}};
    for (int v = 0; v < variables; ++v) {
      if (!basis.test(v)) vertex.labels.set(labels_of_variables[v]);
    }
    vertices.push_back(vertex);
    for (int entering = 0; entering < variables; ++entering) {
      if (basis.test(entering)) continue;
      int best = -1;
      double best_ratio = 0, second_ratio = 0;
      bool has_second = false;
      for (int i = 0; i < rows; ++i) {
        const double entry = t[i * width + entering];
        if (entry <= kZero) continue;
        const double ratio = t[i * width + variables] / entry;
        if (best < 0 || ratio < best_ratio) {
          if (best >= 0) {
            has_second = true;
            second_ratio = best_ratio;
          }
          best = i;
          best_ratio = ratio;
        } else if (!has_second || ratio < second_ratio) {
          has_second = true;
          second_ratio = ratio;
        }
      }
      if (best < 0) continue;
      if (has_second && second_ratio - best_ratio <= kZero * (1.0 + best_ratio)) return false;
      VariableMask next = basis;
      next.reset(basic_of_row[best]);
      next.set(entering);
      if (!seen.insert(next).second) continue;
      if (static_cast<long>(seen.size()) > max_bases) {
        hit_limit = true;
        return true;
      }
      stack.push_back(next);
    }
  }
  return true;
}

std::optional<LabelledVertex> ExactVertexOfBasis(const RationalMatrix& c, const VariableMask& basis,
                                                 const std::vector<int>& labels_of_variables,
                                                 int label_count) {
  const int rows = static_cast<int>(c.size());
  const int dimension = static_cast<int>(c[0].size());
  const int variables = dimension + rows;
  std::vector<int> basic;
  for (int v = 0; v < variables; ++v) {
    if (basis.test(v)) basic.push_back(v);
  }
  if (static_cast<int>(basic.size()) != rows) return std::nullopt;
  std::vector<SparseRow> system(rows);
  for (int i = 0; i < rows; ++i) {
    for (int k = 0; k < rows; ++k) {
      const int v = basic[k];
      if (v < dimension) {
        if (sgn(c[i][v]) != 0) system[i].emplace_back(k, c[i][v]);
      } else if (v - dimension == i) {
        system[i].emplace_back(k, 1);
      }
    }
  }
  std::optional<RationalVector> solved =
      SolveSparseRational(std::move(system), RationalVector(rows, 1), rows);
  if (!solved) return std::nullopt;
  RationalVector values(variables, 0);
  for (int k = 0; k < rows; ++k) {
    if (sgn((*solved)[k]) < 0) return std::nullopt;
    values[basic[k]] = (*solved)[k];
  }
  LabelledVertex vertex{RationalVector(values.begin(), values.begin() + dimension),
                        std::vector<char>(label_count, 0)};
  for (int v = 0; v < variables; ++v) {
    if (sgn(values[v]) == 0) vertex.labels[labels_of_variables[v]] = 1;
  }
  return vertex;
}

}  // namespace redline::games
