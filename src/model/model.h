// The compiled, immutable crisis model. It is built once from a scenario file by
// scenario::Compile (which validates everything and reports every problem with its file
// position), and after that it is only read: many threads share one `const Model&`, and all
// per-run state lives in sim::State. The kernel trusts a compiled Model and only asserts.
//
// Every mechanism is documented with its formula in docs/model.md; the field comments below
// name the YAML key that sets each field (see docs/scenario-format.md).
#pragma once

#include <string>
#include <vector>

#include "model/distribution.h"
#include "model/ids.h"

namespace redline {

// ---- Ladder ----------------------------------------------------------------------------
struct Rung {
  std::string id;     // ladder[].id
  std::string label;  // ladder[].label
};

struct Threshold {
  std::string id;  // thresholds: {id: rung}
  RungId rung;
};

// ---- Actors ------------------------------------------------------------------------------
// War sides: index 0 is side "a", index 1 is side "b".
inline constexpr int kNoSide = -1;

struct ResolveType {
  std::string id;     // actors[].types.<id>
  Param prior;        // .prior; priors of one actor are normalised after sampling
  Param stakes;       // .stakes: value of one unit of war balance toward the favoured side
  Param cost_weight;  // .cost_weight: weight on own costs (per unit of cost)
};

enum class DecisionKind { kScripted, kQuantal, kEquilibrium };

// decision.reputation: what the actor's reputation for resolve with one observer is worth to
// it (utility per unit of that observer's belief that it is of its first, most resolute type).
struct ReputationWeight {
  ObserverId observer;
  Param weight;
};

// One entry of a scripted schedule: from `step` on, hold `lever` at `level`.
struct ScheduleEntry {
  int step = 0;
  LeverId lever;
  int level = 0;
};

struct DecisionSpec {
  DecisionKind kind = DecisionKind::kQuantal;
  Param lambda;                              // decision.lambda (quantal, equilibrium)
  Param lookahead;                           // decision.lookahead: steps H over which a move's
                                             // per-step effects are valued
  Param switching_cost;                      // decision.switching_cost: one-off cost of moving any
                                             // lever (inertia; 0 by default)
  Param cost_tolerance;                      // decision.cost_tolerance: T > 0 scales the weight on
                                             // costs by 1 + C/T, C = costs suffered so far (war
                                             // weariness); 0 (default) = no weariness
  std::vector<ReputationWeight> reputation;  // decision.reputation: {observer: weight}
  std::vector<ScheduleEntry> schedule;       // decision.schedule (scripted)
  Param enforce_probability;                 // decision.enforce (scripted): per-step P(enforce)
  Param vote_probability;                    // decision.vote (scripted): P(vote yes)
};

struct Actor {
  std::string id;
  std::string label;
  std::string short_label;         // short_label: the name narratives use (empty: label)
  int favours = kNoSide;           // favours: a | b | none — the war side whose gains it values
  int belligerent = kNoSide;       // belligerent: a | b — fights the war as that side's leader
  bool nuclear = false;            // nuclear: true
  bool has_territory = true;       // territory: true — can be struck (Article 5 applies)
  std::vector<ResolveType> types;  // at least one; types[0] is the most resolute
  Param coercion_value;            // coercion_value: utility per unit of damage it inflicts on
                                   // actors that favour the other side
  DecisionSpec decision;
  std::vector<AllianceId> alliances;  // derived: alliances it belongs to
};

// ---- Levers --------------------------------------------------------------------------------
// Who owns a lever: an actor, or an alliance (whose lever moves only by deliberation).
struct LeverOwner {
  ActorId actor;        // valid if owned by an actor
  AllianceId alliance;  // valid if owned by an alliance
};

struct Perception {
  ObserverId observer;
  Param weight;  // how strongly the observer perceives this level (0..1)
};

struct Hazard {
  Hazard() = default;
  Hazard(Param probability, ActorId victim, RungId rung, Param damage = {},
         ConditionId when = ConditionId())
      : probability(probability), victim(victim), rung(rung), damage(damage), when(when) {}

  Param probability;  // per step
  ActorId victim;     // whose territory an incident lands on
  RungId rung;        // how grave the incident is (as perceived if thought deliberate)
  Param damage;       // .damage: damage to the victim of each incident (perceived or not)
  ConditionId when;   // .when: the hazard is live only while this holds (joint hazards);
                      // invalid: always live
  ActorId blamed;     // .blamed: who an incident taken as deliberate is blamed on (invalid:
                      // the lever's owner; docs/model.md §8)
};

struct Level {
  std::string id;          // levers[].levels[].id
  RungId rung;             // .rung
  Param cost;              // .cost: cost per step to the owner
  Param damage;            // .damage: damage per step to the lever's target
  Param aid;               // .aid: power per step added to the aided side
  int aid_side = kNoSide;  // .aid_to: a | b
  Param interdiction;      // .interdiction: fraction (0..1) of the target side's aid removed
  Param audience_cost;     // .audience_cost: paid (in units of the owner's stakes) when the owner
                           // moves the lever from this level to a lower one (tying hands)
  int interdicts_side = kNoSide;   // side whose aid is interdicted (derived from target)
  bool strikes_territory = false;  // .strikes: true — a deliberate strike on target's territory
                                   // (every step a posture is held: a campaign; once for an act)
  std::vector<Perception> perceived;  // .perceived_by: {observer: weight}; others 0
  std::vector<Hazard> hazards;        // .hazards
  // Acts and timing (docs/model.md §3.2, mechanism B6).
  bool act = false;   // .act: true — a one-shot act: its cost, damage, strike, hazards and
                      // perception apply once, in the step the lever is raised onto it; the lever
                      // then never goes below it (an act cannot be undone)
  int posture = -1;   // derived: the level whose per-step effects hold while the lever stands
                      // here — the level itself for a posture, the highest posture below an act
  int earliest = 0;   // .earliest: the lever cannot be raised onto or past this level before
                      // this step
  int lead_time = 0;  // .lead_time: a decision to raise onto this level takes effect this many
                      // steps later (an order)
  struct Cause {
    LeverId lever;
    int level = 0;
  };
  std::vector<Cause> causes;  // .causes: {lever: level} — raised to at least that level when
                              // this act happens (events and state changes caused by the act)
};

struct Lever {
  std::string id;
  std::string label;
  std::string short_label;  // short_label: the name narratives use (empty: label)
  LeverOwner owner;
  ActorId target;             // target: whom it acts on (may be invalid: none)
  int initial_level = 0;      // initial: level id
  int max_change = 1;         // max_change: levels it can move per step
  std::vector<Level> levels;  // ordered, at least one; levels[0] is "off"
  bool timed = false;     // derived: a level is an act, or has a lead time or an earliest step (the
                          // decision models' general path, docs/model.md §5.7)
  bool demanded = false;  // derived: its moves can comply with a demand (§7.3; the same
                          // general path)
};

// ---- Conditions (red-line triggers and outcome rules) -----------------------------------
enum class ConditionKind {
  kAll,                  // all: [..]
  kAny,                  // any: [..]
  kNot,                  // not: {..}
  kLeverAtLeast,         // lever: L, at_least: LEVEL
  kInterferenceAtLeast,  // interference_at_least: X (perceived by the red line's owner)
  kStrikeOn,             // strike_on: ACTOR or ALLIANCE (perceived deliberate, this step)
  kRungAtLeast,          // rung_at_least: RUNG (current highest rung of any lever of `by`)
  kMaxRungAtLeast,       // max_rung_at_least: RUNG (highest rung reached so far in the run)
  kWinner,               // winner: a | b (decisive outcome of the war)
  kSettled,              // settled: true | PACKAGE (a war.bargaining.terms id)
  kRedLineEnforced,      // red_line_enforced: ID
  kRedLineWithdrawn,     // red_line_withdrawn: ID (outcomes; docs/model.md §7.6)
  kAllianceResponded,    // alliance_responded: ID
  kAlways,               // always: true
};

struct Condition {
  ConditionKind kind = ConditionKind::kAlways;
  std::vector<ConditionId> children;  // all / any / not
  LeverId lever;                      // lever_at_least
  int level = 0;                      // lever_at_least
  Param threshold;                    // interference_at_least
  ActorId actor;                      // strike_on (an actor), rung_at_least `by`
  AllianceId alliance;                // strike_on (any member), alliance_responded, `by`
  RungId rung;                        // rung_at_least, max_rung_at_least
  int side = kNoSide;                 // winner
  RedLineId red_line;                 // red_line_enforced, red_line_withdrawn
  int package = -1;                   // settled: PACKAGE (index into bargaining.packages);
                                      // -1: settled on any terms
};

// ---- Red lines -----------------------------------------------------------------------------
enum class Audience { kPublic, kPrivate };

struct RedLine {
  std::string id;
  std::string label;
  std::string short_label;  // short_label: the name narratives use (empty: label)
  ActorId owner;
  Audience audience = Audience::kPublic;
  Param audience_cost;  // paid by the owner when the line lapses (public lines only)
  Param value;          // value: what upholding the line is worth to the owner (x stakes)
  ConditionId trigger;
  LeverId response_lever;  // response: {lever, level} — the threatened response
  // The response level; for an ambiguous line the highest of its alternatives (the run's true
  // level is State::response_level: docs/model.md §7.4).
  int response_level = 0;
  // ambiguous.response: the owner's private response, one alternative drawn per run with the
  // normalised priors; others hold the priors as their belief (docs/model.md §7.4). Empty for
  // an ordinary line.
  struct Alternative {
    int level = 0;
    Param prior;
  };
  std::vector<Alternative> alternatives;
  bool ambiguous() const { return !alternatives.empty(); }
  // ambiguous.threshold: the owner's private threshold (docs/model.md §7.5). Each alternative is
  // `trigger` (a single leaf with a threshold) with its threshold replaced: the alternative whose
  // threshold is the written one is `trigger` itself. One is drawn per run with the normalised
  // priors; others hold a belief over them. Empty for an ordinary line (and for one with
  // ambiguous responses: a line cannot have both).
  struct ThresholdAlternative {
    ConditionId trigger;
    Param prior;
  };
  std::vector<ThresholdAlternative> thresholds;
  bool threshold_ambiguous() const { return !thresholds.empty(); }
  int deadline = 1;  // steps after crossing within which it must be enforced
  // Demands (compellence, docs/model.md §7.3): `demand` is what the target must do; the line is
  // issued when `trigger` holds (at the start without one), satisfied and closed when `demand`
  // holds, and crossed by non-compliance `within` steps after it was issued.
  bool is_demand = false;
  ConditionId comply;  // demand: CONDITION
  int within = 0;      // within: steps from issue to the deadline
  // withdrawal: {audience_cost}: the owner may withdraw this (deterrent) line while it is intact,
  // paying `withdrawal_cost` (docs/model.md §7.6). Lines without the key are never withdrawn.
  bool withdrawable = false;
  Param withdrawal_cost;
};

// ---- Alliances -----------------------------------------------------------------------------
enum class AllianceRule { kUnanimity, kMajority, kWeighted, kLeader };

struct Alliance {
  std::string id;
  std::string label;
  std::string short_label;  // short_label: the name narratives use (empty: label)
  std::vector<ActorId> members;
  std::vector<Param> weights;  // rule weights per member (weighted rule)
  AllianceRule rule = AllianceRule::kMajority;
  Param threshold;              // weighted: share of weight needed (0..1)
  ActorId leader;               // leader rule
  LeverId response_lever;       // response.lever — owned by the alliance
  int proportionate_level = 0;  // response.proportionate
  int total_level = 0;          // response.total
  RungId total_from;            // response.total_from: attacks at or above this rung get total
  Param value;                  // value: what collective defence is worth to members (x stakes)
  Param credibility_cost;       // credibility_cost: a member's cost of voting no
  // individual_response: {member: {lever, level}} — what a member may do on its own when the
  // collective rule says no (Article 5: "such action as it deems necessary").
  struct IndividualResponse {
    ActorId member;
    LeverId lever;  // one of the member's own levers
    int level = 0;
  };
  std::vector<IndividualResponse> individual;
};

// ---- Channels ------------------------------------------------------------------------------
struct ChannelEnd {
  ActorId actor;
  AllianceId alliance;
};

struct Channel {
  std::string id;
  std::string label;
  ChannelEnd ends[2];
  Param open_probability;  // open: P(the channel is open this run), sampled once per run
  Param accuracy_open;     // attribution accuracy q when open
  Param accuracy_closed;   // attribution accuracy q when closed
};

// ---- War theatre ---------------------------------------------------------------------------
// war.bargaining.terms[]: a named package of settlement terms (docs/model.md §10.2). Packages
// label ranges of the terms s and change no decision: a settlement at s is described by the
// first package with s >= at_least; the last package (no at_least) is the catch-all.
struct TermsPackage {
  std::string id;       // .id
  std::string label;    // .label (default: id)
  double at_least = 0;  // .at_least: a plain number (no parameter); unused for the last package
};

// war.bargaining (docs/model.md §10.2): talks, private information and its convergence, and a
// mediator. An absent key is an empty Param (Value 0): absent keys create no parameters.
struct Bargaining {
  Param talks;             // talks: logit of P(a round of talks) per step
  Param talks_cost;        // talks_cost: per unit of C_a + C_b
  Param optimism[2];       // optimism.a, optimism.b: over-estimate of the drift toward oneself
  Param learning;          // learning: k of o(t) = o(0) / (1 + k t)
  ChannelId mediator;      // mediator.channel (invalid: no mediator)
  Param mediator_talks;    // mediator.talks: added to the talks logit while the channel is open
  Param mediator_narrows;  // mediator.narrows: optimism shrinks by (1 - narrows) per step
  bool mediator_proposes = false;      // mediator.proposes: the mediator proposes the terms
  std::vector<TermsPackage> packages;  // terms: in order, at_least decreasing; the last is the
                                       // catch-all (empty: settlements are not named)
};

// war.shifts[]: from step `step` on, side `side`'s power changes by V(power) (common knowledge).
struct PowerShift {
  int step = 0;
  int side = 0;
  Param power;
};

struct Theatre {
  std::string id;
  Param initial_balance;  // balance > 0 favours side a
  Param power[2];         // sides.a.power, sides.b.power: own power per step
  Param drift;            // balance change per unit of net power
  Param noise;            // standard deviation of the per-step noise
  Param decisive_band;    // |balance| >= band ends the war decisively
  Param decisive_value;   // decisive_value: what a decisive defeat costs the losing side and
                          // those who favour it, in balance units (>= band; default = band)
  // A raise is named desperation (pathways, docs/model.md §11.1) while the mover's P(decisive
  // defeat) over its lookahead is at least this (war.desperation_threshold; default 0.5).
  Param desperation_threshold;
  bool has_bargaining = false;  // war.bargaining present: talks and offers (else no settlement)
  Bargaining bargaining;
  std::vector<PowerShift> shifts;  // war.shifts, by step
  std::string side_labels[2];
};

// ---- Observers, outcomes, horizon ----------------------------------------------------------
struct ThirdParty {
  std::string id;  // observers[].id
  std::string label;
  std::string short_label;  // short_label: the name narratives use (empty: label)
};

struct Outcome {
  std::string id;
  std::string label;
  ConditionId when;
};

// ---- The model -----------------------------------------------------------------------------
struct Model {
  std::string name;
  std::string source_file;

  std::vector<Rung> rungs;
  std::vector<Threshold> thresholds;
  std::vector<Actor> actors;
  std::vector<Lever> levers;
  std::vector<Condition> conditions;
  std::vector<RedLine> red_lines;
  std::vector<Alliance> alliances;
  std::vector<Channel> channels;
  Theatre theatre;
  std::vector<ThirdParty> third_parties;
  std::vector<Outcome> outcomes;  // ordered; the last always matches (checked at compile)

  int horizon = 26;  // horizon.steps
  RungId stop_at;    // horizon.stop_at: a run ends when this rung is reached (optional)

  // Every numeric parameter, indexed by Param::index, with its distribution.
  std::vector<Distribution> parameters;
  std::vector<std::string> parameter_paths;  // e.g. "levers.arms.levels.heavy.cost"

  // Derived indexes, filled by FinalizeModel (model/finalize.h) at the end of compilation.
  int observer_count() const { return static_cast<int>(actors.size() + third_parties.size()); }
  std::vector<std::vector<LeverId>> levers_of_actor;        // levers an actor chooses
  std::vector<std::vector<RedLineId>> red_lines_of_lever;   // red lines whose trigger can change
                                                            // when the lever moves
  std::vector<std::vector<LeverId>> rung_condition_levers;  // per condition (rung_at_least):
                                                            // the levers that can satisfy it
  int max_types = 1;                                        // largest number of types of any actor
  // (added by FinalizeModel; see model/finalize.h for the exact definitions)
  std::vector<std::vector<LeverId>> levers_of_alliance;    // levers an alliance owns
  std::vector<std::vector<RedLineId>> red_lines_of_owner;  // red lines an actor owns
  std::vector<int> level_offset;     // lever -> index of its level 0 in a flat level table
  int total_levels = 0;              // sum of levers[i].levels.size()
  int max_candidates = 1;            // most candidate moves of any actor (hold + ±k per lever)
  int max_members = 0;               // largest alliance
  std::vector<char> member_of;       // [alliance * actors + actor]: actor is a member
  std::vector<char> allied;          // [actor * actors + actor]: same actor, a shared
                                     // alliance, or the same favoured side
  std::vector<char> lever_friendly;  // [lever * actors + actor]: the lever's owner is the
                                     // actor, an ally, or an alliance it belongs to
  std::vector<ChannelId> channel_between;  // [party * actors + victim]; party = actor index,
                                           // or actors.size() + alliance index
  std::vector<char> strikes_alliance;  // [actor * alliances + k]: the actor is not a member of k
                                       // and owns a lever with a level striking a member
  ActorId belligerents[2];  // the actor with belligerent == side (first such); may be unset
  // Hazards (risk pricing, docs/model.md §5): every hazard of every level has a flat number,
  // hazard_offset[flat level] + h; total_hazards of them.
  std::vector<int> hazard_offset;
  int total_hazards = 0;
  // Joint hazards: per lever l, the hazards of *other* levers whose `when` reads l (moving l can
  // switch them on or off).
  struct WatchedHazard {
    LeverId lever;
    int level = 0;
    int hazard = 0;
  };
  std::vector<std::vector<WatchedHazard>> hazards_watching;
  // Every hazard of every level, in flat-number order: hazard_list[hazard_offset[..] + h].
  std::vector<WatchedHazard> hazard_list;
  std::vector<char> red_line_risky;  // per red line: its response level (for an ambiguous line,
                                     // any alternative) has hazards
  int max_alternatives = 0;          // most alternatives of an ambiguous line (0: none is)
  int max_thresholds = 0;            // most threshold alternatives of a line (0: none has any)
  // Per actor: its moves and another actor's moves of the same step change each other's
  // utilities through a joint hazard (the stage game is solved for these actors together).
  std::vector<char> coupled;
  std::vector<char> lever_risky;  // per lever: a level has hazards, or a joint hazard reads it
  bool any_coupled = false;
  bool any_withdrawable = false;  // some red line has `withdrawal` (docs/model.md §7.6)
  // Per actor: red lines whose trigger contains strike_on that actor (or an alliance it is in).
  std::vector<std::vector<RedLineId>> strike_red_lines;
  int party_count() const { return static_cast<int>(actors.size() + alliances.size()); }

  const std::string& ObserverName(ObserverId o) const {
    return o.index < static_cast<int>(actors.size()) ? actors[o.index].id
                                                     : third_parties[o.index - actors.size()].id;
  }

  // Added by the scenario compiler: scenario.description (free text, for reports).
  std::string description;
};

}  // namespace redline
