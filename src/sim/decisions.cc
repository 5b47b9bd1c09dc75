// Decisions (MODEL §9): simultaneous lever moves, enforcement of crossed red lines, and the
// Bayesian updates they cause. All choices are made from the State at the start of the step and
// applied together.
#include <algorithm>
#include <cassert>
#include <span>

#include "model/limits.h"
#include "sim/stages.h"

namespace redline {

namespace {

// Hold first, then each own lever moved by -k..+k levels (k <= max_change), within range.
int BuildCandidates(const Model& model, const State& state, ActorId actor, Move* out) {
  int n = 0;
  out[n++] = Move{};
  for (LeverId lever : model.levers_of_actor[actor.index]) {
    const Lever& l = model.levers[lever.index];
    const int current = state.level[lever.index];
    const int top = static_cast<int>(l.levels.size()) - 1;
    // current - max_change .. current + max_change clipped to the range, in ascending order.
    const int lowest = std::max(0, current - l.max_change);
    const int highest = std::min(top, current + l.max_change);
    for (int to = lowest; to < current; ++to) out[n++] = Move{lever, to};
    for (int to = current + 1; to <= highest; ++to) out[n++] = Move{lever, to};
  }
  assert(n <= CandidateBound(model, actor));  // State::candidates holds Model::max_candidates
  return n;
}

// Picks the index whose cumulative probability first exceeds u.
int Pick(const double* probabilities, int n, double u) {
  double cumulative = 0;
  for (int c = 0; c < n; ++c) {
    cumulative += probabilities[c];
    if (u < cumulative) return c;
  }
  for (int c = n - 1; c >= 0; --c)  // rounding: the last candidate with positive probability
    if (probabilities[c] > 0) return c;
  return 0;
}

// What each of the mover's levers did, read as a signal on its own (docs/model.md §6): for the
// lever l, P_t(l's observed result | a choice among hold and l's own moves) =
// P_t(observed) / (P_t(hold) + sum of P_t(c) over l's moves c), where the observed result is
// the chosen move if it moved l, else hold (l kept its level). Candidates are hold then each
// lever's moves, contiguous (BuildCandidates).
void LeverLikelihoods(State& state, int n, int types, int pick, const double* probabilities) {
  const Move* candidates = state.candidates.data();
  const int mt = state.max_types;
  int c = 1;
  while (c < n) {
    const LeverId lever = candidates[c].lever;
    int end = c;
    while (end < n && candidates[end].lever == lever) ++end;
    const bool moved_this = pick >= c && pick < end;
    double* out = &state.lever_likelihood[lever.index * mt];
    for (int t = 0; t < types; ++t) {
      const double* row = probabilities + t * n;
      double total = row[0];
      for (int k = c; k < end; ++k) total += row[k];
      const double observed = moved_this ? row[pick] : row[0];
      out[t] = total > 0.0 ? observed / total : 1.0;
    }
    c = end;
  }
}

void DecideMove(const StepContext& context, State& state, ActorId actor) {
  const Model& model = context.model;
  const int n = BuildCandidates(model, state, actor, state.candidates.data());
  const int types = static_cast<int>(model.actors[actor.index].types.size());
  const DecisionModel& decision = *context.decisions[actor.index];
  std::span<double> probabilities(state.move_probabilities.data(), types * n);
  decision.MoveProbabilities(model, state, actor, std::span<const Move>(state.candidates.data(), n),
                             probabilities);
  const int true_type = state.type[actor.index].index;
  const double u = context.rng.Uniform(DrawPurpose::kDecision, state.step, actor.index);
  const int pick = Pick(&probabilities[true_type * n], n, u);
  state.chosen[actor.index] = state.candidates[pick];
  for (int t = 0; t < types; ++t)
    state.chosen_likelihood[actor.index * state.max_types + t] = probabilities[t * n + pick];
  state.moved[actor.index] = decision.TypeDependent();
  if (state.moved[actor.index]) LeverLikelihoods(state, n, types, pick, probabilities.data());
}

// Owners of crossed red lines whose window is open decide whether to enforce this step.
void DecideEnforcement(const StepContext& context, State& state) {
  const Model& model = context.model;
  for (int r = 0; r < state.red_line_count; ++r) {
    state.enforce_choice[r] = 0;
    const RedLine& line = model.red_lines[r];
    if (state.red_line_status[r] != RedLineStatus::kCrossed) continue;
    if (state.level[line.response_lever.index] >= line.response_level) continue;
    const int mt = state.max_types;
    const double p = state.enforce_probability[r * mt + state.type[line.owner.index].index];
    const bool enforce = context.rng.Uniform(DrawPurpose::kEnforce, state.step, r) < p;
    state.enforce_choice[r] = enforce ? 1 : 2;
    if (context.observer) context.observer->OnEnforceDecision(state, RedLineId(r), enforce, p);
    if (!context.decisions[line.owner.index]->TypeDependent()) continue;
    const int types = static_cast<int>(model.actors[line.owner.index].types.size());
    double* likelihood = state.choice_likelihood.data();
    for (int t = 0; t < types; ++t) {
      const double pt = state.enforce_probability[r * mt + t];
      likelihood[t] = enforce ? pt : 1.0 - pt;
    }
    UpdateBeliefs(model, state, line.owner, likelihood, LeverId(), 0, 0);
  }
}

}  // namespace

void DecideAndApply(const StepContext& context, State& state) {
  const Model& model = context.model;
  for (int a = 0; a < state.actors; ++a) {
    state.chosen[a] = Move{};
    state.moved[a] = 0;
    if (!model.levers_of_actor[a].empty()) DecideMove(context, state, ActorId(a));
  }
  // Beliefs about movers, from the levels before the moves: every lever of a type-dependent
  // mover is a signal of its own, read by the observers that perceive it (docs/model.md §6).
  for (int a = 0; a < state.actors; ++a) {
    if (!state.moved[a]) continue;
    const Move& m = state.chosen[a];
    for (LeverId lever : model.levers_of_actor[a]) {
      const int from = state.level[lever.index];
      const int to = m.lever == lever ? m.level : from;
      UpdateBeliefs(model, state, ActorId(a),
                    &state.lever_likelihood[lever.index * state.max_types], lever, from, to);
    }
  }
  DecideEnforcement(context, state);
  for (int a = 0; a < state.actors; ++a) {
    const Move& m = state.chosen[a];
    if (m.is_hold()) continue;
    // Backing down below levels with an audience cost pays it, in units of the true type's
    // stakes (docs/model.md §5).
    const Lever& lever = model.levers[m.lever.index];
    double audience = 0;
    for (int k = m.level + 1; k <= state.level[m.lever.index]; ++k)
      audience += state.Value(lever.levels[k].audience_cost);
    if (audience > 0.0)
      state.cost[a] += audience * state.Value(model.actors[a].types[state.type[a].index].stakes);
    SetLevel(context, state, m.lever, m.level, ActorId(a), MoveCause::kDecision);
  }
  for (int r = 0; r < state.red_line_count; ++r) {
    if (state.enforce_choice[r] != 1) continue;
    const RedLine& line = model.red_lines[r];
    const int to = std::max(state.level[line.response_lever.index], line.response_level);
    SetLevel(context, state, line.response_lever, to, line.owner, MoveCause::kEnforcement);
  }
}

}  // namespace redline
