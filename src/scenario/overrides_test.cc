// --set overrides and variants: paths by id and index, new keys, errors naming the override,
// order (variant first, then --set), and the resolved scenario text.
#include "scenario/overrides.h"

#include <gtest/gtest.h>

#include "scenario/loader.h"
#include "scenario/test_util.h"
#include "scenario/yaml_source.h"

namespace redline::scenario {
namespace {

using testing::Joined;
using testing::kSmallCrisis;
using testing::ParameterAt;

Model LoadWith(std::vector<std::string> overrides, std::string variant = "") {
  LoadOptions options;
  options.overrides = std::move(overrides);
  options.variant = std::move(variant);
  Result<LoadedScenario> loaded = LoadScenario(kSmallCrisis, options);
  EXPECT_TRUE(loaded.ok()) << Joined(loaded.errors());
  return loaded.ok() ? loaded->model : Model{};
}

TEST(Overrides, SetANumberByIdPath) {
  const Model model = LoadWith({"actors.east.types.resolute.prior=0.7"});
  EXPECT_EQ(ParameterAt(model, "actors.east.types.resolute.prior").ToString(), "0.7");
}

TEST(Overrides, SetADistribution) {
  const Model model = LoadWith({"channels.hotline.open={dist: uniform, low: 0.2, high: 0.4}"});
  EXPECT_EQ(ParameterAt(model, "channels.hotline.open").ToString(), "uniform(0.2, 0.4)");
}

TEST(Overrides, ListEntriesWithoutIdsByIndex) {
  const Model model =
      LoadWith({"levers.east_strikes.levels.supply_lines.hazards.0.probability=0.3"});
  EXPECT_EQ(ParameterAt(model, "levers.east_strikes.levels.supply_lines.hazards.0.probability")
                .ToString(),
            "0.3");
}

TEST(Overrides, AddsAMissingLastKey) {
  const Model model = LoadWith(
      {"red_lines.no_heavy_arms.audience=private", "levers.west_arms.levels.none.damage=0.25"});
  EXPECT_EQ(model.red_lines[0].audience, Audience::kPrivate);
  EXPECT_EQ(ParameterAt(model, "levers.west_arms.levels.none.damage").ToString(), "0.25");
}

TEST(Overrides, ReplacesAWholeSubtree) {
  const Model model = LoadWith({"war.bargaining={talks: -2}"});
  EXPECT_EQ(ParameterAt(model, "war.bargaining.talks").ToString(), "-2");
  EXPECT_LT(model.theatre.bargaining.talks_cost.index, 0);  // absent again: no parameter
}

TEST(Overrides, LaterOverridesWin) {
  const Model model = LoadWith({"channels.hotline.open=0.1", "channels.hotline.open=0.2"});
  EXPECT_EQ(ParameterAt(model, "channels.hotline.open").ToString(), "0.2");
}

TEST(Variants, AppliedBeforeSet) {
  EXPECT_EQ(ParameterAt(LoadWith({}, "hotline_closed"), "channels.hotline.open").ToString(), "0");
  EXPECT_EQ(ParameterAt(LoadWith({"channels.hotline.open=0.9"}, "hotline_closed"),
                        "channels.hotline.open")
                .ToString(),
            "0.9");
  EXPECT_EQ(LoadWith({}, "unanimous").alliances[0].rule, AllianceRule::kUnanimity);
}

TEST(Overrides, ErrorsNameTheOverride) {
  LoadOptions options;
  options.overrides = {"actors.rusia.types.resolute.prior=0.7"};
  Result<LoadedScenario> loaded = LoadScenario(kSmallCrisis, options);
  ASSERT_FALSE(loaded.ok());
  ASSERT_EQ(loaded.errors().size(), 1u);
  EXPECT_EQ(loaded.errors()[0].ToString(),
            "--set actors.rusia.types.resolute.prior=0.7: error: no entry with id 'rusia' under "
            "'actors'");
}

TEST(Overrides, ScalarHasNoInside) {
  YamlNode root = ParseYaml("a: {b: 1}", "x.yaml", true).value();
  Result<Override> override = ParseOverride("a.b.c=2");
  ASSERT_TRUE(override.ok());
  Status status = ApplyOverride(root, *override);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.errors()[0].ToString(),
            "--set a.b.c=2: error: 'a.b' is '1', which has no 'c' inside it");
}

TEST(Overrides, EmptyValueIsNullAndRestoresTheDefault) {
  const Model model = LoadWith({"actors.east.decision.lambda="});
  EXPECT_EQ(ParameterAt(model, "actors.east.decision.lambda").ToString(), "1");
}

TEST(Overrides, EmptySegmentIsAnError) {
  YamlNode root = ParseYaml("a: 1", "x.yaml", true).value();
  Status status = ApplyOverride(root, ParseOverride("a..b=2").value());
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.errors()[0].message.find("empty segment"), std::string::npos);
}

TEST(ResolvedYaml, ReflectsVariantAndOverridesAndCompilesToTheSameModel) {
  LoadOptions options;
  options.variant = "hotline_closed";
  options.overrides = {"actors.east.types.resolute.prior=0.7"};
  Result<LoadedScenario> loaded = LoadScenario(kSmallCrisis, options);
  ASSERT_TRUE(loaded.ok()) << Joined(loaded.errors());
  const std::string& text = loaded->resolved_yaml;
  EXPECT_EQ(text.rfind("# Resolved scenario from tests/scenarios/small_crisis.yaml\n", 0), 0u);
  EXPECT_NE(text.find("# variant: hotline_closed\n"), std::string::npos);
  EXPECT_NE(text.find("# --set actors.east.types.resolute.prior=0.7\n"), std::string::npos);
  Result<LoadedScenario> again = LoadScenarioText(text, "resolved.yaml");
  ASSERT_TRUE(again.ok()) << Joined(again.errors()) << text;
  EXPECT_EQ(ParameterAt(again->model, "channels.hotline.open").ToString(), "0");
  EXPECT_EQ(ParameterAt(again->model, "actors.east.types.resolute.prior").ToString(), "0.7");
  ASSERT_EQ(again->model.parameters.size(), loaded->model.parameters.size());
  for (std::size_t i = 0; i < again->model.parameters.size(); ++i) {
    EXPECT_EQ(again->model.parameter_paths[i], loaded->model.parameter_paths[i]);
    EXPECT_EQ(again->model.parameters[i].ToString(), loaded->model.parameters[i].ToString());
  }
  EXPECT_EQ(again->model.description, loaded->model.description);
}

}  // namespace
}  // namespace redline::scenario
