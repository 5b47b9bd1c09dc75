#include "games/cfr.h"

#include <algorithm>

#include "games/cfr_tables.h"

namespace redline::games {

namespace {

struct CfrPlusWalker {
  const ExtensiveGame& game;
  CfrTables& tables;
  int traverser;
  double weight;  // linear averaging weight t

  double Walk(NodeId id, double own_reach, double other_reach) {
    double value = OutcomePayoff(game, id, traverser);
    const Node& node = game.node(id);
    if (node.is_terminal()) return value;
    const Infoset& infoset = game.infoset(node.infoset);
    const int actions = infoset.num_actions();
    if (infoset.player == kChancePlayer) {
      for (int a = 0; a < actions; ++a) {
        const double p = infoset.chance_probabilities[a].real();
        if (p > 0) value += p * Walk(game.child(id, a), own_reach, other_reach * p);
      }
      return value;
    }
    std::vector<double> sigma(actions);
    tables.CurrentStrategy(game, node.infoset, sigma.data());
    if (infoset.player != traverser) {
      for (int a = 0; a < actions; ++a) {
        if (sigma[a] > 0) {
          value += sigma[a] * Walk(game.child(id, a), own_reach, other_reach * sigma[a]);
        }
      }
      return value;
    }
    std::vector<double> child_values(actions);
    double node_value = 0;
    for (int a = 0; a < actions; ++a) {
      child_values[a] = Walk(game.child(id, a), own_reach * sigma[a], other_reach);
      node_value += sigma[a] * child_values[a];
    }
    const int first = game.action_index(node.infoset, 0);
    for (int a = 0; a < actions; ++a) {
      tables.pending[first + a] += other_reach * (child_values[a] - node_value);
      tables.strategy_sum[first + a] += weight * own_reach * sigma[a];
    }
    return value + node_value;
  }
};

}  // namespace

CfrResult SolveCfrPlus(const ExtensiveGame& game, const CfrOptions& options) {
  CfrTables tables(game);
  return RunCfrLoop(game, options, tables, [&](int64_t t) {
    for (int player = 0; player < game.num_players(); ++player) {
      CfrPlusWalker walker{game, tables, player, static_cast<double>(t)};
      walker.Walk(game.root(), 1.0, 1.0);
      tables.ApplyPending(/*plus=*/true);
    }
  });
}

}  // namespace redline::games
