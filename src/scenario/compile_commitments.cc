// Red lines, alliances (Article 5) and communication channels.
#include <algorithm>

#include "scenario/compile_sections.h"
#include "scenario/conditions.h"

namespace redline::scenario {

namespace {

// The lever at `key` of `entry`, which must belong to `owner_id`; reported otherwise.
std::optional<LeverId> OwnedLever(const MapReader& entry, const std::string& key,
                                  const std::string& owner_id, const std::string& role,
                                  CompileContext& ctx) {
  const YamlNode* node = entry.Required(key);
  if (node == nullptr) return std::nullopt;
  std::optional<LeverId> lever = ctx.Lever(*node, entry.PathOf(key));
  if (!lever) return std::nullopt;
  const std::string& owner = ctx.symbols.lever_owners[lever->index];
  // An empty owner is reported where the lever is defined.
  if (!owner_id.empty() && !owner.empty() && owner != owner_id) {
    ctx.Error(node->where, entry.PathOf(key),
              "lever '" + node->text + "' belongs to '" + owner + "', but " + role + " '" +
                  owner_id + "' can only respond with its own levers");
  }
  return lever;
}

int LevelAt(const MapReader& entry, const std::string& key, std::optional<LeverId> lever,
            CompileContext& ctx) {
  const YamlNode* node = entry.Required(key);
  if (node == nullptr || !lever) return 0;
  return ctx.Level(*lever, *node, entry.PathOf(key)).value_or(0);
}

// `ambiguous`: the line has ambiguous.response, which gives the level instead of response.level.
std::optional<LeverId> CompileRedLineResponse(const YamlNode& node, const std::string& path,
                                              RedLine& red_line, bool ambiguous,
                                              CompileContext& ctx) {
  MapReader response(node, path, schema::kRedLineResponse, ctx.errors);
  if (!response.ok()) return std::nullopt;
  const std::string owner = red_line.owner.valid() ? ctx.model.actors[red_line.owner.index].id : "";
  std::optional<LeverId> lever = OwnedLever(response, "lever", owner, "the red line's owner", ctx);
  if (lever) red_line.response_lever = *lever;
  if (!ambiguous) {
    red_line.response_level = LevelAt(response, "level", lever, ctx);
  } else if (const YamlNode* level = response.Optional("level")) {
    ctx.Error(level->where, response.PathOf("level"),
              "an ambiguous line's response level is drawn from ambiguous.response: remove "
              "'level' here (or remove 'ambiguous')");
  }
  return lever;
}

// A prior of an ambiguous alternative that is exactly 0 in every run (a constant 0), and one
// that can be 0 in some run (a constant 0, a bernoulli, or a point at 0).
struct ZeroPrior {
  bool fixed = false;
  bool possible = false;
};
ZeroPrior ZeroPriorOf(Param prior, const CompileContext& ctx) {
  const Distribution& drawn = ctx.model.parameters[prior.index];
  const bool fixed = drawn.kind == DistributionKind::kConstant && drawn.a == 0.0;
  return {fixed, fixed || drawn.SupportMax() <= 0.0 ||
                     (drawn.kind == DistributionKind::kBernoulli && drawn.a < 1.0)};
}

// ambiguous.response: [{level, prior}, ...] — the owner's private response (docs/model.md
// §7.4): two or more distinct levels above the lever's lowest, priors >= 0, not all 0.
void CompileResponseAlternatives(const YamlNode* list, const std::string& list_path,
                                 std::optional<LeverId> lever, RedLine& red_line,
                                 CompileContext& ctx) {
  if (list == nullptr || !ExpectList(*list, list_path, "alternatives {level, prior}", ctx.errors))
    return;
  if (list->items.size() < 2) {
    ctx.Error(list->where, list_path,
              "an ambiguous response needs at least two alternatives, got " +
                  std::to_string(list->items.size()));
  }
  bool all_fixed_zero = true, all_can_be_zero = true;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const std::string item_path = list_path + "." + std::to_string(i);
    MapReader item(list->items[i], item_path, schema::kAmbiguousAlternative, ctx.errors);
    if (!item.ok()) {
      all_fixed_zero = all_can_be_zero = false;
      continue;
    }
    RedLine::Alternative alternative;
    const YamlNode* level = item.Required("level");
    std::optional<int> index;
    if (lever && level != nullptr) index = ctx.Level(*lever, *level, item.PathOf("level"));
    alternative.level = index.value_or(0);
    if (index && *index == 0) {
      ctx.Error(level->where, item.PathOf("level"),
                "a response must be above the lever's lowest level '" + level->text + "'");
    }
    for (const RedLine::Alternative& before : red_line.alternatives) {
      if (index && *index > 0 && before.level == *index) {
        ctx.Error(level->where, item.PathOf("level"),
                  "level '" + level->text +
                      "' is listed twice; each alternative is a different "
                      "response");
      }
    }
    const YamlNode* prior = item.Required("prior");
    alternative.prior =
        ctx.params.Compile(prior, item.PathOf("prior"), ParamRange::kNonNegative, 0);
    const ZeroPrior zero = ZeroPriorOf(alternative.prior, ctx);
    if (prior == nullptr || !zero.fixed) all_fixed_zero = false;
    if (prior == nullptr || !zero.possible) all_can_be_zero = false;
    red_line.alternatives.push_back(alternative);
    red_line.response_level = std::max(red_line.response_level, alternative.level);
  }
  if (all_fixed_zero && !list->items.empty()) {
    ctx.Error(list->where, list_path,
              "every prior of the ambiguous response is 0: give at least one alternative a "
              "positive prior");
  } else if (all_can_be_zero && !list->items.empty()) {
    ctx.Error(list->where, list_path,
              "every prior of the ambiguous response can be 0 in a run (0 or a bernoulli): give "
              "at least one alternative a prior that is positive in every run");
  }
}

// The leaf kinds whose threshold an ambiguous threshold replaces (docs/model.md §7.5).
bool HasThreshold(ConditionKind kind) {
  return kind == ConditionKind::kLeverAtLeast || kind == ConditionKind::kInterferenceAtLeast ||
         kind == ConditionKind::kRungAtLeast || kind == ConditionKind::kMaxRungAtLeast;
}

// The written threshold's value node of trigger leaf `trigger` (its form's value, or at_least).
const YamlNode* ThresholdNode(const YamlNode& trigger, std::string& key) {
  for (const char* form : {"interference_at_least", "rung_at_least", "max_rung_at_least"})
    if (const YamlNode* value = trigger.Find(form)) {
      key = form;
      return value;
    }
  key = "at_least";
  return trigger.Find("at_least");
}

// Whether two compiled thresholds of the same leaf are the same: the same level or rung, or for
// interference the same number or distribution.
bool SameThreshold(const Condition& a, const Condition& b, const Model& model) {
  switch (a.kind) {
    case ConditionKind::kLeverAtLeast:
      return a.level == b.level;
    case ConditionKind::kRungAtLeast:
    case ConditionKind::kMaxRungAtLeast:
      return a.rung == b.rung;
    default: {
      const Distribution& x = model.parameters[a.threshold.index];
      const Distribution& y = model.parameters[b.threshold.index];
      return x.kind == y.kind && x.a == y.a && x.b == y.b && x.c == y.c && x.low == y.low &&
             x.high == y.high;
    }
  }
}

// Leaf `written` with its threshold replaced by `at` (reported if it is not one).
std::optional<Condition> ThresholdAt(const Condition& written, const YamlNode& at,
                                     const std::string& path, CompileContext& ctx) {
  Condition alternative = written;
  switch (written.kind) {
    case ConditionKind::kLeverAtLeast: {
      const std::optional<int> level = ctx.Level(written.lever, at, path);
      if (!level) return std::nullopt;
      alternative.level = *level;
      return alternative;
    }
    case ConditionKind::kRungAtLeast:
    case ConditionKind::kMaxRungAtLeast: {
      const std::optional<RungId> rung = ctx.Rung(at, path);
      if (!rung) return std::nullopt;
      alternative.rung = *rung;
      return alternative;
    }
    default: {
      const std::size_t errors_before = ctx.errors.size();
      alternative.threshold = ctx.params.Compile(&at, path, ParamRange::kNonNegative, 0);
      if (ctx.errors.size() != errors_before) return std::nullopt;
      return alternative;
    }
  }
}

// ambiguous.threshold: [{at, prior}, ...] — the owner's private threshold (docs/model.md §7.5):
// a deterrent line whose trigger is one leaf with a threshold; two or more distinct thresholds,
// the written one among them (which keeps the line's own trigger); priors >= 0, not all 0.
void CompileThresholdAlternatives(const YamlNode* list, const std::string& list_path,
                                  const YamlNode* trigger, const std::string& trigger_path,
                                  RedLine& red_line, CompileContext& ctx) {
  if (list == nullptr) return;
  if (red_line.is_demand) {
    ctx.Error(list->where, list_path,
              "a demand's trigger is its issue condition, not a line its target crosses: an "
              "ambiguous threshold is for a deterrent line (remove 'threshold', or 'demand')");
    return;
  }
  if (trigger == nullptr || !red_line.trigger.valid()) return;  // reported with the trigger
  const Condition written = ctx.model.conditions[red_line.trigger.index];
  if (!HasThreshold(written.kind)) {
    ctx.Error(trigger->where, trigger_path,
              "an ambiguous threshold needs a trigger that is one condition with a threshold: "
              "interference_at_least, lever with at_least, rung_at_least or max_rung_at_least, "
              "got '" +
                  (trigger->IsMapping() && !trigger->entries.empty() ? trigger->entries[0].key
                                                                     : trigger->Describe()) +
                  "'");
    return;
  }
  if (!ExpectList(*list, list_path, "alternatives {at, prior}", ctx.errors)) return;
  if (list->items.size() < 2) {
    ctx.Error(list->where, list_path,
              "an ambiguous threshold needs at least two alternatives, got " +
                  std::to_string(list->items.size()));
  }
  bool all_fixed_zero = true, all_can_be_zero = true, all_read = true, written_listed = false;
  std::vector<Condition> listed;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const std::string item_path = list_path + "." + std::to_string(i);
    MapReader item(list->items[i], item_path, schema::kAmbiguousThreshold, ctx.errors);
    if (!item.ok()) {
      all_fixed_zero = all_can_be_zero = all_read = false;
      continue;
    }
    const YamlNode* at = item.Required("at");
    std::optional<Condition> alternative;
    if (at != nullptr) alternative = ThresholdAt(written, *at, item.PathOf("at"), ctx);
    const YamlNode* prior = item.Required("prior");
    const Param prior_param =
        ctx.params.Compile(prior, item.PathOf("prior"), ParamRange::kNonNegative, 0);
    const ZeroPrior zero = ZeroPriorOf(prior_param, ctx);
    if (prior == nullptr || !zero.fixed) all_fixed_zero = false;
    if (prior == nullptr || !zero.possible) all_can_be_zero = false;
    if (!alternative) {
      all_read = false;
      continue;
    }
    bool twice = false;
    for (const Condition& before : listed)
      twice = twice || SameThreshold(before, *alternative, ctx.model);
    if (twice) {
      ctx.Error(at->where, item.PathOf("at"),
                "threshold '" + (at->IsScalar() ? at->text : at->Describe()) +
                    "' is listed twice; each alternative is a different threshold");
    }
    listed.push_back(*alternative);
    // The written threshold keeps the line's own trigger; the others get a leaf of their own.
    ConditionId id = red_line.trigger;
    if (SameThreshold(written, *alternative, ctx.model)) {
      written_listed = true;
    } else {
      id = ConditionId(static_cast<int>(ctx.model.conditions.size()));
      ctx.model.conditions.push_back(*alternative);
    }
    red_line.thresholds.push_back({id, prior_param});
  }
  if (all_read && !written_listed && !list->items.empty()) {
    std::string key;
    const YamlNode* value = ThresholdNode(*trigger, key);
    const YamlNode& where = value != nullptr ? *value : *trigger;
    ctx.Error(where.where, value != nullptr ? trigger_path + "." + key : trigger_path,
              "the trigger's threshold '" +
                  (where.IsScalar() ? where.text
                                    : ctx.model.parameters[written.threshold.index].ToString()) +
                  "' is not among the alternatives of ambiguous.threshold; list it there (the "
                  "line's written threshold must be one it may have)");
  }
  if (all_fixed_zero && !list->items.empty()) {
    ctx.Error(list->where, list_path,
              "every prior of the ambiguous threshold is 0: give at least one alternative a "
              "positive prior");
  } else if (all_can_be_zero && !list->items.empty()) {
    ctx.Error(list->where, list_path,
              "every prior of the ambiguous threshold can be 0 in a run (0 or a bernoulli): give "
              "at least one alternative a prior that is positive in every run");
  }
}

// ambiguous: {response: [...]} or {threshold: [...]} (docs/model.md §7.4, §7.5); not both.
void CompileAmbiguity(const YamlNode& node, const std::string& path, std::optional<LeverId> lever,
                      const YamlNode* trigger, const std::string& trigger_path, RedLine& red_line,
                      CompileContext& ctx) {
  MapReader ambiguous(node, path, schema::kAmbiguous, ctx.errors);
  if (!ambiguous.ok()) return;
  const YamlNode* response = ambiguous.Optional("response");
  const YamlNode* threshold = ambiguous.Optional("threshold");
  if (response == nullptr && threshold == nullptr) {
    // An unknown key (a misspelling) is reported already: it is the cause.
    bool unknown = false;
    for (const YamlEntry& entry : node.entries)
      unknown = unknown || std::find(schema::kAmbiguous.begin(), schema::kAmbiguous.end(),
                                     entry.key) == schema::kAmbiguous.end();
    if (!unknown) {
      ctx.Error(node.where, path,
                "expected 'response' (a private response) or 'threshold' (a private threshold)");
    }
    return;
  }
  if (response != nullptr && threshold != nullptr) {
    ctx.Error(threshold->where, ambiguous.PathOf("threshold"),
              "a line ambiguous in both its response and its threshold is not supported; keep "
              "'response' or 'threshold'");
  }
  if (response != nullptr) {
    CompileResponseAlternatives(response, ambiguous.PathOf("response"), lever, red_line, ctx);
  } else {
    CompileThresholdAlternatives(threshold, ambiguous.PathOf("threshold"), trigger, trigger_path,
                                 red_line, ctx);
  }
}

void CompileAllianceWeights(const MapReader& entry, const std::vector<std::string>& members,
                            Alliance& alliance, CompileContext& ctx) {
  const YamlNode* weights = entry.Optional("weights");
  const std::string path = entry.PathOf("weights");
  if (weights != nullptr && !weights->IsMapping()) {
    ctx.Error(weights->where, path,
              "expected a mapping of member ids to weights, got " + weights->Describe());
    weights = nullptr;
  }
  if (weights != nullptr) {
    for (const YamlEntry& weight : weights->entries) {
      if (std::find(members.begin(), members.end(), weight.key) == members.end()) {
        ctx.Error(weight.key_where, path + "." + weight.key,
                  "'" + weight.key + "' is not a member of alliance '" + alliance.id + "'" +
                      DidYouMean(weight.key, members));
      }
    }
  }
  for (const std::string& member : members) {
    const YamlNode* weight = weights == nullptr ? nullptr : weights->Find(member);
    alliance.weights.push_back(
        ctx.params.Compile(weight, path + "." + member, ParamRange::kNonNegative, 1));
  }
}

// individual_response: {member: {lever, level}}: each key a member, each lever its own.
void CompileIndividualResponses(const MapReader& entry, const std::vector<std::string>& members,
                                Alliance& alliance, CompileContext& ctx) {
  const YamlNode* node = entry.Optional("individual_response");
  if (node == nullptr) return;
  const std::string path = entry.PathOf("individual_response");
  if (!node->IsMapping()) {
    ctx.Error(node->where, path,
              "expected a mapping of members to {lever, level}, got " + node->Describe());
    return;
  }
  for (const YamlEntry& item : node->entries) {
    const std::string item_path = path + "." + item.key;
    const auto member = std::find(members.begin(), members.end(), item.key);
    if (member == members.end()) {
      ctx.Error(item.key_where, item_path,
                "'" + item.key + "' is not a member of alliance '" + alliance.id + "'" +
                    DidYouMean(item.key, members));
      continue;
    }
    MapReader response(item.value, item_path, schema::kIndividualResponse, ctx.errors);
    if (!response.ok()) continue;
    std::optional<LeverId> lever = OwnedLever(response, "lever", item.key, "member", ctx);
    const int level = LevelAt(response, "level", lever, ctx);
    if (lever)
      alliance.individual.push_back(
          {alliance.members[static_cast<std::size_t>(member - members.begin())], *lever, level});
  }
}

void CompileAllianceResponse(const MapReader& entry, Alliance& alliance, CompileContext& ctx) {
  const YamlNode* node = entry.Required("response");
  if (node == nullptr) return;
  MapReader response(*node, entry.PathOf("response"), schema::kAllianceResponse, ctx.errors);
  if (!response.ok()) return;
  std::optional<LeverId> lever = OwnedLever(response, "lever", alliance.id, "alliance", ctx);
  if (lever) alliance.response_lever = *lever;
  alliance.proportionate_level = LevelAt(response, "proportionate", lever, ctx);
  alliance.total_level = LevelAt(response, "total", lever, ctx);
  if (lever && alliance.total_level < alliance.proportionate_level) {
    ctx.Error(node->where, response.path(),
              "the total response must be at or above the proportionate one on lever '" +
                  ctx.symbols.levers.names[lever->index] + "'");
  }
  if (const YamlNode* from = response.Optional("total_from")) {
    alliance.total_from = ctx.Rung(*from, response.PathOf("total_from")).value_or(RungId());
  } else if (lever && static_cast<int>(ctx.model.levers.size()) > lever->index) {
    const Lever& response_lever = ctx.model.levers[lever->index];
    if (alliance.total_level < static_cast<int>(response_lever.levels.size())) {
      alliance.total_from = response_lever.levels[alliance.total_level].rung;
    }
  }
}

// withdrawal: {audience_cost} — the owner may withdraw the (deterrent) line while it is intact,
// paying the cost (docs/model.md §7.6). A demand is compellent: it is met or enforced, not
// withdrawn. Compiled only when present, so that lines without it create no parameter.
void CompileWithdrawal(const YamlNode& node, const std::string& path, RedLine& red_line,
                       CompileContext& ctx) {
  MapReader withdrawal(node, path, schema::kWithdrawal, ctx.errors);
  if (!withdrawal.ok()) return;
  if (red_line.is_demand) {
    ctx.Error(node.where, path,
              "a demand cannot be withdrawn (it is met by the target or enforced at its "
              "deadline); 'withdrawal' is for deterrent lines: remove it or remove 'demand'");
    return;
  }
  red_line.withdrawable = true;
  red_line.withdrawal_cost =
      ctx.params.Compile(withdrawal.Required("audience_cost"), withdrawal.PathOf("audience_cost"),
                         ParamRange::kNonNegative, 0);
}

}  // namespace

void CompileRedLines(const YamlNode* section, CompileContext& ctx) {
  ForEachEntry(
      section, "red_lines", "red line", schema::kRedLine, ctx,
      [&](const MapReader& entry, std::size_t) {
        RedLine& red_line = ctx.model.red_lines.emplace_back();
        red_line.id = ReadEntryId(entry, ctx);
        red_line.label = ReadLabel(entry, red_line.id, ctx);
        red_line.short_label = ReadShortLabel(entry, ctx);
        if (!entry.ok()) return;
        if (const YamlNode* owner = entry.Required("owner")) {
          red_line.owner = ctx.Actor(*owner, entry.PathOf("owner")).value_or(ActorId());
        }
        if (const YamlNode* audience = entry.Optional("audience")) {
          static const std::vector<std::string> kAudiences = {"public", "private"};
          std::optional<int> choice =
              ReadChoice(*audience, entry.PathOf("audience"), kAudiences, "audience", ctx.errors);
          red_line.audience = choice.value_or(0) == 0 ? Audience::kPublic : Audience::kPrivate;
        }
        red_line.audience_cost =
            ctx.params.Compile(entry.Optional("audience_cost"), entry.PathOf("audience_cost"),
                               ParamRange::kNonNegative, 0);
        red_line.value =
            ctx.params.Compile(entry.Optional("value"), entry.PathOf("value"), ParamRange::kAny, 1);
        const YamlNode* demand = entry.Optional("demand");
        // A demand is issued when its trigger holds, or at the start without one.
        if (const YamlNode* trigger =
                demand != nullptr ? entry.Optional("trigger") : entry.Required("trigger")) {
          red_line.trigger =
              CompileCondition(*trigger, entry.PathOf("trigger"), ConditionContext::kTrigger, ctx);
        }
        if (demand != nullptr) {
          red_line.is_demand = true;
          red_line.comply =
              CompileCondition(*demand, entry.PathOf("demand"), ConditionContext::kTrigger, ctx);
          if (const YamlNode* within = entry.Required("within")) {
            red_line.within =
                ReadInt(*within, entry.PathOf("within"), 0, kMaxHorizonSteps, ctx.errors)
                    .value_or(0);
          }
        } else if (const YamlNode* within = entry.Optional("within")) {
          ctx.Error(within->where, entry.PathOf("within"),
                    "'within' is the deadline of a demand; add 'demand: CONDITION' (what the "
                    "target must do) or remove 'within'");
        }
        const YamlNode* ambiguous = entry.Optional("ambiguous");
        // ambiguous.response gives the response level instead of response.level.
        const bool ambiguous_response = ambiguous != nullptr && ambiguous->IsMapping() &&
                                        ambiguous->Find("response") != nullptr &&
                                        !ambiguous->Find("response")->IsNull();
        std::optional<LeverId> response_lever;
        if (const YamlNode* response = entry.Required("response")) {
          response_lever = CompileRedLineResponse(*response, entry.PathOf("response"), red_line,
                                                  ambiguous_response, ctx);
        }
        if (ambiguous != nullptr) {
          CompileAmbiguity(*ambiguous, entry.PathOf("ambiguous"), response_lever,
                           entry.Optional("trigger"), entry.PathOf("trigger"), red_line, ctx);
        }
        if (const YamlNode* deadline = entry.Optional("deadline")) {
          red_line.deadline =
              ReadInt(*deadline, entry.PathOf("deadline"), 1, kMaxHorizonSteps, ctx.errors)
                  .value_or(1);
        }
        if (const YamlNode* withdrawal = entry.Optional("withdrawal")) {
          CompileWithdrawal(*withdrawal, entry.PathOf("withdrawal"), red_line, ctx);
        }
      });
}

void CompileAlliances(const YamlNode* section, CompileContext& ctx) {
  ForEachEntry(
      section, "alliances", "alliance", schema::kAlliance, ctx,
      [&](const MapReader& entry, std::size_t) {
        Alliance& alliance = ctx.model.alliances.emplace_back();
        alliance.id = ReadEntryId(entry, ctx);
        alliance.label = ReadLabel(entry, alliance.id, ctx);
        alliance.short_label = ReadShortLabel(entry, ctx);
        if (!entry.ok()) return;
        if (ctx.symbols.actors.Find(alliance.id)) {
          ctx.Error(entry.Optional("id")->where, entry.PathOf("id"),
                    "'" + alliance.id + "' is already an actor; an alliance needs its own id");
        }
        std::vector<std::string> member_ids;
        if (const YamlNode* members = entry.Required("members");
            members != nullptr &&
            ExpectList(*members, entry.PathOf("members"), "actor ids", ctx.errors)) {
          if (members->items.empty()) {
            ctx.Error(members->where, entry.PathOf("members"), "an alliance needs members");
          }
          for (std::size_t i = 0; i < members->items.size(); ++i) {
            const YamlNode& member = members->items[i];
            const std::string path = entry.PathOf("members") + "." + std::to_string(i);
            std::optional<ActorId> actor = ctx.Actor(member, path);
            if (!actor) continue;
            if (std::find(alliance.members.begin(), alliance.members.end(), *actor) !=
                alliance.members.end()) {
              ctx.Error(member.where, path, "'" + member.text + "' is listed twice");
              continue;
            }
            alliance.members.push_back(*actor);
            member_ids.push_back(member.text);
          }
        }
        static const std::vector<std::string> kRules = {"unanimity", "majority", "weighted",
                                                        "leader"};
        if (const YamlNode* rule = entry.Optional("rule")) {
          static const AllianceRule kKinds[] = {AllianceRule::kUnanimity, AllianceRule::kMajority,
                                                AllianceRule::kWeighted, AllianceRule::kLeader};
          alliance.rule =
              kKinds[ReadChoice(*rule, entry.PathOf("rule"), kRules, "decision rule", ctx.errors)
                         .value_or(1)];
        }
        CompileAllianceWeights(entry, member_ids, alliance, ctx);
        alliance.threshold = ctx.params.Compile(
            entry.Optional("threshold"), entry.PathOf("threshold"), ParamRange::kProbability, 0.5);
        if (const YamlNode* leader = entry.Optional("leader")) {
          std::optional<ActorId> actor = ctx.Actor(*leader, entry.PathOf("leader"));
          if (actor) alliance.leader = *actor;
          if (actor &&
              std::find(member_ids.begin(), member_ids.end(), leader->text) == member_ids.end()) {
            ctx.Error(leader->where, entry.PathOf("leader"),
                      "the leader '" + leader->text + "' is not a member of '" + alliance.id + "'");
          }
        } else if (alliance.rule == AllianceRule::kLeader) {
          ctx.Error(entry.node().where, entry.path(),
                    "alliance '" + alliance.id + "' decides by rule 'leader' but names no leader");
        }
        alliance.value =
            ctx.params.Compile(entry.Optional("value"), entry.PathOf("value"), ParamRange::kAny, 1);
        alliance.credibility_cost =
            ctx.params.Compile(entry.Optional("credibility_cost"), entry.PathOf("credibility_cost"),
                               ParamRange::kNonNegative, 0);
        CompileAllianceResponse(entry, alliance, ctx);
        if (member_ids.size() == alliance.members.size())
          CompileIndividualResponses(entry, member_ids, alliance, ctx);
      });
}

void CompileChannels(const YamlNode* section, CompileContext& ctx) {
  ForEachEntry(
      section, "channels", "channel", schema::kChannel, ctx,
      [&](const MapReader& entry, std::size_t) {
        Channel& channel = ctx.model.channels.emplace_back();
        channel.id = ReadEntryId(entry, ctx);
        channel.label = ReadLabel(entry, channel.id, ctx);
        if (!entry.ok()) return;
        if (const YamlNode* between = entry.Required("between");
            between != nullptr &&
            ExpectList(*between, entry.PathOf("between"), "two actors or alliances", ctx.errors)) {
          if (between->items.size() != 2) {
            ctx.Error(between->where, entry.PathOf("between"),
                      "a channel is between exactly two actors or alliances, got " +
                          std::to_string(between->items.size()));
          } else {
            for (int end = 0; end < 2; ++end) {
              std::optional<Party> party = ctx.ActorOrAlliance(
                  between->items[end], entry.PathOf("between") + "." + std::to_string(end));
              if (party) channel.ends[end] = ChannelEnd{party->actor, party->alliance};
            }
            if (between->items[0].IsScalar() && between->items[0].text == between->items[1].text) {
              ctx.Error(between->where, entry.PathOf("between"),
                        "a channel joins two different parties");
            }
          }
        }
        auto probability = [&](const char* key, double fallback) {
          return ctx.params.Compile(entry.Optional(key), entry.PathOf(key),
                                    ParamRange::kProbability, fallback);
        };
        channel.open_probability = probability("open", 1);
        channel.accuracy_open = probability("accuracy_open", 0.95);
        channel.accuracy_closed = probability("accuracy_closed", 0.5);
      });
}

}  // namespace redline::scenario
