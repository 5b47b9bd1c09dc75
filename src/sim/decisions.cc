// Decisions (MODEL §9): simultaneous lever moves, enforcement of crossed red lines, and the
// Bayesian updates they cause. All choices are made from the State at the start of the step and
// applied together.
#include <algorithm>
#include <cassert>
#include <cmath>
#include <span>

#include "crisis/conditions.h"
#include "crisis/formulas.h"
#include "model/limits.h"
#include "sim/stages.h"

namespace redline {

namespace {

// The highest level `lever` can be raised onto this step: below the first level above the
// current one whose `earliest` step has not come (docs/model.md §3.2).
int HighestOpen(const Lever& lever, int current, int highest, int step) {
  for (int k = current + 1; k <= highest; ++k)
    if (lever.levels[k].earliest > step) return k - 1;
  return highest;
}

// Hold first, then each own lever moved by -k..+k levels (k <= max_change), within range: not
// below the lever's last act (acts cannot be undone), not onto or past a level whose earliest
// step has not come, and not at all while an order on the lever is pending.
int BuildCandidates(const Model& model, const State& state, ActorId actor, Move* out) {
  int n = 0;
  out[n++] = Move{};
  for (LeverId lever : model.levers_of_actor[actor.index]) {
    const Lever& l = model.levers[lever.index];
    const int current = state.level[lever.index];
    const int top = static_cast<int>(l.levels.size()) - 1;
    // current - max_change .. current + max_change clipped to the range, in ascending order.
    int lowest = std::max(0, current - l.max_change);
    int highest = std::min(top, current + l.max_change);
    if (l.timed) {
      if (state.order_level[lever.index] >= 0) continue;
      lowest = std::max(lowest, std::min(current, state.act_floor[lever.index]));
      highest = HighestOpen(l, current, highest, state.step);
    }
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
void LeverLikelihoods(State& state, const Move* candidates, int n, int types, int pick,
                      const double* rows, int stride) {
  const int mt = state.max_types;
  int c = 1;
  while (c < n) {
    const LeverId lever = candidates[c].lever;
    int end = c;
    while (end < n && candidates[end].lever == lever) ++end;
    const bool moved_this = pick >= c && pick < end;
    double* out = &state.lever_likelihood[lever.index * mt];
    if (types == 2) {  // the usual case: both rows in one pass, each summed in the same order
      const double* row0 = rows;
      const double* row1 = rows + stride;
      double total0 = row0[0], total1 = row1[0];
      for (int k = c; k < end; ++k) {
        total0 += row0[k];
        total1 += row1[k];
      }
      const int seen = moved_this ? pick : 0;
      out[0] = total0 > 0.0 ? row0[seen] / total0 : 1.0;
      out[1] = total1 > 0.0 ? row1[seen] / total1 : 1.0;
      c = end;
      continue;
    }
    for (int t = 0; t < types; ++t) {
      const double* row = rows + t * stride;
      double total = row[0];
      for (int k = c; k < end; ++k) total += row[k];
      const double observed = moved_this ? row[pick] : row[0];
      out[t] = total > 0.0 ? observed / total : 1.0;
    }
    c = end;
  }
}

// The actor's candidates and per-type move probabilities into the stage arrays, from the
// State as it is (with State::stage_active, from the other coupled actors' current iterate).
void ComputeMove(const StepContext& context, State& state, ActorId actor, double* rows) {
  const Model& model = context.model;
  const int n = state.stage_count[actor.index];
  const int types = static_cast<int>(model.actors[actor.index].types.size());
  std::span<double> probabilities(state.move_probabilities.data(), types * n);
  context.decisions[actor.index]->MoveProbabilities(
      model, state, actor,
      std::span<const Move>(&state.stage_candidates[actor.index * state.max_candidates], n),
      probabilities);
  for (int t = 0; t < types; ++t)
    std::copy_n(&probabilities[t * n], n, rows + t * state.max_candidates);
}

double* StageRows(State& state, std::vector<double>& table, int actor) {
  return &table[static_cast<std::size_t>(actor) * state.max_types * state.max_candidates];
}

// The stage game of the coupled actors (joint hazards make each one's utility depend on the
// others' simultaneous moves): its logit equilibrium, by damped Jacobi iteration from the
// probabilities computed at the current levels. The step is halved whenever the iteration
// overshoots (the new residual points against the previous one) or the residual grows, so it
// converges on the oscillations of chicken-like games (docs/model.md §5.6). Deterministic and
// allocation-free; exactly symmetric actors stay symmetric.
void SolveStage(const StepContext& context, State& state) {
  constexpr int kMaxIterations = 1000;
  constexpr double kTolerance = 1e-12;
  const Model& model = context.model;
  const int row = state.max_types * state.max_candidates;
  state.stage_active = true;
  double alpha = 1.0, previous = 0.0;
  for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
    for (int a = 0; a < state.actors; ++a)
      if (model.coupled[a] && state.stage_count[a] > 0)
        ComputeMove(context, state, ActorId(a), StageRows(state, state.stage_next, a));
    double residual = 0, turn = 0;
    for (int a = 0; a < state.actors; ++a) {
      if (!model.coupled[a] || state.stage_count[a] == 0) continue;
      const double* next = StageRows(state, state.stage_next, a);
      const double* now = StageRows(state, state.stage_probability, a);
      const double* last = StageRows(state, state.stage_step, a);
      for (int i = 0; i < row; ++i) {
        const double d = next[i] - now[i];
        residual = std::max(residual, std::abs(d));
        turn += d * last[i];
      }
    }
    if (residual < kTolerance) break;
    if (iteration > 0 && (turn < 0 || residual > previous)) alpha *= 0.5;
    previous = residual;
    for (int a = 0; a < state.actors; ++a) {
      if (!model.coupled[a] || state.stage_count[a] == 0) continue;
      const double* next = StageRows(state, state.stage_next, a);
      double* now = StageRows(state, state.stage_probability, a);
      double* last = StageRows(state, state.stage_step, a);
      for (int i = 0; i < row; ++i) {
        last[i] = next[i] - now[i];
        now[i] += alpha * last[i];
      }
    }
  }
  state.stage_active = false;
}

// The probability, per type, that the chosen candidate set newly strikes a member of each
// alliance the actor can attack: the prior of a deliberate attack that members weigh against
// a perceived incident (docs/model.md §9.1).
void RecordStrikePropensity(const Model& model, State& state, ActorId actor) {
  const int alliances = state.alliance_count;
  const int types = static_cast<int>(model.actors[actor.index].types.size());
  const int n = state.stage_count[actor.index];
  const Move* candidates = &state.stage_candidates[actor.index * state.max_candidates];
  for (int k = 0; k < alliances; ++k) {
    double* out = &state.strike_propensity[(actor.index * alliances + k) * state.max_types];
    std::fill(out, out + state.max_types, 0.0);
    if (!model.strikes_alliance[actor.index * alliances + k]) continue;
    for (int c = 1; c < n; ++c) {
      const Lever& lever = model.levers[candidates[c].lever.index];
      const int running = lever.levels[state.level[candidates[c].lever.index]].posture;
      if (!lever.target.valid() || !lever.levels[candidates[c].level].strikes_territory ||
          lever.levels[running].strikes_territory ||
          !model.member_of[k * state.actors + lever.target.index])
        continue;
      for (int t = 0; t < types; ++t) out[t] += state.StageProbability(actor, t, c);
    }
  }
}

void PickMove(const StepContext& context, State& state, ActorId actor) {
  const Model& model = context.model;
  const int n = state.stage_count[actor.index];
  const int types = static_cast<int>(model.actors[actor.index].types.size());
  const int true_type = state.type[actor.index].index;
  const double u = context.rng.Uniform(DrawPurpose::kDecision, state.step, actor.index);
  const double* rows = StageRows(state, state.stage_probability, actor.index);
  const int pick = Pick(rows + true_type * state.max_candidates, n, u);
  state.chosen[actor.index] = state.stage_candidates[actor.index * state.max_candidates + pick];
  for (int t = 0; t < types; ++t)
    state.chosen_likelihood[actor.index * state.max_types + t] =
        rows[t * state.max_candidates + pick];
  state.moved[actor.index] = context.decisions[actor.index]->TypeDependent();
  if (state.moved[actor.index])
    LeverLikelihoods(state, &state.stage_candidates[actor.index * state.max_candidates], n, types,
                     pick, rows, state.max_candidates);
  if (state.alliance_count > 0) RecordStrikePropensity(model, state, actor);
}

// Owners of crossed red lines whose window is open decide whether to enforce this step.
void DecideEnforcement(const StepContext& context, State& state) {
  const Model& model = context.model;
  for (int r = 0; r < state.red_line_count; ++r) {
    state.enforce_choice[r] = 0;
    const RedLine& line = model.red_lines[r];
    if (state.red_line_status[r] != RedLineStatus::kCrossed) continue;
    if (state.level[line.response_lever.index] >= state.response_level[r]) continue;
    // The owner's own move this step reaches the response level: the line is enforced by that
    // move (already read as a signal, §6); there is no separate decision to draw or to read.
    const Move& own = state.chosen[line.owner.index];
    if (own.lever == line.response_lever && own.level >= state.response_level[r]) continue;
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

// The per-step probability that some actor other than the owner of red line r moves so as to
// cross it: each one's move probabilities at the current levels (its decision model, the stage
// game's coupling left out), mixed over the owner's belief about its type (docs/model.md §7.6).
double CrossingForecast(const StepContext& context, State& state, int r) {
  const Model& model = context.model;
  const RedLine& line = model.red_lines[r];
  const ConditionId trigger = state.TriggerOf(model, RedLineId(r));  // the owner knows it (§7.5)
  // A pending order of another party that will cross the line when it lands (§3.2): orders
  // are carried out whatever the line does, so it will be tested, as it stands or withdrawn.
  for (std::size_t l = 0; l < model.levers.size(); ++l) {
    const int ordered = state.order_level[l];
    if (ordered < 0 || model.levers[l].owner.actor == line.owner) continue;
    if (Evaluate(model, state, trigger,
                 ConditionContext{line.owner, false, LeverId(static_cast<int>(l)), ordered}))
      return 1.0;
  }
  double none = 1.0;  // P(no one crosses r this step)
  for (int a = 0; a < state.actors; ++a) {
    const int n = state.stage_count[a];
    if (a == line.owner.index || n <= 1) continue;
    const Move* candidates = &state.stage_candidates[a * state.max_candidates];
    bool any = false;
    for (int c = 1; c < n && !any; ++c)
      any = Evaluate(model, state, trigger,
                     ConditionContext{line.owner, false, candidates[c].lever, candidates[c].level});
    if (!any) continue;
    const int types = static_cast<int>(model.actors[a].types.size());
    std::span<double> probabilities(state.move_probabilities.data(), types * n);
    context.decisions[a]->MoveProbabilities(model, state, ActorId(a),
                                            std::span<const Move>(candidates, n), probabilities);
    double crosses = 0;
    for (int c = 1; c < n; ++c) {
      if (!Evaluate(model, state, trigger,
                    ConditionContext{line.owner, false, candidates[c].lever, candidates[c].level}))
        continue;
      for (int t = 0; t < types; ++t)
        crosses += state.Belief(line.owner.index, ActorId(a), t) * probabilities[t * n + c];
    }
    none *= 1.0 - std::min(1.0, crosses);
  }
  return 1.0 - none;
}

// Owners of withdrawable intact red lines decide whether to withdraw them (docs/model.md §7.6),
// from the forecasts of their crossing as they stand and were they withdrawn (the line is
// marked withdrawn while the others' moves are priced, then restored). The withdrawal takes
// effect at stage 5 (UpdateRedLines), unless the line is crossed in this same step.
void DecideWithdrawal(const StepContext& context, State& state) {
  const Model& model = context.model;
  const int mt = state.max_types;
  for (int r = 0; r < state.red_line_count; ++r) {
    state.withdraw_choice[r] = 0;
    const RedLine& line = model.red_lines[r];
    if (!line.withdrawable || state.red_line_status[r] != RedLineStatus::kIntact) continue;
    const double kept = CrossingForecast(context, state, r);
    state.red_line_status[r] = RedLineStatus::kWithdrawn;
    const double open = CrossingForecast(context, state, r);
    state.red_line_status[r] = RedLineStatus::kIntact;
    state.withdraw_forecast[2 * r] = kept;
    state.withdraw_forecast[2 * r + 1] = open;
    const DecisionModel& decisions = *context.decisions[line.owner.index];
    std::span<double> p(&state.withdraw_probability[r * mt], mt);
    decisions.WithdrawProbabilities(model, state, RedLineId(r), kept, open, p);
    const bool withdraw = context.rng.Uniform(DrawPurpose::kWithdrawal, state.step, r) <
                          p[state.type[line.owner.index].index];
    state.withdraw_choice[r] = withdraw ? 1 : 0;
    if (!decisions.TypeDependent()) continue;
    const int types = static_cast<int>(model.actors[line.owner.index].types.size());
    double* likelihood = state.choice_likelihood.data();
    for (int t = 0; t < types; ++t) likelihood[t] = withdraw ? p[t] : 1.0 - p[t];
    UpdateBeliefs(model, state, line.owner, likelihood, LeverId(), 0, 0);
  }
}

}  // namespace

void ComputeMoves(const StepContext& context, State& state) {
  const Model& model = context.model;
  // Every mover's candidates and probabilities at the current levels; then, if joint hazards
  // couple some of them, their stage equilibrium (DecideAndApply makes the draws). No level
  // moves before every probability is known: red-line triggers are memoised (in Step, in the
  // memo the credibility refresh already opened).
  TriggerMemo memo(state);
  for (int a = 0; a < state.actors; ++a) {
    state.chosen[a] = Move{};
    state.moved[a] = 0;
    state.stage_count[a] = 0;
    if (model.levers_of_actor[a].empty()) continue;
    state.stage_count[a] = BuildCandidates(model, state, ActorId(a),
                                           &state.stage_candidates[a * state.max_candidates]);
    ComputeMove(context, state, ActorId(a), StageRows(state, state.stage_probability, a));
  }
  if (model.any_coupled) {
    // Pre-emption (docs/model.md §11.1): what each coupled actor's draw would pick with the
    // others expected to keep their levels (the probabilities computed so far).
    for (int a = 0; a < state.actors; ++a) {
      state.pick_alone[a] = -1;
      if (!model.coupled[a] || state.stage_count[a] == 0) continue;
      const double u = context.rng.Uniform(DrawPurpose::kDecision, state.step, a);
      state.pick_alone[a] = Pick(
          StageRows(state, state.stage_probability, a) + state.type[a].index * state.max_candidates,
          state.stage_count[a], u);
    }
    SolveStage(context, state);
  }
}

void DecideAndApply(const StepContext& context, State& state) {
  const Model& model = context.model;
  for (int a = 0; a < state.actors; ++a)
    if (state.stage_count[a] > 0) PickMove(context, state, ActorId(a));
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
  if (model.any_withdrawable) DecideWithdrawal(context, state);
  ExecuteOrders(context, state);
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
    if (m.level > state.level[m.lever.index]) {
      const Pathway chain = DecisionChain(model, state, ActorId(a), m);
      const int lead = lever.timed ? LeadTime(lever, state.level[m.lever.index], m.level) : 0;
      if (lead > 0) {  // an order: the raise takes effect `lead` steps from now
        state.order_level[m.lever.index] = m.level;
        state.order_due[m.lever.index] = state.step + lead;
        state.order_path[m.lever.index] = chain;
        if (context.observer) context.observer->OnOrder(state, m.lever, m.level, lead);
        continue;
      }
      NoteRaise(state, a, m.lever, chain);  // before the move: an act's consequences read it
      SetLevel(context, state, m.lever, m.level, ActorId(a), MoveCause::kDecision);
    } else {
      SetLevel(context, state, m.lever, m.level, ActorId(a), MoveCause::kDecision);
    }
  }
  for (int r = 0; r < state.red_line_count; ++r) {
    if (state.enforce_choice[r] != 1) continue;
    const RedLine& line = model.red_lines[r];
    const int to = std::max(state.level[line.response_lever.index], state.response_level[r]);
    NoteRaise(state, PartyOf(model, line.response_lever), line.response_lever,
              state.crossing_path[r].Then(LinkKind::kEnforcement));
    SetLevel(context, state, line.response_lever, to, line.owner, MoveCause::kEnforcement);
  }
}

}  // namespace redline
