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

// Each member votes on what State::vote_kind says is on the table; draws kVote at slot
// alliance * 1024 + `slot` + j.
void CastVotes(const StepContext& context, State& state, AllianceId k, int slot) {
  const Model& model = context.model;
  const Alliance& alliance = model.alliances[k.index];
  for (int j = 0; j < static_cast<int>(alliance.members.size()); ++j) {
    const ActorId member = alliance.members[j];
    const DecisionModel& decision = *context.decisions[member.index];
    const int types = static_cast<int>(model.actors[member.index].types.size());
    double* p = state.choice_likelihood.data();
    decision.VoteProbabilities(model, state, k, member, std::span<double>(p, types));
    const double p_true = p[state.type[member.index].index];
    const std::uint32_t draw = static_cast<std::uint32_t>(k.index * 1024 + slot + j);
    const bool yes = context.rng.Uniform(DrawPurpose::kVote, state.step, draw) < p_true;
    state.votes_cast[j] = yes;
    if (context.observer) context.observer->OnVote(state, k, member, yes, p_true);
    if (!decision.TypeDependent()) continue;
    for (int t = 0; t < types; ++t) p[t] = yes ? p[t] : 1.0 - p[t];
    UpdateBeliefs(model, state, member, p, LeverId(), 0, 0);
  }
}

// Each member's posterior that this step's attack on alliance k was deliberate (docs/model.md
// §9.1): 1 after a deliberate strike; after incidents perceived as deliberate only,
//   P_d / (P_d + Σ p·(1 − q)),
// with P_d the member's belief-weighted probability that the attacker chose, this step, a move
// that newly strikes a member (State::strike_propensity).
void WeighEvidence(const Model& model, State& state, int k) {
  const Alliance& alliance = model.alliances[k];
  const int attacker = state.alliance_attacker[k];
  for (ActorId member : alliance.members) {
    double evidence = 1.0;
    if (!state.alliance_attack_deliberate[k]) {
      double prior = 0;
      if (attacker >= 0 && attacker < state.actors) {
        const int types = static_cast<int>(model.actors[attacker].types.size());
        const double* propensity =
            &state.strike_propensity[(attacker * state.alliance_count + k) * state.max_types];
        for (int t = 0; t < types; ++t)
          prior += state.Belief(member.index, ActorId(attacker), t) * propensity[t];
      }
      const double rate = state.alliance_incident_rate[k];
      evidence = prior + rate > 0 ? prior / (prior + rate) : 0.0;
    }
    state.evidence[member.index] = evidence;
  }
}

// When the collective rule said no, members with an individual response decide whether to act
// alone (Article 5's "such action as it deems necessary"; docs/model.md §9.3). Draws kVote at
// slot alliance * 1024 + 512 + j.
void ActAlone(const StepContext& context, State& state, AllianceId k) {
  const Model& model = context.model;
  const Alliance& alliance = model.alliances[k.index];
  state.vote_kind = State::VoteKind::kIndividual;
  for (const Alliance::IndividualResponse& own : alliance.individual) {
    if (state.level[own.lever.index] >= own.level) continue;
    const DecisionModel& decision = *context.decisions[own.member.index];
    const int types = static_cast<int>(model.actors[own.member.index].types.size());
    double* p = state.choice_likelihood.data();
    decision.VoteProbabilities(model, state, k, own.member, std::span<double>(p, types));
    const double p_true = p[state.type[own.member.index].index];
    const int j =
        static_cast<int>(std::find(alliance.members.begin(), alliance.members.end(), own.member) -
                         alliance.members.begin());
    const std::uint32_t draw = static_cast<std::uint32_t>(k.index * 1024 + 512 + j);
    const bool act = context.rng.Uniform(DrawPurpose::kVote, state.step, draw) < p_true;
    if (context.observer) context.observer->OnVote(state, k, own.member, act, p_true);
    if (decision.TypeDependent()) {
      for (int t = 0; t < types; ++t) p[t] = act ? p[t] : 1.0 - p[t];
      UpdateBeliefs(model, state, own.member, p, LeverId(), 0, 0);
    }
    if (act) {
      NoteRaise(state, own.member.index, own.lever,
                state.attack_path[k.index].Then(LinkKind::kIndividualAction));
      SetLevel(context, state, own.lever, own.level, own.member, MoveCause::kDecision);
    }
  }
  state.vote_kind = State::VoteKind::kRespond;
}

// A response in force with no new attack this step: members vote to keep it; if the rule says
// no, it ends (docs/model.md §9.2). Votes draw kVote at slot alliance * 1024 + 256 + j.
void Reconsider(const StepContext& context, State& state, AllianceId k) {
  const Alliance& alliance = context.model.alliances[k.index];
  const int current = state.level[alliance.response_lever.index];
  ++state.votes;
  state.vote_kind = State::VoteKind::kContinue;
  CastVotes(context, state, k, 256);
  state.vote_kind = State::VoteKind::kRespond;
  const bool keep = RuleSaysYes(context.model, state, alliance);
  if (context.observer) context.observer->OnAllianceDecision(state, k, keep, current);
  // Ending a response lowers its lever to its floor: a retaliatory act stays done.
  const int floor = std::min(current, state.act_floor[alliance.response_lever.index]);
  if (!keep)
    SetLevel(context, state, alliance.response_lever, floor, ActorId(), MoveCause::kAlliance);
}

}  // namespace

void Deliberate(const StepContext& context, State& state) {
  const Model& model = context.model;
  for (int k = 0; k < static_cast<int>(model.alliances.size()); ++k) {
    const Alliance& alliance = model.alliances[k];
    if (!alliance.response_lever.valid()) continue;
    const int rung = state.alliance_attack_rung[k];
    const int current = state.level[alliance.response_lever.index];
    if (rung < 0) {
      // Only a posture is held and can be kept or ended; a done act is not reconsidered.
      if (state.EffectLevel(model, alliance.response_lever.index) > 0)
        Reconsider(context, state, AllianceId(k));
      continue;
    }
    const int level = AllianceResponseLevel(alliance, rung);
    if (current >= level) continue;
    WeighEvidence(model, state, k);
    ++state.votes;
    CastVotes(context, state, AllianceId(k), 0);
    const bool respond = RuleSaysYes(model, state, alliance);
    if (context.observer)
      context.observer->OnAllianceDecision(state, AllianceId(k), respond, level);
    if (respond) {
      state.alliance_responded[k] = 1;
      NoteRaise(state, state.actors + k, alliance.response_lever,
                state.attack_path[k].Then(LinkKind::kAllianceResponse));
      SetLevel(context, state, alliance.response_lever, level, ActorId(), MoveCause::kAlliance);
    } else if (!alliance.individual.empty()) {
      ActAlone(context, state, AllianceId(k));
    }
    for (ActorId member : alliance.members) state.evidence[member.index] = 1.0;
  }
}

}  // namespace redline
