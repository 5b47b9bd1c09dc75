#include "games/logit_system.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace redline::games {

void DenseMatrix::Assign(int rows, int cols) {
  rows_ = rows;
  cols_ = cols;
  data_.assign(static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols), 0.0);
}

bool LuFactors::Factor(DenseMatrix a) {
  const int n = a.rows();
  lu_ = std::move(a);
  pivot_.resize(n);
  sign_ = 1;
  for (int c = 0; c < n; ++c) {
    int pivot = c;
    double largest = std::fabs(lu_(c, c));
    for (int r = c + 1; r < n; ++r) {
      if (std::fabs(lu_(r, c)) > largest) {
        largest = std::fabs(lu_(r, c));
        pivot = r;
      }
    }
    if (!(largest > 1e-300)) return false;  // also catches NaN
    pivot_[c] = pivot;
    if (pivot != c) {
      std::swap_ranges(lu_.Row(c), lu_.Row(c) + n, lu_.Row(pivot));
      sign_ = -sign_;
    }
    if (lu_(c, c) < 0) sign_ = -sign_;
    const double* top = lu_.Row(c);
    const double inverse = 1.0 / top[c];
    for (int r = c + 1; r < n; ++r) {
      double* row = lu_.Row(r);
      if (row[c] == 0.0) continue;
      const double factor = row[c] * inverse;
      row[c] = factor;
      for (int k = c + 1; k < n; ++k) row[k] -= factor * top[k];
    }
  }
  return true;
}

namespace {

// Σ a[k] b[k] for k in [0, n), with four partial sums so the compiler can vectorise it.
double Dot(const double* a, const double* b, int n) {
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
  int k = 0;
  for (; k + 4 <= n; k += 4) {
    s0 += a[k] * b[k];
    s1 += a[k + 1] * b[k + 1];
    s2 += a[k + 2] * b[k + 2];
    s3 += a[k + 3] * b[k + 3];
  }
  for (; k < n; ++k) s0 += a[k] * b[k];
  return (s0 + s1) + (s2 + s3);
}

}  // namespace

void LuFactors::Solve(std::vector<double>& b) const {
  const int n = lu_.rows();
  for (int c = 0; c < n; ++c) {
    if (pivot_[c] != c) std::swap(b[c], b[pivot_[c]]);
  }
  for (int r = 1; r < n; ++r) b[r] -= Dot(lu_.Row(r), b.data(), r);
  for (int r = n - 1; r >= 0; --r) {
    const double* row = lu_.Row(r);
    b[r] = (b[r] - Dot(row + r + 1, b.data() + r + 1, n - r - 1)) / row[r];
  }
}

NormalLogitSystem::NormalLogitSystem(const NormalFormGame& game)
    : game_(game), players_(game.num_players()), entries_(game.num_profile_entries()) {
  sigma_.resize(entries_);
  normalised_.resize(entries_);
  u_.resize(entries_);
  pure_.resize(players_);
  if (players_ == 2) {
    du_.Assign(entries_, entries_);
    const int first = game.num_strategies(0);
    for (int64_t cell = 0; cell < game.num_cells(); ++cell) {
      const int i = static_cast<int>(cell % first), j = static_cast<int>(cell / first);
      du_(i, first + j) = game.payoff(cell, 0);
      du_(first + j, i) = game.payoff(cell, 1);
    }
  }
}

void NormalLogitSystem::Evaluate(const std::vector<double>& x, std::vector<double>& f,
                                 DenseMatrix* jacobian) {
  // σ = exp(w) for the sum rows; payoffs use σ̂, normalised per player (see the header).
  for (int i = 0; i < players_; ++i) {
    const int base = game_.strategy_offset(i), count = game_.num_strategies(i);
    double top = x[base];
    for (int j = 1; j < count; ++j) top = std::max(top, x[base + j]);
    double total = 0.0;
    for (int j = 0; j < count; ++j) total += std::exp(x[base + j] - top);
    const double log_total = top + std::log(total);
    for (int j = 0; j < count; ++j) {
      sigma_[base + j] = std::exp(x[base + j]);
      normalised_[base + j] = std::exp(x[base + j] - log_total);
    }
  }
  std::fill(u_.begin(), u_.end(), 0.0);
  if (players_ == 2) {
    // Bimatrix: d u / d σ̂ is the constant payoff matrix, and u is a product with it.
    const int first = game_.num_strategies(0);
    for (int row = 0; row < entries_; ++row) {
      const int from = row < first ? first : 0, to = row < first ? entries_ : first;
      const double* payoffs = du_.Row(row);
      double total = 0.0;
      for (int col = from; col < to; ++col) total += payoffs[col] * normalised_[col];
      u_[row] = total;
    }
  } else {
    AccumulatePayoffs(jacobian != nullptr);
  }
  FillSystem(x, f, jacobian);
}

void NormalLogitSystem::AccumulatePayoffs(bool derivatives) {
  if (derivatives) du_.Assign(entries_, entries_);
  std::fill(pure_.begin(), pure_.end(), 0);
  for (int64_t cell = 0; cell < game_.num_cells(); ++cell) {
    for (int i = 0; i < players_; ++i) {
      const double payoff = game_.payoff(cell, i);
      if (payoff == 0.0) continue;
      const int row = game_.strategy_offset(i) + pure_[i];
      double others = payoff;
      for (int m = 0; m < players_; ++m) {
        if (m != i) others *= normalised_[game_.strategy_offset(m) + pure_[m]];
      }
      u_[row] += others;
      if (!derivatives) continue;
      for (int k = 0; k < players_; ++k) {
        if (k == i) continue;
        double rest = payoff;
        for (int m = 0; m < players_; ++m) {
          if (m != i && m != k) rest *= normalised_[game_.strategy_offset(m) + pure_[m]];
        }
        du_(row, game_.strategy_offset(k) + pure_[k]) += rest;
      }
    }
    // Next cell: player 0's strategy varies fastest.
    for (int m = 0; m < players_; ++m) {
      if (++pure_[m] < game_.num_strategies(m)) break;
      pure_[m] = 0;
    }
  }
}

void NormalLogitSystem::FillSystem(const std::vector<double>& x, std::vector<double>& f,
                                   DenseMatrix* jacobian) const {
  const double lambda = x[entries_];
  f.assign(entries_, 0.0);
  if (jacobian != nullptr) jacobian->Assign(entries_, entries_ + 1);
  for (int i = 0; i < players_; ++i) {
    const int base = game_.strategy_offset(i);
    const int count = game_.num_strategies(i);
    f[base] = -1.0;
    for (int j = 0; j < count; ++j) f[base] += sigma_[base + j];
    for (int j = 1; j < count; ++j) {
      const int row = base + j;
      f[row] = x[row] - x[base] - lambda * (u_[row] - u_[base]);
    }
    if (jacobian == nullptr) continue;
    DenseMatrix& jac = *jacobian;
    for (int j = 0; j < count; ++j) jac(base, base + j) = sigma_[base + j];
    // d u / d w_kl = σ̂_kl (d u / d σ̂_kl − Σ_m σ̂_km d u / d σ̂_km) for another player k.
    const double* du_base = du_.Row(base);
    for (int j = 1; j < count; ++j) {
      const int row = base + j;
      double* out = jac.Row(row);
      const double* du_row = du_.Row(row);
      for (int k = 0; k < players_; ++k) {
        if (k == i) continue;
        const int first = game_.strategy_offset(k), last = first + game_.num_strategies(k);
        double mean = 0.0;
        for (int col = first; col < last; ++col) {
          mean += normalised_[col] * (du_row[col] - du_base[col]);
        }
        for (int col = first; col < last; ++col) {
          out[col] = -lambda * normalised_[col] * (du_row[col] - du_base[col] - mean);
        }
      }
      out[row] += 1.0;
      out[base] -= 1.0;
      out[entries_] = -(u_[row] - u_[base]);
    }
  }
}

double NormalLogitSystem::MaxRegret() const {
  double worst = 0.0;
  for (int i = 0; i < players_; ++i) {
    const int base = game_.strategy_offset(i);
    double best = u_[base], mean = 0.0;
    for (int j = 0; j < game_.num_strategies(i); ++j) {
      best = std::max(best, u_[base + j]);
      mean += normalised_[base + j] * u_[base + j];
    }
    worst = std::max(worst, best - mean);
  }
  return worst;
}

}  // namespace redline::games
