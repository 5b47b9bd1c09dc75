// Levers: owner, target, ordered levels (rung, cost, damage, aid, interdiction, strikes,
// perception weights, accident hazards).
#include "model/limits.h"
#include "scenario/compile_sections.h"
#include "scenario/conditions.h"

namespace redline::scenario {

namespace {

void CompilePerceptions(const YamlNode& node, const std::string& path, Level& level,
                        CompileContext& ctx) {
  if (!node.IsMapping()) {
    ctx.Error(node.where, path,
              "expected a mapping of observer ids to weights in [0, 1], got " + node.Describe());
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
    Param weight = ctx.params.Compile(&entry.value, weight_path, ParamRange::kProbability, 0);
    if (observer) level.perceived.push_back(Perception{*observer, weight});
  }
}

void CompileHazards(const YamlNode& node, const std::string& path, Level& level, int lever_index,
                    int level_index, CompileContext& ctx) {
  if (!ExpectList(node, path, "hazards {probability, victim, rung}", ctx.errors)) return;
  // The kernel keys each hazard's draws by lever * kMaxHazardsPerLevel + hazard (docs/model.md
  // §1).
  if (node.items.size() > static_cast<std::size_t>(kMaxHazardsPerLevel)) {
    ctx.Error(node.where, path,
              "at most " + std::to_string(kMaxHazardsPerLevel) + " hazards per level, got " +
                  std::to_string(node.items.size()));
  }
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    MapReader entry(node.items[i], path + "." + std::to_string(i), schema::kHazard, ctx.errors);
    if (!entry.ok()) continue;
    Hazard hazard;
    hazard.probability = ctx.params.Compile(
        entry.Required("probability"), entry.PathOf("probability"), ParamRange::kProbability, 0);
    if (const YamlNode* victim = entry.Required("victim")) {
      std::optional<ActorId> actor = ctx.Actor(*victim, entry.PathOf("victim"));
      if (actor) hazard.victim = *actor;
      if (actor && !ctx.model.actors[actor->index].has_territory) {
        ctx.Error(victim->where, entry.PathOf("victim"),
                  "'" + victim->text +
                      "' has no territory (territory: false) for an "
                      "incident to land on");
      }
    }
    if (const YamlNode* rung = entry.Required("rung")) {
      hazard.rung = ctx.Rung(*rung, entry.PathOf("rung")).value_or(RungId());
    }
    hazard.damage = ctx.params.Compile(entry.Optional("damage"), entry.PathOf("damage"),
                                       ParamRange::kNonNegative, 0);
    if (const YamlNode* blamed = entry.Optional("blamed")) {
      hazard.blamed = ctx.Actor(*blamed, entry.PathOf("blamed")).value_or(ActorId());
      if (hazard.blamed.valid() && hazard.blamed == hazard.victim) {
        ctx.Error(blamed->where, entry.PathOf("blamed"),
                  "an incident cannot be blamed on its own victim '" + blamed->text + "'");
      }
    }
    if (const YamlNode* when = entry.Optional("when")) {
      ctx.pending_hazard_conditions.push_back({when, entry.PathOf("when"), lever_index, level_index,
                                               static_cast<int>(level.hazards.size())});
    }
    level.hazards.push_back(hazard);
  }
}

// act, earliest, lead_time, causes (docs/model.md §3.2). An act is done once: it has no
// running effect on the war (aid, interdiction) and cannot be abandoned (audience_cost).
void CompileTiming(const MapReader& entry, Level& level, int lever_index, int level_index,
                   CompileContext& ctx) {
  if (const YamlNode* act = entry.Optional("act")) {
    level.act = ReadBool(*act, entry.PathOf("act"), ctx.errors).value_or(false);
    if (level.act && level_index == 0) {
      ctx.Error(act->where, entry.PathOf("act"),
                "the first level of a lever is where it starts ('off') and cannot be an act; "
                "add an 'off' level before it");
    }
    if (level.act) {
      for (const char* key : {"aid", "aid_to", "interdiction", "audience_cost"}) {
        if (const YamlNode* node = entry.Optional(key)) {
          ctx.Error(node->where, entry.PathOf(key),
                    std::string("an act (act: true) happens once and is never abandoned, so it "
                                "cannot have '") +
                        key + "'; give it to a posture level (a level held over time)");
        }
      }
    }
  }
  if (const YamlNode* earliest = entry.Optional("earliest")) {
    level.earliest = ReadInt(*earliest, entry.PathOf("earliest"), 0, ctx.errors).value_or(0);
  }
  if (const YamlNode* lead = entry.Optional("lead_time")) {
    level.lead_time = ReadInt(*lead, entry.PathOf("lead_time"), 0, ctx.errors).value_or(0);
  }
  if (const YamlNode* causes = entry.Optional("causes")) {
    if (!level.act) {
      ctx.Error(causes->where, entry.PathOf("causes"),
                "only an act (act: true) causes events; add 'act: true' to this level or "
                "remove 'causes'");
    } else if (!causes->IsMapping()) {
      ctx.Error(causes->where, entry.PathOf("causes"),
                "expected a mapping of lever ids to levels, e.g. {pilot: captured}, got " +
                    causes->Describe());
    } else {
      ctx.pending_causes.push_back({causes, entry.PathOf("causes"), lever_index, level_index});
    }
  }
}

void CompileLevel(const MapReader& entry, const Lever& lever, Level& level, int lever_index,
                  int level_index, CompileContext& ctx) {
  level.id = ReadEntryId(entry, ctx);
  if (!entry.ok()) return;
  if (const YamlNode* rung = entry.Required("rung")) {
    level.rung = ctx.Rung(*rung, entry.PathOf("rung")).value_or(RungId());
  }
  auto param = [&](const char* key, ParamRange range) {
    return ctx.params.Compile(entry.Optional(key), entry.PathOf(key), range, 0);
  };
  level.cost = param("cost", ParamRange::kNonNegative);
  level.damage = param("damage", ParamRange::kNonNegative);
  level.aid = param("aid", ParamRange::kNonNegative);
  level.interdiction = param("interdiction", ParamRange::kProbability);
  level.audience_cost = param("audience_cost", ParamRange::kNonNegative);
  if (const YamlNode* aid_to = entry.Optional("aid_to")) {
    level.aid_side = ctx.Side(*aid_to, entry.PathOf("aid_to"), false).value_or(kNoSide);
  } else if (entry.Optional("aid") != nullptr &&
             ctx.model.parameters[level.aid.index].SupportMax() > 0) {
    ctx.Error(entry.Optional("aid")->where, entry.PathOf("aid"),
              "aid needs 'aid_to: a' or 'aid_to: b' (the side it strengthens)");
  }
  const Actor* target = lever.target.valid() ? &ctx.model.actors[lever.target.index] : nullptr;
  if (entry.Optional("interdiction") != nullptr &&
      ctx.model.parameters[level.interdiction.index].SupportMax() > 0) {
    const int side = target == nullptr            ? kNoSide
                     : target->favours != kNoSide ? target->favours
                                                  : target->belligerent;
    if (side == kNoSide) {
      ctx.Error(entry.Optional("interdiction")->where, entry.PathOf("interdiction"),
                "interdiction removes aid of the side the lever's target favours, but the "
                "lever has no target that favours or fights for a side");
    }
    level.interdicts_side = side;
  }
  if (const YamlNode* strikes = entry.Optional("strikes")) {
    level.strikes_territory =
        ReadBool(*strikes, entry.PathOf("strikes"), ctx.errors).value_or(false);
    if (level.strikes_territory && (target == nullptr || !target->has_territory)) {
      ctx.Error(strikes->where, entry.PathOf("strikes"),
                target == nullptr ? "a strike needs the lever to have a target"
                                  : "the target '" + target->id + "' has no territory to strike");
    }
  }
  CompileTiming(entry, level, lever_index, level_index, ctx);
  if (const YamlNode* perceived = entry.Optional("perceived_by")) {
    CompilePerceptions(*perceived, entry.PathOf("perceived_by"), level, ctx);
  }
  if (const YamlNode* hazards = entry.Optional("hazards")) {
    CompileHazards(*hazards, entry.PathOf("hazards"), level, lever_index, level_index, ctx);
  }
}

void CompileLevels(const MapReader& lever_entry, Lever& lever, int lever_index,
                   CompileContext& ctx) {
  const YamlNode* levels = lever_entry.Required("levels");
  if (levels == nullptr) return;
  const std::string path = lever_entry.PathOf("levels");
  if (!ExpectList(*levels, path, "levels", ctx.errors)) return;
  if (levels->items.empty()) {
    ctx.Error(levels->where, path, "a lever needs at least one level (the first is 'off')");
    return;
  }
  CheckUniqueIds(*levels, path, "level", ctx.errors);
  for (std::size_t i = 0; i < levels->items.size(); ++i) {
    const YamlNode& item = levels->items[i];
    MapReader entry(item, EntryPath(path, item, i), schema::kLevel, ctx.errors);
    Level level;
    CompileLevel(entry, lever, level, lever_index, static_cast<int>(i), ctx);
    if (i > 0 && level.rung.valid() && lever.levels.back().rung.valid() &&
        level.rung < lever.levels.back().rung) {
      const Level& previous = lever.levels.back();
      ctx.Error(item.Find("rung")->where, entry.PathOf("rung"),
                "level '" + level.id + "' is on rung '" + ctx.model.rungs[level.rung.index].id +
                    "', below the previous level '" + previous.id + "' on rung '" +
                    ctx.model.rungs[previous.rung.index].id +
                    "'; a lever's levels must not go down the ladder");
    }
    lever.levels.push_back(std::move(level));
  }
}

}  // namespace

void CompileLevers(const YamlNode* section, CompileContext& ctx) {
  ForEachEntry(section, "levers", "lever", schema::kLever, ctx,
               [&](const MapReader& entry, std::size_t index) {
                 Lever& lever = ctx.model.levers.emplace_back();
                 lever.id = ReadEntryId(entry, ctx);
                 lever.label = ReadLabel(entry, lever.id, ctx);
                 lever.short_label = ReadShortLabel(entry, ctx);
                 if (!entry.ok()) return;
                 if (const YamlNode* owner = entry.Required("owner")) {
                   std::optional<Party> party = ctx.ActorOrAlliance(*owner, entry.PathOf("owner"));
                   if (party) lever.owner = LeverOwner{party->actor, party->alliance};
                 }
                 if (const YamlNode* target = entry.Optional("target")) {
                   if (!(target->IsScalar() && target->text == "none")) {
                     lever.target = ctx.Actor(*target, entry.PathOf("target")).value_or(ActorId());
                   }
                 }
                 if (const YamlNode* max_change = entry.Optional("max_change")) {
                   lever.max_change =
                       ReadInt(*max_change, entry.PathOf("max_change"), 0, ctx.errors).value_or(1);
                 }
                 CompileLevels(entry, lever, static_cast<int>(index), ctx);
                 if (const YamlNode* initial = entry.Optional("initial")) {
                   lever.initial_level = ctx.Level(LeverId(static_cast<int>(index)), *initial,
                                                   entry.PathOf("initial"))
                                             .value_or(0);
                 }
               });
}

namespace {

void CompileCauses(const CompileContext::PendingCauses& pending, CompileContext& ctx) {
  if (pending.lever >= static_cast<int>(ctx.model.levers.size())) return;
  Lever& own = ctx.model.levers[pending.lever];
  if (pending.level >= static_cast<int>(own.levels.size())) return;
  for (const YamlEntry& entry : pending.node->entries) {
    const std::string path = pending.path + "." + entry.key;
    const YamlNode key{YamlNode::Kind::kScalar, entry.key, false, {}, {}, entry.key_where};
    std::optional<LeverId> lever = ctx.Lever(key, path);
    if (!lever) continue;
    if (lever->index == pending.lever) {
      ctx.Error(entry.key_where, path,
                "an act cannot cause its own lever to move; name another lever");
      continue;
    }
    std::optional<int> level = ctx.Level(*lever, entry.value, path);
    if (level) own.levels[pending.level].causes.push_back(Level::Cause{*lever, *level});
  }
}

}  // namespace

void CompileHazardConditions(CompileContext& ctx) {
  for (const CompileContext::PendingCauses& pending : ctx.pending_causes)
    CompileCauses(pending, ctx);
  for (const CompileContext::PendingHazardCondition& pending : ctx.pending_hazard_conditions) {
    const ConditionId when =
        CompileCondition(*pending.node, pending.path, ConditionContext::kTrigger, ctx);
    // The level (or the lever) is missing only after an error in it, already reported.
    if (pending.lever >= static_cast<int>(ctx.model.levers.size())) continue;
    std::vector<Level>& levels = ctx.model.levers[pending.lever].levels;
    if (pending.level >= static_cast<int>(levels.size())) continue;
    std::vector<Hazard>& hazards = levels[pending.level].hazards;
    if (pending.hazard < static_cast<int>(hazards.size())) hazards[pending.hazard].when = when;
  }
}

}  // namespace redline::scenario
