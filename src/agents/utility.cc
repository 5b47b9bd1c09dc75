#include "agents/utility.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "crisis/conditions.h"
#include "crisis/formulas.h"

namespace redline {

int Direction(const Actor& actor) { return actor.favours == 0 ? 1 : actor.favours == 1 ? -1 : 0; }

double Lookahead(const Model& model, const State& state, ActorId actor) {
  return std::max(1.0, state.Value(model.actors[actor.index].decision.lookahead));
}

WarView ActorWarView(const Model& model, const State& state, ActorId actor, double lookahead) {
  const Theatre& theatre = model.theatre;
  return MakeWarView(state.balance, state.Value(theatre.drift), state.Value(theatre.noise),
                     state.Value(theatre.decisive_band), state.Value(theatre.decisive_value),
                     lookahead, NetPower(model, state), Direction(model.actors[actor.index]));
}

double ReputationGain(const Model& model, const State& state, RedLineId r) {
  return ReputationGain(model, state, r, &state.enforce_within[r.index * state.max_types]);
}

double ReputationGain(const Model& model, const State& state, RedLineId r, const double* within) {
  const ActorId owner = model.red_lines[r.index].owner;
  const Actor& actor = model.actors[owner.index];
  const int types = static_cast<int>(actor.types.size());
  if (actor.decision.reputation.empty() || types < 2) return 0.0;
  double gain = 0;
  for (const ReputationWeight& entry : actor.decision.reputation) {
    const double weight = state.Value(entry.weight);
    if (weight == 0.0) continue;
    // Bayes' rule on the observer's belief for the two observable choices.
    double enforce_first = 0, enforce_total = 0, back_first = 0, back_total = 0;
    for (int t = 0; t < types; ++t) {
      const double belief = state.Belief(entry.observer.index, owner, t);
      const double q = std::clamp(within[t], 0.0, 1.0);
      enforce_total += belief * q;
      back_total += belief * (1.0 - q);
      if (t == 0) {
        enforce_first = belief * q;
        back_first = belief * (1.0 - q);
      }
    }
    // A choice no type makes leaves the belief where it is (as the kernel's update does).
    const double prior = state.Belief(entry.observer.index, owner, 0);
    const double after_enforcing = enforce_total > 0 ? enforce_first / enforce_total : prior;
    const double after_backing_down = back_total > 0 ? back_first / back_total : prior;
    gain += weight * (after_enforcing - after_backing_down);
  }
  return gain;
}

double NetPowerChange(const Model& model, const State& state, LeverId lever, int level) {
  return NetPowerChange(model, state, lever, level, NetPower(model, state));
}

namespace {
// NetPowerChange's body, inlined into MoveUtilityTerms (once per candidate move).
// `from_level` is the level whose aid the current aggregates hold (the current level, or for a
// timed lever its posture).
[[gnu::always_inline]] inline double NetPowerChangeInline(const Model& model, const State& state,
                                                          LeverId lever, int level,
                                                          double net_power, int from_level) {
  const Lever& l = model.levers[lever.index];
  const Level& from = l.levels[from_level];
  const Level& to = l.levels[level];
  // Neither level carries aid or interdiction (rhetoric, gas, launches...): the sums below
  // would be unchanged, so the difference is exactly 0.
  if (from.aid.index < 0 && to.aid.index < 0 && from.interdiction.index < 0 &&
      to.interdiction.index < 0)
    return 0.0;
  // Written out per side (no references or arrays) so that the totals stay in registers.
  const State::LevelValues& from_values = state.ValuesOf(model, lever, from_level);
  const State::LevelValues& to_values = state.ValuesOf(model, lever, level);
  const double from_aid = from_values.aid, to_aid = to_values.aid;
  const double from_interdiction = from_values.interdiction;
  const double to_interdiction = to_values.interdiction;
  double aid_a = state.aid[0], aid_b = state.aid[1];
  double interdiction_a = state.interdiction[0], interdiction_b = state.interdiction[1];
  if (from.aid_side == 0) aid_a -= from_aid;
  if (from.aid_side == 1) aid_b -= from_aid;
  if (to.aid_side == 0) aid_a += to_aid;
  if (to.aid_side == 1) aid_b += to_aid;
  if (from.interdicts_side == 0) interdiction_a -= from_interdiction;
  if (from.interdicts_side == 1) interdiction_b -= from_interdiction;
  if (to.interdicts_side == 0) interdiction_a += to_interdiction;
  if (to.interdicts_side == 1) interdiction_b += to_interdiction;
  return NetPowerFrom(model, state, aid_a, aid_b, interdiction_a, interdiction_b) - net_power;
}
}  // namespace

double NetPowerChange(const Model& model, const State& state, LeverId lever, int level,
                      double net_power) {
  return NetPowerChangeInline(model, state, lever, level, net_power, state.level[lever.index]);
}

double CostTo(const Model& model, const State& state, LeverId lever, int level, ActorId actor) {
  const Lever& l = model.levers[lever.index];
  const double cost = state.ValuesOf(model, lever, level).cost;
  if (l.owner.actor.valid()) return l.owner.actor == actor ? cost : 0.0;
  const Alliance& alliance = model.alliances[l.owner.alliance.index];
  if (!model.member_of[l.owner.alliance.index * model.actors.size() + actor.index]) return 0.0;
  return cost / static_cast<double>(alliance.members.size());
}

namespace {

// The damage per step that the live hazards of red line `line`'s response level do to `actor`
// or its allies: a threat that leaves something to chance (docs/model.md §5.4). `context` puts
// the challenger's lever at its new level and the response lever at the response level.
double ThreatOfRisk(const Model& model, const State& state, ActorId actor, const RedLine& line,
                    int response_level, const ConditionContext& context) {
  const Level& response = model.levers[line.response_lever.index].levels[response_level];
  double total = 0;
  for (const Hazard& hazard : response.hazards) {
    if (!model.allied[actor.index * model.actors.size() + hazard.victim.index]) continue;
    if (hazard.when.valid() && !Evaluate(model, state, hazard.when, context)) continue;
    total += state.Value(hazard.probability) * state.Value(hazard.damage);
  }
  return total;
}

// The level `lever` would have after candidate c of its owner.
int LevelAfter(const State& state, const Move& candidate, LeverId lever) {
  return candidate.lever == lever ? candidate.level : state.level[lever.index];
}

// Whether `observer` must average over `lever`'s owner's moves of this step (stage game):
// another coupled actor's lever while the stage is being solved.
bool Uncertain(const Model& model, const State& state, ActorId observer, LeverId lever) {
  if (!state.stage_active) return false;
  const ActorId owner = model.levers[lever.index].owner.actor;
  return owner.valid() && owner != observer && model.coupled[owner.index] &&
         state.stage_count[owner.index] > 0;
}

// observer's probability that `lever` is at a level in [low, high] after this step's moves:
// belief-weighted over the owner's types of its move probabilities.
double ProbabilityLevelIn(const Model& model, const State& state, ActorId observer, LeverId lever,
                          int low, int high) {
  const ActorId owner = model.levers[lever.index].owner.actor;
  const int n = state.stage_count[owner.index];
  const int types = static_cast<int>(model.actors[owner.index].types.size());
  const Move* candidates = &state.stage_candidates[owner.index * state.max_candidates];
  double total = 0;
  for (int t = 0; t < types; ++t) {
    const double belief = state.Belief(observer.index, owner, t);
    if (belief == 0.0) continue;
    double p = 0;
    for (int c = 0; c < n; ++c) {
      const int after = LevelAfter(state, candidates[c], lever);
      if (after >= low && after <= high) p += state.StageProbability(owner, t, c);
    }
    total += belief * p;
  }
  return total;
}

}  // namespace

double ProbabilityHolds(const Model& model, const State& state, ActorId observer, ConditionId id,
                        const ConditionContext& context) {
  const Condition& c = model.conditions[id.index];
  switch (c.kind) {
    case ConditionKind::kAll: {
      double p = 1;
      for (ConditionId child : c.children)
        p *= ProbabilityHolds(model, state, observer, child, context);
      return p;
    }
    case ConditionKind::kAny: {
      double none = 1;
      for (ConditionId child : c.children)
        none *= 1.0 - ProbabilityHolds(model, state, observer, child, context);
      return 1.0 - none;
    }
    case ConditionKind::kNot:
      return 1.0 - ProbabilityHolds(model, state, observer, c.children[0], context);
    case ConditionKind::kLeverAtLeast:
      if (c.lever != context.hypothetical && c.lever != context.second &&
          Uncertain(model, state, observer, c.lever))
        return ProbabilityLevelIn(model, state, observer, c.lever, c.level,
                                  static_cast<int>(model.levers[c.lever.index].levels.size()));
      [[fallthrough]];
    default:
      return Evaluate(model, state, id, context) ? 1.0 : 0.0;
  }
}

double LeverRisk(const Model& model, const State& state, ActorId actor, LeverId lever, int level) {
  if (!model.lever_risky[lever.index]) return 0.0;
  const Lever& l = model.levers[lever.index];
  double total = 0;
  const int first = model.hazard_offset[model.level_offset[lever.index] + level];
  const std::vector<Hazard>& hazards = l.levels[level].hazards;
  for (int h = 0; h < static_cast<int>(hazards.size()); ++h) {
    const double value = state.HazardValue(actor, first + h);
    if (value == 0.0) continue;
    double live = 1.0;
    if (hazards[h].when.valid())
      live = ProbabilityHolds(model, state, actor, hazards[h].when,
                              ConditionContext{l.owner.actor, false, lever, level});
    total += live * value;
  }
  for (const Model::WatchedHazard& w : model.hazards_watching[lever.index]) {
    const int flat = model.level_offset[w.lever.index] + w.level;
    const double value = state.HazardValue(actor, model.hazard_offset[flat] + w.hazard);
    if (value == 0.0) continue;
    const double at = Uncertain(model, state, actor, w.lever)
                          ? ProbabilityLevelIn(model, state, actor, w.lever, w.level, w.level)
                          : (state.level[w.lever.index] == w.level ? 1.0 : 0.0);
    if (at == 0.0) continue;
    const Hazard& hazard = model.levers[w.lever.index].levels[w.level].hazards[w.hazard];
    const ConditionContext context{
        model.levers[w.lever.index].owner.actor, false, lever, level, w.lever, w.level};
    total += at * ProbabilityHolds(model, state, actor, hazard.when, context) * value;
  }
  return total;
}

double RiskChange(const Model& model, const State& state, ActorId actor, LeverId lever, int from,
                  int to) {
  if (!model.lever_risky[lever.index] || from == to) return 0.0;
  return LeverRisk(model, state, actor, lever, to) - LeverRisk(model, state, actor, lever, from);
}

namespace {

// What a response at `response` with threat `threat` (§4.3) adds beyond what the response lever
// already does at its current level: 0 if it stands at or above `response` (docs/model.md §5).
[[gnu::always_inline]] inline double BeyondCurrent(const Model& model, const State& state,
                                                   const RedLine& line, int response,
                                                   double threat) {
  const int current = state.level[line.response_lever.index];
  if (current >= response) return 0.0;
  if (current > 0) {
    const int running = model.levers[line.response_lever.index].levels[current].posture;
    threat = std::max(0.0, threat - state.ValuesOf(model, line.response_lever, running).damage);
  }
  return threat;
}

// The crossing threat of response level `response` (base threat `threat`): with the risk of the
// response level (§5.4), beyond the current level.
[[gnu::always_inline]] inline double ResponseThreat(const Model& model, const State& state,
                                                    ActorId actor, LeverId lever, int level,
                                                    RedLineId r, int response, double threat) {
  const RedLine& line = model.red_lines[r.index];
  if (model.red_line_risky[r.index])
    threat += ThreatOfRisk(
        model, state, actor, line, response,
        ConditionContext{line.owner, false, lever, level, line.response_lever, response});
  if (threat == 0.0) return 0.0;
  return BeyondCurrent(model, state, line, response, threat);
}

// The context in which red line `line`'s trigger is asked about `lever` moved to `level`.
[[gnu::always_inline]] inline ConditionContext MoveContext(const Model& model, const State& state,
                                                           const RedLine& line, LeverId lever,
                                                           int level) {
  ConditionContext context{line.owner, false, lever, level};
  // An act's first consequence is part of the move (docs/model.md §3.2).
  const Level& moved_to = model.levers[lever.index].levels[level];
  if (model.levers[lever.index].timed && moved_to.act && !moved_to.causes.empty() &&
      level > state.level[lever.index]) {
    context.second = moved_to.causes[0].lever;
    context.second_level = std::max(state.level[context.second.index], moved_to.causes[0].level);
  }
  return context;
}

// Whether `actor` prices crossing red line r: r intact, not the actor's own, not a demand (a
// demand's trigger issues it; its target is priced by DemandRelief, §7.3).
[[gnu::always_inline]] inline bool PricedAgainst(const State& state, const RedLine& line,
                                                 ActorId actor, RedLineId r) {
  return state.red_line_status[r.index] == RedLineStatus::kIntact && line.owner != actor &&
         !line.is_demand;
}

// Whether red line r's trigger holds with `lever` at `level` (memoised while the memo is on).
[[gnu::always_inline]] inline bool TriggerHoldsWith(const Model& model, const State& state,
                                                    RedLineId r, LeverId lever, int level) {
  // The result depends only on (r, lever, level) while the memo is on (State::trigger_memo):
  // looked up before the trigger's context is built.
  std::int8_t* memo = nullptr;
  if (state.trigger_memo_on) {
    memo = &state.trigger_memo[static_cast<std::size_t>(r.index) * model.total_levels +
                               model.level_offset[lever.index] + level];
    if (*memo >= 0) return *memo != 0;
  }
  const RedLine& line = model.red_lines[r.index];
  const bool holds =
      Evaluate(model, state, line.trigger, MoveContext(model, state, line, lever, level));
  if (memo != nullptr) *memo = holds ? 1 : 0;
  return holds;
}

// w_R of a line with an ambiguous threshold (docs/model.md §7.5): the prior mass of the
// alternatives not ruled out whose trigger holds with `lever` at `level`, over the prior mass of
// all those not ruled out. Memoised per (r, lever, level) while the trigger memo is on (the
// alternatives alive change only at stage 5, outside it). Out of line, as AmbiguousCrossing.
[[gnu::noinline]] double ThresholdWeight(const Model& model, const State& state, RedLineId r,
                                         LeverId lever, int level) {
  double* memo = nullptr;
  if (state.trigger_memo_on) {
    memo = &state.threshold_weight_memo[static_cast<std::size_t>(r.index) * model.total_levels +
                                        model.level_offset[lever.index] + level];
    if (*memo >= 0.0) return *memo;
  }
  const RedLine& line = model.red_lines[r.index];
  const ConditionContext context = MoveContext(model, state, line, lever, level);
  double alive = 0, crossing = 0;
  for (int k = 0; k < static_cast<int>(line.thresholds.size()); ++k) {
    if (!state.ThresholdAlive(r, k)) continue;
    const double prior = state.ThresholdPrior(r, k);
    alive += prior;
    if (prior > 0.0 && Evaluate(model, state, line.thresholds[k].trigger, context))
      crossing += prior;
  }
  // Summed in the same order: every alternative alive crossing gives exactly 1.
  const double w = alive > 0.0 ? crossing / alive : 0.0;
  if (memo != nullptr) *memo = w;
  return w;
}

// An ambiguous line crossed by `actor` moving `lever` to `level` (docs/model.md §7.4): with
// `credible`, Σ_k π_k·cred_k·threat′_k (the expected retaliation per step); otherwise
// Σ_k π_k·threat′_k (the prior-mean threat). 0 if the move does not cross it.
// Out of line: it keeps the ordinary lines' path (CrossingThreat, RedLineRetaliation) small.
[[gnu::noinline]] double AmbiguousCrossing(const Model& model, const State& state, ActorId actor,
                                           LeverId lever, int level, RedLineId r, bool credible) {
  const RedLine& line = model.red_lines[r.index];
  double total = 0;
  for (int k = 0; k < static_cast<int>(line.alternatives.size()); ++k) {
    const double weight =
        credible ? state.AlternativeCredibility(actor, r, k) : state.AlternativePrior(r, k);
    if (weight == 0.0) continue;
    total +=
        weight * ResponseThreat(model, state, actor, lever, level, r, line.alternatives[k].level,
                                state.AlternativeThreat(actor, r, k));
  }
  if (total == 0.0) return 0.0;
  return TriggerHoldsWith(model, state, r, lever, level) ? total : 0.0;
}

// Σ_k π_k·cred_k·threat′_k of ambiguous line r if `actor` crossing it is priced (r intact, not
// the actor's own, not a demand); else 0.
[[gnu::noinline]] double AmbiguousRetaliation(const Model& model, const State& state, ActorId actor,
                                              LeverId lever, int level, RedLineId r) {
  const RedLine& line = model.red_lines[r.index];
  if (!PricedAgainst(state, line, actor, r)) return 0.0;
  return AmbiguousCrossing(model, state, actor, lever, level, r, true);
}

}  // namespace

double CrossingThreat(const Model& model, const State& state, ActorId actor, LeverId lever,
                      int level, RedLineId r) {
  const RedLine& line = model.red_lines[r.index];
  if (!PricedAgainst(state, line, actor, r)) return 0.0;
  if (state.max_alternatives > 0 && line.ambiguous())
    return AmbiguousCrossing(model, state, actor, lever, level, r, false);
  const double threat = ResponseThreat(model, state, actor, lever, level, r, line.response_level,
                                       state.ThreatTo(actor, r));
  if (threat == 0.0) return 0.0;
  // An ambiguous threshold: crossed with probability w (§7.5).
  if (state.max_thresholds > 0 && line.threshold_ambiguous())
    return ThresholdWeight(model, state, r, lever, level) * threat;
  return TriggerHoldsWith(model, state, r, lever, level) ? threat : 0.0;
}

double CrossingWeight(const Model& model, const State& state, LeverId lever, int level,
                      RedLineId r) {
  if (model.red_lines[r.index].threshold_ambiguous())
    return ThresholdWeight(model, state, r, lever, level);
  return TriggerHoldsWith(model, state, r, lever, level) ? 1.0 : 0.0;
}

double ThreatIfCrossed(const Model& model, const State& state, ActorId actor, LeverId lever,
                       int level, RedLineId r) {
  const RedLine& line = model.red_lines[r.index];
  if (!PricedAgainst(state, line, actor, r)) return 0.0;
  return ResponseThreat(model, state, actor, lever, level, r, line.response_level,
                        state.ThreatTo(actor, r));
}

double AlternativeCrossingThreat(const Model& model, const State& state, ActorId actor,
                                 LeverId lever, int level, RedLineId r, int k) {
  const RedLine& line = model.red_lines[r.index];
  if (!PricedAgainst(state, line, actor, r)) return 0.0;
  const double threat =
      ResponseThreat(model, state, actor, lever, level, r, line.alternatives[k].level,
                     state.AlternativeThreat(actor, r, k));
  if (threat == 0.0) return 0.0;
  return TriggerHoldsWith(model, state, r, lever, level) ? threat : 0.0;
}

double RedLineRetaliation(const Model& model, const State& state, ActorId actor, LeverId lever,
                          int level, double lookahead) {
  double total = 0;
  for (RedLineId r : model.red_lines_of_lever[lever.index]) {
    if (state.max_alternatives > 0 && model.red_lines[r.index].ambiguous()) {
      total += AmbiguousRetaliation(model, state, actor, lever, level, r) * lookahead;
      continue;
    }
    const double threat = CrossingThreat(model, state, actor, lever, level, r);
    if (threat != 0.0) total += state.Credibility(actor, r) * threat * lookahead;
  }
  return total;
}

double DemandRelief(const Model& model, const State& state, ActorId actor, LeverId lever, int level,
                    double lookahead, int lead) {
  double total = 0;
  for (RedLineId r : model.red_lines_of_lever[lever.index]) {
    const RedLine& line = model.red_lines[r.index];
    if (!line.is_demand || state.red_line_status[r.index] != RedLineStatus::kPending ||
        line.owner == actor)
      continue;
    // The expected retaliation per step compliance spares: cred·threat′, or for an ambiguous
    // line Σ_k π_k·cred_k·threat′_k (§7.4).
    double spared = 0;
    if (state.max_alternatives > 0 && line.ambiguous()) {
      for (int k = 0; k < static_cast<int>(line.alternatives.size()); ++k)
        spared += state.AlternativeCredibility(actor, r, k) *
                  BeyondCurrent(model, state, line, line.alternatives[k].level,
                                state.AlternativeThreat(actor, r, k));
    } else {
      const double threat = state.ThreatTo(actor, r);
      if (threat == 0.0) continue;
      spared = state.Credibility(actor, r) *
               BeyondCurrent(model, state, line, line.response_level, threat);
    }
    const ConditionContext context{line.owner, false, lever, level};
    if (spared == 0.0 || !Evaluate(model, state, line.comply, context)) continue;
    // Steps until non-compliance crosses the line (0: this step).
    const int until = std::max(0, state.issued_step[r.index] + line.within - state.step);
    if (lead > until) continue;  // an order that would comply only after the deadline
    total += spared * std::max(0.0, lookahead - until);
  }
  return total;
}

namespace {

// Adds the Article-5 terms to `total` one by one (the order ExpectedRetaliation always used).
// Inlined: MoveUtilityTerms calls it for every candidate move.
[[gnu::always_inline]] inline double AddAllianceRetaliation(double total, const Model& model,
                                                            const State& state, ActorId actor,
                                                            LeverId lever, int level,
                                                            double lookahead) {
  const Lever& l = model.levers[lever.index];
  // A strike the lever's running level (its posture, after an act) does not already make.
  if (!l.target.valid() || !l.levels[level].strikes_territory ||
      l.levels[l.levels[state.level[lever.index]].posture].strikes_territory)
    return total;
  for (AllianceId k : model.actors[l.target.index].alliances) {
    const double p = state.AllianceDeterrence(actor, k);
    if (p == 0.0) continue;
    const Alliance& alliance = model.alliances[k.index];
    const Lever& response = model.levers[alliance.response_lever.index];
    if (!response.target.valid() ||
        !model.allied[actor.index * model.actors.size() + response.target.index])
      continue;
    const int answer = AllianceResponseLevel(alliance, l.levels[level].rung.index);
    total += p * ThreatDamage(model, state, alliance.response_lever, answer, lookahead) * lookahead;
  }
  return total;
}

}  // namespace

double AllianceRetaliation(const Model& model, const State& state, ActorId actor, LeverId lever,
                           int level, double lookahead) {
  return AddAllianceRetaliation(0.0, model, state, actor, lever, level, lookahead);
}

double ExpectedRetaliation(const Model& model, const State& state, ActorId actor, LeverId lever,
                           int level, double lookahead) {
  return AddAllianceRetaliation(RedLineRetaliation(model, state, actor, lever, level, lookahead),
                                model, state, actor, lever, level, lookahead);
}

MoveTerms MoveUtilityTerms(const Model& model, const State& state, ActorId actor, const Move& m,
                           double lookahead) {
  if (m.is_hold()) return MoveTerms{};
  return MoveUtilityTerms(model, state, actor, m, lookahead,
                          ActorWarView(model, state, actor, lookahead));
}

namespace {

// MoveUtilityTerms for a timed lever (acts, lead times; docs/model.md §5.7) or one whose moves
// can comply with a demand (§7.3). A raise with lead
// time K takes effect after K steps, so the new level's running effects last R = H - K of the
// lookahead's H steps; an act's own effects count once; running effects are those of postures:
// P(level) is the level itself, or the posture below an act. An order that lands at or beyond
// the lookahead (K >= H) is weighed as if the lookahead reached the step it lands: R = 1 (until
// model 0.2's review R was 0 and the act did not count, so such an order cost only the switching
// cost, however grave).
MoveTerms TimedMoveTerms(const Model& model, const State& state, ActorId actor, const Move& m,
                         double lookahead, const WarView& war) {
  MoveTerms terms;
  const Actor& a = model.actors[actor.index];
  const Lever& lever = model.levers[m.lever.index];
  const int from = state.level[m.lever.index];
  const int to = m.level;
  const int from_posture = lever.levels[from].posture;
  const int to_posture = lever.levels[to].posture;
  const int lead = LeadTime(lever, from, to);
  const double running = lead < lookahead ? lookahead - lead : 1.0;
  const double once = lever.levels[to].act && to > from ? 1.0 : 0.0;
  terms.war = WarValueOf(
      war, NetPowerChangeInline(model, state, m.lever, to_posture, war.net_power, from_posture) *
               running / lookahead);
  terms.cost = once * (CostTo(model, state, m.lever, to, actor) +
                       LeverRisk(model, state, actor, m.lever, to)) +
               (CostTo(model, state, m.lever, to_posture, actor) -
                CostTo(model, state, m.lever, from_posture, actor) +
                RiskChange(model, state, actor, m.lever, from_posture, to_posture)) *
                   running;
  terms.inertia = state.Value(a.decision.switching_cost);
  for (int k = to + 1; k <= from; ++k) terms.audience += state.Value(lever.levels[k].audience_cost);
  // Complying with a pending demand spares its threatened response (§7.3).
  const double own_cost =
      terms.cost -
      (lever.demanded ? DemandRelief(model, state, actor, m.lever, to, lookahead, lead) : 0.0);
  const double red_lines = RedLineRetaliation(model, state, actor, m.lever, to, running);
  const double alliance = AllianceRetaliation(model, state, actor, m.lever, to, running);
  terms.cost = own_cost + red_lines + alliance;
  terms.cost_without_red_lines = own_cost + alliance;
  if (lever.target.valid() && a.favours != kNoSide) {
    const int target_side = model.actors[lever.target.index].favours;
    if (target_side != kNoSide && target_side != a.favours) {
      const double damage = once * state.ValuesOf(model, m.lever, to).damage +
                            (state.ValuesOf(model, m.lever, to_posture).damage -
                             state.ValuesOf(model, m.lever, from_posture).damage) *
                                running;
      terms.coercion = state.Value(a.coercion_value) * damage;
    }
  }
  return terms;
}

}  // namespace

MoveTerms MoveUtilityTerms(const Model& model, const State& state, ActorId actor, const Move& m,
                           double lookahead, const WarView& war) {
  MoveTerms terms;
  if (m.is_hold()) return terms;
  const Actor& a = model.actors[actor.index];
  const Lever& lever = model.levers[m.lever.index];
  if (lever.timed || lever.demanded) return TimedMoveTerms(model, state, actor, m, lookahead, war);
  const int from = state.level[m.lever.index];
  // war.net_power is NetPower(model, state) (ActorWarView): the same number, not recomputed.
  terms.war =
      WarValueOf(war, NetPowerChangeInline(model, state, m.lever, m.level, war.net_power, from));
  // Own running cost over the lookahead, with the risk the move takes on or sheds. The one-off
  // cost of moving at all (inertia) is a type-independent friction, kept apart so that it
  // carries no signal (docs/model.md §5).
  const double own_cost =
      (CostTo(model, state, m.lever, m.level, actor) - CostTo(model, state, m.lever, from, actor)) *
          lookahead +
      RiskChange(model, state, actor, m.lever, from, m.level) * lookahead;
  terms.inertia = state.Value(a.decision.switching_cost);
  // Backing down below levels that carry an audience cost pays it (tying hands).
  for (int k = m.level + 1; k <= from; ++k)
    terms.audience += state.Value(lever.levels[k].audience_cost);
  const double red_lines = RedLineRetaliation(model, state, actor, m.lever, m.level, lookahead);
  if (lever.target.valid() && lever.levels[m.level].strikes_territory &&
      !lever.levels[from].strikes_territory) {
    terms.cost = own_cost + AddAllianceRetaliation(red_lines, model, state, actor, m.lever, m.level,
                                                   lookahead);
    terms.cost_without_red_lines =
        own_cost + AllianceRetaliation(model, state, actor, m.lever, m.level, lookahead);
  } else {  // no new strike on territory: no Article-5 terms (what the calls above return)
    terms.cost = own_cost + red_lines;
    terms.cost_without_red_lines = own_cost + 0.0;
  }
  if (lever.target.valid() && a.favours != kNoSide) {
    const int target_side = model.actors[lever.target.index].favours;
    if (target_side != kNoSide && target_side != a.favours) {
      const double damage = state.ValuesOf(model, m.lever, m.level).damage -
                            state.ValuesOf(model, m.lever, from).damage;
      terms.coercion = state.Value(a.coercion_value) * damage * lookahead;
    }
  }
  return terms;
}

double TypedUtility(const Model& model, const State& state, ActorId actor, TypeId type,
                    const MoveTerms& terms) {
  const ResolveType& t = model.actors[actor.index].types[type.index];
  return TypedUtility(state.Value(t.stakes), CostWeight(model, state, actor, type), terms);
}

double ThreatFreeUtility(const Model& model, const State& state, ActorId actor, TypeId type,
                         const MoveTerms& terms) {
  const ResolveType& t = model.actors[actor.index].types[type.index];
  return state.Value(t.stakes) * (terms.war - terms.audience) -
         CostWeight(model, state, actor, type) * terms.cost_without_red_lines + terms.coercion -
         terms.inertia;
}

double NetResponseCost(const Model& model, const State& state, ActorId actor, TypeId type,
                       const ResponseTerms& terms) {
  const ResolveType& t = model.actors[actor.index].types[type.index];
  return CostWeight(model, state, actor, type) * terms.cost - state.Value(t.stakes) * terms.value;
}

namespace {

// What moving `lever` from `from` to `to` at once (a response: no lead time) costs `actor` over
// the lookahead: an act's own cost and risk once, the running cost and risk of the postures
// (P(level): the level itself, or the posture below an act) over the whole lookahead, as for a
// decision's move (docs/model.md §3.2, §5.7). Without acts, (cost(to) − cost(from) + risk
// change)·H as before, to the bit.
double ResponseMoveCost(const Model& model, const State& state, ActorId actor, LeverId lever,
                        int from, int to, double lookahead) {
  const Lever& l = model.levers[lever.index];
  const int from_posture = l.levels[from].posture;
  const int to_posture = l.levels[to].posture;
  const double once = l.levels[to].act && to > from ? CostTo(model, state, lever, to, actor) +
                                                          LeverRisk(model, state, actor, lever, to)
                                                    : 0.0;
  return once + (CostTo(model, state, lever, to_posture, actor) -
                 CostTo(model, state, lever, from_posture, actor) +
                 RiskChange(model, state, actor, lever, from_posture, to_posture)) *
                    lookahead;
}

}  // namespace

ResponseTerms EnforcementTerms(const Model& model, const State& state, RedLineId r,
                               double lookahead) {
  return EnforcementTerms(model, state, r, lookahead, state.response_level[r.index],
                          &state.enforce_within[r.index * state.max_types]);
}

ResponseTerms EnforcementTerms(const Model& model, const State& state, RedLineId r,
                               double lookahead, int response_level, const double* within) {
  const RedLine& line = model.red_lines[r.index];
  const LeverId lever = line.response_lever;
  const int from = state.level[lever.index];
  const int to = std::max(from, response_level);
  ResponseTerms terms;
  terms.value = state.Value(line.value);
  terms.cost = ResponseMoveCost(model, state, line.owner, lever, from, to, lookahead) +
               ExpectedRetaliation(model, state, line.owner, lever, to, lookahead);
  terms.cost_of_refusing =
      (line.audience == Audience::kPublic ? state.Value(line.audience_cost) : 0.0) +
      ReputationGain(model, state, r, within);
  return terms;
}

double EnforcementUtility(const Model& model, const State& state, RedLineId r, TypeId type,
                          double lookahead) {
  return ResponseUtility(model, state, model.red_lines[r.index].owner, type,
                         EnforcementTerms(model, state, r, lookahead));
}

double WithdrawalUtility(const Model& model, const State& state, RedLineId r, TypeId type,
                         double lookahead, double cross_kept, double cross_open) {
  const RedLine& line = model.red_lines[r.index];
  const ActorId owner = line.owner;
  // Crossed within the lookahead, as it stands and were it withdrawn (a stationary forecast).
  const double kept = 1.0 - std::pow(1.0 - cross_kept, lookahead);
  const double open = 1.0 - std::pow(1.0 - cross_open, lookahead);
  const ResponseTerms terms = EnforcementTerms(model, state, r, lookahead);
  const double protect =  // X_t: what the line protects, lost when it is crossed and not upheld
      state.Value(model.actors[owner.index].types[type.index].stakes) * terms.value;
  const double enforce = ResponseUtility(model, state, owner, type, terms);            // U_t
  const double within = state.enforce_within[r.index * state.max_types + type.index];  // Q_t
  // Kept and crossed: the owner upholds it (loses cw·cost) with probability Q_t, else backs
  // down (loses X_t, the audience cost and the reputation): X_t + refusing − Q_t·U_t.
  // Withdrawn and crossed: X_t. Withdrawing: its audience cost and the friction of any move.
  const double tested = protect + terms.cost_of_refusing - within * enforce;
  return kept * tested - open * protect - state.Value(line.withdrawal_cost) -
         state.Value(model.actors[owner.index].decision.switching_cost);
}

ResponseTerms VoteTerms(const Model& model, const State& state, AllianceId alliance, ActorId member,
                        double lookahead) {
  const Alliance& a = model.alliances[alliance.index];
  LeverId lever = a.response_lever;
  const int from = state.level[lever.index];
  ResponseTerms terms;
  const double evidence = state.evidence[member.index];  // P(the attack was deliberate)
  int to = 0;
  switch (state.vote_kind) {
    case State::VoteKind::kRespond:  // answer this step's attack
      to = std::max(from, AllianceResponseLevel(a, state.alliance_attack_rung[alliance.index]));
      terms.value = evidence * state.Value(a.value);
      terms.cost_of_refusing = evidence * state.Value(a.credibility_cost);
      break;
    case State::VoteKind::kContinue: {  // keep the response in force without a new attack:
      to = 0;  // "yes" keeps it; the cost is that of keeping vs ending (running: the posture)
      const int held = model.levers[lever.index].levels[from].posture;
      terms.cost =
          (CostTo(model, state, lever, held, member) - CostTo(model, state, lever, 0, member) +
           RiskChange(model, state, member, lever, 0, held)) *
          lookahead;
      return terms;
    }
    case State::VoteKind::kIndividual:  // act alone with the member's own lever
      for (const Alliance::IndividualResponse& own : a.individual)
        if (own.member == member) {
          lever = own.lever;
          to = std::max(state.level[lever.index], own.level);
        }
      terms.value = evidence * state.Value(a.value);
      break;
  }
  const int current = state.level[lever.index];
  terms.cost = ResponseMoveCost(model, state, member, lever, current, to, lookahead) +
               ExpectedRetaliation(model, state, member, lever, to, lookahead);
  return terms;
}

double VoteUtility(const Model& model, const State& state, AllianceId alliance, ActorId member,
                   TypeId type, double lookahead) {
  return ResponseUtility(model, state, member, type,
                         VoteTerms(model, state, alliance, member, lookahead));
}

}  // namespace redline
