// The crisis-game library: parameterised canonical games of crisis bargaining, each built as
// an ExtensiveGame (so every solver and the .efg writer apply) and each with its equilibrium
// in closed form (docs/games.md states the trees, parameters and formulas).
//
//   chicken        2×2 game of chicken (two pure equilibria and one mixed)
//   deterrence     challenger vs defender of private resolve (perfect Bayesian equilibrium)
//   audience_cost  Fearon-style public threat with an audience cost for backing down
//   brinkmanship   Powell/Schelling threat that leaves something to chance
//   risk_taking    alternating rounds of stand firm / quit with a risk of disaster
//
// The generic entry point (MakeLibraryGame) takes parameters as text, validates them and
// reports unknown games or parameters with a did-you-mean hint. Typed entry points for the
// games with closed forms live in library_games.h; the deterrence game, which the
// simulator's `equilibrium` decision model calls, is declared here.
//
// All functions are pure and thread-safe.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "games/game.h"
#include "games/lcp_tableau.h"  // SolverError
#include "games/number.h"

namespace redline::games {

// ---------------------------------------------------------------- generic library ----

enum class ParameterKind {
  kProbability,  // in [0, 1]
  kPositive,     // > 0
  kNonNegative,  // >= 0
  kNegative,     // < 0
  kCount,        // integer >= 1
};

struct GameParameter {
  std::string name;
  std::string default_value;  // as text, parsed like a .efg number
  ParameterKind kind = ParameterKind::kNonNegative;
  std::string description;
};

// Parameter values by name, exact.
using ParameterValues = std::map<std::string, Number>;

struct LibraryGame {
  std::string name;
  std::string description;
  std::vector<GameParameter> parameters;
  // Builds the game from a complete, individually validated set of values; fails on
  // combinations a single parameter's kind cannot express (e.g. war costs out of order).
  std::function<Result<ExtensiveGame>(const ParameterValues&)> build;
};

// Every library game, in display order.
const std::vector<LibraryGame>& LibraryGames();
std::vector<std::string> LibraryGameNames();

// The game `name` with `overrides` (name -> text value) applied to its defaults. Errors
// (all reported, not just the first): unknown game or parameter (with a did-you-mean
// hint), a value that is not a number, a value outside its kind's range.
Result<ExtensiveGame> MakeLibraryGame(const std::string& name,
                                      const std::map<std::string, std::string>& overrides);

// ------------------------------------------------------------------- deterrence ----
//
// Challenger C moves first: status quo (0, 0) or challenge. Nature then draws the defender's
// type, resolute with probability `prior_resolute`; the defender (who knows its type, while C
// does not) resists or concedes.
//   concede:  C gets challenger_gain,         D gets -(defender_stake + audience_cost)
//   resist:   C gets -challenger_war_cost,    D gets -resolute_war_cost or
//                                               -irresolute_war_cost by type
// (Moving nature after C's choice is strategically the same as drawing the type first: C
// learns nothing either way. It makes the tree one of perfect information, so the perfect
// Bayesian equilibrium is the subgame-perfect one.)
struct DeterrenceParams {
  double prior_resolute = 0.5;       // p in [0, 1]
  double challenger_gain = 1.0;      // > 0
  double challenger_war_cost = 1.0;  // > 0
  double defender_stake = 1.0;       // >= 0
  double audience_cost = 0.0;        // >= 0: paid by a defender who concedes
  double resolute_war_cost = 0.5;    // >= 0
  double irresolute_war_cost = 2.0;  // >= 0
};

// The equilibrium behaviour: P(C challenges) and P(D resists | type).
struct DeterrencePbe {
  double challenge = 0.0;
  double resist_resolute = 0.0;
  double resist_irresolute = 0.0;
  // C's belief that the defender is resolute (equals the prior: C observes nothing).
  double belief_resolute = 0.0;

  // P(D resists | C challenged), the credibility of the defender's line.
  double ResistGivenChallenge() const {
    return belief_resolute * resist_resolute + (1 - belief_resolute) * resist_irresolute;
  }
};

// Ok when every field is in its range (non-finite values are errors); the Diagnostics name
// the offending fields.
Status ValidateDeterrenceParams(const DeterrenceParams& params);

// The PBE in closed form. Requires valid params (checked with assert in debug builds).
// Type t resists iff its war cost <= defender_stake + audience_cost (ties: resist). C
// challenges iff its expected payoff from challenging is > 0 (ties: status quo); when only
// the resolute type resists this is  p < challenger_gain / (challenger_gain +
// challenger_war_cost). Every comparison gives the answer of the exact comparison on the
// binary values of the doubles, so the result is a deterministic function of the inputs with
// no rounding zone: comparisons far from a tie (relative gap > 1e-12) are decided in doubles,
// without allocating (the simulator's equilibrium model calls this in its hot loop); near a
// tie the exact rational path (GMP) decides.
DeterrencePbe SolveDeterrenceClosedForm(const DeterrenceParams& params);

// The same equilibrium computed by solving the game tree (BuildDeterrenceGame) with the
// exact backward-induction solver (spe), whose ties go to the first action listed — status
// quo for C, resist for D — the closed form's tie rule. Agrees with SolveDeterrenceClosedForm
// exactly (tests check 1e-12). Errors: invalid params. Cost: a 9-node tree, ~10 µs.
Result<DeterrencePbe> SolveDeterrence(const DeterrenceParams& params);

// The deterrence tree with exactly these payoffs and prior (the doubles' binary values).
Result<ExtensiveGame> BuildDeterrenceGame(const DeterrenceParams& params);

// Exact conversion of a double parameter (its binary value) to a Number.
Number ExactNumber(double value);

}  // namespace redline::games
