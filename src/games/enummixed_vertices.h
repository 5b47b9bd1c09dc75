// Vertex enumeration of a polytope {u >= 0 : C u <= 1} with C > 0, by breadth-first search
// over its feasible bases. Internal to enummixed.
#pragma once

#include <bitset>
#include <optional>
#include <vector>

#include "core/status.h"
#include "games/lcp_tableau.h"

namespace redline::games {

struct LabelledVertex {
  RationalVector coordinates;  // u
  std::vector<char> labels;    // labels[l] != 0 when inequality l is tight
  // Where gambit-enummixed meets this vertex (see GambitVertexRanks; degenerate polytopes
  // included), or -1 when not computed (the search hit its limit).
  int gambit_rank = -1;
};

// `labels_of_variables[v]` is the label of variable v: variables 0..k-1 are u (u_v >= 0),
// k..k+rows-1 the slacks of C u <= 1. The zero vertex is omitted. When more than
// `max_bases` bases would be visited the search stops, `hit_limit` is set and the vertices
// found so far are returned. Otherwise each vertex's gambit_rank is set: the search visits
// every feasible basis, so Gambit's reverse-search tree over bases can be rebuilt exactly,
// ties included (see GambitVertexRanks; on a degenerate polytope Bland's leaving variable
// is the tied one of least Gambit label, a vertex is recorded at the bases that are
// lexicographically minimal in Gambit's sense, and children of equal entering label come in
// the order of the pivot row in Gambit's tableau).
std::vector<LabelledVertex> EnumerateLabelledVertices(const RationalMatrix& c,
                                                      const std::vector<int>& labels_of_variables,
                                                      int label_count, long max_bases,
                                                      bool& hit_limit);

// Polytopes whose variables fit a mask: at most this many (u and slacks together).
inline constexpr int kMaxMaskedVariables = 128;
using VariableMask = std::bitset<kMaxMaskedVariables>;

// A vertex found in doubles: its basis (basic variables) and its labels (those of the
// non-basic variables — all its tight inequalities, the polytope being non-degenerate).
struct MaskedVertex {
  VariableMask basis;
  VariableMask labels;
};

// The fast path for non-degenerate polytopes: the same search over bases, each basis's
// tableau recomputed in doubles from C (no error carried from pivot to pivot). Returns false
// as soon as the polytope looks degenerate (a basic value, or two ratios of the ratio test,
// equal within a relative 1e-9) or too large for a mask: the caller then enumerates exactly
// with EnumerateLabelledVertices. On success `vertices` holds every vertex, the zero vertex
// first. `hit_limit` as for EnumerateLabelledVertices.
bool EnumerateVerticesInDoubles(const RationalMatrix& c,
                                const std::vector<int>& labels_of_variables, long max_bases,
                                std::vector<MaskedVertex>& vertices, bool& hit_limit);

// The order in which gambit-enummixed (17) meets the vertices, which is the order it lists
// equilibria in (player 1's vertex, then player 2's). Gambit enumerates by Avis–Fukuda
// reverse search: the root is the zero vertex, and every other vertex's parent is the
// neighbour that one simplex pivot for "minimise the sum of u" reaches under Bland's rule —
// entering variable the improving one of least Gambit label, where the slacks of rows m..1
// come first, then u_1..u_k; vertices are recorded in depth-first preorder, children in
// increasing Gambit label of the variable that enters from the parent. Defined here for
// non-degenerate polytopes (one basis per vertex): `bases` are all their vertices' bases,
// the zero vertex's included, and the result is each one's rank in that order. The
// tableaux are computed in doubles; nothing when a reduced cost or a ratio is too close to
// a tie to decide, or the bases do not form one tree (the caller keeps its own order).
std::optional<std::vector<int>> GambitVertexRanks(const RationalMatrix& c,
                                                  const std::vector<VariableMask>& bases);

// The exact vertex of the basis `basis` (u and the labels of its exact zeros), or nothing
// when the basis is singular or infeasible.
std::optional<LabelledVertex> ExactVertexOfBasis(const RationalMatrix& c, const VariableMask& basis,
                                                 const std::vector<int>& labels_of_variables,
                                                 int label_count);

}  // namespace redline::games
