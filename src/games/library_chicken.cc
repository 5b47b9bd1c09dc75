// Chicken: the 2×2 game with two pure equilibria and one mixed (docs/games.md).
#include "games/library_games.h"

namespace redline::games {

Result<ExtensiveGame> BuildChickenFromValues(const ParameterValues& v) {
  const mpq_class gain = v.at("gain").exact();
  const mpq_class humiliation = v.at("humiliation").exact();
  const mpq_class crash = v.at("crash_cost").exact();
  if (crash <= humiliation) {
    return SolverError("chicken: crash_cost must exceed humiliation (else it is not chicken)");
  }
  ExtensiveGameBuilder b("Chicken", {"Driver 1", "Driver 2"});
  b.SetComment("redline library game 'chicken'; closed form in docs/games.md");
  const InfosetId first = b.NewPlayerInfoset(0, "driver 1", {"swerve", "straight"});
  const InfosetId second = b.NewPlayerInfoset(1, "driver 2", {"swerve", "straight"});
  const Number zero(0L);
  const OutcomeId both_swerve = b.NewOutcome("both swerve", {zero, zero});
  const OutcomeId second_wins =
      b.NewOutcome("driver 2 wins", {Number(mpq_class(-humiliation)), Number(gain)});
  const OutcomeId first_wins =
      b.NewOutcome("driver 1 wins", {Number(gain), Number(mpq_class(-humiliation))});
  const OutcomeId crash_outcome =
      b.NewOutcome("crash", {Number(mpq_class(-crash)), Number(mpq_class(-crash))});
  b.AddDecisionNode("", first, kNoOutcome);
  b.AddDecisionNode("", second, kNoOutcome);
  b.AddTerminalNode("", both_swerve);
  b.AddTerminalNode("", second_wins);
  b.AddDecisionNode("", second, kNoOutcome);
  b.AddTerminalNode("", first_wins);
  b.AddTerminalNode("", crash_outcome);
  return std::move(b).Build();
}

Result<ExtensiveGame> BuildChickenGame(const ChickenParams& p) {
  Result<ParameterValues> values = CheckedValues(
      "chicken", {{"gain", p.gain}, {"humiliation", p.humiliation}, {"crash_cost", p.crash_cost}});
  if (!values) return values.errors();
  return BuildChickenFromValues(*values);
}

ChickenEquilibria SolveChickenClosedForm(const ChickenParams& p) {
  // Indifference of the opponent: -h q = g (1 - q) - c q  =>  q = g / (g + c - h).
  ChickenEquilibria out;
  out.mixed_straight = p.gain / (p.gain + p.crash_cost - p.humiliation);
  out.mixed_value = -p.humiliation * out.mixed_straight;
  return out;
}

}  // namespace redline::games
