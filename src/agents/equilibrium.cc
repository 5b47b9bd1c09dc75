#include "agents/equilibrium.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <limits>

#include "agents/utility.h"
#include "crisis/state.h"

namespace redline {

// ---------------------------------------------------------------------------- mapping ----

ActorId RedLineChallenger(const Model& model, RedLineId red_line) {
  const ActorId owner = model.red_lines[red_line.index].owner;
  const std::size_t actors = model.actors.size();
  if (model.allied.size() < actors * actors || model.levers_of_actor.size() < actors)
    return ActorId();  // not finalized
  for (std::size_t a = 0; a < actors; ++a) {
    if (model.allied[a * actors + owner.index]) continue;
    for (LeverId lever : model.levers_of_actor[a])
      for (RedLineId r : model.red_lines_of_lever[lever.index])
        if (r == red_line) return ActorId(static_cast<int>(a));
  }
  return ActorId();
}

ActorId AllianceChallenger(const Model& model, AllianceId alliance) {
  const std::size_t alliances = model.alliances.size();
  const std::size_t actors = model.actors.size();
  if (model.strikes_alliance.size() < actors * alliances) return ActorId();
  for (std::size_t a = 0; a < actors; ++a)
    if (model.strikes_alliance[a * alliances + alliance.index]) return ActorId(static_cast<int>(a));
  return ActorId();
}

double BeliefResolute(const Model& model, const State& state, ActorId observer, ActorId defender) {
  if (model.actors[defender.index].types.size() < 2) return 1.0;
  const double p = observer.valid() && observer != defender
                       ? state.Belief(observer.index, defender, 0)
                       : state.prior[defender.index * state.max_types];
  return std::clamp(p, 0.0, 1.0);
}

namespace {

// The defender's payoffs: w_t = max(0, net cost of responding), stake 0, audience cost =
// max(0, cost of refusing). The challenger's fields are placeholders (gain 1, war cost 1,
// prior 1) for the callers to set.
games::DeterrenceParams DefenderParams(const Model& model, const State& state, ActorId defender,
                                       const ResponseTerms& terms) {
  games::DeterrenceParams params;
  params.prior_resolute = 1.0;
  params.challenger_gain = 1.0;
  params.challenger_war_cost = 1.0;
  params.defender_stake = 0.0;
  params.audience_cost = std::max(0.0, terms.cost_of_refusing);
  params.resolute_war_cost =
      std::max(0.0, NetResponseCost(model, state, defender, TypeId(0), terms));
  params.irresolute_war_cost =
      model.actors[defender.index].types.size() > 1
          ? std::max(0.0, NetResponseCost(model, state, defender, TypeId(1), terms))
          : params.resolute_war_cost;
  return params;
}

}  // namespace

games::DeterrenceParams DefenderSide(const Model& model, const State& state, RedLineId red_line) {
  const ActorId owner = model.red_lines[red_line.index].owner;
  return DefenderParams(model, state, owner,
                        EnforcementTerms(model, state, red_line, Lookahead(model, state, owner)));
}

games::DeterrenceParams EnforcementGame(const Model& model, const State& state, RedLineId red_line,
                                        ActorId challenger) {
  games::DeterrenceParams params = DefenderSide(model, state, red_line);
  params.prior_resolute =
      BeliefResolute(model, state, challenger, model.red_lines[red_line.index].owner);
  return params;
}

games::DeterrenceParams CrossingGame(const Model& model, const State& state, ActorId challenger,
                                     TypeId type, RedLineId red_line, double gain, double threat) {
  games::DeterrenceParams params = DefenderSide(model, state, red_line);
  params.prior_resolute =
      BeliefResolute(model, state, challenger, model.red_lines[red_line.index].owner);
  params.challenger_gain = gain;
  params.challenger_war_cost =
      CostWeight(model, state, challenger, type) * threat * Lookahead(model, state, challenger);
  return params;
}

games::DeterrenceParams VoteGame(const Model& model, const State& state, AllianceId alliance,
                                 ActorId member, ActorId challenger) {
  games::DeterrenceParams params =
      DefenderParams(model, state, member,
                     VoteTerms(model, state, alliance, member, Lookahead(model, state, member)));
  params.prior_resolute = BeliefResolute(model, state, challenger, member);
  return params;
}

// ---------------------------------------------------------------------------- the model ----

EquilibriumModel::EquilibriumModel(const Model& model) {
  for (int r = 0; r < static_cast<int>(model.red_lines.size()); ++r)
    red_line_challenger_.push_back(RedLineChallenger(model, RedLineId(r)));
  for (int k = 0; k < static_cast<int>(model.alliances.size()); ++k)
    alliance_challenger_.push_back(AllianceChallenger(model, AllianceId(k)));
}

namespace {

// What a candidate move is for one type of the mover.
enum class Option : std::uint8_t {
  kQuiet,      // crosses no red line that threatens this type
  kChallenge,  // a challenge the deterrence games allow
  kForbidden,  // a challenge some deterrence game forbids
};

double Lambda(const Model& model, const State& state, ActorId actor) {
  return std::max(0.0, state.Value(model.actors[actor.index].decision.lambda));
}

bool CrossesThreateningRedLine(const Model& model, const State& state, ActorId actor,
                               const Move& m) {
  if (m.is_hold()) return false;
  for (RedLineId r : model.red_lines_of_lever[m.lever.index])
    if (CrossingThreat(model, state, actor, m.lever, m.level, r) > 0.0) return true;
  return false;
}

// The crossing game of an ambiguous line (docs/model.md §13.4, §7.4): the defender's type is
// (resolve τ, response k), with C's belief b(τ) times the prior π_k. Each alternative's
// defender side is the game's at that response level (DefenderSide with the level's
// enforcement terms), which fixes whether each τ resists; C challenges iff
//   Σ_k π_k Σ_τ b(τ)·(resists(τ, k) ? −c_k : g) > 0,   c_k = cw_τ(C)·threat′_k·H_C,
// the deterrence game's rule with the response's ambiguity added to D's private type.
bool AmbiguousGameSaysChallenge(const Model& model, const State& state, ActorId actor, TypeId type,
                                const Move& m, RedLineId r, double gain) {
  const RedLine& line = model.red_lines[r.index];
  const double p = BeliefResolute(model, state, actor, line.owner);
  const double owner_lookahead = Lookahead(model, state, line.owner);
  const double scale = CostWeight(model, state, actor, type) * Lookahead(model, state, actor);
  const bool two_types = model.actors[line.owner.index].types.size() > 1;
  double value = 0;
  for (int k = 0; k < static_cast<int>(line.alternatives.size()); ++k) {
    const double prior = state.AlternativePrior(r, k);
    if (prior == 0.0) continue;
    const double cost =
        scale * AlternativeCrossingThreat(model, state, actor, m.lever, m.level, r, k);
    if (!(cost > 0.0)) {  // this response threatens nothing more: crossing gains g
      value += prior * gain;
      continue;
    }
    games::DeterrenceParams game = games::DeterrenceParams{};
    const ResponseTerms terms = EnforcementTerms(
        model, state, r, owner_lookahead, line.alternatives[k].level,
        &state.alternative_within[(r.index * state.max_alternatives + k) * state.max_types]);
    game.prior_resolute = p;
    game.challenger_gain = gain;
    game.challenger_war_cost = cost;
    game.defender_stake = 0.0;
    game.audience_cost = std::max(0.0, terms.cost_of_refusing);
    game.resolute_war_cost =
        std::max(0.0, NetResponseCost(model, state, line.owner, TypeId(0), terms));
    game.irresolute_war_cost =
        two_types ? std::max(0.0, NetResponseCost(model, state, line.owner, TypeId(1), terms))
                  : game.resolute_war_cost;
    const games::DeterrencePbe pbe = games::SolveDeterrenceClosedForm(game);
    const double resist =
        p * ResistProbability(pbe, TypeId(0)) + (1.0 - p) * ResistProbability(pbe, TypeId(1));
    value += prior * (resist * -cost + (1.0 - resist) * gain);
  }
  return value > 0.0;
}

// The crossing game of a line with an ambiguous threshold (docs/model.md §13.4, §7.5): the move
// crosses r with probability w (C's belief), and otherwise gains g with r untouched, so C's
// payoff from it is w·Σ_τ p(τ)·(resists(τ) ? −c : g) + (1 − w)·g = Σ_τ p(τ)·(resists(τ) ? −c′ : g)
// with c′ = w·(c + g) − g: the game with C's war cost c′ (D's side does not depend on it). With
// w = 1 it is the ordinary game, with c itself.
bool ThresholdGameSaysChallenge(const Model& model, const State& state, ActorId actor, TypeId type,
                                const Move& m, RedLineId r, double gain) {
  const double threat = ThreatIfCrossed(model, state, actor, m.lever, m.level, r);
  if (!(threat > 0.0)) return true;
  const double w = CrossingWeight(model, state, m.lever, m.level, r);
  if (w == 0.0) return true;
  games::DeterrenceParams game = CrossingGame(model, state, actor, type, r, gain, threat);
  if (!(game.challenger_war_cost > 0.0)) return true;  // a threat this type does not fear
  if (w < 1.0) {
    game.challenger_war_cost = w * (game.challenger_war_cost + gain) - gain;
    if (!(game.challenger_war_cost > 0.0)) return true;  // too unlikely to cross to deter
  }
  return games::SolveDeterrenceClosedForm(game).challenge == 1.0;
}

// Whether, for every red line the move would cross against `actor`, the PBE of the crossing
// game with challenger gain `gain` (> 0) says "challenge".
bool EveryGameSaysChallenge(const Model& model, const State& state, ActorId actor, TypeId type,
                            const Move& m, double gain) {
  for (RedLineId r : model.red_lines_of_lever[m.lever.index]) {
    if (state.max_alternatives > 0 && model.red_lines[r.index].ambiguous()) {
      if (CrossingThreat(model, state, actor, m.lever, m.level, r) > 0.0 &&
          !AmbiguousGameSaysChallenge(model, state, actor, type, m, r, gain))
        return false;
      continue;
    }
    if (state.max_thresholds > 0 && model.red_lines[r.index].threshold_ambiguous()) {
      if (!ThresholdGameSaysChallenge(model, state, actor, type, m, r, gain)) return false;
      continue;
    }
    const double threat = CrossingThreat(model, state, actor, m.lever, m.level, r);
    if (!(threat > 0.0)) continue;
    const games::DeterrenceParams game = CrossingGame(model, state, actor, type, r, gain, threat);
    if (!(game.challenger_war_cost > 0.0)) continue;  // a threat this type does not fear
    if (games::SolveDeterrenceClosedForm(game).challenge != 1.0) return false;
  }
  return true;
}

// Logit with `lambda` over the entries of `row` whose option is `kept`; the others get 0.
void LogitOver(double lambda, std::span<double> row, const Option* option, Option kept) {
  double best = -std::numeric_limits<double>::infinity();
  for (std::size_t c = 0; c < row.size(); ++c)
    if (option[c] == kept) best = std::max(best, row[c]);
  double total = 0;
  for (std::size_t c = 0; c < row.size(); ++c) {
    row[c] = option[c] == kept ? std::exp(lambda * (row[c] - best)) : 0.0;
    total += row[c];
  }
  for (double& p : row) p /= total;
}

// One type's row: `row` holds the threat-free utilities on entry, the probabilities on exit.
void ChooseForType(const Model& model, const State& state, ActorId actor, TypeId type,
                   std::span<const Move> candidates, const bool* crossing, double lambda,
                   std::span<double> row) {
  const std::size_t n = candidates.size();
  const bool fears_red_lines =
      state.Value(model.actors[actor.index].types[type.index].cost_weight) > 0.0;
  Option option[kMaxEquilibriumCandidates];
  double best_quiet = -std::numeric_limits<double>::infinity();
  for (std::size_t c = 0; c < n; ++c) {
    option[c] = fears_red_lines && crossing[c] ? Option::kForbidden : Option::kQuiet;
    if (option[c] == Option::kQuiet) best_quiet = std::max(best_quiet, row[c]);
  }
  bool challenges = false;
  for (std::size_t c = 0; c < n; ++c) {
    if (option[c] != Option::kForbidden) continue;
    const double gain = row[c] - best_quiet;  // over the best move that crosses nothing
    if (gain > 0.0 && EveryGameSaysChallenge(model, state, actor, type, candidates[c], gain)) {
      option[c] = Option::kChallenge;
      challenges = true;
    }
  }
  LogitOver(lambda, row, option, challenges ? Option::kChallenge : Option::kQuiet);
}

}  // namespace

void EquilibriumModel::MoveProbabilities(const Model& model, const State& state, ActorId actor,
                                         std::span<const Move> candidates,
                                         std::span<double> out) const {
  const std::size_t n = candidates.size();
  const std::size_t types = model.actors[actor.index].types.size();
  assert(n >= 1 && candidates[0].is_hold());
  assert(n <= static_cast<std::size_t>(kMaxEquilibriumCandidates));
  assert(types <= static_cast<std::size_t>(kEquilibriumTypes));
  const double lookahead = Lookahead(model, state, actor);
  const WarView war = ActorWarView(model, state, actor, lookahead);
  bool crossing[kMaxEquilibriumCandidates];
  for (std::size_t c = 0; c < n; ++c) {
    const MoveTerms terms = MoveUtilityTerms(model, state, actor, candidates[c], lookahead, war);
    crossing[c] = CrossesThreateningRedLine(model, state, actor, candidates[c]);
    for (std::size_t t = 0; t < types; ++t)
      out[t * n + c] = ThreatFreeUtility(model, state, actor, TypeId(static_cast<int>(t)), terms);
  }
  const double lambda = Lambda(model, state, actor);
  for (std::size_t t = 0; t < types; ++t)
    ChooseForType(model, state, actor, TypeId(static_cast<int>(t)), candidates, crossing, lambda,
                  out.subspan(t * n, n));
}

double EquilibriumModel::EnforceProbability(const Model& model, const State& state,
                                            RedLineId red_line, TypeId type) const {
  const games::DeterrenceParams game =
      EnforcementGame(model, state, red_line, red_line_challenger_[red_line.index]);
  return ResistProbability(games::SolveDeterrenceClosedForm(game), type);
}

void EquilibriumModel::WithdrawProbabilities(const Model& model, const State& state,
                                             RedLineId red_line, double cross_kept,
                                             double cross_open, std::span<double> out) const {
  const ActorId owner = model.red_lines[red_line.index].owner;
  const double lookahead = Lookahead(model, state, owner);
  const int types = static_cast<int>(model.actors[owner.index].types.size());
  for (int t = 0; t < types; ++t)
    out[t] = WithdrawalUtility(model, state, red_line, TypeId(t), lookahead, cross_kept,
                               cross_open) > 0.0
                 ? 1.0
                 : 0.0;
}

double EquilibriumModel::VoteProbability(const Model& model, const State& state,
                                         AllianceId alliance, ActorId member, TypeId type) const {
  const games::DeterrenceParams game =
      VoteGame(model, state, alliance, member, alliance_challenger_[alliance.index]);
  return ResistProbability(games::SolveDeterrenceClosedForm(game), type);
}

}  // namespace redline
