// A valid scenario compiles into the expected Model: counts, ids, references, parameters with
// their distributions and defaults, condition trees.
#include "scenario/compiler.h"

#include <gtest/gtest.h>

#include "scenario/loader.h"
#include "scenario/test_util.h"

namespace redline::scenario {
namespace {

using testing::Joined;
using testing::kSmallCrisis;
using testing::ParameterAt;

class SmallCrisis : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<LoadedScenario> loaded = LoadScenario(kSmallCrisis);
    ASSERT_TRUE(loaded.ok()) << Joined(loaded.errors());
    scenario_ = std::move(loaded).value();
  }
  const Model& model() const { return scenario_.model; }
  const Condition& condition(ConditionId id) const { return model().conditions[id.index]; }

  LoadedScenario scenario_;
};

TEST_F(SmallCrisis, Counts) {
  EXPECT_EQ(model().name, "Small crisis");
  EXPECT_EQ(model().description, "Two powers, a client, an alliance and an onlooker.");
  EXPECT_EQ(model().source_file, kSmallCrisis);
  EXPECT_EQ(model().rungs.size(), 5u);
  EXPECT_EQ(model().actors.size(), 3u);
  EXPECT_EQ(model().levers.size(), 3u);
  EXPECT_EQ(model().red_lines.size(), 1u);
  EXPECT_EQ(model().alliances.size(), 1u);
  EXPECT_EQ(model().channels.size(), 1u);
  EXPECT_EQ(model().third_parties.size(), 1u);
  EXPECT_EQ(model().outcomes.size(), 6u);
  EXPECT_EQ(model().observer_count(), 4);
  ASSERT_EQ(scenario_.variants.size(), 2u);
  EXPECT_EQ(scenario_.variants[0].name, "hotline_closed");
  EXPECT_EQ(scenario_.variants[1].description, "The pact decides by unanimity.");
  EXPECT_EQ(model().parameters.size(), model().parameter_paths.size());
}

TEST_F(SmallCrisis, LadderThresholdsAndHorizon) {
  EXPECT_EQ(model().rungs[3].id, "war");
  EXPECT_EQ(model().rungs[3].label, "Direct war");
  ASSERT_EQ(model().thresholds.size(), 1u);
  EXPECT_EQ(model().thresholds[0].id, "direct_war");
  EXPECT_EQ(model().thresholds[0].rung.index, 3);
  EXPECT_EQ(model().horizon, 12);
  EXPECT_EQ(model().stop_at.index, 4);
}

TEST_F(SmallCrisis, Actors) {
  const Actor& east = model().actors[0];
  EXPECT_EQ(east.id, "east");
  EXPECT_EQ(east.favours, 0);
  EXPECT_EQ(east.belligerent, 0);
  EXPECT_TRUE(east.nuclear);
  EXPECT_TRUE(east.has_territory);
  ASSERT_EQ(east.types.size(), 2u);
  EXPECT_EQ(east.types[0].id, "resolute");
  EXPECT_EQ(east.decision.kind, DecisionKind::kQuantal);
  const Actor& west = model().actors[1];
  EXPECT_EQ(west.label, "west");  // label defaults to the id
  EXPECT_EQ(west.belligerent, kNoSide);
  EXPECT_EQ(west.decision.kind, DecisionKind::kScripted);
  ASSERT_EQ(west.decision.schedule.size(), 2u);
  EXPECT_EQ(west.decision.schedule[1].step, 4);
  EXPECT_EQ(west.decision.schedule[1].lever.index, 0);
  EXPECT_EQ(west.decision.schedule[1].level, 2);
  EXPECT_EQ(model().actors[2].decision.kind, DecisionKind::kEquilibrium);
  // Derived by FinalizeModel.
  ASSERT_EQ(west.alliances.size(), 1u);
  EXPECT_EQ(west.alliances[0].index, 0);
}

TEST_F(SmallCrisis, ParametersWithDistributionsAndDefaults) {
  const Distribution& prior = ParameterAt(model(), "actors.east.types.resolute.prior");
  EXPECT_EQ(prior.kind, DistributionKind::kBeta);
  EXPECT_EQ(prior.a, 2);
  EXPECT_EQ(prior.b, 2);
  const Distribution& stakes = ParameterAt(model(), "actors.east.types.irresolute.stakes");
  EXPECT_EQ(stakes.kind, DistributionKind::kNormal);
  EXPECT_EQ(stakes.low, 0);
  EXPECT_EQ(stakes.high, 6);
  EXPECT_EQ(ParameterAt(model(), "actors.east.decision.lambda").ToString(), "uniform(1, 3)");
  EXPECT_EQ(ParameterAt(model(), "levers.west_arms.levels.heavy.cost").ToString(),
            "triangular(0.1, 0.2, 0.4)");
  EXPECT_EQ(ParameterAt(model(), "actors.west.decision.vote").ToString(), "bernoulli(0.9)");
  // Defaults: an absent prior is 1, stakes 1, cost weight 1, cost 0, a missing weight 1.
  EXPECT_EQ(ParameterAt(model(), "actors.client.types.steady.prior").ToString(), "1");
  EXPECT_EQ(ParameterAt(model(), "actors.client.types.steady.cost_weight").ToString(), "1");
  EXPECT_EQ(ParameterAt(model(), "levers.west_arms.levels.none.cost").ToString(), "0");
  EXPECT_EQ(ParameterAt(model(), "alliances.pact.weights.west").ToString(), "3");
  EXPECT_EQ(ParameterAt(model(), "alliances.pact.weights.client").ToString(), "1");
  // A Param field names the slot whose path it was compiled from.
  const ResolveType& resolute = model().actors[0].types[0];
  EXPECT_EQ(model().parameter_paths[resolute.prior.index], "actors.east.types.resolute.prior");
}

TEST_F(SmallCrisis, LeversAndLevels) {
  const Lever& arms = model().levers[0];
  EXPECT_EQ(arms.owner.actor.index, 1);
  EXPECT_FALSE(arms.owner.alliance.valid());
  EXPECT_EQ(arms.target.index, 0);
  ASSERT_EQ(arms.levels.size(), 3u);
  EXPECT_EQ(arms.levels[1].aid_side, 1);
  ASSERT_EQ(arms.levels[1].perceived.size(), 2u);
  EXPECT_EQ(arms.levels[1].perceived[1].observer.index, 3);  // onlooker comes after 3 actors
  const Lever& strikes = model().levers[1];
  EXPECT_EQ(strikes.label, "Strikes on supply lines");
  EXPECT_EQ(strikes.max_change, 2);
  EXPECT_EQ(strikes.levels[1].interdicts_side, 1);  // the target, west, favours b
  ASSERT_EQ(strikes.levels[1].hazards.size(), 1u);
  EXPECT_EQ(strikes.levels[1].hazards[0].victim.index, 1);
  EXPECT_EQ(strikes.levels[1].hazards[0].rung.index, 3);  // via threshold direct_war
  EXPECT_TRUE(strikes.levels[2].strikes_territory);
  EXPECT_EQ(model().levers[2].owner.alliance.index, 0);
}

TEST_F(SmallCrisis, RedLineTriggerTree) {
  const RedLine& line = model().red_lines[0];
  EXPECT_EQ(line.owner.index, 0);
  EXPECT_EQ(line.audience, Audience::kPublic);
  EXPECT_EQ(line.deadline, 3);
  EXPECT_EQ(line.response_lever.index, 1);
  EXPECT_EQ(line.response_level, 1);
  const Condition& any = condition(line.trigger);
  ASSERT_EQ(any.kind, ConditionKind::kAny);
  ASSERT_EQ(any.children.size(), 2u);
  const Condition& lever = condition(any.children[0]);
  EXPECT_EQ(lever.kind, ConditionKind::kLeverAtLeast);
  EXPECT_EQ(lever.lever.index, 0);
  EXPECT_EQ(lever.level, 2);
  const Condition& all = condition(any.children[1]);
  ASSERT_EQ(all.kind, ConditionKind::kAll);
  const Condition& interference = condition(all.children[0]);
  EXPECT_EQ(interference.kind, ConditionKind::kInterferenceAtLeast);
  EXPECT_EQ(model().parameters[interference.threshold.index].a, 0.8);
  const Condition& negation = condition(all.children[1]);
  ASSERT_EQ(negation.kind, ConditionKind::kNot);
  const Condition& strike = condition(negation.children[0]);
  EXPECT_EQ(strike.kind, ConditionKind::kStrikeOn);
  EXPECT_EQ(strike.actor.index, 0);
}

TEST_F(SmallCrisis, AllianceChannelWarOutcomes) {
  const Alliance& pact = model().alliances[0];
  EXPECT_EQ(pact.rule, AllianceRule::kWeighted);
  ASSERT_EQ(pact.members.size(), 2u);
  EXPECT_EQ(pact.members[1].index, 2);
  EXPECT_EQ(pact.weights.size(), 2u);
  EXPECT_EQ(pact.response_lever.index, 2);
  EXPECT_EQ(pact.proportionate_level, 1);
  EXPECT_EQ(pact.total_level, 2);
  EXPECT_EQ(pact.total_from.index, 3);  // defaults to the total level's rung
  const Channel& hotline = model().channels[0];
  EXPECT_EQ(hotline.ends[0].actor.index, 0);
  EXPECT_EQ(hotline.ends[1].alliance.index, 0);
  EXPECT_EQ(model().theatre.id, "border_war");
  EXPECT_EQ(model().theatre.side_labels[1], "Client");
  EXPECT_EQ(model().parameters[model().theatre.bargaining.talks.index].a, -5);
  const Outcome& direct = model().outcomes[1];
  EXPECT_EQ(direct.label, "direct");
  const Condition& any = condition(direct.when);
  ASSERT_EQ(any.kind, ConditionKind::kAny);
  EXPECT_EQ(condition(any.children[0]).rung.index, 3);
  EXPECT_EQ(condition(any.children[1]).kind, ConditionKind::kAllianceResponded);
  EXPECT_EQ(condition(model().outcomes[3].when).side, 0);
  EXPECT_EQ(condition(model().outcomes.back().when).kind, ConditionKind::kAlways);
}

TEST(Compiler, DefaultsWithoutOptionalSections) {
  const std::string text = R"(
scenario: {name: Bare}
ladder: [{id: calm}]
actors: [{id: solo, types: {t: {prior: 1}}}]
outcomes: [{id: end, when: {always: true}}]
)";
  Result<LoadedScenario> loaded = LoadScenarioText(text, "bare.yaml");
  ASSERT_TRUE(loaded.ok()) << Joined(loaded.errors());
  const Model& model = loaded->model;
  EXPECT_EQ(model.horizon, 26);
  EXPECT_FALSE(model.stop_at.valid());
  EXPECT_EQ(model.theatre.id, "");  // no war
  EXPECT_EQ(model.actors[0].decision.kind, DecisionKind::kQuantal);
  EXPECT_EQ(ParameterAt(model, "actors.solo.decision.lambda").ToString(), "1");
  EXPECT_EQ(ParameterAt(model, "war.decisive_band").ToString(), "1");
  for (std::size_t i = 0; i < model.parameters.size(); ++i) {
    EXPECT_FALSE(model.parameter_paths[i].empty()) << i;
  }
}

// Risk keys (B2, B4): a hazard's damage and `when` condition (which may name a lever defined
// further down the file), and an alliance member's individual response.
constexpr const char* kRiskKeys = R"(
scenario: {name: Risk}
ladder: [{id: calm}, {id: brink}, {id: crash}]
actors:
  - {id: row, favours: a, types: {t: {prior: 1}}}
  - {id: column, favours: b, types: {t: {prior: 1}}}
  - {id: third, favours: b, types: {t: {prior: 1}}}
levers:
  - id: row_course
    owner: row
    target: column
    levels:
      - {id: off, rung: calm}
      - id: brink
        rung: brink
        hazards: [{probability: 0.5, victim: column, rung: crash, damage: 7, when: {lever: column_course, at_least: brink}}]
  - id: column_course
    owner: column
    target: row
    levels: [{id: off, rung: calm}, {id: brink, rung: brink, hazards: [{probability: 0.1, victim: row, rung: crash}]}]
  - {id: pact_force, owner: pact, target: row, levels: [{id: none, rung: calm}, {id: strike, rung: crash}]}
  - {id: third_force, owner: third, target: row, levels: [{id: none, rung: calm}, {id: strike, rung: crash}]}
alliances:
  - id: pact
    members: [column, third]
    response: {lever: pact_force, proportionate: strike, total: strike}
    individual_response: {third: {lever: third_force, level: strike}}
outcomes: [{id: end, when: {always: true}}]
)";

TEST(Compiler, HazardDamageWhenAndIndividualResponse) {
  Result<LoadedScenario> loaded = LoadScenarioText(kRiskKeys, "risk.yaml");
  ASSERT_TRUE(loaded.ok()) << Joined(loaded.errors());
  const Model& model = loaded->model;
  const Hazard& joint = model.levers[0].levels[1].hazards[0];
  EXPECT_EQ(ParameterAt(model, "levers.row_course.levels.brink.hazards.0.damage").ToString(), "7");
  ASSERT_TRUE(joint.when.valid());
  EXPECT_EQ(model.conditions[joint.when.index].kind, ConditionKind::kLeverAtLeast);
  EXPECT_EQ(model.conditions[joint.when.index].lever.index, 1);
  EXPECT_EQ(model.conditions[joint.when.index].level, 1);
  const Hazard& plain = model.levers[1].levels[1].hazards[0];
  EXPECT_FALSE(plain.when.valid());
  EXPECT_EQ(ParameterAt(model, "levers.column_course.levels.brink.hazards.0.damage").ToString(),
            "0");
  // The joint hazard couples row and column (FinalizeModel), not the third actor.
  ASSERT_EQ(model.hazards_watching[1].size(), 1u);
  EXPECT_EQ(model.hazards_watching[1][0].lever.index, 0);
  EXPECT_TRUE(model.any_coupled);
  EXPECT_TRUE(model.coupled[0] && model.coupled[1]);
  EXPECT_FALSE(model.coupled[2]);
  EXPECT_EQ(model.total_hazards, 2);
  ASSERT_EQ(model.alliances[0].individual.size(), 1u);
  EXPECT_EQ(model.alliances[0].individual[0].member.index, 2);
  EXPECT_EQ(model.alliances[0].individual[0].lever.index, 3);
  EXPECT_EQ(model.alliances[0].individual[0].level, 1);
}

TEST(Compiler, RiskKeyErrors) {
  std::string text = kRiskKeys;
  auto replace = [&](const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
  };
  replace("at_least: brink}}]", "at_least: brik}}]");
  replace("{third: {lever: third_force", "{thrid: {lever: third_force");
  Result<LoadedScenario> loaded = LoadScenarioText(text, "risk.yaml");
  ASSERT_FALSE(loaded.ok());
  const std::string errors = Joined(loaded.errors());
  EXPECT_NE(errors.find("levers.row_course.levels.brink.hazards.0.when.at_least: lever "
                        "'column_course' has no level 'brik'; did you mean 'brink'?"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find("alliances.pact.individual_response.thrid: 'thrid' is not a member of "
                        "alliance 'pact'; did you mean 'third'?"),
            std::string::npos)
      << errors;

  text = kRiskKeys;
  replace("{third: {lever: third_force", "{third: {lever: row_course");
  loaded = LoadScenarioText(text, "risk.yaml");
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(Joined(loaded.errors())
                .find("alliances.pact.individual_response.third.lever: lever 'row_course' belongs "
                      "to 'row', but member 'third' can only respond with its own levers"),
            std::string::npos)
      << Joined(loaded.errors());
}

}  // namespace
}  // namespace redline::scenario
