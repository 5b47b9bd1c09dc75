// Vertex enumeration of a polytope {u >= 0 : C u <= 1} with C > 0, by breadth-first search
// over its feasible bases. Internal to enummixed.
#pragma once

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

}  // namespace redline::games
