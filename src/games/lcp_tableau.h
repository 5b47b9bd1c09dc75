// Exact complementary pivoting on a linear complementarity problem (LCP):
//
//   find w, z >= 0 with  w = q + M z  (+ d z0 for Lemke's covering vector),  w_i z_i = 0.
//
// The tableau keeps B^-1 [I | -M | -d] and B^-1 q in GMP rationals, so every pivot is exact.
// Ties in the minimum-ratio test are broken lexicographically (rows of B^-1 B0, B0 the
// starting basis: the slacks w unless SetStartingBasis chose another), which makes the
// pivoting well defined on degenerate problems (no cycling). Used by Lemke–Howson
// (lemke_howson.h), Lemke's algorithm (lcp.h) and the sequence-form solver.
//
// Variables are numbered 0..n-1 for w, n..2n-1 for z and 2n for z0; the complement of w_i
// is z_i. Not thread-safe; cheap to copy for small problems.
#pragma once

#include <gmpxx.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace redline::games {

// A Diagnostic without a location, built in one statement (GCC 12 warns about the brace
// form's temporary). Shared by the solvers and the game library.
inline Diagnostic SolverError(std::string message) {
  Diagnostic error;
  error.message = std::move(message);
  return error;
}

using RationalVector = std::vector<mpq_class>;
using RationalMatrix = std::vector<RationalVector>;  // row-major, rows of equal length

// A sparse row: (column, coefficient) pairs with distinct columns.
using SparseRow = std::vector<std::pair<int, mpq_class>>;

// A square matrix kept by its nonzero entries, row by row (columns ascending in each row).
// The sequence form's LCP matrix is mostly zeros, and every zero of a dense RationalMatrix
// is a GMP allocation.
struct SparseRationalMatrix {
  int size = 0;
  std::vector<SparseRow> rows;  // `size` rows

  RationalMatrix Dense() const {
    RationalMatrix dense(size, RationalVector(size));
    for (int i = 0; i < size; ++i) {
      for (const auto& [j, v] : rows[i]) dense[i][j] = v;
    }
    return dense;
  }
};

// Marks `variables`, a starting basis of n variables among `columns`, in `wanted` (sized to
// columns); false if it has the wrong size, a variable out of range or a repeat. Shared by the
// exact and the floating-point tableaux.
inline bool MarkStartingBasis(const std::vector<int>& variables, int n, int columns,
                              std::vector<char>& wanted) {
  if (static_cast<int>(variables.size()) != n) return false;
  wanted.assign(columns, 0);
  for (int v : variables) {
    if (v < 0 || v >= columns || wanted[v]) return false;
    wanted[v] = 1;
  }
  return true;
}

class LcpTableau {
 public:
  // Requires M square of size n, q and covering of size n (covering may be empty when no
  // artificial variable z0 is used).
  LcpTableau(const RationalMatrix& m, const RationalVector& q, const RationalVector& covering);

  int size() const { return n_; }
  int ArtificialVariable() const { return 2 * n_; }
  static int Complement(int variable, int n) { return variable < n ? variable + n : variable - n; }
  int Complement(int variable) const { return Complement(variable, n_); }

  // Brings `entering` into the basis; returns the variable that left, or nothing when the
  // column has no positive entry outside the rows of free variables (ray termination).
  // Keeps the basic solution (lexicographically) feasible provided it was before.
  std::optional<int> PivotIn(int entering);

  // Marks z_i as a free variable (mixed LCP: w_i is an equality that must end at 0). A free
  // basic variable never leaves: its row is skipped by the ratio test. Free variables must
  // be made basic with SetStartingBasis before pivoting; they are never entered by PivotIn.
  void SetFree(int z_index) { free_[z_index] = 1; }

  // Makes `variables` (n distinct ones) the basis by Gauss–Jordan pivots, ignoring the
  // signs of the values; false when their columns are singular. From then on the
  // lexicographic ratio test compares rows of B^-1 B0 with B0 this basis (its columns in
  // variable order), so a degenerate starting basis counts as lexicographically feasible
  // (its rows are unit vectors).
  bool SetStartingBasis(const std::vector<int>& variables);

  // Whether z_i was marked free.
  bool IsFree(int z_index) const { return free_[z_index] != 0; }

  // Lemke's first step: z0 enters at the level that makes q + d z0 >= 0; the leaving
  // variable is the most infeasible w (lexicographically). Requires some q_i < 0.
  int PivotInArtificial();

  bool IsBasic(int variable) const { return row_of_[variable] >= 0; }
  // The current value of `variable` in the basic solution (0 when non-basic).
  mpq_class Value(int variable) const;
  // z as a vector of n values.
  RationalVector ZValues() const;

 private:
  int LexicographicMinimumRow(int column, bool only_positive) const;
  void Pivot(int row, int entering);

  int n_;
  int columns_;
  RationalMatrix tableau_;  // n rows × (2n+1) columns
  RationalVector rhs_;
  std::vector<int> basis_;        // basis_[row] = variable
  std::vector<int> row_of_;       // row of a basic variable, -1 when non-basic
  std::vector<char> free_;        // per z index: a free variable
  std::vector<int> lex_columns_;  // B0: the columns that order ties (initially the w's)
};

}  // namespace redline::games
