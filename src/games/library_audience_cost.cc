// The audience-cost game (Fearon 1994-style): tree and closed-form PBE (docs/games.md).
#include "games/library_games.h"

namespace redline::games {

namespace {

Number Q(const mpq_class& v) { return Number(v); }

}  // namespace

Result<ExtensiveGame> BuildAudienceCostFromValues(const ParameterValues& v) {
  const mpq_class p = v.at("prior_resolute").exact();
  const mpq_class gain = v.at("challenger_gain").exact();
  const mpq_class war_cost = v.at("challenger_war_cost").exact();
  const mpq_class defender_gain = v.at("defender_gain").exact();
  const mpq_class audience = v.at("audience_cost").exact();
  const mpq_class war_payoff[2] = {v.at("resolute_war_payoff").exact(),
                                   v.at("irresolute_war_payoff").exact()};
  ExtensiveGameBuilder b("Audience costs", {"Challenger", "Defender"});
  b.SetComment("redline library game 'audience_cost'; closed form in docs/games.md");
  const InfosetId type =
      b.NewChanceInfoset("defender type", {"resolute", "irresolute"}, {Q(p), Q(mpq_class(1 - p))});
  const char* names[2] = {"resolute", "irresolute"};
  InfosetId threaten[2], pressed[2];
  for (int t = 0; t < 2; ++t) {
    threaten[t] =
        b.NewPlayerInfoset(1, std::string(names[t]) + " defender", {"concede", "threaten"});
  }
  const InfosetId after_threat = b.NewPlayerInfoset(0, "after threat", {"back_down", "press"});
  for (int t = 0; t < 2; ++t) {
    pressed[t] = b.NewPlayerInfoset(1, std::string(names[t]) + " pressed", {"fight", "cave"});
  }
  const OutcomeId concede = b.NewOutcome("concession", {Q(gain), Number(0L)});
  const OutcomeId back_down = b.NewOutcome("challenger backs down", {Number(0L), Q(defender_gain)});
  const OutcomeId cave = b.NewOutcome("defender caves", {Q(gain), Q(mpq_class(-audience))});
  b.AddDecisionNode("", type, kNoOutcome);
  for (int t = 0; t < 2; ++t) {
    const OutcomeId war = b.NewOutcome(std::string("war with the ") + names[t] + " defender",
                                       {Q(mpq_class(-war_cost)), Q(war_payoff[t])});
    b.AddDecisionNode(names[t], threaten[t], kNoOutcome);
    b.AddTerminalNode("concession", concede);
    b.AddDecisionNode("threat", after_threat, kNoOutcome);
    b.AddTerminalNode("backs down", back_down);
    b.AddDecisionNode("pressed", pressed[t], kNoOutcome);
    b.AddTerminalNode("war", war);
    b.AddTerminalNode("caves", cave);
  }
  return std::move(b).Build();
}

Result<ExtensiveGame> BuildAudienceCostGame(const AudienceCostParams& p) {
  Result<ParameterValues> values =
      CheckedValues("audience_cost", {{"prior_resolute", p.prior_resolute},
                                      {"challenger_gain", p.challenger_gain},
                                      {"challenger_war_cost", p.challenger_war_cost},
                                      {"defender_gain", p.defender_gain},
                                      {"audience_cost", p.audience_cost},
                                      {"resolute_war_payoff", p.resolute_war_payoff},
                                      {"irresolute_war_payoff", p.irresolute_war_payoff}});
  if (!values) return values.errors();
  return BuildAudienceCostFromValues(*values);
}

AudienceCostPbe SolveAudienceCostClosedForm(const AudienceCostParams& p) {
  AudienceCostPbe out;
  out.fight_resolute = 1.0;     // war payoff >= 0 >= -audience_cost
  out.threaten_resolute = 1.0;  // a threat is worth >= 0, conceding 0
  // C's cutoff belief: pressing pays iff belief < gain / (gain + war cost).
  const double cutoff = p.challenger_gain / (p.challenger_gain + p.challenger_war_cost);
  if (p.irresolute_war_payoff >= -p.audience_cost) {
    // Audience cost locks in both types: a threat is fully credible, C backs down.
    out.fight_irresolute = 1.0;
    out.threaten_irresolute = 1.0;
    out.press = 0.0;
    out.belief_after_threat = p.prior_resolute;
  } else if (p.prior_resolute >= cutoff) {
    // Pooling: the prior alone deters pressing, so the irresolute type bluffs for sure.
    out.threaten_irresolute = 1.0;
    out.press = 0.0;
    out.belief_after_threat = p.prior_resolute;
  } else {
    // Semi-separating: the bluff keeps C indifferent, pressing keeps the bluffer indifferent.
    out.threaten_irresolute =
        p.prior_resolute * p.challenger_war_cost / ((1 - p.prior_resolute) * p.challenger_gain);
    out.press = p.defender_gain / (p.defender_gain + p.audience_cost);
    out.belief_after_threat = cutoff;
  }
  return out;
}

}  // namespace redline::games
