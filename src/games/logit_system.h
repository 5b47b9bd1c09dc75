// Internal to logit: the normal-form QRE equations and their Jacobian, and the dense linear
// algebra the path tracer needs (a row-major matrix and its LU factors).
#pragma once

#include <cstdint>
#include <vector>

#include "games/normal_form.h"

namespace redline::games {

// A dense row-major matrix of doubles.
class DenseMatrix {
 public:
  DenseMatrix() = default;
  DenseMatrix(int rows, int cols) { Assign(rows, cols); }

  // Resizes to rows × cols, every entry 0.
  void Assign(int rows, int cols);
  int rows() const { return rows_; }
  int cols() const { return cols_; }
  double& operator()(int row, int col) { return data_[Index(row, col)]; }
  double operator()(int row, int col) const { return data_[Index(row, col)]; }
  double* Row(int row) { return data_.data() + Index(row, 0); }
  const double* Row(int row) const { return data_.data() + Index(row, 0); }

 private:
  std::size_t Index(int row, int col) const {
    return static_cast<std::size_t>(row) * static_cast<std::size_t>(cols_) +
           static_cast<std::size_t>(col);
  }
  int rows_ = 0, cols_ = 0;
  std::vector<double> data_;
};

// LU factors (partial pivoting) of a square matrix: solves and the sign of the determinant.
class LuFactors {
 public:
  // Factors `a` (taken over). False when a pivot vanishes (to rounding relative to the
  // largest entry of its column), i.e. the matrix is singular.
  bool Factor(DenseMatrix a);
  // Solves A x = b in place.
  void Solve(std::vector<double>& b) const;
  // +1 or −1: the sign of det A.
  int DeterminantSign() const { return sign_; }

 private:
  DenseMatrix lu_;
  std::vector<int> pivot_;  // row swapped with row c at column c
  int sign_ = 1;
};

// F(w, λ) = 0 of the normal-form QRE at x = (w, λ), w the log-profile: per player i,
// Σ_j exp(w_ij) − 1 and w_ij − w_i0 − λ (u_ij(σ̂) − u_i0(σ̂)) for j ≥ 1, where σ̂ is
// exp(w) normalised per player. On the curve σ̂ = exp(w); off it (where the corrector works)
// payoffs do not scale with Σ_j exp(w_ij) − 1, which would otherwise multiply payoffs far
// from 0 and make the equations needlessly ill-conditioned. The payoff tensor is walked once
// per evaluation without allocating; cost O(cells · players²) with the Jacobian,
// O(cells · players) without.
class NormalLogitSystem {
 public:
  explicit NormalLogitSystem(const NormalFormGame& game);

  // f (entries values) and, when `jacobian` is not null, [F_w | F_λ] (entries × entries + 1).
  void Evaluate(const std::vector<double>& x, std::vector<double>& f, DenseMatrix* jacobian);
  // At the point last evaluated: the largest regret of a player, max_j u_ij − Σ_j σ_ij u_ij.
  double MaxRegret() const;

 private:
  // u_ (and du_ when `derivatives`) by one walk over the payoff tensor.
  void AccumulatePayoffs(bool derivatives);
  // f and the Jacobian from u_ and du_.
  void FillSystem(const std::vector<double>& x, std::vector<double>& f,
                  DenseMatrix* jacobian) const;

  const NormalFormGame& game_;
  int players_ = 0;
  int entries_ = 0;
  std::vector<double> sigma_;       // exp(w)
  std::vector<double> normalised_;  // σ̂
  std::vector<double> u_;           // payoff of each pure strategy against σ̂
  DenseMatrix du_;         // d u_row / d σ̂_col (col of another player); constant for 2 players
  std::vector<int> pure_;  // odometer over cells: the strategy of each player
};

}  // namespace redline::games
