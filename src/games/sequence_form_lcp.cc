// Assembles the sequence-form LCP (see sequence_form.h) and solves it with Lemke.
#include "games/sequence_form.h"

namespace redline::games {

namespace {

// Copies `block` (rows × columns) into `m` at (row0, col0), multiplied by `sign`.
void Place(RationalMatrix& m, int row0, int col0, const RationalMatrix& block, int sign,
           bool transpose) {
  for (std::size_t i = 0; i < block.size(); ++i) {
    for (std::size_t j = 0; j < block[i].size(); ++j) {
      const int r = row0 + static_cast<int>(transpose ? j : i);
      const int c = col0 + static_cast<int>(transpose ? i : j);
      m[r][c] = sign > 0 ? block[i][j] : mpq_class(-block[i][j]);
    }
  }
}

}  // namespace

Result<SequenceFormEquilibrium> SolveSequenceForm(const ExtensiveGame& game,
                                                  const LemkeOptions& options) {
  Result<SequenceForm> built = BuildSequenceForm(game);
  if (!built) return built.errors();
  const SequenceForm& form = *built;
  const int n1 = form.players[0].num_sequences, n2 = form.players[1].num_sequences;
  const int k1 = static_cast<int>(form.players[0].constraints.size());
  const int k2 = static_cast<int>(form.players[1].constraints.size());
  // z = (x, y, p, q) with p, q free; w_p = E x - e and w_q = F y - f are equalities.
  const int x0 = 0, y0 = n1, p0 = n1 + n2, q0 = p0 + k1;
  const int n = q0 + k2;
  RationalMatrix m(n, RationalVector(n, 0));
  const RationalMatrix& e = form.players[0].constraints;
  const RationalMatrix& f = form.players[1].constraints;
  Place(m, x0, y0, form.payoff[0], -1, false);  // w_x = -A y + E'p
  Place(m, x0, p0, e, +1, true);
  Place(m, y0, x0, form.payoff[1], -1, true);  // w_y = -B'x + F'q
  Place(m, y0, q0, f, +1, true);
  Place(m, p0, x0, e, +1, false);  // w_p = E x - e
  Place(m, q0, y0, f, +1, false);  // w_q = F y - f
  RationalVector q(n, 0);
  q[p0] = -1;
  q[q0] = -1;
  std::vector<char> free(n, 0);
  for (int i = p0; i < n; ++i) free[i] = 1;
  Result<LcpSolution> solution = SolveMixedLcpLemke(m, q, RationalVector(n, 1), free, p0, options);
  if (!solution) return solution.errors();
  SequenceFormEquilibrium out;
  out.pivots = solution->pivots;
  if (solution->hit_limit) {
    out.hit_limit = true;
    return out;
  }
  out.realization[0].assign(solution->z.begin() + x0, solution->z.begin() + y0);
  out.realization[1].assign(solution->z.begin() + y0, solution->z.begin() + p0);
  out.profile = BehaviorFromRealization(game, form, out.realization[0], out.realization[1]);
  out.pivots = solution->pivots;
  return out;
}

}  // namespace redline::games
