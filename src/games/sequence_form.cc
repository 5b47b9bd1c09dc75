#include "games/sequence_form.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace redline::games {

namespace {

struct Leaf {
  int sequence[2];
  mpq_class probability;
  mpq_class payoff[2];
};

int SequenceOf(const PlayerSequences& player, const ExtensiveGame& game, InfosetId infoset,
               int action) {
  return 1 + game.action_index(infoset, action) - player.first_action_index;
}

// Depth-first walk collecting leaves and each infoset's parent sequence.
// `pay1`, `pay2`: the payoffs of the outcomes on the path above `id`.
void CollectLeaves(const ExtensiveGame& game, SequenceForm& form, NodeId id, int s1, int s2,
                   const mpq_class& probability, const mpq_class& pay1_above,
                   const mpq_class& pay2_above, std::vector<Leaf>& leaves) {
  const Node& node = game.node(id);
  // Copies of the rationals only where an outcome adds to them.
  std::optional<mpq_class> sum1, sum2;
  if (node.outcome != kNoOutcome) {
    sum1.emplace(pay1_above + game.outcomes()[node.outcome].payoffs[0].exact());
    sum2.emplace(pay2_above + game.outcomes()[node.outcome].payoffs[1].exact());
  }
  const mpq_class& pay1 = sum1 ? *sum1 : pay1_above;
  const mpq_class& pay2 = sum2 ? *sum2 : pay2_above;
  if (node.is_terminal()) {
    leaves.push_back({{s1, s2}, probability, {pay1, pay2}});
    return;
  }
  const Infoset& infoset = game.infoset(node.infoset);
  for (int a = 0; a < infoset.num_actions(); ++a) {
    const NodeId child = game.child(id, a);
    if (infoset.player == kChancePlayer) {
      const mpq_class p = probability * infoset.chance_probabilities[a].exact();
      if (sgn(p) != 0) CollectLeaves(game, form, child, s1, s2, p, pay1, pay2, leaves);
      continue;
    }
    PlayerSequences& player = form.players[infoset.player];
    player.parent_sequence[infoset.index_in_player] = infoset.player == 0 ? s1 : s2;
    const int sequence = SequenceOf(player, game, node.infoset, a);
    CollectLeaves(game, form, child, infoset.player == 0 ? sequence : s1,
                  infoset.player == 1 ? sequence : s2, probability, pay1, pay2, leaves);
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
  std::vector<Leaf> leaves;
  leaves.reserve(static_cast<std::size_t>(game.num_nodes()));
  const mpq_class zero = 0;
  CollectLeaves(game, form, game.root(), 0, 0, mpq_class(1), zero, zero, leaves);
  mpq_class highest = leaves.empty() ? mpq_class(0) : leaves[0].payoff[0];
  for (const Leaf& leaf : leaves) {
    for (const mpq_class& v : leaf.payoff) highest = v > highest ? v : highest;
  }
  form.shift = highest + 1;
  // Leaves in (s1, s2) order; those of one sequence pair add up into one entry.
  std::vector<int> order(leaves.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    return std::pair(leaves[x].sequence[0], leaves[x].sequence[1]) <
           std::pair(leaves[y].sequence[0], leaves[y].sequence[1]);
  });
  mpq_class term;
  for (int p = 0; p < 2; ++p) {
    form.payoff[p].assign(form.players[0].num_sequences, SparseRow());
    for (std::size_t k = 0; k < order.size(); ++k) {
      const Leaf& leaf = leaves[order[k]];
      SparseRow& row = form.payoff[p][leaf.sequence[0]];
      if (row.empty() || row.back().first != leaf.sequence[1]) {
        if (!row.empty() && sgn(row.back().second) == 0) row.pop_back();
        row.emplace_back(leaf.sequence[1], 0);
      }
      mpq_sub(term.get_mpq_t(), leaf.payoff[p].get_mpq_t(), form.shift.get_mpq_t());
      mpq_mul(term.get_mpq_t(), term.get_mpq_t(), leaf.probability.get_mpq_t());
      row.back().second += term;
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
