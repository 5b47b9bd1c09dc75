#include "games/enummixed_vertices.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "games/lcp_float.h"

namespace redline::games {

namespace {

// Position of variable v in Gambit's label order: slack of row m - 1 (label -m) first, ...,
// slack of row 0 (label -1), then u_0 (label 1), ..., u_{k-1}.
int GambitLabelOrder(int v, int rows, int dimension) {
  return v < dimension ? rows + v : rows - 1 - (v - dimension);
}

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

// One feasible basis in Gambit's reverse-search tree (GambitVertexRanks): the basis, its
// parent (Bland's pivot for "minimise the sum of u"), the variable Bland's pivot takes out
// (`from_parent`: the one the parent brings in to reach this basis) and the one it brings in
// (`back`: its row in the parent's tableau is the pivot row), whether the basis is
// lexicographically minimal in Gambit's sense, and its vertex.
struct SearchNode {
  std::vector<int> basis;   // sorted
  std::vector<int> parent;  // sorted; empty at the root (the zero vertex)
  int from_parent = -1;
  int back = -1;
  bool lexmin = false;
  RationalVector coordinates;
};

// The node of `state`; false when no improving variable exists away from the root (cannot
// happen: then the basis would be optimal, and only the zero vertex is).
bool MakeSearchNode(const BasisState& state, int dimension, bool is_root, SearchNode& node) {
  const int rows = static_cast<int>(state.basis.size());
  const int variables = dimension + rows;
  std::vector<char> is_basic(variables, 0);
  for (int v : state.basis) is_basic[v] = 1;
  node.basis = state.SortedBasis();
  node.coordinates.assign(dimension, 0);
  for (int row = 0; row < rows; ++row) {
    if (state.basis[row] < dimension) node.coordinates[state.basis[row]] = state.rhs[row];
  }
  // Lexicographically minimal (Gambit's Tableau::IsLexMin): no row whose basic value is 0
  // has a negative entry in the column of a variable of smaller Gambit label.
  node.lexmin = true;
  for (int row = 0; row < rows && node.lexmin; ++row) {
    if (sgn(state.rhs[row]) != 0) continue;
    const int order = GambitLabelOrder(state.basis[row], rows, dimension);
    for (int v = 0; v < variables; ++v) {
      if (!is_basic[v] && GambitLabelOrder(v, rows, dimension) < order &&
          sgn(state.tableau[row][v]) < 0) {
        node.lexmin = false;
        break;
      }
    }
  }
  if (is_root) return true;
  // Bland's entering variable: the first improving one (raising it lowers the sum of u) in
  // Gambit's label order — the slacks of rows m - 1, ..., 0, then u_0, ..., u_{k-1}.
  int entering = -1;
  for (int order = 0; order < variables && entering < 0; ++order) {
    const int e = order < rows ? dimension + rows - 1 - order : order - rows;
    if (is_basic[e]) continue;
    mpq_class change = e < dimension ? 1 : 0;
    for (int row = 0; row < rows; ++row) {
      if (state.basis[row] < dimension) change -= state.tableau[row][e];
    }
    if (sgn(change) < 0) entering = e;
  }
  if (entering < 0) return false;
  int leaving_row = -1;
  for (int row : MinimumRatioRows(state, entering)) {
    if (leaving_row < 0 || GambitLabelOrder(state.basis[row], rows, dimension) <
                               GambitLabelOrder(state.basis[leaving_row], rows, dimension)) {
      leaving_row = row;
    }
  }
  if (leaving_row < 0) return false;
  node.from_parent = state.basis[leaving_row];
  node.back = entering;
  std::vector<int> parent = state.basis;
  parent[leaving_row] = entering;
  std::sort(parent.begin(), parent.end());
  node.parent = std::move(parent);
  return true;
}

// Gambit's rank of every recorded vertex, by coordinates: depth-first preorder over the
// tree of `nodes` (nodes[0] is the root), children by (Gambit label of from_parent, row of
// `back` in the parent's tableau, rows placed as Gambit's pivots place them), a vertex ranked
// at the first lexicographically minimal basis that shows it. Empty when the nodes do not
// form one tree.
std::map<RationalVector, int> GambitRanksOfNodes(const std::vector<SearchNode>& nodes, int rows,
                                                 int dimension) {
  std::map<std::vector<int>, int> index_of;
  for (std::size_t k = 0; k < nodes.size(); ++k) index_of.emplace(nodes[k].basis, k);
  std::vector<std::vector<int>> children(nodes.size());
  for (std::size_t k = 1; k < nodes.size(); ++k) {
    const auto parent = index_of.find(nodes[k].parent);
    if (parent == index_of.end()) return {};
    children[parent->second].push_back(static_cast<int>(k));
  }
  std::map<RationalVector, int> rank;
  int next = 0;
  std::size_t visited = 0;
  // Each stack entry: a node and the variable in each row of its Gambit tableau.
  std::vector<std::pair<int, std::vector<int>>> stack;
  std::vector<int> root_rows(rows);
  for (int r = 0; r < rows; ++r) root_rows[r] = dimension + r;
  stack.emplace_back(0, std::move(root_rows));
  while (!stack.empty()) {
    auto [k, row_of] = std::move(stack.back());
    stack.pop_back();
    if (++visited > nodes.size()) return {};
    if (nodes[k].lexmin && rank.emplace(nodes[k].coordinates, next).second) ++next;
    std::vector<std::pair<std::pair<int, int>, int>> ordered;  // ((label, row), child)
    for (int child : children[k]) {
      const auto at = std::find(row_of.begin(), row_of.end(), nodes[child].back);
      if (at == row_of.end()) return {};
      ordered.push_back({{GambitLabelOrder(nodes[child].from_parent, rows, dimension),
                          static_cast<int>(at - row_of.begin())},
                         child});
    }
    std::sort(ordered.begin(), ordered.end());
    for (auto it = ordered.rbegin(); it != ordered.rend(); ++it) {
      std::vector<int> child_rows = row_of;
      child_rows[it->first.second] = nodes[it->second].from_parent;
      stack.emplace_back(it->second, std::move(child_rows));
    }
  }
  if (visited != nodes.size()) return {};
  return rank;
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
  std::vector<SearchNode> nodes;  // Gambit's reverse-search tree, the root first
  bool tree_ok = true;
  while (!frontier.empty() && !hit_limit) {
    const BasisState state = std::move(frontier.front());
    frontier.pop_front();
    if (tree_ok) {
      nodes.emplace_back();
      tree_ok = MakeSearchNode(state, dimension, nodes.size() == 1, nodes.back());
    }
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
  std::map<RationalVector, int> ranks;
  if (tree_ok && !hit_limit) ranks = GambitRanksOfNodes(nodes, rows, dimension);
  std::vector<LabelledVertex> out;
  for (auto& [coordinates, vertex] : vertices) {
    const bool is_zero = std::all_of(coordinates.begin(), coordinates.end(),
                                     [](const mpq_class& v) { return sgn(v) == 0; });
    if (is_zero) continue;
    if (const auto it = ranks.find(coordinates); it != ranks.end()) vertex.gambit_rank = it->second;
    out.push_back(std::move(vertex));
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

// The double tableau's start: [C | I | 1].
std::vector<double> StartTableau(const RationalMatrix& c) {
  const int rows = static_cast<int>(c.size());
  const int dimension = static_cast<int>(c[0].size());
  const int width = dimension + rows + 1;
  std::vector<double> start(static_cast<std::size_t>(rows) * width, 0.0);
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < dimension; ++j) start[i * width + j] = c[i][j].get_d();
    start[i * width + dimension + i] = 1.0;
    start[i * width + width - 1] = 1.0;
  }
  return start;
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
  const std::vector<double> start = StartTableau(c);
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

namespace {

// The sign of the change in the sum of u per unit of non-basic variable `entering`, exactly:
// [entering is a u] - (sum of the basic u's entries of B^-1 a_entering); nothing when the
// basis is singular.
std::optional<int> ExactObjectiveChange(const RationalMatrix& c,
                                        const std::vector<int>& basic_variables, int entering) {
  const int rows = static_cast<int>(c.size());
  const int dimension = static_cast<int>(c[0].size());
  auto entry = [&](int row, int v) -> mpq_class {
    return v < dimension ? c[row][v] : mpq_class(v - dimension == row ? 1 : 0);
  };
  std::vector<SparseRow> system(rows);
  RationalVector rhs(rows);
  for (int i = 0; i < rows; ++i) {
    for (int k = 0; k < rows; ++k) {
      mpq_class v = entry(i, basic_variables[k]);
      if (sgn(v) != 0) system[i].emplace_back(k, std::move(v));
    }
    rhs[i] = entry(i, entering);
  }
  std::optional<RationalVector> column = SolveSparseRational(std::move(system), rhs, rows);
  if (!column) return std::nullopt;
  mpq_class change = entering < dimension ? 1 : 0;
  for (int k = 0; k < rows; ++k) {
    if (basic_variables[k] < dimension) change -= (*column)[k];
  }
  return sgn(change);
}

}  // namespace

std::optional<std::vector<int>> GambitVertexRanks(const RationalMatrix& c,
                                                  const std::vector<VariableMask>& bases) {
  const int rows = static_cast<int>(c.size());
  const int dimension = static_cast<int>(c[0].size());
  const int variables = dimension + rows;
  const int width = variables + 1;
  if (variables > kMaxMaskedVariables) return std::nullopt;
  const std::vector<double> start = StartTableau(c);
  VariableMask origin;
  for (int i = 0; i < rows; ++i) origin.set(dimension + i);
  std::unordered_map<VariableMask, int> index_of;
  for (std::size_t k = 0; k < bases.size(); ++k) {
    if (!index_of.emplace(bases[k], static_cast<int>(k)).second) return std::nullopt;
  }
  const auto root = index_of.find(origin);
  if (root == index_of.end()) return std::nullopt;
  // children[parent]: (Gambit order of the variable entering from the parent, child).
  std::vector<std::vector<std::pair<int, int>>> children(bases.size());
  std::vector<double> t;
  std::vector<int> basic_of_row, basic_variables;
  for (std::size_t k = 0; k < bases.size(); ++k) {
    if (bases[k] == origin) continue;
    basic_variables.clear();
    for (int v = 0; v < variables; ++v) {
      if (bases[k].test(v)) basic_variables.push_back(v);
    }
    if (static_cast<int>(basic_variables.size()) != rows ||
        !DoubleTableau(start, rows, width, basic_variables, t, basic_of_row)) {
      return std::nullopt;
    }
    // Bland's entering variable: the improving one (raising it lowers the sum of u) of
    // least Gambit label.
    int entering = -1;
    for (int e = 0; e < variables; ++e) {
      if (bases[k].test(e)) continue;
      double change = e < dimension ? 1.0 : 0.0, size = std::fabs(change);
      for (int i = 0; i < rows; ++i) {
        if (basic_of_row[i] < dimension) {
          change -= t[i * width + e];
          size += std::fabs(t[i * width + e]);
        }
      }
      if (std::fabs(change) <= kZero * (1.0 + size)) {
        // Too close to call in doubles (often exactly 0: the edge keeps the sum of u).
        const std::optional<int> sign = ExactObjectiveChange(c, basic_variables, e);
        if (!sign) return std::nullopt;
        change = *sign;
      }
      if (change < 0 && (entering < 0 || GambitLabelOrder(e, rows, dimension) <
                                             GambitLabelOrder(entering, rows, dimension))) {
        entering = e;
      }
    }
    if (entering < 0) return std::nullopt;  // only the zero vertex is optimal
    int best = -1;
    double best_ratio = 0;
    for (int i = 0; i < rows; ++i) {
      const double entry = t[i * width + entering];
      if (entry <= kZero) continue;
      const double ratio = t[i * width + variables] / entry;
      if (best >= 0 && std::fabs(ratio - best_ratio) <= kZero * (1.0 + best_ratio)) {
        return std::nullopt;  // degenerate
      }
      if (best < 0 || ratio < best_ratio) {
        best = i;
        best_ratio = ratio;
      }
    }
    if (best < 0) return std::nullopt;
    VariableMask parent = bases[k];
    parent.reset(basic_of_row[best]);
    parent.set(entering);
    const auto found = index_of.find(parent);
    if (found == index_of.end()) return std::nullopt;
    children[found->second].emplace_back(GambitLabelOrder(basic_of_row[best], rows, dimension),
                                         static_cast<int>(k));
  }
  // Depth-first preorder from the zero vertex, children in Gambit label order.
  std::vector<int> rank(bases.size(), -1);
  std::vector<int> stack{root->second};
  int next = 0;
  while (!stack.empty()) {
    const int k = stack.back();
    stack.pop_back();
    if (rank[k] >= 0) return std::nullopt;  // not a tree
    rank[k] = next++;
    std::sort(children[k].begin(), children[k].end());
    for (auto it = children[k].rbegin(); it != children[k].rend(); ++it) {
      stack.push_back(it->second);
    }
  }
  if (next != static_cast<int>(bases.size())) return std::nullopt;
  return rank;
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
