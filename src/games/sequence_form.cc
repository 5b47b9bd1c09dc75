#include "games/sequence_form.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <utility>

namespace redline::games {

namespace {

// A leaf's sequence pair, the probability that chance reaches it and each player's payoff
// (the sum of the outcomes on its path). The rationals are the game's own where nothing
// was added or multiplied (the common case: one outcome per path, no chance), else
// entries of `Leaves::computed`; a null probability is 1.
struct Leaf {
  int sequence[2];
  const mpq_class* probability;
  const mpq_class* payoff[2];
};

struct Leaves {
  std::vector<Leaf> leaves;
  std::deque<mpq_class> computed;  // stable addresses
  const mpq_class zero = 0;
};

int SequenceOf(const PlayerSequences& player, const ExtensiveGame& game, InfosetId infoset,
               int action) {
  return 1 + game.action_index(infoset, action) - player.first_action_index;
}

// Collects the leaves and each infoset's parent sequence. Nodes are visited in preorder
// (the ids' order: a parent before its children), each with the sequences, chance
// probability and payoff sums of the path to it; a loop, not a recursion, so that deep
// trees cannot exhaust the stack. Subtrees that chance reaches with probability 0 are
// skipped.
void CollectLeaves(const ExtensiveGame& game, SequenceForm& form, Leaves& out) {
  struct Path {
    bool reached = false;
    int sequence[2] = {0, 0};
    const mpq_class* probability = nullptr;  // null: 1
    const mpq_class* pay[2] = {nullptr, nullptr};
  };
  std::vector<Path> paths(game.num_nodes());
  for (NodeId id = game.root(); id < game.num_nodes(); ++id) {
    const Node& node = game.node(id);
    Path& path = paths[id];
    if (id == game.root()) {
      path.reached = true;
      path.pay[0] = path.pay[1] = &out.zero;
    } else {
      const Path& above = paths[node.parent];
      if (!above.reached) continue;
      path = above;
      const Infoset& infoset = game.infoset(game.node(node.parent).infoset);
      const int a = node.action_from_parent;
      if (infoset.player == kChancePlayer) {
        const mpq_class& chance = infoset.chance_probabilities[a].exact();
        if (sgn(chance) == 0) {
          path.reached = false;
          continue;
        }
        mpq_class& p = out.computed.emplace_back(chance);
        if (above.probability != nullptr) {
          mpq_mul(p.get_mpq_t(), p.get_mpq_t(), above.probability->get_mpq_t());
        }
        path.probability = &p;
      } else {
        PlayerSequences& player = form.players[infoset.player];
        player.parent_sequence[infoset.index_in_player] = above.sequence[infoset.player];
        path.sequence[infoset.player] = SequenceOf(player, game, game.node(node.parent).infoset, a);
      }
    }
    if (node.outcome != kNoOutcome) {
      for (int p = 0; p < 2; ++p) {
        const mpq_class& payoff = game.outcomes()[node.outcome].payoffs[p].exact();
        if (path.pay[p] == &out.zero) {
          path.pay[p] = &payoff;
        } else {
          mpq_class& sum = out.computed.emplace_back();
          mpq_add(sum.get_mpq_t(), path.pay[p]->get_mpq_t(), payoff.get_mpq_t());
          path.pay[p] = &sum;
        }
      }
    }
    if (node.is_terminal()) {
      out.leaves.push_back(
          {{path.sequence[0], path.sequence[1]}, path.probability, {path.pay[0], path.pay[1]}});
    }
  }
}

}  // namespace

Result<SequenceForm> BuildSequenceForm(const ExtensiveGame& game) {
  if (game.num_players() != 2) {
    return SolverError("the sequence form needs a two-player game; this one has " +
                       std::to_string(game.num_players()) + " players");
  }
  if (!game.has_perfect_recall()) {
    return SolverError("the sequence form needs perfect recall; this game has imperfect recall");
  }
  SequenceForm form;
  for (int p = 0; p < 2; ++p) {
    PlayerSequences& player = form.players[p];
    player.infosets = game.players()[p].infosets;
    player.parent_sequence.assign(player.infosets.size(), 0);
    for (InfosetId h : player.infosets) player.num_sequences += game.infoset(h).num_actions();
    player.first_action_index =
        player.infosets.empty() ? 0 : game.infoset(player.infosets[0]).first_action_index;
  }
  Leaves collected;
  std::vector<Leaf>& leaves = collected.leaves;
  leaves.reserve(static_cast<std::size_t>(game.num_nodes()));
  CollectLeaves(game, form, collected);
  const mpq_class* highest = leaves.empty() ? &collected.zero : leaves[0].payoff[0];
  for (const Leaf& leaf : leaves) {
    for (const mpq_class* v : leaf.payoff) highest = *v > *highest ? v : highest;
  }
  form.shift = *highest + 1;
  // Leaves in (s1, s2) order; those of one sequence pair add up into one entry.
  std::vector<int> order(leaves.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    return std::pair(leaves[x].sequence[0], leaves[x].sequence[1]) <
           std::pair(leaves[y].sequence[0], leaves[y].sequence[1]);
  });
  // Room for a row's entries up front: a rational's move may allocate, so a growing row
  // would copy them.
  std::vector<int> leaves_in_row(form.players[0].num_sequences, 0);
  for (const Leaf& leaf : leaves) ++leaves_in_row[leaf.sequence[0]];
  mpq_class term;
  for (int p = 0; p < 2; ++p) {
    form.payoff[p].assign(form.players[0].num_sequences, SparseRow());
    for (int s = 0; s < form.players[0].num_sequences; ++s) {
      form.payoff[p][s].reserve(leaves_in_row[s]);
    }
    for (std::size_t k = 0; k < order.size(); ++k) {
      const Leaf& leaf = leaves[order[k]];
      SparseRow& row = form.payoff[p][leaf.sequence[0]];
      const bool new_entry = row.empty() || row.back().first != leaf.sequence[1];
      if (new_entry) {
        if (!row.empty() && sgn(row.back().second) == 0) row.pop_back();
        row.emplace_back(leaf.sequence[1], mpq_class());
      }
      // (payoff - shift) * probability, into the new entry or added to the pair's.
      mpq_ptr target = new_entry ? row.back().second.get_mpq_t() : term.get_mpq_t();
      mpq_sub(target, leaf.payoff[p]->get_mpq_t(), form.shift.get_mpq_t());
      if (leaf.probability != nullptr) {
        mpq_mul(target, target, leaf.probability->get_mpq_t());
      }
      if (!new_entry) row.back().second += term;
    }
    for (SparseRow& row : form.payoff[p]) {
      if (!row.empty() && sgn(row.back().second) == 0) row.pop_back();
    }
    PlayerSequences& player = form.players[p];
    player.constraints.assign(1 + player.infosets.size(), SparseRow());
    player.constraints[0].emplace_back(0, 1);
    for (std::size_t k = 0; k < player.infosets.size(); ++k) {
      const InfosetId h = player.infosets[k];
      SparseRow& row = player.constraints[1 + k];
      row.reserve(1 + static_cast<std::size_t>(game.infoset(h).num_actions()));
      row.emplace_back(player.parent_sequence[k], -1);
      for (int a = 0; a < game.infoset(h).num_actions(); ++a) {
        row.emplace_back(SequenceOf(player, game, h, a), 1);
      }
      std::sort(row.begin(), row.end(),
                [](const auto& x, const auto& y) { return x.first < y.first; });
    }
  }
  return form;
}

ExactBehaviorProfile BehaviorFromRealization(const ExtensiveGame& game, const SequenceForm& form,
                                             const RationalVector& x, const RationalVector& y) {
  ExactBehaviorProfile profile(game.num_actions(), 0);
  for (int p = 0; p < 2; ++p) {
    const PlayerSequences& player = form.players[p];
    const RationalVector& plan = p == 0 ? x : y;
    for (std::size_t k = 0; k < player.infosets.size(); ++k) {
      const InfosetId h = player.infosets[k];
      const int actions = game.infoset(h).num_actions();
      const mpq_class& reach = plan[player.parent_sequence[k]];
      for (int a = 0; a < actions; ++a) {
        profile[game.action_index(h, a)] =
            sgn(reach) > 0 ? mpq_class(plan[SequenceOf(player, game, h, a)] / reach)
                           : mpq_class(1, actions);
      }
    }
  }
  return profile;
}

}  // namespace redline::games
