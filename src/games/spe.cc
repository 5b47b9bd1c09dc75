#include "games/spe.h"

#include <utility>

#include "games/strategy.h"

namespace redline::games {
namespace {

Diagnostic SpeError(std::string message) {
  Diagnostic error;
  error.message = std::move(message);
  return error;
}

}  // namespace

Status SubgamePerfectApplies(const AnyGame& game) {
  const ExtensiveGame* efg = AsExtensive(game);
  if (efg == nullptr) {
    return SpeError("spe needs an extensive-form game (.efg); this is a normal-form game");
  }
  for (const Infoset& infoset : efg->infosets()) {
    if (infoset.members.size() <= 1) continue;
    const std::string owner = infoset.player == kChancePlayer
                                  ? std::string("chance")
                                  : "player '" +
                                        DisplayLabel(efg->players()[infoset.player].label,
                                                     std::to_string(infoset.player + 1)) +
                                        "'";
    return SpeError("spe needs a game of perfect information, but infoset " +
                    std::to_string(infoset.index_in_player + 1) +
                    (infoset.label.empty() ? "" : " ('" + infoset.label + "')") + " of " + owner +
                    " has " + std::to_string(infoset.members.size()) + " nodes");
  }
  return Status();
}

Result<Solution> SolveSubgamePerfect(const ExtensiveGame& game) {
  AnyGame wrapped = game;  // for the shared evaluation helpers
  if (Status status = SubgamePerfectApplies(wrapped); !status.ok()) return status.errors();
  const int n = game.num_players();
  // values[node * n + p]: payoff to p of the subgame at node under the computed strategies.
  std::vector<mpq_class> values(static_cast<std::size_t>(game.num_nodes()) * n);
  ExactBehaviorProfile profile(game.num_actions(), mpq_class(0));
  for (NodeId id = game.num_nodes() - 1; id >= 0; --id) {  // children before parents
    const Node& node = game.node(id);
    mpq_class* here = &values[static_cast<std::size_t>(id) * n];
    if (!node.is_terminal()) {
      const Infoset& infoset = game.infoset(node.infoset);
      if (infoset.player == kChancePlayer) {
        for (int a = 0; a < node.num_children; ++a) {
          const mpq_class* below = &values[static_cast<std::size_t>(game.child(id, a)) * n];
          for (int p = 0; p < n; ++p) here[p] += infoset.chance_probabilities[a].exact() * below[p];
        }
      } else {
        const int mover = infoset.player;
        int best = 0;
        for (int a = 1; a < node.num_children; ++a) {
          const auto child = static_cast<std::size_t>(game.child(id, a));
          const auto best_child = static_cast<std::size_t>(game.child(id, best));
          if (values[child * n + mover] > values[best_child * n + mover]) best = a;
        }
        profile[infoset.first_action_index + best] = 1;
        const mpq_class* below = &values[static_cast<std::size_t>(game.child(id, best)) * n];
        for (int p = 0; p < n; ++p) here[p] += below[p];
      }
    }
    if (node.outcome != kNoOutcome) {
      for (int p = 0; p < n; ++p) here[p] += game.outcomes()[node.outcome].payoffs[p].exact();
    }
  }
  Solution solution;
  solution.method = "spe";
  solution.kind = ProfileKind::kBehavior;
  solution.equilibria.push_back(MakeExactEquilibrium(wrapped, std::move(profile)));
  solution.notes.push_back("backward induction; ties broken in favour of the first action");
  return solution;
}

SolverInfo SpeSolverInfo() {
  SolverInfo info;
  info.name = "spe";
  info.description = "subgame-perfect equilibrium by backward induction (perfect information)";
  info.applies = SubgamePerfectApplies;
  info.solve = [](const AnyGame& game, const SolverOptions&) -> Result<Solution> {
    const ExtensiveGame* efg = AsExtensive(game);
    if (efg == nullptr) return SubgamePerfectApplies(game).errors();
    return SolveSubgamePerfect(*efg);
  };
  return info;
}

}  // namespace redline::games
