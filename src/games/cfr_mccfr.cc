// External-sampling Monte Carlo CFR (see cfr.h).
#include "core/rng.h"
#include "games/cfr_tables.h"

namespace redline::games {

namespace {

struct ExternalSamplingWalker {
  const ExtensiveGame& game;
  CfrTables& tables;
  int traverser;
  DrawSequence& draws;

  int Sample(const std::vector<double>& probabilities) {
    double u = draws.Uniform();
    for (std::size_t a = 0; a + 1 < probabilities.size(); ++a) {
      if (u < probabilities[a]) return static_cast<int>(a);
      u -= probabilities[a];
    }
    return static_cast<int>(probabilities.size()) - 1;
  }

  double Walk(NodeId id) {
    double value = OutcomePayoff(game, id, traverser);
    const Node& node = game.node(id);
    if (node.is_terminal()) return value;
    const Infoset& infoset = game.infoset(node.infoset);
    const int actions = infoset.num_actions();
    std::vector<double> sigma(actions);
    if (infoset.player == kChancePlayer) {
      for (int a = 0; a < actions; ++a) sigma[a] = infoset.chance_probabilities[a].real();
      return value + Walk(game.child(id, Sample(sigma)));
    }
    tables.CurrentStrategy(game, node.infoset, sigma.data());
    const int first = game.action_index(node.infoset, 0);
    if (infoset.player != traverser) {
      for (int a = 0; a < actions; ++a) tables.strategy_sum[first + a] += sigma[a];
      return value + Walk(game.child(id, Sample(sigma)));
    }
    std::vector<double> child_values(actions);
    double node_value = 0;
    for (int a = 0; a < actions; ++a) {
      child_values[a] = Walk(game.child(id, a));
      node_value += sigma[a] * child_values[a];
    }
    for (int a = 0; a < actions; ++a) tables.pending[first + a] += child_values[a] - node_value;
    return value + node_value;
  }
};

}  // namespace

CfrResult SolveExternalSamplingMccfr(const ExtensiveGame& game, const CfrOptions& options) {
  CfrTables tables(game);
  return RunCfrLoop(game, options, tables, [&](int64_t t) {
    for (int player = 0; player < game.num_players(); ++player) {
      DrawSequence draws(Mix64(options.seed * 0x9E3779B97F4A7C15ULL +
                               static_cast<uint64_t>(t) * 64 + static_cast<uint64_t>(player)));
      ExternalSamplingWalker walker{game, tables, player, draws};
      walker.Walk(game.root());
      tables.ApplyPending(/*plus=*/false);
    }
  });
}

}  // namespace redline::games
