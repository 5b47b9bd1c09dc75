// Typed parameters, trees and closed-form equilibria of the library games other than
// deterrence (which is in library.h). docs/games.md gives each tree and derivation.
// Every Build...Game validates its parameters and fails with Diagnostics naming them; the
// closed forms require valid parameters. Ties in the closed forms follow the order in which
// actions are listed (the first best action), the rule of the spe solver.
#pragma once

#include <vector>

#include "games/library.h"

namespace redline::games {

// ---- chicken: simultaneous Swerve / Straight -----------------------------------------
// (swerve, swerve) = (0, 0); straight against swerve: the straight driver gets `gain`, the
// swerver -humiliation; (straight, straight) = (-crash_cost, -crash_cost).
struct ChickenParams {
  double gain = 1.0;         // > 0
  double humiliation = 1.0;  // >= 0
  double crash_cost = 10.0;  // > humiliation
};
struct ChickenEquilibria {
  // Pure equilibria: (straight, swerve) and (swerve, straight). In the mixed one each
  // driver goes straight with probability gain / (gain + crash_cost - humiliation).
  double mixed_straight = 0.0;
  double mixed_value = 0.0;  // each driver's payoff in the mixed equilibrium
};
Result<ExtensiveGame> BuildChickenGame(const ChickenParams& params);
ChickenEquilibria SolveChickenClosedForm(const ChickenParams& params);

// ---- audience_cost: Fearon (1994)-style public threat --------------------------------
struct AudienceCostParams {
  double prior_resolute = 0.3;          // [0, 1]
  double challenger_gain = 1.0;         // > 0: C's payoff when D concedes or caves
  double challenger_war_cost = 1.0;     // > 0: C gets -challenger_war_cost in a war
  double defender_gain = 1.0;           // > 0: D's payoff when C backs down
  double audience_cost = 0.5;           // >= 0: D's loss from caving after a threat
  double resolute_war_payoff = 0.5;     // >= 0: resolute D's payoff from war
  double irresolute_war_payoff = -1.0;  // < 0: irresolute D's payoff from war
};
struct AudienceCostPbe {
  double threaten_resolute = 0.0;    // P(threaten | resolute)
  double threaten_irresolute = 0.0;  // P(threaten | irresolute): the bluff
  double press = 0.0;                // P(C presses | threat)
  double fight_resolute = 0.0;       // P(fight | resolute, pressed)
  double fight_irresolute = 0.0;     // P(fight | irresolute, pressed)
  double belief_after_threat = 0.0;  // C's posterior that a threatening D is resolute
};
Result<ExtensiveGame> BuildAudienceCostGame(const AudienceCostParams& params);
AudienceCostPbe SolveAudienceCostClosedForm(const AudienceCostParams& params);

// ---- brinkmanship: a threat that leaves something to chance (Powell 1990) ------------
// D picks a risk r from risk_levels evenly spaced values in [0, max_risk]; C, committed with
// probability prior_committed, observes r and withdraws (C 0, D defender_stake) or persists:
// with probability r disaster (C -disaster_cost of its type, D -defender_disaster_cost),
// otherwise C prevails (C challenger_stake, D 0).
struct BrinkmanshipParams {
  double prior_committed = 0.3;            // [0, 1]
  int risk_levels = 5;                     // >= 2
  double max_risk = 1.0;                   // (0, 1]
  double challenger_stake = 1.0;           // > 0
  double committed_disaster_cost = 1.0;    // >= 0
  double uncommitted_disaster_cost = 4.0;  // >= 0
  double defender_stake = 1.0;             // > 0
  double defender_disaster_cost = 2.0;     // > 0
};
struct BrinkmanshipSpe {
  int risk_index = 0;              // D's choice from the menu (0-based)
  double risk = 0.0;               // its value
  double persist_committed = 0.0;  // at the chosen risk
  double persist_uncommitted = 0.0;
  double disaster_probability = 0.0;
};
double BrinkmanshipRisk(const BrinkmanshipParams& params, int level);
Result<ExtensiveGame> BuildBrinkmanshipGame(const BrinkmanshipParams& params);
BrinkmanshipSpe SolveBrinkmanshipClosedForm(const BrinkmanshipParams& params);

// ---- risk_taking: competition in risk-taking -----------------------------------------
// Players alternate (player 1 in odd rounds). The mover quits (mover 0, other prize) or stands
// firm: disaster with probability disaster_probability (both -disaster_cost), else the next
// round; after `rounds` rounds the crisis ends in stalemate (both get stalemate).
struct RiskTakingParams {
  int rounds = 4;                     // >= 1
  double disaster_probability = 0.1;  // [0, 1]
  double prize = 1.0;                 // > 0
  double disaster_cost = 5.0;         // > 0
  double stalemate = 0.0;             // >= 0, <= prize
};
struct RiskTakingSpe {
  std::vector<double> stand_firm;     // per round: 1 when the mover stands firm in the SPE
  double disaster_probability = 0.0;  // along the equilibrium path
  double first_player_value = 0.0;
  double second_player_value = 0.0;
};
Result<ExtensiveGame> BuildRiskTakingGame(const RiskTakingParams& params);
RiskTakingSpe SolveRiskTakingClosedForm(const RiskTakingParams& params);

// ---- generic builders used by the library registry (values already range-checked) ----
Result<ExtensiveGame> BuildChickenFromValues(const ParameterValues& values);
Result<ExtensiveGame> BuildDeterrenceFromValues(const ParameterValues& values);
Result<ExtensiveGame> BuildAudienceCostFromValues(const ParameterValues& values);
Result<ExtensiveGame> BuildBrinkmanshipFromValues(const ParameterValues& values);
Result<ExtensiveGame> BuildRiskTakingFromValues(const ParameterValues& values);

// Typed -> exact values (each double's binary value), checked against the parameter kinds of
// library game `game`; non-finite or out-of-range values fail with Diagnostics.
Result<ParameterValues> CheckedValues(const std::string& game,
                                      const std::vector<std::pair<std::string, double>>& fields);

}  // namespace redline::games
