// Lemke–Howson: one Nash equilibrium of a two-player normal-form (bimatrix) game, exactly.
//
// Lemke & Howson (1964), in the complementary-pivoting form of Shapley (1974) and von
// Stengel (2002, "Computing equilibria for two-person games", Handbook of Game Theory 3,
// ch. 45): after shifting payoffs to be positive, the equilibria are the completely labelled
// points of  x >= 0 ⊥ 1 - A y >= 0,  y >= 0 ⊥ 1 - B'x >= 0,  other than (0, 0). Starting at
// (0, 0) and dropping one label, complementary pivoting follows a path that ends at an
// equilibrium. Lexicographic ratio tests make this correct on degenerate games.
#pragma once

#include "core/status.h"
#include "games/lcp_tableau.h"

namespace redline::games {

struct BimatrixEquilibrium {
  RationalVector row_strategy;     // probabilities over the row player's strategies
  RationalVector column_strategy;  // probabilities over the column player's strategies
  int pivots = 0;
};

// A is the row player's payoff matrix, B the column player's (both rows × columns).
// `dropped_label` in [0, rows + columns): labels 0..rows-1 are the row player's strategies,
// rows.. the column player's. Different labels may reach different equilibria.
// Errors: empty or ragged matrices, a label out of range.
// The path is followed in doubles and its end verified exactly (lcp_float.h), or pivoted
// exactly throughout when that fails or `exact_only` is set; the answer is exact either way.
Result<BimatrixEquilibrium> SolveLemkeHowson(const RationalMatrix& a, const RationalMatrix& b,
                                             int dropped_label = 0, bool exact_only = false);

// Payoffs shifted so that every entry is at least 1 (a positive constant added to all
// entries; equilibria are unchanged). Shared by the polytope-based solvers.
RationalMatrix ShiftedPositive(const RationalMatrix& payoffs);

// Whether both matrices are non-empty and rectangular with the same shape.
Status CheckBimatrixShape(const RationalMatrix& a, const RationalMatrix& b);

}  // namespace redline::games
