// Internal to cfr.cc / cfr_mccfr.cc: regret tables, the average strategy and the shared
// iteration loop with NashConv checkpoints.
#pragma once

#include <algorithm>
#include <vector>

#include "games/cfr.h"

namespace redline::games {

// Regret tables and strategy sums, indexed by flat action index.
// Instantaneous regrets of one traversal go to `pending` and are folded into `regret` after
// the walk, so every node of an infoset sees the same current strategy.
struct CfrTables {
  std::vector<double> regret, pending, strategy_sum;
  explicit CfrTables(const ExtensiveGame& game)
      : regret(game.num_actions(), 0.0),
        pending(game.num_actions(), 0.0),
        strategy_sum(game.num_actions(), 0.0) {}

  // Adds the pending regrets; `plus` clips cumulative regrets at 0 (regret matching+).
  void ApplyPending(bool plus) {
    for (std::size_t k = 0; k < regret.size(); ++k) {
      regret[k] += pending[k];
      if (plus && regret[k] < 0) regret[k] = 0;
      pending[k] = 0;
    }
  }

  // Regret matching: positive regrets normalised; uniform when none is positive.
  void CurrentStrategy(const ExtensiveGame& game, InfosetId h, double* out) const {
    const int actions = game.infoset(h).num_actions();
    const int first = game.action_index(h, 0);
    double total = 0;
    for (int a = 0; a < actions; ++a) total += std::max(regret[first + a], 0.0);
    for (int a = 0; a < actions; ++a) {
      out[a] = total > 0 ? std::max(regret[first + a], 0.0) / total : 1.0 / actions;
    }
  }
};

inline double OutcomePayoff(const ExtensiveGame& game, NodeId id, int player) {
  const OutcomeId outcome = game.node(id).outcome;
  return outcome == kNoOutcome ? 0.0 : game.outcomes()[outcome].payoffs[player].real();
}

inline BehaviorProfile AverageStrategy(const ExtensiveGame& game, const std::vector<double>& sums) {
  BehaviorProfile profile(game.num_actions(), 0.0);
  for (const Player& player : game.players()) {
    for (InfosetId h : player.infosets) {
      const int actions = game.infoset(h).num_actions();
      const int first = game.action_index(h, 0);
      double total = 0;
      for (int a = 0; a < actions; ++a) total += sums[first + a];
      for (int a = 0; a < actions; ++a) {
        profile[first + a] = total > 0 ? sums[first + a] / total : 1.0 / actions;
      }
    }
  }
  return profile;
}

// Runs `iterate(t)` until the tolerance or the limit, checkpointing NashConv.
template <typename Iterate>
CfrResult RunCfrLoop(const ExtensiveGame& game, const CfrOptions& options, CfrTables& tables,
                     Iterate iterate) {
  CfrResult result;
  for (int64_t t = 1; t <= options.max_iterations; ++t) {
    iterate(t);
    result.iterations = t;
    if (t % options.checkpoint_every == 0 || t == options.max_iterations) {
      const double conv = NashConv(game, AverageStrategy(game, tables.strategy_sum));
      result.checkpoints.push_back({t, conv});
      if (conv <= options.tolerance) {
        result.converged = true;
        break;
      }
    }
  }
  result.hit_limit = !result.converged;
  result.average = AverageStrategy(game, tables.strategy_sum);
  return result;
}

}  // namespace redline::games
