// Finite normal-form (strategic) games: N players, each with labelled pure strategies, and a
// payoff for every player at every pure-strategy profile ("cell").
//
// Cells are numbered the way Gambit's .nfg files list them: player 1's strategy changes
// fastest, i.e. cell = s_1 + n_1 * (s_2 + n_2 * (s_3 + ...)) with 0-based strategies s_i.
// A mixed profile is one flat vector over all strategies: player 1's strategies first,
// then player 2's, ... (strategy_offset(p) + s), again Gambit's printing order.
//
// Payoffs are stored through outcomes, like Gambit: a cell points at an outcome (or at no
// outcome, which pays 0 to everybody). A payoff-list file gets one unlabelled outcome per
// cell. NormalFormGame is immutable after Create(); a double copy of the payoff tensor is
// kept for fast solvers (payoff(cell, player)).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "games/game.h"  // Outcome, OutcomeId, kNoOutcome
#include "games/number.h"

namespace redline::games {

struct StrategicPlayer {
  std::string label;
  std::vector<std::string> strategy_labels;

  int num_strategies() const { return static_cast<int>(strategy_labels.size()); }
};

class NormalFormGame {
 public:
  // `cell_outcomes` has one entry per cell (see the numbering above), each an index into
  // `outcomes` or kNoOutcome; every outcome has one payoff per player. Fails with a
  // Diagnostic when sizes disagree, a player has no strategy, or the table would exceed
  // 50 million cells.
  static Result<NormalFormGame> Create(std::string title, std::string comment,
                                       std::vector<StrategicPlayer> players,
                                       std::vector<Outcome> outcomes,
                                       std::vector<OutcomeId> cell_outcomes);

  const std::string& title() const { return title_; }
  const std::string& comment() const { return comment_; }
  int num_players() const { return static_cast<int>(players_.size()); }
  const std::vector<StrategicPlayer>& players() const { return players_; }
  int num_strategies(int player) const { return players_[player].num_strategies(); }
  const std::vector<Outcome>& outcomes() const { return outcomes_; }

  int64_t num_cells() const { return static_cast<int64_t>(cell_outcomes_.size()); }
  // Length of a mixed profile: the total number of strategies.
  int num_profile_entries() const { return strategy_offsets_.back(); }
  int strategy_offset(int player) const { return strategy_offsets_[player]; }
  // Distance between cells that differ by one in `player`'s strategy.
  int64_t stride(int player) const { return strides_[player]; }

  OutcomeId cell_outcome(int64_t cell) const { return cell_outcomes_[cell]; }
  double payoff(int64_t cell, int player) const {
    return payoffs_[cell * players_.size() + player];
  }
  // Exact payoff (0 when the cell has no outcome).
  const mpq_class& exact_payoff(int64_t cell, int player) const;

  // The cell of a pure profile (one 0-based strategy per player) and back.
  int64_t CellOf(const std::vector<int>& strategies) const;
  std::vector<int> StrategiesOf(int64_t cell) const;

 private:
  std::string title_, comment_;
  std::vector<StrategicPlayer> players_;
  std::vector<Outcome> outcomes_;
  std::vector<OutcomeId> cell_outcomes_;
  std::vector<double> payoffs_;        // cell-major, then player
  std::vector<int> strategy_offsets_;  // size num_players + 1
  std::vector<int64_t> strides_;
};

// Equality of title, comment, labels, and every cell's payoffs (exact); outcome labels are
// compared too when both games attach outcomes to the same cells. Empty string when equal,
// otherwise the first difference.
std::string DescribeDifference(const NormalFormGame& a, const NormalFormGame& b);

}  // namespace redline::games
