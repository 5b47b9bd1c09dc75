// Collective defence (MODEL §6): a perceived-deliberate strike on a member's territory by a
// non-member opens a deliberation; members vote; the alliance's rule decides.
#include <algorithm>
#include <span>

#include "crisis/formulas.h"
#include "sim/stages.h"

namespace redline {

namespace {

bool RuleSaysYes(const Model& model, const State& state, const Alliance& alliance) {
  const int n = static_cast<int>(alliance.members.size());
  int yes = 0;
  for (int j = 0; j < n; ++j) yes += state.votes_cast[j];
  switch (alliance.rule) {
    case AllianceRule::kUnanimity:
      return n > 0 && yes == n;
    case AllianceRule::kMajority:
      return 2 * yes > n;
    case AllianceRule::kWeighted: {
      double total = 0, in_favour = 0;
      for (int j = 0; j < n; ++j) {
        const double w = j < static_cast<int>(alliance.weights.size())
                             ? std::max(0.0, state.Value(alliance.weights[j]))
                             : 1.0;
        total += w;
        if (state.votes_cast[j]) in_favour += w;
      }
      return total > 0 && in_favour / total >= state.Value(alliance.threshold) - 1e-12;
    }
    case AllianceRule::kLeader:
      for (int j = 0; j < n; ++j)
        if (alliance.members[j] == alliance.leader) return state.votes_cast[j] != 0;
      return 2 * yes > n;  // no leader among the members: majority
  }
  (void)model;
  return false;
}

void CastVotes(const StepContext& context, State& state, AllianceId k) {
  const Model& model = context.model;
  const Alliance& alliance = model.alliances[k.index];
  for (int j = 0; j < static_cast<int>(alliance.members.size()); ++j) {
    const ActorId member = alliance.members[j];
    const DecisionModel& decision = *context.decisions[member.index];
    const int types = static_cast<int>(model.actors[member.index].types.size());
    double* p = state.choice_likelihood.data();
    decision.VoteProbabilities(model, state, k, member, std::span<double>(p, types));
    const double p_true = p[state.type[member.index].index];
    const std::uint32_t slot = static_cast<std::uint32_t>(k.index * 1024 + j);
    const bool yes = context.rng.Uniform(DrawPurpose::kVote, state.step, slot) < p_true;
    state.votes_cast[j] = yes;
    if (context.observer) context.observer->OnVote(state, k, member, yes, p_true);
    if (!decision.TypeDependent()) continue;
    for (int t = 0; t < types; ++t) p[t] = yes ? p[t] : 1.0 - p[t];
    UpdateBeliefs(model, state, member, p, LeverId(), 0, 0);
  }
}

}  // namespace

void Deliberate(const StepContext& context, State& state) {
  const Model& model = context.model;
  for (int k = 0; k < static_cast<int>(model.alliances.size()); ++k) {
    const int rung = state.alliance_attack_rung[k];
    if (rung < 0) continue;
    const Alliance& alliance = model.alliances[k];
    if (!alliance.response_lever.valid()) continue;
    const int level = AllianceResponseLevel(alliance, rung);
    if (state.level[alliance.response_lever.index] >= level) continue;
    ++state.votes;
    CastVotes(context, state, AllianceId(k));
    const bool respond = RuleSaysYes(model, state, alliance);
    if (context.observer)
      context.observer->OnAllianceDecision(state, AllianceId(k), respond, level);
    if (!respond) continue;
    state.alliance_responded[k] = 1;
    SetLevel(context, state, alliance.response_lever, level, ActorId(), MoveCause::kAlliance);
  }
}

}  // namespace redline
