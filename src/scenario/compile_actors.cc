// Actors: sides, flags, private resolve types with priors, and the decision model.
#include <algorithm>

#include "scenario/compile_sections.h"

namespace redline::scenario {

namespace {

void CompileTypes(const MapReader& actor_entry, Actor& actor, CompileContext& ctx) {
  const YamlNode* types = actor_entry.Optional("types");
  const std::string path = actor_entry.PathOf("types");
  if (types == nullptr) {
    ctx.Error(actor_entry.node().where, actor_entry.path(),
              "actor '" + actor.id +
                  "' has no types; give at least one, e.g. "
                  "types: {resolute: {prior: 1}}");
    return;
  }
  if (!types->IsMapping()) {
    ctx.Error(
        types->where, path,
        "expected a mapping of type ids to {prior, stakes, cost_weight}, got " + types->Describe());
    return;
  }
  if (types->entries.empty()) {
    ctx.Error(types->where, path, "actor '" + actor.id + "' has no types; give at least one");
    return;
  }
  ctx.actor_types_at.back() = NodeAt{types->where, path};
  bool some_prior_positive = false;
  bool priors_known = true;
  for (std::size_t i = 0; i < types->entries.size(); ++i) {
    const YamlEntry& entry = types->entries[i];
    const std::string type_path = path + "." + entry.key;
    for (std::size_t j = 0; j < i; ++j) {
      if (types->entries[j].key == entry.key) {
        ctx.Error(entry.key_where, type_path, "duplicate type id '" + entry.key + "'");
      }
    }
    ReadId(YamlNode{YamlNode::Kind::kScalar, entry.key, false, {}, {}, entry.key_where}, type_path,
           ctx.errors);
    ResolveType& type = actor.types.emplace_back();
    type.id = entry.key;
    MapReader reader(entry.value, type_path, schema::kType, ctx.errors);
    const std::size_t errors_before = ctx.errors.size();
    const YamlNode* prior = reader.ok() ? reader.Optional("prior") : nullptr;
    type.prior = ctx.params.Compile(prior, reader.PathOf("prior"), ParamRange::kProbability, 1);
    if (ctx.errors.size() != errors_before || !reader.ok()) priors_known = false;
    some_prior_positive =
        some_prior_positive || ctx.model.parameters[type.prior.index].SupportMax() > 0;
    const YamlNode* stakes = reader.ok() ? reader.Optional("stakes") : nullptr;
    type.stakes = ctx.params.Compile(stakes, reader.PathOf("stakes"), ParamRange::kAny, 1);
    const YamlNode* cost_weight = reader.ok() ? reader.Optional("cost_weight") : nullptr;
    type.cost_weight =
        ctx.params.Compile(cost_weight, reader.PathOf("cost_weight"), ParamRange::kNonNegative, 1);
  }
  if (priors_known && !some_prior_positive) {
    ctx.Error(
        types->where, path,
        "the priors of actor '" + actor.id + "' are all 0; at least one type must be possible");
  }
}

void CompileSchedule(const YamlNode& list, const std::string& path, const Actor& actor,
                     DecisionSpec& decision, CompileContext& ctx) {
  if (!ExpectList(list, path, "{step, lever, level} entries", ctx.errors)) return;
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    MapReader entry(list.items[i], path + "." + std::to_string(i), schema::kScheduleEntry,
                    ctx.errors);
    if (!entry.ok()) continue;
    ScheduleEntry scheduled;
    const YamlNode* step = entry.Required("step");
    const YamlNode* lever = entry.Required("lever");
    const YamlNode* level = entry.Required("level");
    if (step != nullptr)
      scheduled.step = ReadInt(*step, entry.PathOf("step"), 0, ctx.errors).value_or(0);
    if (lever == nullptr) continue;
    std::optional<LeverId> lever_id = ctx.Lever(*lever, entry.PathOf("lever"));
    if (!lever_id) continue;
    scheduled.lever = *lever_id;
    const std::string& owner = ctx.symbols.lever_owners[lever_id->index];
    if (owner != actor.id) {
      ctx.Error(lever->where, entry.PathOf("lever"),
                "lever '" + lever->text + "' belongs to '" + owner + "', not to '" + actor.id +
                    "'; a schedule moves only the actor's own levers");
    }
    if (level == nullptr) continue;
    scheduled.level = ctx.Level(*lever_id, *level, entry.PathOf("level")).value_or(0);
    decision.schedule.push_back(scheduled);
  }
}

// decision.reputation: {observer: weight} — what the actor's reputation for resolve with each
// observer is worth to it (docs/model.md §7.2).
void CompileReputation(const YamlNode& node, const std::string& path, const Actor& actor,
                       DecisionSpec& decision, CompileContext& ctx) {
  if (!node.IsMapping()) {
    ctx.Error(
        node.where, path,
        "expected a mapping of observer ids to reputation weights (>= 0), got " + node.Describe());
    return;
  }
  for (std::size_t i = 0; i < node.entries.size(); ++i) {
    const YamlEntry& entry = node.entries[i];
    const std::string weight_path = path + "." + entry.key;
    const YamlNode key{YamlNode::Kind::kScalar, entry.key, false, {}, {}, entry.key_where};
    std::optional<ObserverId> observer = ctx.Observer(key, weight_path);
    for (std::size_t j = 0; j < i; ++j) {
      if (node.entries[j].key == entry.key) {
        ctx.Error(entry.key_where, weight_path, "observer '" + entry.key + "' is given twice");
      }
    }
    if (entry.key == actor.id) {
      ctx.Error(entry.key_where, weight_path,
                "actor '" + actor.id +
                    "' cannot weigh its reputation with itself; name the actors and third "
                    "parties who watch it");
      observer.reset();
    }
    Param weight = ctx.params.Compile(&entry.value, weight_path, ParamRange::kNonNegative, 0);
    if (observer) decision.reputation.push_back(ReputationWeight{*observer, weight});
  }
}

void CompileDecision(const MapReader& actor_entry, const Actor& actor, DecisionSpec& decision,
                     CompileContext& ctx) {
  const std::string path = actor_entry.PathOf("decision");
  static const YamlNode kEmpty{YamlNode::Kind::kMapping, "", false, {}, {}, {}};
  const YamlNode* node = actor_entry.Optional("decision");
  MapReader reader(node != nullptr ? *node : kEmpty, path, schema::kDecision, ctx.errors);
  const auto value = [&](const char* key) { return reader.ok() ? reader.Optional(key) : nullptr; };
  if (const YamlNode* model = value("model")) {
    ctx.actor_decision_at.back() = NodeAt{model->where, reader.PathOf("model")};
    static const std::vector<std::string> kModels = {"scripted", "quantal", "equilibrium"};
    std::optional<int> kind =
        ReadChoice(*model, reader.PathOf("model"), kModels, "decision model", ctx.errors);
    static const DecisionKind kKinds[] = {DecisionKind::kScripted, DecisionKind::kQuantal,
                                          DecisionKind::kEquilibrium};
    decision.kind = kKinds[kind.value_or(1)];
  }
  decision.lambda =
      ctx.params.Compile(value("lambda"), reader.PathOf("lambda"), ParamRange::kNonNegative, 1);
  decision.lookahead = ctx.params.Compile(value("lookahead"), reader.PathOf("lookahead"),
                                          ParamRange::kAtLeastOne, 1);
  decision.switching_cost = ctx.params.Compile(
      value("switching_cost"), reader.PathOf("switching_cost"), ParamRange::kNonNegative, 0);
  // Absent: no parameter at all (Value() reads 0), so scenarios without the key keep their
  // parameter indices and hence their random draws.
  if (const YamlNode* tolerance = value("cost_tolerance")) {
    decision.cost_tolerance =
        ctx.params.Compile(tolerance, reader.PathOf("cost_tolerance"), ParamRange::kNonNegative, 0);
  }
  if (const YamlNode* reputation = value("reputation")) {
    CompileReputation(*reputation, reader.PathOf("reputation"), actor, decision, ctx);
  }
  decision.enforce_probability =
      ctx.params.Compile(value("enforce"), reader.PathOf("enforce"), ParamRange::kProbability, 0);
  decision.vote_probability =
      ctx.params.Compile(value("vote"), reader.PathOf("vote"), ParamRange::kProbability, 0);
  if (const YamlNode* schedule = value("schedule")) {
    CompileSchedule(*schedule, reader.PathOf("schedule"), actor, decision, ctx);
  }
}

}  // namespace

void CompileActors(const YamlNode* section, CompileContext& ctx) {
  int belligerent_of_side[2] = {-1, -1};
  ForEachEntry(
      section, "actors", "actor", schema::kActor, ctx,
      [&](const MapReader& entry, std::size_t index) {
        Actor& actor = ctx.model.actors.emplace_back();
        const NodeAt at_entry{entry.node().where, entry.path()};
        ctx.actor_types_at.push_back(at_entry);
        ctx.actor_decision_at.push_back(at_entry);
        actor.id = ReadEntryId(entry, ctx);
        actor.label = ReadLabel(entry, actor.id, ctx);
        actor.short_label = ReadShortLabel(entry, ctx);
        if (!entry.ok()) return;
        if (const YamlNode* favours = entry.Optional("favours")) {
          actor.favours = ctx.Side(*favours, entry.PathOf("favours"), true).value_or(kNoSide);
        }
        if (const YamlNode* belligerent = entry.Optional("belligerent")) {
          actor.belligerent =
              ctx.Side(*belligerent, entry.PathOf("belligerent"), true).value_or(kNoSide);
          if (actor.belligerent != kNoSide) {
            int& leader = belligerent_of_side[actor.belligerent];
            if (leader >= 0) {
              ctx.Error(belligerent->where, entry.PathOf("belligerent"),
                        "side '" + belligerent->text + "' already has a belligerent, '" +
                            ctx.model.actors[leader].id + "'; each side has at most one");
            } else {
              leader = static_cast<int>(index);
            }
          }
        }
        // A belligerent favours its own side: `favours` defaults to it and may not contradict it.
        if (actor.belligerent != kNoSide && entry.Optional("favours") == nullptr) {
          actor.favours = actor.belligerent;
        } else if (actor.belligerent != kNoSide && actor.favours != actor.belligerent &&
                   actor.favours != kNoSide) {
          ctx.Error(entry.Optional("favours")->where, entry.PathOf("favours"),
                    "actor '" + actor.id + "' fights for side '" +
                        (actor.belligerent == 0 ? "a" : "b") + "' but favours the other side");
        }
        if (const YamlNode* nuclear = entry.Optional("nuclear")) {
          actor.nuclear = ReadBool(*nuclear, entry.PathOf("nuclear"), ctx.errors).value_or(false);
        }
        if (const YamlNode* territory = entry.Optional("territory")) {
          actor.has_territory =
              ReadBool(*territory, entry.PathOf("territory"), ctx.errors).value_or(true);
        }
        actor.coercion_value = ctx.params.Compile(
            entry.Optional("coercion_value"), entry.PathOf("coercion_value"), ParamRange::kAny, 0);
        CompileTypes(entry, actor, ctx);
        DecisionSpec decision;
        CompileDecision(entry, actor, decision, ctx);
        ctx.model.actors[index].decision = std::move(decision);
      });
}

}  // namespace redline::scenario
