// Strategy profiles and what they are worth.
//
//  - BehaviorProfile (extensive games): one probability per player action, indexed by
//    ExtensiveGame::action_index(infoset, action) — Gambit's order. Probabilities at each
//    infoset should sum to 1; nothing here renormalises.
//  - MixedProfile (normal-form games): one probability per strategy, indexed by
//    NormalFormGame::strategy_offset(player) + strategy.
// Both come as double (fast) and exact (mpq_class) vectors; the functions below are
// provided for both where solvers need exact answers.
//
// NashConv(profile) = sum over players of (best-response value - current value); it is 0
// exactly at a Nash equilibrium and > 0 elsewhere. Costs: one or two tree walks for
// extensive games with perfect recall; for imperfect recall the best response is found by
// enumerating the player's reduced pure strategies (exponential; fine for textbook games).
// For normal-form games, one pass over the payoff table per player.
//
// All functions are pure and thread-safe; they expect a profile of the right length
// (checked with assert in debug builds).
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "games/game.h"
#include "games/normal_form.h"

namespace redline::games {

using BehaviorProfile = std::vector<double>;
using ExactBehaviorProfile = std::vector<mpq_class>;
using MixedProfile = std::vector<double>;
using ExactMixedProfile = std::vector<mpq_class>;

// The uniform profile (every action / strategy equally likely).
BehaviorProfile UniformBehaviorProfile(const ExtensiveGame& game);
MixedProfile UniformMixedProfile(const NormalFormGame& game);

// Expected payoff of every player (in player order).
std::vector<double> ExpectedPayoffs(const ExtensiveGame& game, const BehaviorProfile& profile);
std::vector<mpq_class> ExpectedPayoffs(const ExtensiveGame& game,
                                       const ExactBehaviorProfile& profile);
std::vector<double> ExpectedPayoffs(const NormalFormGame& game, const MixedProfile& profile);
std::vector<mpq_class> ExpectedPayoffs(const NormalFormGame& game,
                                       const ExactMixedProfile& profile);

// The most `player` can get against the others' strategies in `profile`.
double BestResponseValue(const ExtensiveGame& game, const BehaviorProfile& profile, int player);
double BestResponseValue(const NormalFormGame& game, const MixedProfile& profile, int player);
mpq_class BestResponseValue(const NormalFormGame& game, const ExactMixedProfile& profile,
                            int player);

// Best-response value minus current value, per player (each >= 0 up to rounding).
std::vector<double> PlayerRegrets(const ExtensiveGame& game, const BehaviorProfile& profile);
std::vector<double> PlayerRegrets(const NormalFormGame& game, const MixedProfile& profile);

double NashConv(const ExtensiveGame& game, const BehaviorProfile& profile);
double NashConv(const NormalFormGame& game, const MixedProfile& profile);

// ---- Pure strategies of extensive games and the strategic form ----

// A pure strategy of one player: an action (0-based) at each of the player's infosets, in
// Player::infosets order; kUnspecified where a reduced strategy leaves an infoset open
// because the player's own earlier moves make it unreachable.
inline constexpr int kUnspecified = -1;
using PureStrategy = std::vector<int>;

enum class StrategicFormKind {
  kReduced,  // Gambit's reduced strategic form: one strategy per class of equivalent plans
  kFull,     // every combination of actions at every infoset
};

// The pure strategies of `player`. Reduced strategies come in Gambit's order (a depth-first
// walk of the tree, the first infoset reached varying slowest); full strategies in
// lexicographic order over the player's infosets (first infoset slowest). Fails when there
// would be more than `limit` strategies.
Result<std::vector<PureStrategy>> PureStrategies(const ExtensiveGame& game, int player,
                                                 StrategicFormKind kind, int64_t limit = 1'000'000);

// Expected payoffs (exact) when each player i plays strategies[i] and chance moves at random.
std::vector<mpq_class> PurePayoffs(const ExtensiveGame& game,
                                   const std::vector<PureStrategy>& strategies);

// The strategic form of `game`. Strategy labels are the chosen action labels joined with
// "/" ("*" where unspecified; an action's 1-based number when its label is empty).
// `strategies_out`, when given, receives each player's PureStrategy list in strategy order.
// Fails when the table would exceed `max_cells` cells.
Result<NormalFormGame> ToStrategicForm(
    const ExtensiveGame& game, StrategicFormKind kind, int64_t max_cells = 5'000'000,
    std::vector<std::vector<PureStrategy>>* strategies_out = nullptr);

// The behaviour profile of a pure-strategy profile, as Gambit converts it: an action gets
// probability 1 when the strategy picks it at an infoset the strategy does not itself
// exclude (reached with positive probability when the others play every action and chance
// moves with its probabilities); every other entry is 0.
ExactBehaviorProfile ToBehaviorProfile(const ExtensiveGame& game,
                                       const std::vector<PureStrategy>& strategies);

// Converts an exact profile to doubles.
std::vector<double> ToDoubles(const std::vector<mpq_class>& exact);

}  // namespace redline::games
