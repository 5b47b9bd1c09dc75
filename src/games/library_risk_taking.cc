// Competition in risk-taking: alternating stand firm / quit with a per-round risk of
// disaster, truncated at a horizon (docs/games.md).
#include <string>

#include "games/library_games.h"

namespace redline::games {

Result<ExtensiveGame> BuildRiskTakingFromValues(const ParameterValues& v) {
  const int rounds = static_cast<int>(v.at("rounds").exact().get_num().get_si());
  const mpq_class rho = v.at("disaster_probability").exact();
  const mpq_class prize = v.at("prize").exact();
  const mpq_class cost = v.at("disaster_cost").exact();
  const mpq_class stalemate = v.at("stalemate").exact();
  if (stalemate > prize) return SolverError("risk_taking: stalemate must be <= prize");
  ExtensiveGameBuilder b("Competition in risk-taking", {"Side 1", "Side 2"});
  b.SetComment("redline library game 'risk_taking'; closed form in docs/games.md");
  const OutcomeId wins[2] = {b.NewOutcome("side 2 quits", {Number(prize), Number(0L)}),
                             b.NewOutcome("side 1 quits", {Number(0L), Number(prize)})};
  const OutcomeId disaster =
      b.NewOutcome("disaster", {Number(mpq_class(-cost)), Number(mpq_class(-cost))});
  const OutcomeId draw = b.NewOutcome("stalemate", {Number(stalemate), Number(stalemate)});
  // Preorder: round t's mover node, its "quit" leaf, then the firm branch (disaster leaf,
  // then round t + 1).
  for (int round = 1; round <= rounds; ++round) {
    const int mover = (round - 1) % 2;
    const InfosetId choice =
        b.NewPlayerInfoset(mover, "round " + std::to_string(round), {"quit", "stand_firm"});
    b.AddDecisionNode("round " + std::to_string(round), choice, kNoOutcome);
    b.AddTerminalNode("quits", wins[1 - mover]);
    if (rho == 1) {
      b.AddTerminalNode("disaster", disaster);
      break;
    }
    if (rho > 0) {
      const InfosetId lottery = b.NewChanceInfoset("risk", {"disaster", "safe"},
                                                   {Number(rho), Number(mpq_class(1 - rho))});
      b.AddDecisionNode("stands firm", lottery, kNoOutcome);
      b.AddTerminalNode("disaster", disaster);
    }
  }
  if (rho != 1) b.AddTerminalNode("stalemate", draw);
  return std::move(b).Build();
}

Result<ExtensiveGame> BuildRiskTakingGame(const RiskTakingParams& p) {
  Result<ParameterValues> values =
      CheckedValues("risk_taking", {{"rounds", static_cast<double>(p.rounds)},
                                    {"disaster_probability", p.disaster_probability},
                                    {"prize", p.prize},
                                    {"disaster_cost", p.disaster_cost},
                                    {"stalemate", p.stalemate}});
  if (!values) return values.errors();
  return BuildRiskTakingFromValues(*values);
}

RiskTakingSpe SolveRiskTakingClosedForm(const RiskTakingParams& p) {
  // Backward recursion on (mover's value, other's value); round H+1 is the stalemate.
  // Firm at t iff -rho D + (1 - rho) other_{t+1} > 0 (ties: quit).
  const mpq_class rho(p.disaster_probability), cost(p.disaster_cost), prize(p.prize);
  mpq_class mover_next(p.stalemate), other_next(p.stalemate);
  RiskTakingSpe out;
  out.stand_firm.assign(p.rounds, 0.0);
  for (int round = p.rounds; round >= 1; --round) {
    const mpq_class firm_value = -rho * cost + (1 - rho) * other_next;
    const bool firm = firm_value > 0;
    out.stand_firm[round - 1] = firm ? 1.0 : 0.0;
    const mpq_class mover = firm ? firm_value : mpq_class(0);
    const mpq_class other = firm ? mpq_class(-rho * cost + (1 - rho) * mover_next) : prize;
    mover_next = mover;
    other_next = other;
  }
  out.first_player_value = mover_next.get_d();
  out.second_player_value = other_next.get_d();
  double survive = 1.0;
  for (int round = 0; round < p.rounds && out.stand_firm[round] == 1.0; ++round) {
    survive *= 1 - p.disaster_probability;
  }
  out.disaster_probability = 1 - survive;
  return out;
}

}  // namespace redline::games
