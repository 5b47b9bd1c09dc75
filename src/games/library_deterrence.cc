// The deterrence game with uncertain resolve: tree, closed-form PBE, solver-based PBE.
#include <cassert>
#include <cmath>
#include <optional>

#include "games/library.h"
#include "games/library_games.h"
#include "games/spe.h"

namespace redline::games {

Number ExactNumber(double value) { return Number(mpq_class(value)); }

namespace {

struct ExactDeterrence {
  mpq_class p, gain, war_cost, stake, audience, resolute_cost, irresolute_cost;
};

ExactDeterrence ToExact(const DeterrenceParams& d) {
  return {mpq_class(d.prior_resolute),      mpq_class(d.challenger_gain),
          mpq_class(d.challenger_war_cost), mpq_class(d.defender_stake),
          mpq_class(d.audience_cost),       mpq_class(d.resolute_war_cost),
          mpq_class(d.irresolute_war_cost)};
}

Number Neg(const mpq_class& v) { return Number(mpq_class(-v)); }

}  // namespace

Status ValidateDeterrenceParams(const DeterrenceParams& d) {
  Diagnostics errors;
  auto require = [&](bool ok, const char* field, const char* range) {
    if (!ok)
      errors.push_back(SolverError(std::string("deterrence: ") + field + " must be " + range));
  };
  auto finite = [](double v) { return std::isfinite(v); };
  require(finite(d.prior_resolute) && d.prior_resolute >= 0 && d.prior_resolute <= 1,
          "prior_resolute", "in [0, 1]");
  require(finite(d.challenger_gain) && d.challenger_gain > 0, "challenger_gain", "> 0");
  require(finite(d.challenger_war_cost) && d.challenger_war_cost > 0, "challenger_war_cost", "> 0");
  require(finite(d.defender_stake) && d.defender_stake >= 0, "defender_stake", ">= 0");
  require(finite(d.audience_cost) && d.audience_cost >= 0, "audience_cost", ">= 0");
  require(finite(d.resolute_war_cost) && d.resolute_war_cost >= 0, "resolute_war_cost", ">= 0");
  require(finite(d.irresolute_war_cost) && d.irresolute_war_cost >= 0, "irresolute_war_cost",
          ">= 0");
  return errors;
}

namespace {

Result<ExtensiveGame> BuildDeterrenceTree(const ExactDeterrence& d) {
  ExtensiveGameBuilder b("Deterrence with uncertain resolve", {"Challenger", "Defender"});
  b.SetComment("redline library game 'deterrence'; closed form in docs/games.md");
  const InfosetId challenger = b.NewPlayerInfoset(0, "challenger", {"status_quo", "challenge"});
  const InfosetId type = b.NewChanceInfoset("defender type", {"resolute", "irresolute"},
                                            {Number(d.p), Number(mpq_class(1 - d.p))});
  const InfosetId resolute = b.NewPlayerInfoset(1, "resolute defender", {"resist", "concede"});
  const InfosetId irresolute = b.NewPlayerInfoset(1, "irresolute defender", {"resist", "concede"});
  const OutcomeId status_quo = b.NewOutcome("status quo", {Number(0L), Number(0L)});
  const OutcomeId concede = b.NewOutcome("concession", {Number(d.gain), Neg(d.stake + d.audience)});
  const OutcomeId war_resolute =
      b.NewOutcome("war with a resolute defender", {Neg(d.war_cost), Neg(d.resolute_cost)});
  const OutcomeId war_irresolute =
      b.NewOutcome("war with an irresolute defender", {Neg(d.war_cost), Neg(d.irresolute_cost)});
  b.AddDecisionNode("", challenger, kNoOutcome);
  b.AddTerminalNode("status quo", status_quo);
  b.AddDecisionNode("", type, kNoOutcome);
  b.AddDecisionNode("resolute", resolute, kNoOutcome);
  b.AddTerminalNode("war", war_resolute);
  b.AddTerminalNode("concession", concede);
  b.AddDecisionNode("irresolute", irresolute, kNoOutcome);
  b.AddTerminalNode("war", war_irresolute);
  b.AddTerminalNode("concession", concede);
  return std::move(b).Build();
}

}  // namespace

Result<ExtensiveGame> BuildDeterrenceGame(const DeterrenceParams& params) {
  if (Status status = ValidateDeterrenceParams(params); !status) return status.errors();
  return BuildDeterrenceTree(ToExact(params));
}

Result<ExtensiveGame> BuildDeterrenceFromValues(const ParameterValues& v) {
  return BuildDeterrenceTree({v.at("prior_resolute").exact(), v.at("challenger_gain").exact(),
                              v.at("challenger_war_cost").exact(), v.at("defender_stake").exact(),
                              v.at("audience_cost").exact(), v.at("resolute_war_cost").exact(),
                              v.at("irresolute_war_cost").exact()});
}

namespace {

// Decides `x <= y` for doubles whose computation erred by less than 1e-12 * scale, or gives
// nullopt when they are too close to call in doubles (the exact path decides then).
std::optional<bool> ClearlyAtMost(double x, double y, double scale) {
  const double margin = 1e-12 * scale;
  if (x < y - margin) return true;
  if (x > y + margin) return false;
  return std::nullopt;
}

// The closed form in doubles, when every comparison is far from a tie: then it agrees with the
// exact rational comparison, and it allocates nothing (the simulator calls it in its hot loop).
std::optional<DeterrencePbe> ClosedFormAwayFromTies(const DeterrenceParams& p) {
  const double concession = p.defender_stake + p.audience_cost;
  const double defender_scale = std::fabs(p.defender_stake) + std::fabs(p.audience_cost);
  const auto resolute = ClearlyAtMost(p.resolute_war_cost, concession,
                                      defender_scale + std::fabs(p.resolute_war_cost));
  const auto irresolute = ClearlyAtMost(p.irresolute_war_cost, concession,
                                        defender_scale + std::fabs(p.irresolute_war_cost));
  if (!resolute || !irresolute) return std::nullopt;
  auto value = [&](bool resists) { return resists ? -p.challenger_war_cost : p.challenger_gain; };
  const double challenge =
      p.prior_resolute * value(*resolute) + (1 - p.prior_resolute) * value(*irresolute);
  const auto stays = ClearlyAtMost(challenge, 0.0, p.challenger_gain + p.challenger_war_cost);
  if (!stays) return std::nullopt;
  DeterrencePbe pbe;
  pbe.challenge = *stays ? 0.0 : 1.0;
  pbe.resist_resolute = *resolute ? 1.0 : 0.0;
  pbe.resist_irresolute = *irresolute ? 1.0 : 0.0;
  pbe.belief_resolute = p.prior_resolute;
  return pbe;
}

}  // namespace

DeterrencePbe SolveDeterrenceClosedForm(const DeterrenceParams& params) {
  assert(ValidateDeterrenceParams(params).ok());
  if (auto fast = ClosedFormAwayFromTies(params)) return *fast;
  const ExactDeterrence d = ToExact(params);
  const mpq_class concession_cost = d.stake + d.audience;
  const bool resolute_resists = d.resolute_cost <= concession_cost;
  const bool irresolute_resists = d.irresolute_cost <= concession_cost;
  auto challenger_value = [&](bool resists) { return resists ? mpq_class(-d.war_cost) : d.gain; };
  const mpq_class challenge_value =
      d.p * challenger_value(resolute_resists) + (1 - d.p) * challenger_value(irresolute_resists);
  DeterrencePbe pbe;
  pbe.challenge = challenge_value > 0 ? 1.0 : 0.0;
  pbe.resist_resolute = resolute_resists ? 1.0 : 0.0;
  pbe.resist_irresolute = irresolute_resists ? 1.0 : 0.0;
  pbe.belief_resolute = params.prior_resolute;
  return pbe;
}

Result<DeterrencePbe> SolveDeterrence(const DeterrenceParams& params) {
  Result<ExtensiveGame> game = BuildDeterrenceGame(params);
  if (!game) return game.errors();
  Result<Solution> solution = SolveSubgamePerfect(*game);
  if (!solution) return solution.errors();
  if (solution->equilibria.size() != 1) {
    return SolverError("deterrence: the backward-induction solver returned no equilibrium");
  }
  const std::vector<double>& profile = solution->equilibria[0].profile;
  const ExtensiveGame& tree = *game;
  const InfosetId challenger = tree.players()[0].infosets[0];
  const InfosetId resolute = tree.players()[1].infosets[0];
  const InfosetId irresolute = tree.players()[1].infosets[1];
  DeterrencePbe pbe;
  pbe.challenge = profile[tree.action_index(challenger, 1)];
  pbe.resist_resolute = profile[tree.action_index(resolute, 0)];
  pbe.resist_irresolute = profile[tree.action_index(irresolute, 0)];
  pbe.belief_resolute = params.prior_resolute;
  return pbe;
}

}  // namespace redline::games
