// Per-step caches the decision models read: lever aggregates and red-line credibility.
#include <algorithm>
#include <cmath>
#include <span>

#include "crisis/conditions.h"
#include "crisis/formulas.h"
#include "sim/stages.h"

namespace redline {

void RefreshLeverAggregates(const Model& model, State& state) {
  // The aggregates depend only on the levels (and the run's values, fixed since Reset): the
  // kernel refreshes three times a step but levels rarely move, so skip when nothing moved.
  // Recomputing from scratch (not incrementally) keeps the sums' rounding independent of
  // the history of moves.
  if (state.aggregated_level == state.level) return;
  state.aggregated_level = state.level;  // same size: copies without allocating
  state.aid[0] = state.aid[1] = 0;
  state.interdiction[0] = state.interdiction[1] = 0;
  std::fill(state.interference.begin(), state.interference.end(), 0.0);
  const int actors = state.actors;
  for (int l = 0; l < static_cast<int>(model.levers.size()); ++l) {
    const int k = state.level[l];
    // An act has no aid or interdiction (checked by the compiler): its posture's apply; it is
    // perceived in its step, its posture after (docs/model.md §3.2).
    const int posture = model.levers[l].levels[k].posture;
    const Level& level = model.levers[l].levels[posture];
    const State::LevelValues& values = state.level_values[model.level_offset[l] + posture];
    if (level.aid_side != kNoSide) state.aid[level.aid_side] += values.aid;
    if (level.interdicts_side != kNoSide)
      state.interdiction[level.interdicts_side] += values.interdiction;
    const int seen = state.ActLive(l) ? k : posture;
    const double* weights = &state.weight[(model.level_offset[l] + seen) * state.observers];
    const char* friendly = &model.lever_friendly[l * actors];
    for (int a = 0; a < actors; ++a)
      if (!friendly[a]) state.interference[a] += weights[a];
  }
}

namespace {

// x^n for a whole n >= 0 (deadline windows): repeated products for the usual short windows
// (bit-stable with earlier releases), std::pow for long ones (deadlines up to the horizon).
double IntegerPower(double x, int n) {
  if (n > 64) return std::pow(x, n);
  double result = 1.0;
  for (int i = 0; i < n; ++i) result *= x;
  return result;
}

// Steps of the deadline window still open for red line r at the start of the current step.
int RemainingWindow(const Model& model, const State& state, int r) {
  const int deadline = std::max(1, model.red_lines[r].deadline);
  switch (state.red_line_status[r]) {
    case RedLineStatus::kIntact:
    case RedLineStatus::kPending:
      return deadline;
    case RedLineStatus::kCrossed:
      return std::max(0, state.crossed_step[r] + deadline - state.step + 1);
    default:
      return 0;
  }
}

// Each would-be attacker's believed probability that each alliance answers a strike on a
// member: members' vote probabilities averaged over the attacker's beliefs, then the rule.
void RefreshAllianceDeterrence(const StepContext& context, State& state) {
  const Model& model = context.model;
  const int alliances = state.alliance_count;
  for (int a = 0; a < state.actors; ++a) {
    for (int k = 0; k < alliances; ++k) {
      double& deterrence = state.alliance_deterrence[a * alliances + k];
      deterrence = 0.0;
      if (!model.strikes_alliance[a * alliances + k]) continue;
      const Alliance& alliance = model.alliances[k];
      if (!alliance.response_lever.valid()) continue;
      for (int j = 0; j < static_cast<int>(alliance.members.size()); ++j) {
        const ActorId member = alliance.members[j];
        const DecisionModel& decision = *context.decisions[member.index];
        const int types = static_cast<int>(model.actors[member.index].types.size());
        double* yes = state.choice_likelihood.data();  // scratch: P(yes | t)
        decision.VoteProbabilities(model, state, AllianceId(k), member,
                                   std::span<double>(yes, types));
        double p = 0;
        for (int t = 0; t < types; ++t) p += state.Belief(a, member, t) * yes[t];
        state.member_yes[j] = p;
      }
      deterrence =
          ProbabilityAllianceResponds(model, state, AllianceId(k), state.member_yes.data());
    }
  }
}

// What a perceived-deliberate strike of `rung` by `party` on `victim` is expected to cost
// `actor` through what follows (docs/model.md §4.5): the red lines with a strike_on trigger
// it would cross (credibility × threat) and the Article-5 deliberations it would open
// (deterrence × the response's damage), per step of the response.
double WhatFollows(const Model& model, const State& state, int party, ActorId victim, int rung,
                   ActorId actor) {
  double total = 0;
  for (RedLineId r : model.strike_red_lines[victim.index]) {
    const RedLine& line = model.red_lines[r.index];
    if (state.red_line_status[r.index] != RedLineStatus::kIntact || line.owner == actor ||
        line.is_demand)
      continue;
    // cred·threat, or for an ambiguous line Σ_k π_k·cred_k·threat_k (§7.4).
    double expected = 0;
    if (state.max_alternatives > 0 && line.ambiguous()) {
      for (int k = 0; k < static_cast<int>(line.alternatives.size()); ++k)
        expected +=
            state.AlternativeCredibility(actor, r, k) * state.AlternativeThreat(actor, r, k);
    } else {
      const double threat = state.ThreatTo(actor, r);
      if (threat == 0.0) continue;
      expected = state.Credibility(actor, r) * threat;
    }
    if (expected == 0.0) continue;
    ConditionContext context{line.owner, false, LeverId(), 0};
    context.struck = victim;
    if (Evaluate(model, state, line.trigger, context)) total += expected;
  }
  const int actors = state.actors;
  for (AllianceId k : model.actors[victim.index].alliances) {
    if (PartyInAlliance(model, party, k.index)) continue;
    const double deterrence = state.AllianceDeterrence(actor, k);
    if (deterrence == 0.0) continue;
    const Alliance& alliance = model.alliances[k.index];
    const Lever& response = model.levers[alliance.response_lever.index];
    if (!response.target.valid() || !model.allied[actor.index * actors + response.target.index])
      continue;
    total += deterrence * ThreatDamage(model, state, alliance.response_lever,
                                       AllianceResponseLevel(alliance, rung),
                                       state.Value(model.actors[actor.index].decision.lookahead));
  }
  return total;
}

// hazard_value[a][h] = p_h · (D_h·[victim allied to a] + (1 − q)·F_a(h)·(H_a + 1)/2) for every
// hazard of every level (decisions price levels they may move to, not only current ones).
void RefreshHazardValues(const Model& model, State& state) {
  const int actors = state.actors;
  for (int i = 0; i < model.total_hazards; ++i) {
    const Model::WatchedHazard& ref = model.hazard_list[i];
    const Lever& lever = model.levers[ref.lever.index];
    const Hazard& hazard = lever.levels[ref.level].hazards[ref.hazard];
    const int owner =
        lever.owner.actor.valid() ? lever.owner.actor.index : actors + lever.owner.alliance.index;
    const int party = hazard.blamed.valid() ? hazard.blamed.index : owner;  // the accused
    const double p = state.Value(hazard.probability);
    const double damage = state.Value(hazard.damage);
    const double misread = 1.0 - AttributionAccuracy(model, state, party, hazard.victim);
    for (int a = 0; a < actors; ++a) {
      double value = 0;
      if (p > 0) {
        const double direct = model.allied[a * actors + hazard.victim.index] ? damage : 0.0;
        double follows = 0;
        if (misread > 0)
          follows = WhatFollows(model, state, party, hazard.victim, hazard.rung.index, ActorId(a));
        const double lookahead = std::max(1.0, state.Value(model.actors[a].decision.lookahead));
        value = p * (direct + misread * follows * 0.5 * (lookahead + 1.0));
      }
      state.hazard_value[static_cast<std::size_t>(a) * state.hazard_count + i] = value;
    }
  }
}

// Ambiguous lines, intact or pending (docs/model.md §7.4): the owner's P(enforce within the
// window | t) as if its response were each alternative k — what others, who do not know the
// draw, expect. The owner's decision model is asked with State::response_level set to the
// alternative and the alternative's previous likelihoods in enforce_within (its reputation
// term, §7.2); both are put back. Jacobi, as the true-level refresh: from the previous values.
void RefreshAlternativeWindows(const StepContext& context, State& state) {
  const Model& model = context.model;
  const int mt = state.max_types;
  const int na = state.max_alternatives;
  for (int r = 0; r < state.red_line_count; ++r) {
    const RedLine& line = model.red_lines[r];
    const RedLineStatus status = state.red_line_status[r];
    if (!line.ambiguous() ||
        (status != RedLineStatus::kIntact && status != RedLineStatus::kPending))
      continue;
    const int true_level = state.response_level[r];
    double* within = &state.enforce_within[r * mt];
    for (int k = 0; k < static_cast<int>(line.alternatives.size()); ++k) {
      double* previous = &state.alternative_within[(r * na + k) * mt];
      state.response_level[r] = line.alternatives[k].level;
      std::swap_ranges(within, within + mt, previous);
      context.decisions[line.owner.index]->EnforceWindowProbabilities(
          model, state, RedLineId(r),
          std::span<double>(&state.alternative_within_next[(r * na + k) * mt], mt),
          std::span<double>(state.likelihood.data(), mt), false);
      std::swap_ranges(within, within + mt, previous);
    }
    state.response_level[r] = true_level;
  }
  state.alternative_within.swap(state.alternative_within_next);
}

// Others' credibility of each ambiguous intact or pending line: π_k·cred_k per alternative and
// their sum in State::credibility (the owner keeps the true-level credibility).
void RefreshAlternativeCredibility(const Model& model, State& state) {
  const int mt = state.max_types;
  const int na = state.max_alternatives;
  const int lines = state.red_line_count;
  for (int r = 0; r < lines; ++r) {
    const RedLine& line = model.red_lines[r];
    const RedLineStatus status = state.red_line_status[r];
    if (!line.ambiguous()) continue;
    const bool open = status == RedLineStatus::kIntact || status == RedLineStatus::kPending;
    const ActorId owner = line.owner;
    const int types = static_cast<int>(model.actors[owner.index].types.size());
    for (int a = 0; a < state.actors; ++a) {
      double* weighted = &state.alternative_credibility[(a * lines + r) * na];
      std::fill(weighted, weighted + na, 0.0);
      // Once crossed, nothing threatens any more (§7.1): the tables are no longer read.
      if (a == owner.index || !open) continue;
      double total = 0;
      for (int k = 0; k < static_cast<int>(line.alternatives.size()); ++k) {
        const double* within = &state.alternative_within[(r * na + k) * mt];
        double credibility = 0;
        for (int t = 0; t < types; ++t) credibility += state.Belief(a, owner, t) * within[t];
        weighted[k] = state.AlternativePrior(RedLineId(r), k) * credibility;
        total += weighted[k];
      }
      state.credibility[a * lines + r] = total;
    }
  }
}

}  // namespace

void RefreshCredibility(const StepContext& context, State& state) {
  const Model& model = context.model;
  // Nothing that red-line triggers read changes here: memoise them (State::trigger_memo).
  TriggerMemo memo(state);
  const int lines = state.red_line_count;
  const int mt = state.max_types;
  // Jacobi iteration: every owner's enforcement probability from the previous credibilities.
  for (int r = 0; r < lines; ++r) {
    double* next = &state.enforce_next[r * mt];
    const RedLineStatus status = state.red_line_status[r];
    if (status == RedLineStatus::kEnforced || status == RedLineStatus::kLapsed ||
        status == RedLineStatus::kInForce || status == RedLineStatus::kSatisfied ||
        status == RedLineStatus::kWithdrawn) {
      // A resolved line is never enforced again and P^within no longer depends on p (1 or 0):
      // keep its last probabilities rather than recompute them.
      std::copy_n(&state.enforce_probability[r * mt], mt, next);
      continue;
    }
    const ActorId owner = model.red_lines[r].owner;
    std::fill(next, next + mt, 0.0);
    // An intact line needs only the probability of enforcing within a whole window (its
    // credibility); a crossed one the per-step probability its owner draws with.
    context.decisions[owner.index]->EnforceWindowProbabilities(
        model, state, RedLineId(r), std::span<double>(&state.enforce_window_next[r * mt], mt),
        std::span<double>(next, mt), status == RedLineStatus::kCrossed);
  }
  if (state.max_alternatives > 0) RefreshAlternativeWindows(context, state);
  state.enforce_probability.swap(state.enforce_next);
  for (int r = 0; r < lines; ++r) {
    const RedLineStatus status = state.red_line_status[r];
    double* within = &state.enforce_within[r * mt];
    if (status == RedLineStatus::kIntact || status == RedLineStatus::kPending) {
      std::copy_n(&state.enforce_window_next[r * mt], mt, within);
      continue;
    }
    const int remaining = RemainingWindow(model, state, r);
    for (int t = 0; t < mt; ++t) {
      const double p = state.enforce_probability[r * mt + t];
      within[t] = status == RedLineStatus::kEnforced ? 1.0 : 1.0 - IntegerPower(1.0 - p, remaining);
    }
  }
  // Line-major so the owner's data is looked up once per line, not once per (actor, line).
  const int actors = state.actors;
  for (int r = 0; r < lines; ++r) {
    const ActorId owner = model.red_lines[r].owner;
    const int types = static_cast<int>(model.actors[owner.index].types.size());
    const double* within = &state.enforce_within[r * mt];
    const double* belief = &state.belief[owner.index * mt];
    double* credibility = &state.credibility[r];
    const int belief_stride = actors * mt;
    if (types == 2) {  // the usual case, unrolled: the same sum 0 + b0·w0 + b1·w1
      const double w0 = within[0], w1 = within[1];
      for (int a = 0; a < actors; ++a, belief += belief_stride)
        credibility[a * lines] = 0.0 + belief[0] * w0 + belief[1] * w1;
    } else {
      for (int a = 0; a < actors; ++a, belief += belief_stride) {
        double sum = 0;
        for (int t = 0; t < types; ++t) sum += belief[t] * within[t];
        credibility[a * lines] = sum;
      }
    }
  }
  if (state.max_alternatives > 0) RefreshAlternativeCredibility(model, state);
  RefreshAllianceDeterrence(context, state);
  RefreshHazardValues(model, state);
}

}  // namespace redline
