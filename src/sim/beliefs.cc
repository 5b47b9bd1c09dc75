// Bayesian belief updates (MODEL §5).
#include <algorithm>
#include <cmath>

#include "sim/stages.h"

namespace redline {

namespace {
// Types per actor for which UpdateBeliefs keeps the tempered likelihoods on the stack.
constexpr int kMaxTypesForCache = 8;
}  // namespace

void UpdateBeliefs(const Model& model, State& state, ActorId actor, const double* likelihood,
                   LeverId lever, int from, int to) {
  const int types = static_cast<int>(model.actors[actor.index].types.size());
  if (types < 2) return;
  // A choice every type makes with the same probability (costless talk) moves no belief.
  bool informative = false;
  for (int t = 1; t < types; ++t) informative |= likelihood[t] != likelihood[0];
  if (!informative) return;
  // The perception weights of the old and the new level, one row per level (hot loop: the
  // rows are looked up once, not once per observer).
  const double* from_weights = nullptr;
  const double* to_weights = nullptr;
  if (lever.valid()) {
    from_weights = &state.weight[(model.level_offset[lever.index] + from) * state.observers];
    to_weights = &state.weight[(model.level_offset[lever.index] + to) * state.observers];
  }
  // likelihood^w for the last fractional w seen: observers often share a weight, and the
  // powers (a libm call each) are the same numbers whoever perceives them.
  double tempered[kMaxTypesForCache];
  double tempered_w = -1.0;
  const bool cacheable = types <= kMaxTypesForCache;
  double* scratch = state.likelihood.data();
  for (int o = 0; o < state.observers; ++o) {
    if (o == actor.index) continue;
    // The weight with which o perceives the choice: 1 unless it is a lever move, then the
    // larger of o's perception weights of the old and the new level.
    const double w = from_weights ? std::max(from_weights[o], to_weights[o]) : 1.0;
    if (w <= 0.0) continue;
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
    if (!(total > 0.0)) continue;  // a choice no type makes: keep the belief
    for (int t = 0; t < types; ++t) row[t] = scratch[t] / total;
  }
}

}  // namespace redline
