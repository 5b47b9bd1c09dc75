// Assembles the sequence-form LCP (see sequence_form.h) and solves it with Lemke's
// algorithm started from the prior (x̃, ỹ) = the uniform behaviour strategies, as in von
// Stengel, van den Elzen & Talman (2002):
//   E x + e z0 = e,  F y + f z0 = f,
//   u = E'p - A y - (A ỹ) z0 >= 0 ⊥ x,   v = F'q - B'x - (B'x̃) z0 >= 0 ⊥ y,   p, q free.
// At z0 = 1, x = y = 0; as z0 falls to 0 each player plays a best response to the mixture
// z0·prior + (1 - z0)·opponent. x, y, z0 stay in a bounded box, so the path cannot end on a
// secondary ray; it ends when z0 leaves, at an equilibrium.
#include <algorithm>
#include <type_traits>
#include <utility>

#include "games/sequence_form.h"

namespace redline::games {

namespace {

// Appends the nonzero entries of `block` (sparse rows), times `sign`, to M's rows: entry
// (i, j) goes to row row0 + i, column col0 + j, or with `transpose` to row row0 + j,
// column col0 + i. Rows stay sorted when the blocks of a row are placed left to right
// (and, transposed, since i ascends). A block passed as an rvalue gives up its rationals.
template <typename Block>
void Place(SparseRationalMatrix& m, int row0, int col0, Block&& block, int sign, bool transpose) {
  for (std::size_t i = 0; i < block.size(); ++i) {
    for (auto& [j, v] : block[i]) {
      const int row = row0 + (transpose ? j : static_cast<int>(i));
      const int column = col0 + (transpose ? static_cast<int>(i) : j);
      if constexpr (std::is_rvalue_reference_v<Block&&>) {
        m.rows[row].emplace_back(column, std::move(v));
        if (sign < 0)
          mpq_neg(m.rows[row].back().second.get_mpq_t(), m.rows[row].back().second.get_mpq_t());
      } else {
        m.rows[row].emplace_back(column, v);
        if (sign < 0) mpq_neg(m.rows[row].back().second.get_mpq_t(), v.get_mpq_t());
      }
    }
  }
}

// Adds to `count` the entries Place(m, row0, ., block, ., transpose) will append to each row
// (so that the rows can be reserved: a rational's move may allocate, so a growing row would
// copy its entries).
void CountPlaced(std::vector<int>& count, int row0, const std::vector<SparseRow>& block,
                 bool transpose) {
  for (std::size_t i = 0; i < block.size(); ++i) {
    if (!transpose) {
      count[row0 + i] += static_cast<int>(block[i].size());
      continue;
    }
    for (const auto& entry : block[i]) ++count[row0 + entry.first];
  }
}

// The sequences of a player's k-th infoset: first, first + 1, ... (one per action).
struct InfosetSequences {
  int first;
  int count;
};

std::vector<InfosetSequences> SequencesOfInfosets(const ExtensiveGame& game,
                                                  const PlayerSequences& player) {
  std::vector<InfosetSequences> out;
  for (InfosetId h : player.infosets) {
    const Infoset& infoset = game.infoset(h);
    out.push_back(
        {1 + infoset.first_action_index - player.first_action_index, infoset.num_actions()});
  }
  return out;
}

// The player's infoset indices ordered so that every infoset comes after the one whose
// action leads to it (parents first).
std::vector<int> ParentsFirst(const PlayerSequences& player,
                              const std::vector<InfosetSequences>& sequences) {
  std::vector<int> owner(player.num_sequences, -1);  // infoset index of each sequence
  for (std::size_t k = 0; k < sequences.size(); ++k) {
    for (int a = 0; a < sequences[k].count; ++a) owner[sequences[k].first + a] = k;
  }
  // An infoset's depth is its parent infoset's plus one. Infosets are numbered in preorder
  // of first appearance, so with perfect recall the parent's number is the smaller and its
  // depth is known; otherwise the chain of parents is walked.
  std::vector<int> depth(sequences.size(), 0);
  for (std::size_t k = 0; k < sequences.size(); ++k) {
    const int s = player.parent_sequence[k];
    if (s == 0) continue;
    if (static_cast<std::size_t>(owner[s]) < k) {
      depth[k] = depth[owner[s]] + 1;
      continue;
    }
    for (int t = s; t != 0; t = player.parent_sequence[owner[t]]) ++depth[k];
  }
  std::vector<int> order(sequences.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return depth[a] < depth[b]; });
  return order;
}

// The realization plan of the uniform behaviour strategy.
RationalVector UniformPlan(const PlayerSequences& player,
                           const std::vector<InfosetSequences>& sequences,
                           const std::vector<int>& parents_first) {
  RationalVector plan(player.num_sequences, 0);
  plan[0] = 1;
  for (int k : parents_first) {
    const mpq_class weight = plan[player.parent_sequence[k]] / sequences[k].count;
    for (int a = 0; a < sequences[k].count; ++a) plan[sequences[k].first + a] = weight;
  }
  return plan;
}

// Backward induction against fixed sequence payoffs `value` (the player's payoff vector
// against the opponent's prior): for each infoset the sequence of its first best action.
std::vector<int> BestSequences(const PlayerSequences& player,
                               const std::vector<InfosetSequences>& sequences,
                               const std::vector<int>& parents_first, const RationalVector& value) {
  RationalVector continuation = value;  // own payoff + best values of the infosets it leads to
  std::vector<int> best(sequences.size(), 0);
  for (auto it = parents_first.rbegin(); it != parents_first.rend(); ++it) {
    const int k = *it;
    int choice = sequences[k].first;
    for (int a = 1; a < sequences[k].count; ++a) {
      if (continuation[sequences[k].first + a] > continuation[choice]) {
        choice = sequences[k].first + a;
      }
    }
    best[k] = choice;
    continuation[player.parent_sequence[k]] += continuation[choice];
  }
  return best;
}

}  // namespace

Result<SequenceFormEquilibrium> SolveSequenceForm(const ExtensiveGame& game,
                                                  const LemkeOptions& options) {
  Result<SequenceForm> built = BuildSequenceForm(game);
  if (!built) return built.errors();
  SequenceForm& form = *built;
  const PlayerSequences& one = form.players[0];
  const PlayerSequences& two = form.players[1];
  const int n1 = one.num_sequences, n2 = two.num_sequences;
  const int k1 = static_cast<int>(one.constraints.size());
  const int k2 = static_cast<int>(two.constraints.size());
  std::vector<SparseRow>& a = form.payoff[0];
  std::vector<SparseRow>& b = form.payoff[1];

  const std::vector<InfosetSequences> seq1 = SequencesOfInfosets(game, one);
  const std::vector<InfosetSequences> seq2 = SequencesOfInfosets(game, two);
  const std::vector<int> order1 = ParentsFirst(one, seq1), order2 = ParentsFirst(two, seq2);
  const RationalVector prior1 = UniformPlan(one, seq1, order1);
  const RationalVector prior2 = UniformPlan(two, seq2, order2);
  RationalVector against1(n1, 0), against2(n2, 0);  // A ỹ and B'x̃
  mpq_class product;
  for (int i = 0; i < n1; ++i) {
    for (const auto& [j, v] : a[i]) {
      mpq_mul(product.get_mpq_t(), v.get_mpq_t(), prior2[j].get_mpq_t());
      against1[i] += product;
    }
    for (const auto& [j, v] : b[i]) {
      mpq_mul(product.get_mpq_t(), v.get_mpq_t(), prior1[i].get_mpq_t());
      against2[j] += product;
    }
  }

  // z = (x, y, p, q) with p, q free; w_p = E x - e + e z0 and w_q = F y - f + f z0 are
  // equalities (their free complements are basic throughout).
  const int x0 = 0, y0 = n1, p0 = n1 + n2, q0 = p0 + k1;
  const int n = q0 + k2;
  SparseRationalMatrix m;
  m.size = n;
  m.rows.resize(n);
  std::vector<int> count(n, 0);
  CountPlaced(count, x0, a, false);
  CountPlaced(count, x0, one.constraints, true);
  CountPlaced(count, y0, b, true);
  CountPlaced(count, y0, two.constraints, true);
  CountPlaced(count, p0, one.constraints, false);
  CountPlaced(count, q0, two.constraints, false);
  for (int i = 0; i < n; ++i) m.rows[i].reserve(count[i]);
  Place(m, x0, y0, std::move(a), -1, false);  // u = -A y + E'p
  Place(m, x0, p0, one.constraints, +1, true);
  Place(m, y0, x0, std::move(b), -1, true);  // v = -B'x + F'q
  Place(m, y0, q0, two.constraints, +1, true);
  Place(m, p0, x0, one.constraints, +1, false);  // w_p = E x - e
  Place(m, q0, y0, two.constraints, +1, false);  // w_q = F y - f
  a = {};                                        // what the moves left: not needed again
  b = {};
  RationalVector q(n, 0);
  q[p0] = -1;
  q[q0] = -1;

  // Covering vector: -A ỹ, -B'x̃ (>= 0: payoffs are shifted negative) and e, f.
  RationalVector covering(n, 0);
  for (int i = 0; i < n1; ++i) covering[x0 + i] = -against1[i];
  for (int j = 0; j < n2; ++j) covering[y0 + j] = -against2[j];
  covering[p0] = 1;
  covering[q0] = 1;

  // Starting basis at z0 = 1 (x = y = 0): z0 in the row x(∅) + z0 = 1, y(∅) (= 0) in
  // y(∅) + z0 = 1, p and q at the best-response values against the prior, and at each
  // infoset the (degenerate, = 0) sequence of a best action with its u or v tight. The
  // pair (x(∅), u(∅)) is the missing one: raising u(∅) only raises p(∅) (the primary ray),
  // so x(∅) enters first.
  const std::vector<int> best1 = BestSequences(one, seq1, order1, against1);
  const std::vector<int> best2 = BestSequences(two, seq2, order2, against2);
  std::vector<char> tight(n, 0);  // the w's that start non-basic
  tight[x0] = 1;
  tight[y0] = 1;
  for (int s : best1) tight[x0 + s] = 1;
  for (int s : best2) tight[y0 + s] = 1;
  MixedLcpStart start;
  start.basis.push_back(2 * n);
  start.basis.push_back(n + y0);
  for (int s : best1) start.basis.push_back(n + x0 + s);
  for (int s : best2) start.basis.push_back(n + y0 + s);
  for (int i = p0; i < n; ++i) start.basis.push_back(n + i);
  for (int i = 0; i < p0; ++i) {
    if (!tight[i]) start.basis.push_back(i);
  }
  start.entering = n + x0;
  std::vector<char> free(n, 0);
  for (int i = p0; i < n; ++i) free[i] = 1;

  Result<LcpSolution> solution = SolveMixedLcpLemke(m, q, covering, free, start, options);
  if (!solution) return solution.errors();
  SequenceFormEquilibrium out;
  out.pivots = solution->pivots;
  out.from_float_path = solution->from_float_path;
  out.precision_bits = solution->precision_bits;
  if (solution->hit_limit) {
    out.hit_limit = true;
    return out;
  }
  out.realization[0].assign(solution->z.begin() + x0, solution->z.begin() + y0);
  out.realization[1].assign(solution->z.begin() + y0, solution->z.begin() + p0);
  out.profile = BehaviorFromRealization(game, form, out.realization[0], out.realization[1]);
  return out;
}

}  // namespace redline::games
