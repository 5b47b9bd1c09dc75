// The war theatre: two sides with their power, the balance, its drift and noise, the
// decisive band and the settlement hazard. Without a `war` section there is no war: the
// theatre's id is empty, both powers are 0 and the balance stays at 0 (no winner, no
// settlement).
#include "scenario/compile_sections.h"

namespace redline::scenario {

namespace {

// No settlement: logistic(-100) is about 4e-44 per step.
constexpr double kNoSettlementBase = -100;

void CompileNoWar(CompileContext& ctx) {
  Theatre& theatre = ctx.model.theatre;
  theatre.id = "";
  theatre.initial_balance = ctx.params.Constant(0, "war.initial_balance");
  theatre.power[0] = ctx.params.Constant(0, "war.sides.a.power");
  theatre.power[1] = ctx.params.Constant(0, "war.sides.b.power");
  theatre.drift = ctx.params.Constant(0, "war.drift");
  theatre.noise = ctx.params.Constant(0, "war.noise");
  theatre.decisive_band = ctx.params.Constant(1, "war.decisive_band");
  theatre.settle_base = ctx.params.Constant(kNoSettlementBase, "war.settlement.base");
  theatre.settle_cost = ctx.params.Constant(0, "war.settlement.cost");
  theatre.settle_gap = ctx.params.Constant(0, "war.settlement.gap");
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

void CompileSettlement(const MapReader& war, Theatre& theatre, CompileContext& ctx) {
  const YamlNode* node = war.Optional("settlement");
  const std::string path = war.PathOf("settlement");
  if (node == nullptr) {
    theatre.settle_base = ctx.params.Constant(kNoSettlementBase, path + ".base");
    theatre.settle_cost = ctx.params.Constant(0, path + ".cost");
    theatre.settle_gap = ctx.params.Constant(0, path + ".gap");
    return;
  }
  MapReader settlement(*node, path, schema::kSettlement, ctx.errors);
  const auto value = [&](const char* key) {
    return settlement.ok() ? settlement.Optional(key) : nullptr;
  };
  theatre.settle_base = ctx.params.Compile(settlement.ok() ? settlement.Required("base") : nullptr,
                                           path + ".base", ParamRange::kAny, kNoSettlementBase);
  theatre.settle_cost =
      ctx.params.Compile(value("cost"), path + ".cost", ParamRange::kNonNegative, 0);
  theatre.settle_gap = ctx.params.Compile(value("gap"), path + ".gap", ParamRange::kNonNegative, 0);
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
  CompileSettlement(war, theatre, ctx);
}

}  // namespace redline::scenario
