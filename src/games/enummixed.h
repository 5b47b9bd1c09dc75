// All extreme Nash equilibria of a two-player normal-form game, exactly, by enumerating the
// vertices of the two best-response polytopes (Avis, Rosenberg, Savani & von Stengel 2010,
// "Enumeration of Nash equilibria for two-player games", Economic Theory 42).
//
// With payoffs shifted positive, P = {x >= 0 : B'x <= 1} and Q = {y >= 0 : A y <= 1}. A vertex
// carries the labels of its tight inequalities; a pair of non-zero vertices (x, y) whose
// labels cover all strategies is, normalised, an extreme equilibrium. Vertices are found by
// a breadth-first search over all feasible bases (adjacent bases differ by one pivot), so
// degenerate games — where a vertex has more tight inequalities than its dimension and
// several bases — are handled: every extreme equilibrium is listed once. The set of all
// equilibria of a degenerate game is a union of convex hulls of these extreme points
// (maximal Nash subsets); the subsets themselves are not computed.
//
// Cost: proportional to the number of feasible bases, which can grow exponentially with the
// size of the game; `max_bases` bounds the search.
#pragma once

#include <vector>

#include "core/status.h"
#include "games/lemke_howson.h"

namespace redline::games {

struct EnumMixedOptions {
  // Per polytope; reaching it stops the search (hit_limit). The exact search also stops when
  // the bases waiting to be expanded would hold more than about 2·10^6 rational entries.
  long max_bases = 2'000'000;
  // Skip the fast path for non-degenerate games (vertices found in doubles, equilibria
  // recomputed and checked exactly) and search every basis exactly.
  bool exact_only = false;
};

struct EnumMixedResult {
  std::vector<BimatrixEquilibrium> equilibria;  // in a deterministic order (pivots = 0)
  long vertices_row_polytope = 0;               // non-zero vertices of P
  long vertices_column_polytope = 0;
  // The basis limit stopped the search: `equilibria` are equilibria, but maybe not all.
  bool hit_limit = false;
};

// A: row player's payoffs, B: column player's payoffs (both rows × columns).
// Errors: bad shapes. Reaching the basis limit is reported by hit_limit.
Result<EnumMixedResult> EnumerateExtremeEquilibria(const RationalMatrix& a, const RationalMatrix& b,
                                                   const EnumMixedOptions& options = {});

}  // namespace redline::games
