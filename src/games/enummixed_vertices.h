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
};

// `labels_of_variables[v]` is the label of variable v: variables 0..k-1 are u (u_v >= 0),
// k..k+rows-1 the slacks of C u <= 1. The zero vertex is omitted. When more than
// `max_bases` bases would be visited the search stops, `hit_limit` is set and the vertices
// found so far are returned.
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

// The exact vertex of the basis `basis` (u and the labels of its exact zeros), or nothing
// when the basis is singular or infeasible.
std::optional<LabelledVertex> ExactVertexOfBasis(const RationalMatrix& c, const VariableMask& basis,
                                                 const std::vector<int>& labels_of_variables,
                                                 int label_count);

}  // namespace redline::games
