// Bayesian belief updates (MODEL §5).
#include <algorithm>
#include <cmath>

#include "sim/stages.h"

namespace redline {

void UpdateBeliefs(const Model& model, State& state, ActorId actor, const double* likelihood,
                   LeverId lever, int from, int to) {
  const int types = static_cast<int>(model.actors[actor.index].types.size());
  if (types < 2) return;
  // A choice every type makes with the same probability (costless talk) moves no belief.
  bool informative = false;
  for (int t = 1; t < types; ++t) informative |= likelihood[t] != likelihood[0];
  if (!informative) return;
  for (int o = 0; o < state.observers; ++o) {
    if (o == actor.index) continue;
    // The weight with which o perceives the choice: 1 unless it is a lever move, then the
    // larger of o's perception weights of the old and the new level.
    double w = 1.0;
    if (lever.valid())
      w = std::max(state.Weight(model, lever, from, o), state.Weight(model, lever, to, o));
    if (w <= 0.0) continue;
    double* row = state.BeliefRow(o, actor);
    double total = 0;
    for (int t = 0; t < types; ++t) {
      const double l = w == 1.0 ? likelihood[t] : std::pow(likelihood[t], w);
      state.likelihood[t] = row[t] * l;
      total += state.likelihood[t];
    }
    if (!(total > 0.0)) continue;  // a choice no type makes: keep the belief
    for (int t = 0; t < types; ++t) row[t] = state.likelihood[t] / total;
  }
}

}  // namespace redline
