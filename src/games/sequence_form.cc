#include "games/sequence_form.h"

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
void CollectLeaves(const ExtensiveGame& game, SequenceForm& form, NodeId id, int s1, int s2,
                   const mpq_class& probability, mpq_class pay1, mpq_class pay2,
                   std::vector<Leaf>& leaves) {
  const Node& node = game.node(id);
  if (node.outcome != kNoOutcome) {
    pay1 += game.outcomes()[node.outcome].payoffs[0].exact();
    pay2 += game.outcomes()[node.outcome].payoffs[1].exact();
  }
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
  CollectLeaves(game, form, game.root(), 0, 0, mpq_class(1), 0, 0, leaves);
  mpq_class highest = leaves.empty() ? mpq_class(0) : leaves[0].payoff[0];
  for (const Leaf& leaf : leaves) {
    for (const mpq_class& v : leaf.payoff) highest = v > highest ? v : highest;
  }
  form.shift = highest + 1;
  for (int p = 0; p < 2; ++p) {
    form.payoff[p].assign(form.players[0].num_sequences,
                          RationalVector(form.players[1].num_sequences, 0));
    for (const Leaf& leaf : leaves) {
      form.payoff[p][leaf.sequence[0]][leaf.sequence[1]] +=
          leaf.probability * (leaf.payoff[p] - form.shift);
    }
    PlayerSequences& player = form.players[p];
    player.constraints.assign(1 + player.infosets.size(), RationalVector(player.num_sequences, 0));
    player.constraints[0][0] = 1;
    for (std::size_t k = 0; k < player.infosets.size(); ++k) {
      const InfosetId h = player.infosets[k];
      player.constraints[1 + k][player.parent_sequence[k]] = -1;
      for (int a = 0; a < game.infoset(h).num_actions(); ++a) {
        player.constraints[1 + k][SequenceOf(player, game, h, a)] = 1;
      }
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
