// The war theatre: two sides with their power, the balance, its drift and noise, the
// decisive band, scheduled power shifts and the bargaining over a settlement (docs/model.md
// §10). Without a `war` section there is no war: the theatre's id is empty, both powers are 0
// and the balance stays at 0 (no winner, no settlement). Keys that are absent create no
// parameters (parameters are drawn by index: an absent key must not shift the others').
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "scenario/compile_sections.h"

namespace redline::scenario {

namespace {

void CompileNoWar(CompileContext& ctx) {
  Theatre& theatre = ctx.model.theatre;
  theatre.id = "";
  theatre.initial_balance = ctx.params.Constant(0, "war.initial_balance");
  theatre.power[0] = ctx.params.Constant(0, "war.sides.a.power");
  theatre.power[1] = ctx.params.Constant(0, "war.sides.b.power");
  theatre.drift = ctx.params.Constant(0, "war.drift");
  theatre.noise = ctx.params.Constant(0, "war.noise");
  theatre.decisive_band = ctx.params.Constant(1, "war.decisive_band");
  theatre.side_labels[0] = "a";
  theatre.side_labels[1] = "b";
}

void CompileSides(const MapReader& war, Theatre& theatre, CompileContext& ctx) {
  static const YamlNode kEmpty{YamlNode::Kind::kMapping, "", false, {}, {}, {}};
  const YamlNode* sides_node = war.Required("sides");
  MapReader sides(sides_node != nullptr ? *sides_node : kEmpty, war.PathOf("sides"),
                  schema::kWarSides, ctx.errors);
  static const char* kSideNames[2] = {"a", "b"};
  for (int s = 0; s < 2; ++s) {
    const YamlNode* side_node =
        sides_node != nullptr && sides.ok() ? sides.Required(kSideNames[s]) : nullptr;
    theatre.side_labels[s] = kSideNames[s];
    if (side_node == nullptr) {
      theatre.power[s] = ctx.params.Constant(0, sides.PathOf(kSideNames[s]) + ".power");
      continue;
    }
    MapReader side(*side_node, sides.PathOf(kSideNames[s]), schema::kWarSide, ctx.errors);
    if (!side.ok()) {
      theatre.power[s] = ctx.params.Constant(0, side.PathOf("power"));
      continue;
    }
    theatre.side_labels[s] = ReadLabel(side, kSideNames[s], ctx);
    theatre.power[s] = ctx.params.Compile(side.Required("power"), side.PathOf("power"),
                                          ParamRange::kNonNegative, 0);
  }
}

// war.settlement (model 0.1's hazard) is gone: say how to write it as war.bargaining.
void ReportSettlement(const MapReader& war, CompileContext& ctx) {
  const YamlNode* node = war.Optional("settlement");
  if (node == nullptr) return;
  auto scalar = [&](const char* key, const char* fallback) {
    const YamlNode* value = node->IsMapping() ? node->Find(key) : nullptr;
    return value != nullptr && value->IsScalar() ? value->text : std::string(fallback);
  };
  ctx.Error(node->where, war.PathOf("settlement"),
            "replaced by war.bargaining (settlement is now a bargain: talks, offers and a "
            "bargaining range, docs/model.md §10.2); write bargaining: {talks: " +
                scalar("base", "BASE") + ", talks_cost: " + scalar("cost", "COST") +
                "} (base becomes talks, cost becomes talks_cost; gap is gone: the belief gap "
                "now works through the offers)");
}

// A parameter only when the key is written.
Param OptionalParam(const MapReader& map, const char* key, ParamRange range, CompileContext& ctx) {
  const YamlNode* node = map.ok() ? map.Optional(key) : nullptr;
  if (node == nullptr) return Param{};
  return ctx.params.Compile(node, map.PathOf(key), range, 0);
}

void CompileMediator(const MapReader& bargaining_map, Bargaining& bargaining, CompileContext& ctx) {
  const YamlNode* node = bargaining_map.Optional("mediator");
  if (node == nullptr) return;
  MapReader mediator(*node, bargaining_map.PathOf("mediator"), schema::kMediator, ctx.errors);
  if (!mediator.ok()) return;
  if (const YamlNode* channel = mediator.Required("channel"))
    bargaining.mediator = ctx.Channel(*channel, mediator.PathOf("channel")).value_or(ChannelId());
  bargaining.mediator_talks = OptionalParam(mediator, "talks", ParamRange::kAny, ctx);
  bargaining.mediator_narrows = OptionalParam(mediator, "narrows", ParamRange::kProbability, ctx);
  if (const YamlNode* proposes = mediator.Optional("proposes"))
    bargaining.mediator_proposes =
        ReadBool(*proposes, mediator.PathOf("proposes"), ctx.errors).value_or(false);
}

// war.bargaining.terms: named packages read in order; a settlement at s is named by the first
// with s >= at_least, so at_least must decrease and the last package (the catch-all) has none.
// at_least is a plain number, not a parameter: absent packages create no parameters.
void CompileTerms(const MapReader& bargaining_map, Bargaining& bargaining, CompileContext& ctx) {
  const YamlNode* list = bargaining_map.Optional("terms");
  if (list == nullptr) return;
  const std::string path = bargaining_map.PathOf("terms");
  if (!ExpectList(*list, path, "terms packages ({id, label, at_least})", ctx.errors)) return;
  if (list->items.empty()) {
    ctx.Error(list->where, path,
              "no packages; give at least one, the last without at_least (the catch-all), or "
              "remove 'terms'");
    return;
  }
  CheckUniqueIds(*list, path, "terms package", ctx.errors);
  const YamlNode* previous = nullptr;  // the last at_least read, for the order check
  double previous_value = 0;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const YamlNode& item = list->items[i];
    MapReader entry(item, EntryPath(path, item, i), schema::kTermsPackage, ctx.errors);
    if (!entry.ok()) continue;
    TermsPackage& package = bargaining.packages.emplace_back();
    package.id = ReadEntryId(entry, ctx);
    package.label = ReadLabel(entry, package.id, ctx);
    const bool last = i + 1 == list->items.size();
    if (last) {
      if (const YamlNode* at_least = entry.Optional("at_least")) {
        ctx.Error(at_least->where, entry.PathOf("at_least"),
                  "the last package is the catch-all (it names every settlement below the "
                  "others' at_least); remove its at_least, or add a catch-all package after it");
      }
      continue;
    }
    const YamlNode* at_least = entry.Required("at_least");
    if (at_least == nullptr) continue;
    std::optional<double> value = ReadNumber(*at_least, entry.PathOf("at_least"), ctx.errors);
    if (!value) continue;
    package.at_least = *value;
    if (previous != nullptr && *value >= previous_value) {
      // A value set by --set has no line.
      const std::string line = previous->where.line > 0
                                   ? fmt::format(" (line {})", previous->where.line)
                                   : std::string();
      ctx.Error(at_least->where, entry.PathOf("at_least"),
                fmt::format("{} is not below the previous package's at_least {}{}; packages are "
                            "read in order and the first with s >= at_least names the "
                            "settlement, so at_least must decrease",
                            at_least->text, previous->text, line));
    }
    previous = at_least;
    previous_value = *value;
  }
}

void CompileBargaining(const MapReader& war, Theatre& theatre, CompileContext& ctx) {
  const YamlNode* node = war.Optional("bargaining");
  if (node == nullptr) return;
  MapReader map(*node, war.PathOf("bargaining"), schema::kBargaining, ctx.errors);
  if (!map.ok()) return;
  theatre.has_bargaining = true;
  Bargaining& bargaining = theatre.bargaining;
  bargaining.talks =
      ctx.params.Compile(map.Required("talks"), map.PathOf("talks"), ParamRange::kAny, 0);
  bargaining.talks_cost = OptionalParam(map, "talks_cost", ParamRange::kNonNegative, ctx);
  if (const YamlNode* optimism_node = map.Optional("optimism")) {
    MapReader optimism(*optimism_node, map.PathOf("optimism"), schema::kOptimism, ctx.errors);
    bargaining.optimism[0] = OptionalParam(optimism, "a", ParamRange::kAny, ctx);
    bargaining.optimism[1] = OptionalParam(optimism, "b", ParamRange::kAny, ctx);
  }
  bargaining.learning = OptionalParam(map, "learning", ParamRange::kNonNegative, ctx);
  CompileMediator(map, bargaining, ctx);
  CompileTerms(map, bargaining, ctx);
  // The bargain is between the two belligerents' leaders (their beliefs, types and lookahead).
  bool side_led[2] = {false, false};
  for (const Actor& actor : ctx.model.actors)
    if (actor.belligerent == 0 || actor.belligerent == 1) side_led[actor.belligerent] = true;
  if (!side_led[0] || !side_led[1]) {
    ctx.Error(node->where, war.PathOf("bargaining"),
              "bargaining needs an actor with belligerent: a and one with belligerent: b (the "
              "sides that make and accept offers)");
  }
}

void CompileShifts(const MapReader& war, Theatre& theatre, CompileContext& ctx) {
  const YamlNode* list = war.Optional("shifts");
  if (list == nullptr) return;
  const std::string path = war.PathOf("shifts");
  if (!ExpectList(*list, path, "{step, side, power} entries", ctx.errors)) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    MapReader entry(list->items[i], path + "." + std::to_string(i), schema::kPowerShift,
                    ctx.errors);
    if (!entry.ok()) continue;
    PowerShift shift;
    if (const YamlNode* step = entry.Required("step"))
      shift.step =
          ReadInt(*step, entry.PathOf("step"), 0, kMaxHorizonSteps, ctx.errors).value_or(0);
    if (const YamlNode* side = entry.Required("side"))
      shift.side = ctx.Side(*side, entry.PathOf("side"), false).value_or(0);
    shift.power =
        ctx.params.Compile(entry.Required("power"), entry.PathOf("power"), ParamRange::kAny, 0);
    theatre.shifts.push_back(shift);
  }
  std::stable_sort(theatre.shifts.begin(), theatre.shifts.end(),
                   [](const PowerShift& x, const PowerShift& y) { return x.step < y.step; });
}

}  // namespace

void CompileWar(const YamlNode* section, CompileContext& ctx) {
  if (section == nullptr) {
    CompileNoWar(ctx);
    return;
  }
  MapReader war(*section, "war", schema::kWar, ctx.errors);
  if (!war.ok()) {
    CompileNoWar(ctx);
    return;
  }
  Theatre& theatre = ctx.model.theatre;
  theatre.id = "war";
  if (const YamlNode* id = war.Optional("id")) {
    theatre.id = ReadId(*id, "war.id", ctx.errors).value_or("war");
  }
  CompileSides(war, theatre, ctx);
  auto param = [&](const char* key, ParamRange range, double fallback) {
    return ctx.params.Compile(war.Optional(key), war.PathOf(key), range, fallback);
  };
  theatre.initial_balance = param("initial_balance", ParamRange::kAny, 0);
  theatre.drift = param("drift", ParamRange::kAny, 1);
  theatre.noise = param("noise", ParamRange::kNonNegative, 0);
  theatre.decisive_band = ctx.params.Compile(war.Required("decisive_band"),
                                             war.PathOf("decisive_band"), ParamRange::kPositive, 1);
  // Absent: no parameter (Value() reads 0), and a decisive defeat is worth the band.
  if (const YamlNode* value = war.Optional("decisive_value")) {
    theatre.decisive_value =
        ctx.params.Compile(value, war.PathOf("decisive_value"), ParamRange::kNonNegative, 0);
  }
  // Absent: no parameter (parameters are drawn by index, so an absent key must not shift the
  // others'), and the pathways use kDesperationThreshold.
  if (const YamlNode* value = war.Optional("desperation_threshold")) {
    theatre.desperation_threshold = ctx.params.Compile(value, war.PathOf("desperation_threshold"),
                                                       ParamRange::kProbability, 0.5);
  }
  CompileBargaining(war, theatre, ctx);
  // Last: a shift's parameter must not move the bargaining's (parameters are drawn by index, so
  // adding a shift in a variant keeps every other draw: common random numbers).
  CompileShifts(war, theatre, ctx);
  ReportSettlement(war, ctx);
}

}  // namespace redline::scenario
