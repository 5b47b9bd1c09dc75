#include "crisis/state.h"

#include <algorithm>
#include <cassert>

#include "crisis/formulas.h"

namespace redline {

const char* ToString(RedLineStatus status) {
  switch (status) {
    case RedLineStatus::kIntact:
      return "intact";
    case RedLineStatus::kCrossed:
      return "crossed";
    case RedLineStatus::kEnforced:
      return "enforced";
    case RedLineStatus::kLapsed:
      return "lapsed";
    case RedLineStatus::kInForce:
      return "in_force";
    case RedLineStatus::kPending:
      return "pending";
    case RedLineStatus::kSatisfied:
      return "satisfied";
    case RedLineStatus::kWithdrawn:
      return "withdrawn";
  }
  return "?";
}

void State::Allocate(const Model& model) {
  actors = static_cast<int>(model.actors.size());
  observers = model.observer_count();
  max_types = model.max_types;
  red_line_count = static_cast<int>(model.red_lines.size());
  const std::size_t levers = model.levers.size();
  const std::size_t alliances = model.alliances.size();
  alliance_count = static_cast<int>(alliances);

  values.assign(model.parameters.size(), 0.0);
  type.assign(actors, TypeId(0));
  prior.assign(actors * max_types, 0.0);
  channel_open.assign(model.channels.size(), 0);
  weight.assign(static_cast<std::size_t>(model.total_levels) * observers, 0.0);
  level_values.assign(model.total_levels, LevelValues{});
  threat.assign(static_cast<std::size_t>(actors) * red_line_count, 0.0);
  max_alternatives = model.max_alternatives;
  response_level.assign(red_line_count, 0);
  response_alternative.assign(red_line_count, -1);
  const std::size_t alternatives = static_cast<std::size_t>(red_line_count) * max_alternatives;
  alternative_prior.assign(alternatives, 0.0);
  alternative_threat.assign(alternatives * actors, 0.0);
  alternative_credibility.assign(alternatives * actors, 0.0);
  alternative_within.assign(alternatives * max_types, 0.0);
  alternative_within_next.assign(alternatives * max_types, 0.0);
  max_thresholds = model.max_thresholds;
  threshold_alternative.assign(red_line_count, -1);
  threshold_prior.assign(static_cast<std::size_t>(red_line_count) * max_thresholds, 0.0);
  threshold_alive.assign(static_cast<std::size_t>(red_line_count) * max_thresholds, 0);
  trigger_memo.assign(static_cast<std::size_t>(red_line_count) * model.total_levels, -1);
  threshold_weight_memo.assign(
      max_thresholds > 0 ? static_cast<std::size_t>(red_line_count) * model.total_levels : 0, -1.0);
  trigger_memo_on = false;

  level.assign(levers, 0);
  peak_level.assign(levers, 0);
  act_step.assign(levers, -1);
  act_floor.assign(levers, 0);
  order_level.assign(levers, -1);
  order_due.assign(levers, -1);
  order_path.assign(levers, Pathway{});
  red_line_status.assign(red_line_count, RedLineStatus::kIntact);
  crossed_step.assign(red_line_count, -1);
  resolved_step.assign(red_line_count, -1);
  issued_step.assign(red_line_count, -1);
  belief.assign(static_cast<std::size_t>(observers) * actors * max_types, 0.0);
  cost.assign(actors, 0.0);
  alliance_responded.assign(alliances, 0);
  struck_ever.assign(actors, 0);
  strike_rung.assign(actors, -1);
  alliance_attack_rung.assign(alliances, -1);

  interference.assign(actors, 0.0);
  aggregated_level.assign(levers, -1);
  enforce_probability.assign(red_line_count * max_types, 0.0);
  credibility.assign(static_cast<std::size_t>(actors) * red_line_count, 0.0);

  candidates.assign(model.max_candidates, Move{});
  move_probabilities.assign(static_cast<std::size_t>(max_types) * model.max_candidates, 0.0);
  chosen.assign(actors, Move{});
  chosen_likelihood.assign(actors * max_types, 1.0);
  moved.assign(actors, 0);
  lever_likelihood.assign(model.levers.size() * max_types, 1.0);
  enforce_next.assign(red_line_count * max_types, 0.0);
  enforce_window_next.assign(red_line_count * max_types, 0.0);
  enforce_within.assign(red_line_count * max_types, 0.0);
  enforce_choice.assign(red_line_count, 0);
  withdraw_choice.assign(red_line_count, 0);
  withdraw_forecast.assign(2 * static_cast<std::size_t>(red_line_count), 0.0);
  withdraw_probability.assign(static_cast<std::size_t>(red_line_count) * max_types, 0.0);
  likelihood.assign(max_types, 1.0);
  choice_likelihood.assign(max_types, 1.0);
  bargain_scratch.assign(2 * static_cast<std::size_t>(max_types), 0.0);
  votes_cast.assign(std::max(model.max_members, 1), 0);
  member_yes.assign(std::max(model.max_members, 1), 0.0);
  alliance_deterrence.assign(actors * alliances, 0.0);
  hazard_count = model.total_hazards;
  max_candidates = model.max_candidates;
  hazard_value.assign(static_cast<std::size_t>(actors) * hazard_count, 0.0);
  stage_candidates.assign(static_cast<std::size_t>(actors) * max_candidates, Move{});
  stage_count.assign(actors, 0);
  stage_probability.assign(static_cast<std::size_t>(actors) * max_types * max_candidates, 0.0);
  stage_next.assign(stage_probability.size(), 0.0);
  stage_step.assign(stage_probability.size(), 0.0);
  strike_propensity.assign(static_cast<std::size_t>(actors) * alliances * max_types, 0.0);
  alliance_attack_deliberate.assign(alliances, 0);
  alliance_incident_rate.assign(alliances, 0.0);
  alliance_attacker.assign(alliances, -1);
  evidence.assign(actors, 1.0);
  lever_path.assign(levers, Pathway{});
  party_path.assign(actors + alliances, Pathway{});
  struck_last.assign(actors, 0);
  raised_step.assign(actors + alliances, -1);
  crossing_path.assign(red_line_count, Pathway{});
  attack_path.assign(alliances, Pathway{});
  pick_alone.assign(actors, -1);
}

namespace {

void SampleParameters(const Model& model, const RunRng& rng, std::vector<double>& values) {
  for (std::size_t i = 0; i < model.parameters.size(); ++i) {
    const Distribution& parameter = model.parameters[i];
    // A constant draws nothing (Sample returns it): skip hashing its draw key. Draws are keyed
    // by (purpose, step, slot), so no other parameter's draws change.
    if (parameter.kind == DistributionKind::kConstant) {
      values[i] = parameter.a;
      continue;
    }
    DrawSequence draws = rng.Sequence(DrawPurpose::kParameter, 0, static_cast<std::uint32_t>(i));
    values[i] = parameter.Sample(draws);
  }
}

}  // namespace

void State::DrawResponses(const Model& model, const RunRng& rng) {
  for (int r = 0; r < red_line_count; ++r) {
    const RedLine& line = model.red_lines[r];
    response_level[r] = line.response_level;
    response_alternative[r] = -1;
    if (!line.ambiguous()) continue;
    const int n = static_cast<int>(line.alternatives.size());
    double* prior_row = &alternative_prior[r * max_alternatives];
    double total = 0;
    for (int k = 0; k < n; ++k) total += std::max(0.0, Value(line.alternatives[k].prior));
    // The compiler rejects priors that can all be 0; uniform is only a guard.
    for (int k = 0; k < n; ++k)
      prior_row[k] = total > 0 ? std::max(0.0, Value(line.alternatives[k].prior)) / total
                               : 1.0 / static_cast<double>(n);
    const double u = rng.Uniform(DrawPurpose::kAmbiguity, 0, static_cast<std::uint32_t>(r));
    int drawn = n - 1;
    double cumulative = 0;
    for (int k = 0; k + 1 < n; ++k) {
      cumulative += prior_row[k];
      if (u < cumulative) {
        drawn = k;
        break;
      }
    }
    response_alternative[r] = drawn;
    response_level[r] = line.alternatives[drawn].level;
    for (int a = 0; a < actors; ++a)
      for (int k = 0; k < n; ++k)
        alternative_threat[(a * red_line_count + r) * max_alternatives + k] =
            ThreatAt(model, *this, ActorId(a), RedLineId(r), line.alternatives[k].level);
  }
}

void State::DrawThresholds(const Model& model, const RunRng& rng) {
  for (int r = 0; r < red_line_count; ++r) {
    const RedLine& line = model.red_lines[r];
    threshold_alternative[r] = -1;
    if (!line.threshold_ambiguous()) continue;
    const int n = static_cast<int>(line.thresholds.size());
    double* prior_row = &threshold_prior[r * max_thresholds];
    std::uint8_t* alive_row = &threshold_alive[r * max_thresholds];
    double total = 0;
    for (int k = 0; k < n; ++k) total += std::max(0.0, Value(line.thresholds[k].prior));
    // The compiler rejects priors that can all be 0; uniform is only a guard.
    for (int k = 0; k < n; ++k) {
      prior_row[k] = total > 0 ? std::max(0.0, Value(line.thresholds[k].prior)) / total
                               : 1.0 / static_cast<double>(n);
      alive_row[k] = 1;
    }
    const double u =
        rng.Uniform(DrawPurpose::kAmbiguousThreshold, 0, static_cast<std::uint32_t>(r));
    int drawn = -1, last_positive = n - 1;
    double cumulative = 0;
    for (int k = 0; k < n; ++k) {
      if (prior_row[k] > 0) last_positive = k;
      cumulative += prior_row[k];
      if (drawn < 0 && prior_row[k] > 0 && u < cumulative) drawn = k;
    }
    // Rounding can leave u above the last cumulative sum: the last alternative with a prior.
    threshold_alternative[r] = drawn >= 0 ? drawn : last_positive;
  }
}

void State::Reset(const Model& model, const RunRng& rng) {
  assert(actors == static_cast<int>(model.actors.size()));
  SampleParameters(model, rng, values);

  // Types: normalised priors, one uniform draw per actor.
  for (int a = 0; a < actors; ++a) {
    const auto& types = model.actors[a].types;
    double total = 0;
    for (std::size_t t = 0; t < types.size(); ++t) total += std::max(0.0, Value(types[t].prior));
    double* row = &prior[a * max_types];
    std::fill(row, row + max_types, 0.0);
    for (std::size_t t = 0; t < types.size(); ++t)
      row[t] = total > 0 ? std::max(0.0, Value(types[t].prior)) / total
                         : 1.0 / static_cast<double>(types.size());
    const double u = rng.Uniform(DrawPurpose::kType, 0, static_cast<std::uint32_t>(a));
    double cumulative = 0;
    int drawn = static_cast<int>(types.size()) - 1;
    for (int t = 0; t + 1 < static_cast<int>(types.size()); ++t) {
      cumulative += row[t];
      if (u < cumulative) {
        drawn = t;
        break;
      }
    }
    type[a] = TypeId(drawn);
  }

  for (std::size_t c = 0; c < model.channels.size(); ++c)
    channel_open[c] = rng.Uniform(DrawPurpose::kChannel, 0, static_cast<std::uint32_t>(c)) <
                      Value(model.channels[c].open_probability);

  std::fill(weight.begin(), weight.end(), 0.0);
  for (std::size_t l = 0; l < model.levers.size(); ++l) {
    const auto& levels = model.levers[l].levels;
    for (std::size_t k = 0; k < levels.size(); ++k) {
      for (const Perception& p : levels[k].perceived)
        weight[(model.level_offset[l] + k) * observers + p.observer.index] =
            std::clamp(Value(p.weight), 0.0, 1.0);
      level_values[model.level_offset[l] + k] =
          LevelValues{Value(levels[k].cost), Value(levels[k].damage), Value(levels[k].aid),
                      Value(levels[k].interdiction)};
    }
  }

  DrawResponses(model, rng);
  if (max_thresholds > 0) DrawThresholds(model, rng);
  for (int a = 0; a < actors; ++a)
    for (int r = 0; r < red_line_count; ++r)
      threat[a * red_line_count + r] = Threat(model, *this, ActorId(a), RedLineId(r));

  step = 0;
  for (std::size_t l = 0; l < model.levers.size(); ++l) {
    level[l] = model.levers[l].initial_level;
    peak_level[l] = level[l];
    // An act the lever starts at was done before the run: it is not live, but it is done.
    act_floor[l] = 0;
    for (int k = 0; k <= level[l]; ++k)
      if (model.levers[l].levels[k].act) act_floor[l] = k;
  }
  std::fill(act_step.begin(), act_step.end(), -1);
  std::fill(order_level.begin(), order_level.end(), -1);
  std::fill(order_due.begin(), order_due.end(), -1);
  std::fill(order_path.begin(), order_path.end(), Pathway{});
  acts_step = -1;
  std::fill(red_line_status.begin(), red_line_status.end(), RedLineStatus::kIntact);
  std::fill(crossed_step.begin(), crossed_step.end(), -1);
  std::fill(resolved_step.begin(), resolved_step.end(), -1);
  std::fill(issued_step.begin(), issued_step.end(), -1);
  for (int o = 0; o < observers; ++o)
    for (int a = 0; a < actors; ++a)
      for (int t = 0; t < max_types; ++t)
        belief[(o * actors + a) * max_types + t] =
            o == a ? (t == type[a].index ? 1.0 : 0.0) : prior[a * max_types + t];
  std::fill(cost.begin(), cost.end(), 0.0);
  balance = Value(model.theatre.initial_balance);
  winner = kNoSide;
  settled = stop_reached = done = false;
  terms = 0;
  terms_by = settled_step = terms_package = -1;
  terms_range[0] = terms_range[1] = 0;
  power_shift[0] = power_shift[1] = 0;
  highest_rung = 0;
  for (std::size_t l = 0; l < model.levers.size(); ++l)
    highest_rung = std::max(highest_rung, model.levers[l].levels[level[l]].rung.index);
  crossings = enforcements = lapses = withdrawals = incidents = perceived_incidents = votes = 0;
  std::fill(withdraw_choice.begin(), withdraw_choice.end(), 0);
  first_crossing_step = -1;
  std::fill(alliance_responded.begin(), alliance_responded.end(), 0);
  std::fill(struck_ever.begin(), struck_ever.end(), 0);
  std::fill(strike_rung.begin(), strike_rung.end(), -1);
  std::fill(alliance_attack_rung.begin(), alliance_attack_rung.end(), -1);
  std::fill(aggregated_level.begin(), aggregated_level.end(), -1);  // new run: new values
  std::fill(enforce_probability.begin(), enforce_probability.end(), 0.0);
  std::fill(credibility.begin(), credibility.end(), 0.0);
  std::fill(alternative_credibility.begin(), alternative_credibility.end(), 0.0);
  std::fill(alternative_within.begin(), alternative_within.end(), 0.0);
  std::fill(alliance_deterrence.begin(), alliance_deterrence.end(), 0.0);
  std::fill(hazard_value.begin(), hazard_value.end(), 0.0);
  std::fill(stage_count.begin(), stage_count.end(), 0);
  std::fill(stage_step.begin(), stage_step.end(), 0.0);
  std::fill(strike_propensity.begin(), strike_propensity.end(), 0.0);
  std::fill(alliance_attack_deliberate.begin(), alliance_attack_deliberate.end(), 0);
  std::fill(alliance_incident_rate.begin(), alliance_incident_rate.end(), 0.0);
  std::fill(alliance_attacker.begin(), alliance_attacker.end(), -1);
  std::fill(evidence.begin(), evidence.end(), 1.0);
  stage_active = false;
  trigger_memo_on = false;
  vote_kind = VoteKind::kRespond;
  pathway = Pathway{};
  std::fill(lever_path.begin(), lever_path.end(), Pathway{});
  std::fill(party_path.begin(), party_path.end(), Pathway{});
  std::fill(struck_last.begin(), struck_last.end(), 0);
  std::fill(raised_step.begin(), raised_step.end(), -1);
  std::fill(crossing_path.begin(), crossing_path.end(), Pathway{});
  std::fill(attack_path.begin(), attack_path.end(), Pathway{});
  std::fill(pick_alone.begin(), pick_alone.end(), -1);
}

}  // namespace redline
