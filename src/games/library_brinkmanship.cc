// Brinkmanship, Powell (1990)-style: the defender chooses a risk of disaster from a menu, a
// challenger of uncertain commitment persists or withdraws (docs/games.md).
#include <string>

#include "games/library_games.h"

namespace redline::games {

namespace {

struct ExactBrinkmanship {
  mpq_class prior;
  int levels;
  mpq_class max_risk, stake, disaster_cost[2], defender_stake, defender_disaster;
};

mpq_class RiskAt(const ExactBrinkmanship& e, int level) {
  return e.max_risk * level / (e.levels - 1);
}

// The challenger of type t (0 committed, 1 uncommitted) persists iff its expected payoff
// (1 - r) stake - r cost is > 0 (ties: withdraw, the first action).
bool Persists(const ExactBrinkmanship& e, const mpq_class& risk, int type) {
  return (1 - risk) * e.stake - risk * e.disaster_cost[type] > 0;
}

ExactBrinkmanship ToExact(const ParameterValues& v) {
  return {v.at("prior_committed").exact(),
          static_cast<int>(v.at("risk_levels").exact().get_num().get_si()),
          v.at("max_risk").exact(),
          v.at("challenger_stake").exact(),
          {v.at("committed_disaster_cost").exact(), v.at("uncommitted_disaster_cost").exact()},
          v.at("defender_stake").exact(),
          v.at("defender_disaster_cost").exact()};
}

}  // namespace

Result<ExtensiveGame> BuildBrinkmanshipFromValues(const ParameterValues& v) {
  const ExactBrinkmanship e = ToExact(v);
  if (e.levels < 2) return SolverError("brinkmanship: risk_levels must be >= 2");
  if (e.max_risk <= 0) return SolverError("brinkmanship: max_risk must be > 0");
  ExtensiveGameBuilder b("Brinkmanship", {"Challenger", "Defender"});
  b.SetComment("redline library game 'brinkmanship'; closed form in docs/games.md");
  std::vector<std::string> menu;
  for (int k = 0; k < e.levels; ++k) menu.push_back("risk " + FormatRational(RiskAt(e, k)));
  const InfosetId defender = b.NewPlayerInfoset(1, "defender", menu);
  const OutcomeId withdraw = b.NewOutcome("withdrawal", {Number(0L), Number(e.defender_stake)});
  const OutcomeId prevail = b.NewOutcome("challenger prevails", {Number(e.stake), Number(0L)});
  const char* types[2] = {"committed", "uncommitted"};
  OutcomeId disaster[2];
  for (int t = 0; t < 2; ++t) {
    disaster[t] = b.NewOutcome(
        std::string("disaster (") + types[t] + " challenger)",
        {Number(mpq_class(-e.disaster_cost[t])), Number(mpq_class(-e.defender_disaster))});
  }
  b.AddDecisionNode("", defender, kNoOutcome);
  for (int k = 0; k < e.levels; ++k) {
    const mpq_class risk = RiskAt(e, k);
    const InfosetId type = b.NewChanceInfoset("challenger type at " + menu[k], {types[0], types[1]},
                                              {Number(e.prior), Number(mpq_class(1 - e.prior))});
    b.AddDecisionNode(menu[k], type, kNoOutcome);
    for (int t = 0; t < 2; ++t) {
      const InfosetId challenger =
          b.NewPlayerInfoset(0, std::string(types[t]) + " at " + menu[k], {"withdraw", "persist"});
      b.AddDecisionNode(types[t], challenger, kNoOutcome);
      b.AddTerminalNode("withdraws", withdraw);
      if (risk == 0) {
        b.AddTerminalNode("prevails", prevail);
      } else if (risk == 1) {
        b.AddTerminalNode("disaster", disaster[t]);
      } else {
        const InfosetId lottery = b.NewChanceInfoset("brink", {"disaster", "no disaster"},
                                                     {Number(risk), Number(mpq_class(1 - risk))});
        b.AddDecisionNode("persists", lottery, kNoOutcome);
        b.AddTerminalNode("disaster", disaster[t]);
        b.AddTerminalNode("prevails", prevail);
      }
    }
  }
  return std::move(b).Build();
}

namespace {

std::vector<std::pair<std::string, double>> Fields(const BrinkmanshipParams& p) {
  return {{"prior_committed", p.prior_committed},
          {"risk_levels", static_cast<double>(p.risk_levels)},
          {"max_risk", p.max_risk},
          {"challenger_stake", p.challenger_stake},
          {"committed_disaster_cost", p.committed_disaster_cost},
          {"uncommitted_disaster_cost", p.uncommitted_disaster_cost},
          {"defender_stake", p.defender_stake},
          {"defender_disaster_cost", p.defender_disaster_cost}};
}

}  // namespace

double BrinkmanshipRisk(const BrinkmanshipParams& p, int level) {
  return p.max_risk * level / (p.risk_levels - 1);
}

Result<ExtensiveGame> BuildBrinkmanshipGame(const BrinkmanshipParams& p) {
  Result<ParameterValues> values = CheckedValues("brinkmanship", Fields(p));
  if (!values) return values.errors();
  return BuildBrinkmanshipFromValues(*values);
}

BrinkmanshipSpe SolveBrinkmanshipClosedForm(const BrinkmanshipParams& p) {
  const ExactBrinkmanship e = ToExact(*CheckedValues("brinkmanship", Fields(p)));
  // D's value at risk r: each type that persists brings -r * disaster cost (and no stake),
  // each type that withdraws leaves D its stake. The first best level wins ties.
  int best = 0;
  mpq_class best_value;
  for (int k = 0; k < e.levels; ++k) {
    const mpq_class risk = RiskAt(e, k);
    mpq_class value = 0;
    const mpq_class weight[2] = {e.prior, 1 - e.prior};
    for (int t = 0; t < 2; ++t) {
      value += weight[t] *
               (Persists(e, risk, t) ? mpq_class(-risk * e.defender_disaster) : e.defender_stake);
    }
    if (k == 0 || value > best_value) {
      best = k;
      best_value = value;
    }
  }
  BrinkmanshipSpe out;
  const mpq_class risk = RiskAt(e, best);
  out.risk_index = best;
  out.risk = risk.get_d();
  out.persist_committed = Persists(e, risk, 0) ? 1.0 : 0.0;
  out.persist_uncommitted = Persists(e, risk, 1) ? 1.0 : 0.0;
  out.disaster_probability = out.risk * (p.prior_committed * out.persist_committed +
                                         (1 - p.prior_committed) * out.persist_uncommitted);
  return out;
}

}  // namespace redline::games
