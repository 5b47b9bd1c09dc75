// Bayesian belief updates (MODEL §5).
#include <algorithm>
#include <cmath>

#include "sim/stages.h"

namespace redline {

namespace {

// Types per actor for which UpdateBeliefs keeps the tempered likelihoods on the stack.
constexpr int kMaxTypesForCache = 8;
// Relative difference below which two types' likelihoods are the same number up to rounding.
constexpr double kSameLikelihood = 1e-12;

// Calls update(o, w) for every observer o that learns from the signal, with its perception
// weight w (update skips w <= 0 and the actor itself).
template <typename Update>
void ForEachPerceiver(const Model& model, const State& state, LeverId lever, int from, int to,
                      Update&& update) {
  if (!lever.valid()) {  // enforcement decisions and votes: every observer, weight 1
    for (int o = 0; o < state.observers; ++o) update(o, 1.0);
    return;
  }
  // A lever's result: the larger of o's perception weights of the old and the new level.
  const double* from_weights =
      &state.weight[(model.level_offset[lever.index] + from) * state.observers];
  if (from == to) {
    // The lever kept its level: only the observers listed in the level's perceived_by have a
    // weight above 0 (State::weight; each listed once, the compiler checks that).
    for (const Perception& p : model.levers[lever.index].levels[from].perceived)
      update(p.observer.index, from_weights[p.observer.index]);
    return;
  }
  const double* to_weights =
      &state.weight[(model.level_offset[lever.index] + to) * state.observers];
  for (int o = 0; o < state.observers; ++o) update(o, std::max(from_weights[o], to_weights[o]));
}

}  // namespace

void UpdateBeliefs(const Model& model, State& state, ActorId actor, const double* likelihood,
                   LeverId lever, int from, int to) {
  const int types = static_cast<int>(model.actors[actor.index].types.size());
  if (types < 2) return;
  // A choice every type makes with the same probability (costless talk) moves no belief.
  // Likelihoods that differ only by rounding (relative 1e-12: a costless level's probability
  // computed from different types' rows) count as the same: rounding noise is not a signal.
  bool informative = false;
  for (int t = 1; t < types; ++t)
    informative |= std::abs(likelihood[t] - likelihood[0]) >
                   kSameLikelihood * std::max(likelihood[t], likelihood[0]);
  if (!informative) return;
  if (types == 2 && likelihood[0] > 0.0 && likelihood[1] > 0.0) {
    // Two types, both likelihoods positive (the usual case): the posterior depends only on the
    // likelihood ratio r = L(1) / L(0): b0' = b0 / (b0 + b1 r^w), b1' = b1 r^w / (b0 + b1 r^w).
    // One power per weight instead of one per type, and no underflow of L(t)^w for tiny
    // likelihoods. r^w = exp(w log r), with log r taken once: observers of one signal often
    // have two or three different weights. The last weight's power is kept: consecutive
    // observers often share a weight.
    const double ratio = likelihood[1] / likelihood[0];
    double tempered = ratio, tempered_w = 1.0, log_ratio = 0.0;
    bool have_log = false;
    ForEachPerceiver(model, state, lever, from, to, [&](int o, double w) {
      if (o == actor.index || w <= 0.0) return;
      if (w != tempered_w) {
        if (w == 1.0) {
          tempered = ratio;
        } else {
          if (!have_log) {
            log_ratio = std::log(ratio);
            have_log = true;
          }
          tempered = std::exp(w * log_ratio);
        }
        tempered_w = w;
      }
      double* row = state.BeliefRow(o, actor);
      const double odds = row[1] * tempered;
      const double total = row[0] + odds;
      if (!(total > 0.0)) return;  // a choice no type makes: keep the belief
      row[0] = row[0] / total;
      row[1] = odds / total;
    });
    return;
  }
  // likelihood^w for the last fractional w seen: observers often share a weight, and the
  // powers (a libm call each) are the same numbers whoever perceives them.
  double tempered[kMaxTypesForCache];
  double tempered_w = -1.0;
  const bool cacheable = types <= kMaxTypesForCache;
  double* scratch = state.likelihood.data();
  // Observer o's update with perception weight w (each observer's row is its own: the order
  // in which observers update does not matter).
  ForEachPerceiver(model, state, lever, from, to, [&](int o, double w) {
    if (o == actor.index || w <= 0.0) return;
    double* row = state.BeliefRow(o, actor);
    double total = 0;
    if (w == 1.0) {
      for (int t = 0; t < types; ++t) {
        scratch[t] = row[t] * likelihood[t];
        total += scratch[t];
      }
    } else if (cacheable) {
      if (w != tempered_w) {
        for (int t = 0; t < types; ++t) tempered[t] = std::pow(likelihood[t], w);
        tempered_w = w;
      }
      for (int t = 0; t < types; ++t) {
        scratch[t] = row[t] * tempered[t];
        total += scratch[t];
      }
    } else {
      for (int t = 0; t < types; ++t) {
        scratch[t] = row[t] * std::pow(likelihood[t], w);
        total += scratch[t];
      }
    }
    if (!(total > 0.0)) return;  // a choice no type makes: keep the belief
    for (int t = 0; t < types; ++t) row[t] = scratch[t] / total;
  });
}

}  // namespace redline
