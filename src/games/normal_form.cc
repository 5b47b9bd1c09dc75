#include "games/normal_form.h"

#include <utility>

namespace redline::games {
namespace {
// Builds a Diagnostic without a location (one statement, so GCC 12 sees it initialised).
Diagnostic GameError(std::string message) {
  Diagnostic error;
  error.message = std::move(message);
  return error;
}
}  // namespace
namespace {
constexpr int64_t kMaxCells = 50'000'000;
const mpq_class kZero(0);
}  // namespace

Result<NormalFormGame> NormalFormGame::Create(std::string title, std::string comment,
                                              std::vector<StrategicPlayer> players,
                                              std::vector<Outcome> outcomes,
                                              std::vector<OutcomeId> cell_outcomes) {
  if (players.empty()) return GameError("a normal-form game needs at least one player");
  NormalFormGame game;
  game.strategy_offsets_.push_back(0);
  int64_t cells = 1;
  for (const StrategicPlayer& player : players) {
    if (player.strategy_labels.empty()) {
      return GameError("player '" + player.label + "' has no strategies");
    }
    game.strides_.push_back(cells);
    cells *= player.num_strategies();
    if (cells > kMaxCells) {
      return GameError("the payoff table would have more than " + std::to_string(kMaxCells) +
                       " cells");
    }
    game.strategy_offsets_.push_back(game.strategy_offsets_.back() + player.num_strategies());
  }
  if (static_cast<int64_t>(cell_outcomes.size()) != cells) {
    return GameError("expected " + std::to_string(cells) + " cells, got " +
                     std::to_string(cell_outcomes.size()));
  }
  const std::size_t n = players.size();
  for (const Outcome& outcome : outcomes) {
    if (outcome.payoffs.size() != n) {
      return GameError("outcome '" + outcome.label + "' does not have one payoff per player");
    }
  }
  game.payoffs_.assign(static_cast<std::size_t>(cells) * n, 0.0);
  for (int64_t cell = 0; cell < cells; ++cell) {
    const OutcomeId id = cell_outcomes[cell];
    if (id == kNoOutcome) continue;
    if (id < 0 || id >= static_cast<OutcomeId>(outcomes.size())) {
      return GameError("cell " + std::to_string(cell + 1) + " refers to a missing outcome");
    }
    for (std::size_t p = 0; p < n; ++p)
      game.payoffs_[cell * n + p] = outcomes[id].payoffs[p].real();
  }
  game.title_ = std::move(title);
  game.comment_ = std::move(comment);
  game.players_ = std::move(players);
  game.outcomes_ = std::move(outcomes);
  game.cell_outcomes_ = std::move(cell_outcomes);
  return game;
}

const mpq_class& NormalFormGame::exact_payoff(int64_t cell, int player) const {
  const OutcomeId id = cell_outcomes_[cell];
  return id == kNoOutcome ? kZero : outcomes_[id].payoffs[player].exact();
}

int64_t NormalFormGame::CellOf(const std::vector<int>& strategies) const {
  int64_t cell = 0;
  for (std::size_t p = 0; p < strategies.size(); ++p) cell += strides_[p] * strategies[p];
  return cell;
}

std::vector<int> NormalFormGame::StrategiesOf(int64_t cell) const {
  std::vector<int> strategies(players_.size());
  for (std::size_t p = 0; p < players_.size(); ++p) {
    strategies[p] = static_cast<int>(cell % players_[p].num_strategies());
    cell /= players_[p].num_strategies();
  }
  return strategies;
}

std::string DescribeDifference(const NormalFormGame& a, const NormalFormGame& b) {
  if (a.title() != b.title()) return "title '" + a.title() + "' vs '" + b.title() + "'";
  if (a.comment() != b.comment()) return "comments differ";
  if (a.num_players() != b.num_players()) return "different numbers of players";
  for (int p = 0; p < a.num_players(); ++p) {
    if (a.players()[p].label != b.players()[p].label) return "player labels differ";
    if (a.players()[p].strategy_labels != b.players()[p].strategy_labels) {
      return "strategy labels of player " + std::to_string(p + 1) + " differ";
    }
  }
  for (int64_t cell = 0; cell < a.num_cells(); ++cell) {
    for (int p = 0; p < a.num_players(); ++p) {
      if (a.exact_payoff(cell, p) != b.exact_payoff(cell, p)) {
        return "payoff of player " + std::to_string(p + 1) + " differs in cell " +
               std::to_string(cell + 1);
      }
    }
    const OutcomeId x = a.cell_outcome(cell);
    const OutcomeId y = b.cell_outcome(cell);
    if (x != kNoOutcome && y != kNoOutcome && a.outcomes()[x].label != b.outcomes()[y].label) {
      return "outcome label differs in cell " + std::to_string(cell + 1);
    }
  }
  return "";
}

}  // namespace redline::games
