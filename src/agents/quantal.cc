#include "agents/quantal.h"

#include <algorithm>
#include <cmath>

#include "agents/utility.h"
#include "sim/state.h"

namespace redline {

void LogitInPlace(double lambda, std::span<double> utilities) {
  if (utilities.empty()) return;
  double best = utilities[0];
  for (double u : utilities) best = std::max(best, u);
  double total = 0;
  for (double& u : utilities) {
    u = std::exp(lambda * (u - best));
    total += u;
  }
  for (double& u : utilities) u /= total;
}

namespace {
double Lambda(const Model& model, const State& state, ActorId actor) {
  return std::max(0.0, state.Value(model.actors[actor.index].decision.lambda));
}
}  // namespace

void QuantalModel::MoveProbabilities(const Model& model, const State& state, ActorId actor,
                                     std::span<const Move> candidates,
                                     std::span<double> out) const {
  const std::size_t n = candidates.size();
  const std::size_t types = model.actors[actor.index].types.size();
  const double lookahead = Lookahead(model, state, actor);
  for (std::size_t c = 0; c < n; ++c) {
    const MoveTerms terms = MoveUtilityTerms(model, state, actor, candidates[c], lookahead);
    for (std::size_t t = 0; t < types; ++t)
      out[t * n + c] = TypedUtility(model, state, actor, TypeId(static_cast<int>(t)), terms);
  }
  const double lambda = Lambda(model, state, actor);
  for (std::size_t t = 0; t < types; ++t) LogitInPlace(lambda, out.subspan(t * n, n));
}

double QuantalModel::EnforceProbability(const Model& model, const State& state,
                                        RedLineId red_line, TypeId type) const {
  const ActorId owner = model.red_lines[red_line.index].owner;
  const double utility =
      EnforcementUtility(model, state, red_line, type, Lookahead(model, state, owner));
  // The logit choice is over the whole deadline window: P(enforce within the window) =
  // σ(λ·U). The per-step hazard that gives that total over `deadline` steps is
  // 1 − (1 − σ)^(1/deadline).
  const double within_window = Logistic(Lambda(model, state, owner) * utility);
  const int deadline = std::max(1, model.red_lines[red_line.index].deadline);
  if (deadline == 1 || within_window >= 1.0) return within_window;
  const double stay = 1.0 - within_window;  // P(not enforcing in the whole window)
  switch (deadline) {                        // cheap roots for the common deadlines
    case 2: return 1.0 - std::sqrt(stay);
    case 3: return 1.0 - std::cbrt(stay);
    case 4: return 1.0 - std::sqrt(std::sqrt(stay));
    default: return -std::expm1(std::log1p(-within_window) / deadline);
  }
}

double QuantalModel::VoteProbability(const Model& model, const State& state, AllianceId alliance,
                                     ActorId member, TypeId type) const {
  const double utility =
      VoteUtility(model, state, alliance, member, type, Lookahead(model, state, member));
  return Logistic(Lambda(model, state, member) * utility);
}

}  // namespace redline
