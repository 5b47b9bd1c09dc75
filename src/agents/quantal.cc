#include "agents/quantal.h"

#include <algorithm>
#include <cmath>

#include "agents/utility.h"
#include "crisis/state.h"

namespace redline {

void LogitInPlace(double lambda, std::span<double> utilities) {
  if (utilities.empty()) return;
  double best = utilities[0];
  for (double u : utilities) best = std::max(best, u);
  double total = 0;
  for (double& u : utilities) {
    const double x = lambda * (u - best);
    // Below kExpUnderflow exp(x) is exactly 0: skipping the call avoids libm's slow underflow
    // path for hopeless candidates (e.g. a strategic launch) and changes no result; the best
    // candidates (x = 0, often hold) get exp(0) = 1 without a call as well.
    u = x < kExpUnderflow ? 0.0 : x == 0.0 ? 1.0 : std::exp(x);
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
  const std::vector<ResolveType>& type_specs = model.actors[actor.index].types;
  const std::size_t types = type_specs.size();
  const double lookahead = Lookahead(model, state, actor);
  const WarView war = ActorWarView(model, state, actor, lookahead);
  const double weariness = WearinessFactor(model, state, actor);
  // The types' constants, looked up once (the stores into `out` would otherwise make the
  // compiler reload them for every candidate).
  constexpr std::size_t kStackTypes = 8;
  double stakes[kStackTypes], cost_weight[kStackTypes];
  if (types <= kStackTypes) {
    for (std::size_t t = 0; t < types; ++t) {
      stakes[t] = state.Value(type_specs[t].stakes);
      cost_weight[t] = state.Value(type_specs[t].cost_weight) * weariness;
    }
  }
  for (std::size_t c = 0; c < n; ++c) {
    const MoveTerms terms = MoveUtilityTerms(model, state, actor, candidates[c], lookahead, war);
    if (types <= kStackTypes) {
      for (std::size_t t = 0; t < types; ++t)
        out[t * n + c] = TypedUtility(stakes[t], cost_weight[t], terms);
    } else {
      for (std::size_t t = 0; t < types; ++t)
        out[t * n + c] = TypedUtility(state.Value(type_specs[t].stakes),
                                      state.Value(type_specs[t].cost_weight) * weariness, terms);
    }
  }
  const double lambda = Lambda(model, state, actor);
  for (std::size_t t = 0; t < types; ++t) LogitInPlace(lambda, out.subspan(t * n, n));
}

namespace {

// exp(-40) < 2^-57: a logistic below it leaves 1 - σ == 1 exactly (see EnforceProbabilities).
constexpr double kHopeless = -40.0;

// The per-step hazard p_R = 1 − (1 − σ)^(1/deadline) whose total over the deadline window is
// `within_window` = σ(λ·U) (docs/model.md §7.2).
double PerStepHazard(double within_window, int deadline) {
  // Never enforcing in the window (σ underflowed to 0) gives a zero hazard: the root of 1 is 1.
  if (deadline == 1 || within_window >= 1.0 || within_window == 0.0) return within_window;
  const double stay = 1.0 - within_window;  // P(not enforcing in the whole window)
  // Every root of 1 is 1 (sqrt and cbrt return it exactly): a hazard of exactly 0.
  if (stay == 1.0 && deadline <= 4) return 0.0;
  switch (deadline) {  // cheap roots for the common deadlines
    case 2:
      return 1.0 - std::sqrt(stay);
    case 3:
      return 1.0 - std::cbrt(stay);
    case 4:
      return 1.0 - std::sqrt(std::sqrt(stay));
    default:
      return -std::expm1(std::log1p(-within_window) / deadline);
  }
}

}  // namespace

double QuantalModel::EnforceProbability(const Model& model, const State& state, RedLineId red_line,
                                        TypeId type) const {
  const ActorId owner = model.red_lines[red_line.index].owner;
  const double utility =
      EnforcementUtility(model, state, red_line, type, Lookahead(model, state, owner));
  // The logit choice is over the whole deadline window: P(enforce within the window) =
  // σ(λ·U). The per-step hazard that gives that total over `deadline` steps is
  // 1 − (1 − σ)^(1/deadline).
  const double within_window = Logistic(Lambda(model, state, owner) * utility);
  return PerStepHazard(within_window, std::max(1, model.red_lines[red_line.index].deadline));
}

void QuantalModel::EnforceProbabilities(const Model& model, const State& state, RedLineId red_line,
                                        std::span<double> out) const {
  // EnforcementUtility(t) = ResponseUtility(t, EnforcementTerms): the terms once, then per type.
  const ActorId owner = model.red_lines[red_line.index].owner;
  const ResponseTerms terms =
      EnforcementTerms(model, state, red_line, Lookahead(model, state, owner));
  const double lambda = Lambda(model, state, owner);
  const int deadline = std::max(1, model.red_lines[red_line.index].deadline);
  const int types = static_cast<int>(model.actors[owner.index].types.size());
  for (int t = 0; t < types; ++t) {
    const double x = lambda * ResponseUtility(model, state, owner, TypeId(t), terms);
    // Below kHopeless the logistic is under 2^-54, so 1 - σ rounds to 1 and PerStepHazard
    // returns exactly 0 for deadlines 2..4: skip the exp (same result, bit for bit).
    out[t] = x < kHopeless && deadline >= 2 && deadline <= 4 ? 0.0
                                                             : PerStepHazard(Logistic(x), deadline);
  }
}

void QuantalModel::EnforceWindowProbabilities(const Model& model, const State& state,
                                              RedLineId red_line, std::span<double> window,
                                              std::span<double> step, bool need_step) const {
  const ActorId owner = model.red_lines[red_line.index].owner;
  const ResponseTerms terms =
      EnforcementTerms(model, state, red_line, Lookahead(model, state, owner));
  const double lambda = Lambda(model, state, owner);
  const int deadline = std::max(1, model.red_lines[red_line.index].deadline);
  const int types = static_cast<int>(model.actors[owner.index].types.size());
  for (int t = 0; t < types; ++t) {
    const double x = lambda * ResponseUtility(model, state, owner, TypeId(t), terms);
    // Below kHopeless σ < 2^-57: 0 without the exp (EnforceProbabilities gives an exactly 0
    // hazard there for deadlines 2..4, hence a window probability of 0).
    const bool hopeless = x < kHopeless;
    window[t] = hopeless ? 0.0 : Logistic(x);
    if (need_step)
      step[t] =
          hopeless && deadline >= 2 && deadline <= 4 ? 0.0 : PerStepHazard(Logistic(x), deadline);
  }
}

void QuantalModel::WithdrawProbabilities(const Model& model, const State& state, RedLineId red_line,
                                         double cross_kept, double cross_open,
                                         std::span<double> out) const {
  const ActorId owner = model.red_lines[red_line.index].owner;
  const double lookahead = Lookahead(model, state, owner);
  const double lambda = Lambda(model, state, owner);
  const int types = static_cast<int>(model.actors[owner.index].types.size());
  for (int t = 0; t < types; ++t)
    out[t] = Logistic(lambda * WithdrawalUtility(model, state, red_line, TypeId(t), lookahead,
                                                 cross_kept, cross_open));
}

double QuantalModel::VoteProbability(const Model& model, const State& state, AllianceId alliance,
                                     ActorId member, TypeId type) const {
  const double utility =
      VoteUtility(model, state, alliance, member, type, Lookahead(model, state, member));
  return Logistic(Lambda(model, state, member) * utility);
}

void QuantalModel::VoteProbabilities(const Model& model, const State& state, AllianceId alliance,
                                     ActorId member, std::span<double> out) const {
  // VoteUtility(t) = ResponseUtility(t, VoteTerms): the terms once, then per type.
  const ResponseTerms terms =
      VoteTerms(model, state, alliance, member, Lookahead(model, state, member));
  const double lambda = Lambda(model, state, member);
  const int types = static_cast<int>(model.actors[member.index].types.size());
  for (int t = 0; t < types; ++t)
    out[t] = Logistic(lambda * ResponseUtility(model, state, member, TypeId(t), terms));
}

}  // namespace redline
