#include "games/logit_system.h"

#include <cmath>
#include <utility>

namespace redline::games {

void EvaluateLogitSystem(const NormalFormGame& game, const std::vector<double>& w, double lambda,
                         std::vector<double>& f, DenseMatrix& jacobian) {
  const int players = game.num_players();
  const int entries = game.num_profile_entries();
  std::vector<double> sigma(entries);
  for (int k = 0; k < entries; ++k) sigma[k] = std::exp(w[k]);
  // u[i·] : payoff of each pure strategy; du[(i, j)][(k, l)] its derivative in σ_kl.
  std::vector<double> u(entries, 0.0);
  DenseMatrix du(entries, std::vector<double>(entries, 0.0));
  for (int64_t cell = 0; cell < game.num_cells(); ++cell) {
    const std::vector<int> s = game.StrategiesOf(cell);
    for (int i = 0; i < players; ++i) {
      const double payoff = game.payoff(cell, i);
      if (payoff == 0.0) continue;
      const int row = game.strategy_offset(i) + s[i];
      double others = payoff;
      for (int m = 0; m < players; ++m) {
        if (m != i) others *= sigma[game.strategy_offset(m) + s[m]];
      }
      u[row] += others;
      for (int k = 0; k < players; ++k) {
        if (k == i) continue;
        double rest = payoff;
        for (int m = 0; m < players; ++m) {
          if (m != i && m != k) rest *= sigma[game.strategy_offset(m) + s[m]];
        }
        du[row][game.strategy_offset(k) + s[k]] += rest;
      }
    }
  }
  f.assign(entries, 0.0);
  jacobian.assign(entries, std::vector<double>(entries + 1, 0.0));
  for (int i = 0; i < players; ++i) {
    const int base = game.strategy_offset(i);
    const int count = game.num_strategies(i);
    f[base] = -1.0;
    for (int j = 0; j < count; ++j) {
      f[base] += sigma[base + j];
      jacobian[base][base + j] = sigma[base + j];
    }
    for (int j = 1; j < count; ++j) {
      const int row = base + j;
      f[row] = w[row] - w[base] - lambda * (u[row] - u[base]);
      jacobian[row][row] += 1.0;
      jacobian[row][base] -= 1.0;
      for (int col = 0; col < entries; ++col) {
        if (col >= base && col < base + count) continue;
        jacobian[row][col] -= lambda * (du[row][col] - du[base][col]) * sigma[col];
      }
      jacobian[row][entries] = -(u[row] - u[base]);
    }
  }
}

bool SolveDense(DenseMatrix a, std::vector<double>& b) {
  const int n = static_cast<int>(b.size());
  for (int c = 0; c < n; ++c) {
    int pivot = c;
    for (int r = c + 1; r < n; ++r) {
      if (std::fabs(a[r][c]) > std::fabs(a[pivot][c])) pivot = r;
    }
    if (std::fabs(a[pivot][c]) < 1e-300) return false;
    std::swap(a[c], a[pivot]);
    std::swap(b[c], b[pivot]);
    for (int r = c + 1; r < n; ++r) {
      const double factor = a[r][c] / a[c][c];
      if (factor == 0.0) continue;
      for (int k = c; k < n; ++k) a[r][k] -= factor * a[c][k];
      b[r] -= factor * b[c];
    }
  }
  for (int c = n - 1; c >= 0; --c) {
    for (int k = c + 1; k < n; ++k) b[c] -= a[c][k] * b[k];
    b[c] /= a[c][c];
  }
  return true;
}

}  // namespace redline::games
