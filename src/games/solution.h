// What every equilibrium solver returns. A Solution is a list of equilibria (possibly
// empty: "no pure equilibrium" is an answer, not an error) plus how the solver fared.
//
// Each Equilibrium holds one flat profile in Gambit's order:
//   - extensive games: a behaviour profile, ExtensiveGame::action_index order;
//   - normal-form games: a mixed profile, NormalFormGame::strategy_offset order.
// `exact` holds the same profile as rationals when the solver computed it exactly (enumpure,
// spe, enummixed, exact lcp); it is empty for floating-point solvers (logit, cfr, ...).
// Printers use the exact values when present.
#pragma once

#include <gmpxx.h>

#include <memory>
#include <string>
#include <vector>

#include "games/game_file.h"

namespace redline::games {

enum class ProfileKind { kBehavior, kMixed };

struct Equilibrium {
  std::vector<double> profile;
  std::vector<mpq_class> exact;          // empty, or same size as `profile`
  std::vector<double> expected_payoffs;  // one per player
  std::vector<mpq_class> exact_payoffs;  // empty, or one per player
  double nash_conv = 0.0;                // sum of players' regrets at `profile`
};

// One point of a solution path (logit: the QRE branch), the profile in the same order as
// Equilibrium::profile.
struct PathPoint {
  double lambda = 0.0;
  std::vector<double> profile;
};

struct Solution {
  std::string method;  // registry name, e.g. "enumpure"
  ProfileKind kind = ProfileKind::kMixed;
  std::vector<Equilibrium> equilibria;
  bool converged = true;           // iterative solvers: reached the requested accuracy
  bool hit_limit = false;          // stopped by an iteration / time / size limit
  long iterations = 0;             // iterative solvers; 0 when not meaningful
  std::vector<std::string> notes;  // human-readable remarks, one sentence each
  std::vector<PathPoint> path;     // logit: the branch's accepted points; else empty

  // logit: where the branch folds (λ turns back) and where another branch crosses it.
  std::vector<PathPoint> turning_points;
  std::vector<PathPoint> bifurcations;
  // The game the profiles are over when it is not the solved game: enummixed on an
  // extensive game gives mixed profiles over its reduced strategic form (as Gambit prints
  // them). Null otherwise. Label and evaluate the profiles with ProfileGame().
  std::shared_ptr<const AnyGame> profile_game;

  const AnyGame& ProfileGame(const AnyGame& solved) const {
    return profile_game ? *profile_game : solved;
  }
};

// Fills expected_payoffs / exact_payoffs and nash_conv of `eq` from its profile.
void Evaluate(const AnyGame& game, Equilibrium& eq);

// Builds an Equilibrium from an exact profile (doubles derived) and evaluates it.
Equilibrium MakeExactEquilibrium(const AnyGame& game, std::vector<mpq_class> exact);
// Builds an Equilibrium from a floating-point profile and evaluates it.
Equilibrium MakeEquilibrium(const AnyGame& game, std::vector<double> profile);

// ---- Presentation helpers (used by the CLI; no printing here) ----

// "NE,1,0,1/2,1/2": Gambit's command-line output for one equilibrium (exact values when
// known, else fixed with `decimals` places, or with kRoundTripDigits the shortest decimal
// that reads back as the same double, so the printed profile keeps its regret exactly).
inline constexpr int kRoundTripDigits = -1;
std::string FormatGambitLine(const Equilibrium& eq, int decimals = 6);

// One labelled entry of a profile: who, where, what, with which probability.
struct ProfileEntry {
  int player = 0;
  std::string player_label;
  std::string infoset_label;  // extensive games: the infoset label, or "#k" when empty
  std::string action_label;   // action / strategy label, or its 1-based number when empty
  double probability = 0.0;
  std::string probability_text;  // exact fraction when known, else decimal
};

// The entries of `eq` in profile order, labelled for display.
std::vector<ProfileEntry> LabelProfile(const AnyGame& game, const Equilibrium& eq);

// A display label: `label` itself, or `fallback` when it is empty.
std::string DisplayLabel(const std::string& label, const std::string& fallback);

}  // namespace redline::games
