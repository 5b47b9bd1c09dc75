// The decision-model interface: how an actor chooses its lever moves, whether it enforces a
// crossed red line, and how it votes in an alliance deliberation. One instance per actor; the
// implementations live in module agents (MakeDecisionModels in agents/factory.h builds them
// from Actor::decision) and the kernel (module sim) receives them, so neither module
// depends on the other.
//
// Contract for implementations:
//  - Pure functions of (Model, State, arguments): no hidden state, no random draws (the
//    kernel draws; the model only gives probabilities). Const and thread-safe: one instance
//    is shared by every thread that simulates the Model.
//  - No allocation: called in the hot loop (per actor per step, per type).
//  - The probabilities a model returns for every type are also the likelihoods observers use
//    in their Bayesian updates (MODEL §5), so beliefs stay consistent with behaviour.
//  - Reads of the State are limited to its public fields and the per-step caches filled by
//    the kernel before decisions (State::enforce_probability, State::credibility,
//    State::interference; see crisis/state.h).
#pragma once

#include <algorithm>
#include <cmath>
#include <memory>
#include <span>
#include <vector>

#include "model/model.h"

namespace redline {

struct State;

// A candidate move: hold (lever invalid), or set `lever` to `level`.
struct Move {
  LeverId lever;
  int level = 0;
  bool is_hold() const { return !lever.valid(); }
};

class DecisionModel {
 public:
  virtual ~DecisionModel() = default;

  // Fills out[t * candidates.size() + c] = P(actor of type t picks candidates[c]) for every
  // type t of `actor` (out.size() >= types * candidates.size()); each row sums to 1.
  // candidates[0] is always hold.
  virtual void MoveProbabilities(const Model& model, const State& state, ActorId actor,
                                 std::span<const Move> candidates, std::span<double> out) const = 0;

  // Per-step probability that the owner of `red_line`, of type `type`, enforces it (sets the
  // response lever to the response level) in a step of the deadline window.
  virtual double EnforceProbability(const Model& model, const State& state, RedLineId red_line,
                                    TypeId type) const = 0;

  // Probability that `member`, of type `type`, votes yes in the deliberation that `alliance`
  // holds this step (State::alliance_attack_rung says which response is on the table).
  virtual double VoteProbability(const Model& model, const State& state, AllianceId alliance,
                                 ActorId member, TypeId type) const = 0;

  // Whether any probability depends on the type; if not, observers skip the Bayesian update
  // (it would leave beliefs unchanged).
  virtual bool TypeDependent() const = 0;

  // The two methods above for every type at once: out[t] for each type t of the owner (the
  // member), out.size() >= its number of types. The kernel calls these; the defaults loop
  // over the per-type methods. A model may override them to share the work that does not
  // depend on the type (the quantal model computes the response's costs once), but must
  // return exactly what the per-type methods return.
  virtual void EnforceProbabilities(const Model& model, const State& state, RedLineId red_line,
                                    std::span<double> out) const {
    const ActorId owner = model.red_lines[red_line.index].owner;
    const int types = static_cast<int>(model.actors[owner.index].types.size());
    for (int t = 0; t < types; ++t) out[t] = EnforceProbability(model, state, red_line, TypeId(t));
  }
  // The kernel's call, for every type t of the owner: window[t] = P(type t enforces within a
  // whole deadline window of D steps) = 1 - (1 - p_t)^D, and step[t] = p_t (what
  // EnforceProbabilities gives) when `need_step`. The kernel needs the per-step p only for a
  // crossed line, whose owner draws this step; for an intact line only the window probability
  // (the credibility, docs/model.md §7.2), and a model may then leave `step` as it is. The
  // default computes the window probability from p (by repeated products, std::pow beyond 64
  // steps); a model whose choice is over the window (the quantal model: σ(λU)) may return it
  // directly, equal up to rounding, without taking the D-th root and raising it back.
  virtual void EnforceWindowProbabilities(const Model& model, const State& state,
                                          RedLineId red_line, std::span<double> window,
                                          std::span<double> step, bool need_step) const {
    (void)need_step;  // the default computes p anyway
    const ActorId owner = model.red_lines[red_line.index].owner;
    const int types = static_cast<int>(model.actors[owner.index].types.size());
    const int deadline = std::max(1, model.red_lines[red_line.index].deadline);
    EnforceProbabilities(model, state, red_line, step);
    for (int t = 0; t < types; ++t) {
      double stay = 1.0;
      if (deadline > 64) {
        stay = std::pow(1.0 - step[t], deadline);
      } else {
        for (int k = 0; k < deadline; ++k) stay *= 1.0 - step[t];
      }
      window[t] = 1.0 - stay;
    }
  }
  // For every type t of the owner of the withdrawable, intact red line `red_line`: out[t] =
  // P(the owner withdraws it this step), given the per-step probabilities that another actor's
  // move crosses it as it stands (`cross_kept`) and were it withdrawn (`cross_open`) (docs/
  // model.md §7.6). The default never withdraws (a scripted actor keeps its lines).
  virtual void WithdrawProbabilities(const Model& model, const State& state, RedLineId red_line,
                                     double cross_kept, double cross_open,
                                     std::span<double> out) const {
    (void)state, (void)cross_kept, (void)cross_open;
    const ActorId owner = model.red_lines[red_line.index].owner;
    const int types = static_cast<int>(model.actors[owner.index].types.size());
    std::fill(out.begin(), out.begin() + types, 0.0);
  }
  virtual void VoteProbabilities(const Model& model, const State& state, AllianceId alliance,
                                 ActorId member, std::span<double> out) const {
    const int types = static_cast<int>(model.actors[member.index].types.size());
    for (int t = 0; t < types; ++t)
      out[t] = VoteProbability(model, state, alliance, member, TypeId(t));
  }
};

// One decision model per actor, in actor order.
using DecisionModels = std::vector<std::unique_ptr<const DecisionModel>>;

}  // namespace redline
