// The sequence form of a two-player extensive game with perfect recall, and one Nash
// equilibrium of it by Lemke's algorithm (Koller, Megiddo & von Stengel 1996, "Efficient
// computation of equilibria for extensive two-person games", GEB 14; von Stengel 1996).
//
// A player's sequences are the empty sequence and one per own (infoset, action); a
// realization plan x satisfies E x = e, x >= 0 (x(empty) = 1, and at every infoset the
// actions' realization weights sum to the weight of the sequence leading to it). Payoffs
// become sequence-pair matrices A, B (sum over leaves of chance probability × payoff). The
// equilibria are the solutions of the LCP
//   x ⊥ E'p - A y >= 0,  y ⊥ F'q - B'x >= 0,  E x = e,  F y = f   (p, q free),
// solved here exactly by Lemke's algorithm from the uniform prior (von Stengel, van den
// Elzen & Talman 2002): z0 scales the equality right-hand sides (E x + e z0 = e) and
// covers the inequalities by the payoffs against the prior, so x, y, z0 stay bounded and
// the path cannot end on a secondary ray. See sequence_form_lcp.cc and docs/games.md.
#pragma once

#include <vector>

#include "core/status.h"
#include "games/game.h"
#include "games/lcp.h"
#include "games/strategy.h"

namespace redline::games {

struct PlayerSequences {
  int num_sequences = 1;             // including the empty sequence 0
  std::vector<int> parent_sequence;  // per infoset of this player (Player::infosets order)
  std::vector<InfosetId> infosets;   // the player's infosets
  int first_action_index = 0;        // flat action index of this player's sequence 1
  // E: (1 + infosets) rows over the sequences, by their nonzero entries (sequence ascending):
  // row 0 is x(∅) = 1, row 1 + k is -x(parent of infoset k) + the infoset's sequences = 0.
  std::vector<SparseRow> constraints;
};

struct SequenceForm {
  PlayerSequences players[2];
  // payoff[p][s1]: the nonzero (s2, payoff) pairs, s2 ascending, of player p's sequence-pair
  // payoff matrix (rows: player 1's sequences); payoffs shifted by `shift`.
  std::vector<SparseRow> payoff[2];
  mpq_class shift;  // subtracted from every leaf's payoff (makes all negative)
};

// Fails unless the game has two players and perfect recall.
Result<SequenceForm> BuildSequenceForm(const ExtensiveGame& game);

// The behaviour profile of realization plans x (player 1) and y (player 2). Infosets the
// player's own plan never reaches get the uniform distribution.
ExactBehaviorProfile BehaviorFromRealization(const ExtensiveGame& game, const SequenceForm& form,
                                             const RationalVector& x, const RationalVector& y);

struct SequenceFormEquilibrium {
  ExactBehaviorProfile profile;
  RationalVector realization[2];
  int pivots = 0;
  bool hit_limit = false;        // Lemke stopped at its pivot limit; profile is then empty
  bool from_float_path = false;  // as LcpSolution::from_float_path
  int precision_bits = 0;        // as LcpSolution::precision_bits
};

// One Nash equilibrium (exact). Errors: not two players / no perfect recall. Reaching
// Lemke's pivot limit is reported by hit_limit.
Result<SequenceFormEquilibrium> SolveSequenceForm(const ExtensiveGame& game,
                                                  const LemkeOptions& options = {});

}  // namespace redline::games
