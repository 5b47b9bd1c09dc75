// The scenario header and horizon, the ladder and its thresholds, third-party observers, and
// the ordered outcomes.
#include <algorithm>

#include "scenario/compile_sections.h"
#include "scenario/conditions.h"

namespace redline::scenario {

void ForEachEntry(const YamlNode* section, const std::string& name, const std::string& what,
                  const schema::Keys& keys, CompileContext& ctx,
                  const std::function<void(const MapReader& entry, std::size_t index)>& compile) {
  if (section == nullptr) return;
  if (!ExpectList(*section, name, what + " entries", ctx.errors)) return;
  CheckUniqueIds(*section, name, what, ctx.errors);
  for (std::size_t i = 0; i < section->items.size(); ++i) {
    const YamlNode& item = section->items[i];
    MapReader entry(item, EntryPath(name, item, i), keys, ctx.errors);
    compile(entry, i);
  }
}

std::string ReadEntryId(const MapReader& entry, CompileContext& ctx) {
  const YamlNode* id = entry.Required("id");
  if (id == nullptr) return "";
  return ReadId(*id, entry.PathOf("id"), ctx.errors).value_or("");
}

std::string ReadLabel(const MapReader& entry, const std::string& fallback, CompileContext& ctx) {
  const YamlNode* label = entry.Optional("label");
  if (label == nullptr) return fallback;
  return ReadString(*label, entry.PathOf("label"), ctx.errors).value_or(fallback);
}

std::string ReadShortLabel(const MapReader& entry, CompileContext& ctx) {
  const YamlNode* node = entry.Optional("short_label");
  if (node == nullptr) return "";
  const std::optional<std::string> text =
      ReadString(*node, entry.PathOf("short_label"), ctx.errors);
  if (!text) return "";
  // Characters, not bytes: UTF-8 continuation bytes do not count.
  const auto characters =
      std::count_if(text->begin(), text->end(), [](char c) { return (c & 0xC0) != 0x80; });
  const bool one_line = text->find_first_of("\r\n") == std::string::npos;
  if (characters == 0 || characters > kMaxShortLabel || !one_line) {
    // Never echo a line break: a diagnostic is one line.
    const std::string got = one_line
                                ? "'" + *text + "' (" + std::to_string(characters) + " characters)"
                                : "text that spans several lines";
    ctx.Error(node->where, entry.PathOf("short_label"),
              "expected a short name on one line, 1 to " + std::to_string(kMaxShortLabel) +
                  " characters, got " + got);
    return "";
  }
  return *text;
}

void CompileScenarioHeader(const YamlNode* section, const std::string& default_name,
                           CompileContext& ctx) {
  ctx.model.name = default_name;
  if (section == nullptr) return;
  MapReader scenario(*section, "scenario", schema::kScenario, ctx.errors);
  if (const YamlNode* name = scenario.Required("name")) {
    ctx.model.name = ReadString(*name, "scenario.name", ctx.errors).value_or(default_name);
  }
  if (const YamlNode* description = scenario.Optional("description")) {
    ctx.model.description =
        ReadString(*description, "scenario.description", ctx.errors).value_or("");
  }
}

void CompileHorizon(const YamlNode* scenario_section, CompileContext& ctx) {
  const YamlNode* section =
      scenario_section == nullptr ? nullptr : scenario_section->Find("horizon");
  if (section == nullptr || section->IsNull()) return;
  MapReader horizon(*section, "scenario.horizon", schema::kHorizon, ctx.errors);
  if (const YamlNode* steps = horizon.Optional("steps")) {
    ctx.model.horizon =
        ReadInt(*steps, "scenario.horizon.steps", 1, kMaxHorizonSteps, ctx.errors).value_or(1);
  }
  if (const YamlNode* stop_at = horizon.Optional("stop_at")) {
    ctx.model.stop_at = ctx.Rung(*stop_at, "scenario.horizon.stop_at").value_or(RungId());
  }
}

void CompileLadder(const YamlNode* section, CompileContext& ctx) {
  if (section != nullptr && section->IsSequence() && section->items.empty()) {
    ctx.Error(section->where, "ladder",
              "the ladder is empty; give at least one rung, lowest first");
    return;
  }
  ForEachEntry(section, "ladder", "rung", schema::kRung, ctx,
               [&](const MapReader& entry, std::size_t) {
                 Rung& rung = ctx.model.rungs.emplace_back();
                 rung.id = ReadEntryId(entry, ctx);
                 rung.label = ReadLabel(entry, rung.id, ctx);
               });
}

void CompileThresholds(const YamlNode* section, CompileContext& ctx) {
  if (section == nullptr) return;
  if (!section->IsMapping()) {
    ctx.Error(section->where, "thresholds",
              "expected a mapping of threshold names to rung ids, got " + section->Describe());
    return;
  }
  for (const YamlEntry& entry : section->entries) {
    const std::string path = "thresholds." + entry.key;
    if (ctx.symbols.rungs.Find(entry.key)) {
      ctx.Error(entry.key_where, path,
                "threshold '" + entry.key +
                    "' has the name of a rung; "
                    "give it its own name");
      continue;
    }
    std::optional<int> rung;
    if (entry.value.IsScalar()) rung = ctx.symbols.rungs.Find(entry.value.text);
    if (!rung) {
      const std::string got =
          entry.value.IsScalar() ? "'" + entry.value.text + "'" : entry.value.Describe();
      ctx.Error(
          entry.value.where, path,
          "unknown rung " + got +
              (entry.value.IsScalar() ? DidYouMean(entry.value.text, ctx.symbols.rungs.Candidates())
                                      : std::string()) +
              " (a threshold names a rung of the ladder)");
      continue;
    }
    ctx.model.thresholds.push_back(Threshold{entry.key, RungId(*rung)});
  }
}

void CompileObservers(const YamlNode* section, CompileContext& ctx) {
  ForEachEntry(section, "observers", "observer", schema::kObserver, ctx,
               [&](const MapReader& entry, std::size_t) {
                 ThirdParty& observer = ctx.model.third_parties.emplace_back();
                 observer.id = ReadEntryId(entry, ctx);
                 observer.label = ReadLabel(entry, observer.id, ctx);
                 observer.short_label = ReadShortLabel(entry, ctx);
                 const bool clash = ctx.symbols.actors.Find(observer.id).has_value() ||
                                    ctx.symbols.alliances.Find(observer.id).has_value();
                 if (clash) {
                   ctx.Error(entry.Optional("id")->where, entry.PathOf("id"),
                             "'" + observer.id +
                                 "' is already an actor or alliance; an "
                                 "observer is a third party with its own id");
                 }
               });
}

void CompileOutcomes(const YamlNode* section, CompileContext& ctx) {
  if (section != nullptr && section->IsSequence() && section->items.empty()) {
    ctx.Error(section->where, "outcomes",
              "no outcomes; give at least one, the last being {always: true}");
    return;
  }
  int always_at = -1;  // the first outcome that matches unconditionally
  ForEachEntry(section, "outcomes", "outcome", schema::kOutcome, ctx,
               [&](const MapReader& entry, std::size_t index) {
                 Outcome& outcome = ctx.model.outcomes.emplace_back();
                 outcome.id = ReadEntryId(entry, ctx);
                 outcome.label = ReadLabel(entry, outcome.id, ctx);
                 const YamlNode* when = entry.Required("when");
                 if (when == nullptr) return;
                 outcome.when =
                     CompileCondition(*when, entry.PathOf("when"), ConditionContext::kOutcome, ctx);
                 if (always_at >= 0) {
                   ctx.Error(entry.node().where, entry.path(),
                             "outcome '" + outcome.id + "' can never be chosen: outcome '" +
                                 ctx.model.outcomes[always_at].id + "' before it always matches");
                 } else if (IsAlways(ctx.model, outcome.when)) {
                   always_at = static_cast<int>(index);
                 }
               });
  if (section == nullptr || !section->IsSequence() || section->items.empty()) return;
  const Outcome& last = ctx.model.outcomes.back();
  if (last.when.valid() && !IsAlways(ctx.model, last.when) && always_at < 0) {
    const YamlNode& node = section->items.back();
    ctx.Error(node.where, EntryPath("outcomes", node, section->items.size() - 1),
              "a run can end unclassified: the last outcome must be {always: true} "
              "(e.g. - {id: other, when: {always: true}})");
  }
}

}  // namespace redline::scenario
