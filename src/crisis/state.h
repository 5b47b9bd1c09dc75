// The small per-run state of a simulation. Everything that changes during a run lives here;
// the Model is only read. A State is sized once per thread with Allocate(model) and then
// Reset(model, rng) at the start of every run, which samples the run's parameters, types and
// channels and allocates nothing. Not thread-safe: one State per thread.
//
// Layout: flat vectors indexed by the Model's dense ids. Beliefs are
// belief[(observer * actors + actor) * max_types + type]; observers are the actors first, then
// the third parties (ObserverId). The State sits below both the kernel (module sim), which
// writes it, and the decision models (module agents), which read it.
#pragma once

#include <cstdint>
#include <vector>

#include "core/rng.h"
#include "crisis/decision_model.h"
#include "crisis/pathway.h"
#include "model/model.h"

namespace redline {

// kInForce: crossed while the response lever already stood at (or above) the response level —
// no enforcement decision was made, so it is neither enforced nor lapsed (docs/model.md §7.1).
// Demands (docs/model.md §7.3) add kPending (issued, awaiting compliance) and kSatisfied (the
// target complied before the deadline: closed). kWithdrawn: its owner withdrew it while it was
// intact (docs/model.md §7.6): final, it threatens nothing.
enum class RedLineStatus : std::uint8_t {
  kIntact,
  kCrossed,
  kEnforced,
  kLapsed,
  kInForce,
  kPending,
  kSatisfied,
  kWithdrawn
};
const char* ToString(RedLineStatus status);

struct State {
  // ---- Dimensions (copied from the Model by Allocate) ----
  int actors = 0;
  int observers = 0;
  int max_types = 1;
  int red_line_count = 0;
  int alliance_count = 0;
  int hazard_count = 0;
  int max_candidates = 1;

  // ---- Fixed for the run (set by Reset) ----
  std::vector<double> values;              // Model::parameters[i] sampled for this run
  std::vector<TypeId> type;                // each actor's private type
  std::vector<double> prior;               // [actor * max_types + t], normalised priors
  std::vector<std::uint8_t> channel_open;  // per channel
  std::vector<double> weight;              // [flat level * observers + observer]: perception
  std::vector<double> threat;              // [actor * red lines + r]: Threat(actor, r), which
                                           // depends only on the run's values (ambiguous r: the
                                           // prior mean over its alternatives)
  // Red lines' responses (docs/model.md §7.4). response_level[r] is the run's true response
  // level: the model's, or for an ambiguous line the alternative drawn at Reset (kAmbiguity),
  // whose index is response_alternative[r] (-1 for an ordinary line). Only the owner and the
  // lifecycle read it; others read the alternative_* tables (empty without ambiguous lines).
  std::vector<int> response_level;
  std::vector<int> response_alternative;
  int max_alternatives = 0;
  std::vector<double> alternative_prior;   // [r * max_alternatives + k]: normalised prior π_k
  std::vector<double> alternative_threat;  // [(actor * red lines + r) * max_alternatives + k]:
                                           // threat_actor of the response at alternative k
  // Red lines' thresholds (docs/model.md §7.5). threshold_alternative[r] is the run's true
  // threshold of a line with ambiguous.threshold, drawn at Reset (kAmbiguousThreshold): the
  // alternative whose trigger the lifecycle reads (TriggerOf); -1 for an ordinary line. Only the
  // lifecycle (and reports) read it; others read threshold_prior and threshold_alive (both
  // empty without such lines).
  std::vector<int> threshold_alternative;
  int max_thresholds = 0;
  std::vector<double> threshold_prior;  // [r * max_thresholds + k]: normalised prior π_k
  // Per flat level (Model::level_offset[lever] + k): the run's values of the level's cost,
  // damage, aid and interdiction (Value(...), 0 where absent), one contiguous table for the
  // kernel's and the decision models' hot loops.
  struct LevelValues {
    double cost = 0, damage = 0, aid = 0, interdiction = 0;
  };
  std::vector<LevelValues> level_values;

  // ---- Evolving ----
  int step = 0;                 // steps completed
  std::vector<int> level;       // per lever: current level
  std::vector<int> peak_level;  // per lever: highest level reached this run
  std::vector<RedLineStatus> red_line_status;
  std::vector<int> crossed_step;   // per red line; -1 while intact
  std::vector<int> resolved_step;  // step it was enforced or lapsed (or satisfied); -1 otherwise
  std::vector<int> issued_step;    // demands: step it was issued; -1 before
  std::vector<double> belief;      // see layout above
  // [r * max_thresholds + k]: 1 while alternative k of r's ambiguous threshold is not ruled out
  // by a stage 5 at which r stood with trigger_k true (docs/model.md §7.5): others' belief is
  // the prior restricted to these.
  std::vector<std::uint8_t> threshold_alive;
  std::vector<double> cost;  // per actor: cumulative costs, damage, audience costs
  double balance = 0;        // war balance; > 0 favours side a
  int winner = kNoSide;      // decisive result of the war
  bool settled = false;
  // The settlement's terms (docs/model.md §10.2): side a's share s, who proposed it (Proposer:
  // -1 none, 0 a, 1 b, 2 mediator), the step and the credible range [low, high] then.
  double terms = 0;
  int terms_by = -1;
  int settled_step = -1;
  double terms_range[2] = {0, 0};
  int terms_package = -1;  // index of the war.bargaining.terms package naming the terms; -1 when
                           // not settled or no packages are defined
  // Scheduled power shifts that have happened (war.shifts), per side: added to its power.
  double power_shift[2] = {0, 0};
  bool stop_reached = false;    // the horizon's stop_at rung was reached
  bool done = false;            // the run has ended
  int highest_rung = 0;         // highest rung reached so far (RungId index)
  int crossings = 0;            // red lines crossed
  int enforcements = 0;         // red lines enforced
  int lapses = 0;               // red lines lapsed
  int withdrawals = 0;          // red lines withdrawn by their owners
  int incidents = 0;            // accident incidents (perceived or not)
  int perceived_incidents = 0;  // incidents perceived as deliberate
  int votes = 0;                // alliance deliberations held
  int first_crossing_step = -1;
  // Acts and orders (docs/model.md §3.2). An act is live (its one-shot effects apply) in the
  // step its lever was raised onto it: act_step[lever] == step.
  std::vector<int> act_step;        // per lever: step its current act level was reached; -1
  std::vector<int> act_floor;       // per lever: highest act level done (the lever's floor)
  std::vector<int> order_level;     // per lever: level a pending order raises it to; -1 if none
  std::vector<int> order_due;       // per lever: step the pending order takes effect
  std::vector<Pathway> order_path;  // per lever: the pending order's causal chain
  int acts_step = -1;               // the last step in which an act was live
  std::vector<std::uint8_t> alliance_responded;  // per alliance: a deliberation said yes
  std::vector<std::uint8_t> struck_ever;  // per actor: perceived-deliberate strike at any step

  // ---- Pathways (docs/model.md §11.1): the causal chain each thing carries ----
  Pathway pathway;                        // the chain of the event that raised the highest rung
  std::vector<Pathway> lever_path;        // per lever: why it stands at its level (empty: initial)
  std::vector<Pathway> party_path;        // per party (actors, then alliances): its latest link —
                                          // its last raise, or for an actor the last strike on it
  std::vector<std::uint8_t> struck_last;  // per actor: party_path is a strike on it (its next
                                          // raise is a retaliation)
  std::vector<int> raised_step;           // per party: step of its last raise; -1 if none
  std::vector<Pathway> crossing_path;     // per red line: the chain of its crossing
  std::vector<Pathway> attack_path;       // per alliance: this step's attack on a member

  // ---- This step (cleared at the start of each step) ----
  std::vector<int> strike_rung;           // per actor: rung of the gravest perceived-deliberate
                                          // strike on its territory this step; -1 if none
  std::vector<int> alliance_attack_rung;  // per alliance: gravest such strike on a member by a
                                          // non-member this step; -1 if none
  // The evidence of this step's attacks on each alliance (docs/model.md §9.1): whether a
  // deliberate strike (a `strikes` level) hit a member, and for incidents perceived as
  // deliberate, the sum of their rates p·(1 − q) and the party (actor, or actors + alliance)
  // whose lever caused the last of them.
  std::vector<std::uint8_t> alliance_attack_deliberate;
  std::vector<double> alliance_incident_rate;
  std::vector<int> alliance_attacker;

  // ---- Per-step caches (filled by the kernel before decisions; read by decision models) ----
  double aid[2] = {0, 0};                   // total aid to each side from current levels
  std::vector<int> aggregated_level;        // per lever: the levels aid, interdiction and
                                            // interference were computed from (-1: stale)
  double interdiction[2] = {0, 0};          // total interdiction of each side's aid (uncapped)
  std::vector<double> interference;         // per actor: perceived interference by non-allies
  std::vector<double> enforce_probability;  // [red line * max_types + t]: per-step P(enforce)
                                            // of a crossed line (0 while it is intact: its
                                            // credibility needs only enforce_within); kept at
                                            // its last value once a line is enforced or lapsed
                                            // (no longer read then)
  std::vector<double> credibility;          // [actor * red lines + r]: actor's P(owner enforces
                                            // r within its (remaining) deadline); for an
                                            // ambiguous line and a non-owner, Σ_k π_k cred_k
  // Ambiguous lines, while intact or pending: [(actor * red lines + r) * max_alternatives + k]
  // = π_k · cred_k, the actor's credibility of r as if its response were alternative k,
  // weighted by the prior (0 for the owner, who knows the truth).
  std::vector<double> alternative_credibility;
  // [(r * max_alternatives + k) * max_types + t]: P(enforce in the window) as if r's response
  // were alternative k (ambiguous lines; the next refresh's values in ..._next).
  std::vector<double> alternative_within;
  std::vector<double> alternative_within_next;
  std::vector<double> alliance_deterrence;  // [actor * alliances + k]: actor's P(alliance k
                                            // responds) to a strike by it on a member; 0 for
                                            // members and actors with no striking lever
  std::vector<double> hazard_value;         // [actor * total hazards + hazard]: expected cost
                                            // to the actor per step of a live hazard
                                            // (docs/model.md §4.5)
  // Whether red line r's trigger holds with one lever at a hypothetical level (CrossingThreat),
  // [r * total levels + flat level]: -1 not evaluated yet, else 0 or 1. Used only while
  // `trigger_memo_on`: the kernel turns it on, cleared, where nothing Evaluate reads changes
  // (RefreshCredibility; the decisions before any move is applied) and off again.
  mutable std::vector<std::int8_t> trigger_memo;
  bool trigger_memo_on = false;
  // The same for a line with an ambiguous threshold: others' probability w that the move crosses
  // it (docs/model.md §7.5), < 0 not evaluated yet; used and cleared with trigger_memo (empty
  // without such lines).
  mutable std::vector<double> threshold_weight_memo;

  // ---- This step's stage game (docs/model.md §5.6; filled by the kernel's decisions) ----
  // Every mover's candidates and per-type move probabilities. While `stage_active`, decision
  // models price joint hazards with the other coupled actors' probabilities of this step
  // (belief-weighted over their types) instead of their current levels.
  bool stage_active = false;
  std::vector<Move> stage_candidates;     // [actor * max_candidates + c]
  std::vector<int> stage_count;           // per actor: number of candidates
  std::vector<double> stage_probability;  // [(actor * max_types + t) * max_candidates + c]
  std::vector<double> stage_next;         // same layout: the next iterate
  std::vector<double> stage_step;         // same layout: the last step taken (kernel scratch)
  std::vector<double> strike_propensity;  // [(actor * alliances + k) * max_types + t]: P(the
                                          // actor's move this step newly strikes a member of k)
  // The deliberation in progress (docs/model.md §9): what is voted on, and each member's
  // posterior that the attack was deliberate (1 outside deliberations).
  enum class VoteKind : std::uint8_t { kRespond, kContinue, kIndividual };
  VoteKind vote_kind = VoteKind::kRespond;
  std::vector<double> evidence;  // per actor

  // ---- Scratch (kernel only) ----
  std::vector<Move> candidates;               // max_candidates
  std::vector<double> move_probabilities;     // max_types * max_candidates
  std::vector<Move> chosen;                   // per actor: this step's move
  std::vector<double> chosen_likelihood;      // [actor * max_types + t]: P(chosen move | t)
  std::vector<std::uint8_t> moved;            // per actor: chose with a type-dependent model
  std::vector<double> lever_likelihood;       // [lever * max_types + t]: P_t(what the lever did
                                              // | a choice among hold and the lever's moves)
  std::vector<double> enforce_next;           // red lines * max_types
  std::vector<double> enforce_window_next;    // red lines * max_types: P(enforce within a window)
  std::vector<double> enforce_within;         // red lines * max_types: P(enforce in the window)
  std::vector<std::uint8_t> enforce_choice;   // per red line this step: 0 none, 1 yes, 2 no
  std::vector<std::uint8_t> withdraw_choice;  // per red line this step: 1 its owner withdraws it
  // Withdrawable lines (docs/model.md §7.6), this step: [r * 2 + 0] the per-step probability
  // that another actor's move crosses r as it stands, [r * 2 + 1] the same were r withdrawn;
  // [r * max_types + t] the probability that the owner of type t withdraws it.
  std::vector<double> withdraw_forecast;
  std::vector<double> withdraw_probability;
  std::vector<double> likelihood;         // max_types (UpdateBeliefs)
  std::vector<double> choice_likelihood;  // max_types (enforcement and votes)
  std::vector<std::uint8_t> votes_cast;   // max_members
  std::vector<double> member_yes;         // max_members: believed P(member votes yes)
  std::vector<double> bargain_scratch;    // 2 * max_types: a responder's reservations, beliefs
  std::vector<int> pick_alone;  // per actor: the candidate its draw picks if the others were
                                // expected to hold (coupled actors; -1 otherwise): pre-emption

  // Sizes every vector for `model`. The only allocating call.
  void Allocate(const Model& model);
  // Starts run `rng`: samples parameters (kParameter, slot = parameter), types (kType, slot =
  // actor), channels (kChannel, slot = channel); sets levers to their initial levels, beliefs
  // to the priors (an actor knows its own type), everything else to zero. No allocation.
  void Reset(const Model& model, const RunRng& rng);
  // Reset's draw of every ambiguous line's true response (kAmbiguity, slot = red line) and the
  // tables others read; ordinary lines get the model's level. After SampleParameters.
  void DrawResponses(const Model& model, const RunRng& rng);
  // Reset's draw of every ambiguous threshold (kAmbiguousThreshold, slot = red line); every
  // alternative alive. Lines without one draw nothing.
  void DrawThresholds(const Model& model, const RunRng& rng);

  double Value(Param p) const { return p.index < 0 ? 0.0 : values[p.index]; }
  // Whether lever `lever`'s act (its current level, an act) happens this step.
  bool ActLive(int lever) const { return act_step[lever] == step; }
  // The level whose per-step effects lever l has now: its own level, or while it stands at an
  // act after the act's step, the posture below it (docs/model.md §3.2).
  int EffectLevel(const Model& model, int l) const {
    const Level& at = model.levers[l].levels[level[l]];
    return at.act && !ActLive(l) ? at.posture : level[l];
  }
  const LevelValues& ValuesOf(const Model& model, LeverId lever, int lvl) const {
    return level_values[model.level_offset[lever.index] + lvl];
  }
  double Belief(int observer, ActorId actor, int t) const {
    return belief[(observer * actors + actor.index) * max_types + t];
  }
  double* BeliefRow(int observer, ActorId actor) {
    return &belief[(observer * actors + actor.index) * max_types];
  }
  // Perception weight of lever `lever` at `lvl` for `observer`.
  double Weight(const Model& model, LeverId lever, int lvl, int observer) const {
    return weight[(model.level_offset[lever.index] + lvl) * observers + observer];
  }
  double Credibility(ActorId challenger, RedLineId r) const {
    return credibility[challenger.index * red_line_count + r.index];
  }
  double AllianceDeterrence(ActorId actor, AllianceId k) const {
    return alliance_deterrence[actor.index * alliance_count + k.index];
  }
  double ThreatTo(ActorId actor, RedLineId r) const {
    return threat[actor.index * red_line_count + r.index];
  }
  int ResponseLevel(RedLineId r) const { return response_level[r.index]; }
  double AlternativePrior(RedLineId r, int k) const {
    return alternative_prior[r.index * max_alternatives + k];
  }
  double AlternativeThreat(ActorId actor, RedLineId r, int k) const {
    return alternative_threat[(actor.index * red_line_count + r.index) * max_alternatives + k];
  }
  double AlternativeCredibility(ActorId actor, RedLineId r, int k) const {
    return alternative_credibility[(actor.index * red_line_count + r.index) * max_alternatives + k];
  }
  // The trigger red line r is crossed by in this run: its own, or for an ambiguous threshold the
  // drawn alternative's (the owner's knowledge; docs/model.md §7.5).
  ConditionId TriggerOf(const Model& model, RedLineId r) const {
    const int k = threshold_alternative[r.index];
    const RedLine& line = model.red_lines[r.index];
    return k < 0 ? line.trigger : line.thresholds[k].trigger;
  }
  double ThresholdPrior(RedLineId r, int k) const {
    return threshold_prior[r.index * max_thresholds + k];
  }
  bool ThresholdAlive(RedLineId r, int k) const {
    return threshold_alive[r.index * max_thresholds + k] != 0;
  }
  double HazardValue(ActorId actor, int hazard) const {
    return hazard_value[static_cast<std::size_t>(actor.index) * hazard_count + hazard];
  }
  double StageProbability(ActorId actor, int t, int c) const {
    return stage_probability[(actor.index * max_types + t) * max_candidates + c];
  }
  double EnforceProbability(RedLineId r, int t) const {
    return enforce_probability[r.index * max_types + t];
  }
};

}  // namespace redline
