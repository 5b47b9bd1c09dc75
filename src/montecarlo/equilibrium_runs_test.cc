// The equilibrium decision model inside runs: deterrence works at the cutoff the deterrence
// game predicts, enforcement follows the defender's type, the 0/1 likelihoods move beliefs to
// certainty without breaking the Bayesian update, and scenario files can switch any actor to
// the model (`decision: {model: equilibrium, ...}`).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "montecarlo/runner.h"
#include "scenario/loader.h"
#include "testing/test_models.h"

namespace redline {
namespace {

using testing::ModelBuilder;

// Challenger C (equilibrium, one type: cost weight 1, coercion value 1, H = 2) can turn
// `push` on: coercion 1·1·2 − own cost 0.25·2 = 1.5. Defender D's red line answers with
// `hit` (damage 2.25 to C: war cost 1·2.25·2 = 4.5), so C challenges iff its belief that D is
// resolute is below 1.5 / (1.5 + 4.5) = 0.25. D (equilibrium, H = 2, audience cost 1):
// the resolute type enforces (net cost 0.5·1·2 − 1·1 = 0 <= 1), the irresolute one does not
// (2·1·2 − 1·1 = 3 > 1).
Model Standoff(double prior_resolute) {
  ModelBuilder b;
  const RungId low = b.Rung("low");
  const RungId high = b.Rung("high");
  const ActorId d = b.Actor("defender", 0);
  const ActorId c = b.Actor("challenger", 1);
  b.Types(d, {{prior_resolute, 1, 0.5}, {1 - prior_resolute, 1, 2}});
  b.Quantal(d, 20, 2);
  b.Quantal(c, 3, 2);
  b.model().actors[d.index].decision.kind = DecisionKind::kEquilibrium;
  b.model().actors[c.index].decision.kind = DecisionKind::kEquilibrium;
  b.model().actors[c.index].coercion_value = b.Const(1);
  const LeverId push = b.ActorLever("push", c, d);
  b.AddLevel(push, "off", low);
  Level& on = b.AddLevel(push, "on", high);
  on.cost = b.Const(0.25);
  on.damage = b.Const(1);
  const LeverId hit = b.ActorLever("hit", d, c);
  b.AddLevel(hit, "off", low);
  Level& strike = b.AddLevel(hit, "on", high);
  strike.cost = b.Const(1);
  strike.damage = b.Const(2.25);
  b.RedLine("line", d, b.LeverAtLeast(push, 1), hit, 1, 2, 1.0, 1.0);
  b.model().horizon = 10;
  return b.Build();
}

constexpr int kActors = 2, kDefender = 0, kChallenger = 1;

TEST(EquilibriumRuns, ChallengerCrossesOnlyBelowTheCutoffAndTheDefenderEnforcesByType) {
  const Model doubtful = Standoff(0.125);  // below the cutoff 0.25
  const Model convinced = Standoff(0.5);   // above it
  const Model* models[] = {&doubtful, &convinced};
  RunOptions options;
  options.runs = 2000;
  options.seed = 11;
  options.threads = 2;
  std::vector<RunRecord> records(options.runs);
  const Comparison c = CompareVariants(models, options, [&](int variant, const RunRecord& record) {
    if (variant == 0) records[record.index] = record;
  });
  const RedLineStat& below = c.variants[0].red_lines[0];
  const RedLineStat& above = c.variants[1].red_lines[0];
  // Below the cutoff the PBE challenges: every run crosses, at step 0.
  EXPECT_EQ(below.crossed, options.runs);
  EXPECT_EQ(below.mean_crossing_step, 0.0);
  // Above it, C crosses only if D's (barely informative) holds lowered its belief below 0.25.
  EXPECT_LT(above.p_crossed, 0.02) << above.crossed << " crossings";
  // Below the cutoff: enforced iff D is resolute; afterwards C knows D's type for certain (the
  // enforcement choice has likelihood 1 under one type and 0 under the other).
  int resolute = 0;
  for (const RunRecord& r : records) {
    const bool is_resolute = r.types[kDefender].index == 0;
    resolute += is_resolute;
    EXPECT_EQ(r.red_lines[0] == RedLineStatus::kEnforced, is_resolute) << "run " << r.index;
    EXPECT_EQ(r.red_lines[0] == RedLineStatus::kLapsed, !is_resolute) << "run " << r.index;
    EXPECT_EQ(r.beliefs[kChallenger * kActors + kDefender], is_resolute ? 1.0 : 0.0)
        << "run " << r.index;
  }
  EXPECT_GT(resolute, 150);  // ~12.5% of 2000: both branches are exercised
  EXPECT_EQ(below.enforced, resolute);
}

// A small scenario written as a user would, with one actor on the equilibrium model.
constexpr const char* kScenario = R"yaml(
scenario:
  name: Equilibrium standoff
  horizon: {steps: 12}
ladder:
  - {id: calm, label: Calm}
  - {id: pressure, label: Pressure}
  - {id: strike, label: Strike}
actors:
  - id: defender
    favours: a
    belligerent: a
    types:
      resolute:   {prior: {dist: uniform, low: 0.02, high: 0.5}, stakes: 1, cost_weight: 0.5}
      irresolute: {prior: 0.5, stakes: 1, cost_weight: 2}
    decision: {model: equilibrium, lambda: 2, lookahead: 4}
  - id: challenger
    favours: b
    belligerent: b
    coercion_value: 1
    types:
      bold:     {prior: 0.5, stakes: 1, cost_weight: 1}
      cautious: {prior: 0.5, stakes: 1, cost_weight: 2}
    decision: {model: equilibrium, lambda: 2, lookahead: 4}
levers:
  - id: push
    owner: challenger
    target: defender
    levels:
      - {id: off, rung: calm}
      - {id: on, rung: pressure, cost: 0.25, damage: 1, perceived_by: {defender: 1}}
  - id: hit
    owner: defender
    target: challenger
    levels:
      - {id: off, rung: calm}
      - {id: on, rung: strike, cost: 1, damage: 2.25, perceived_by: {challenger: 1}}
red_lines:
  - id: no_push
    owner: defender
    audience: public
    audience_cost: 1
    value: 1
    trigger: {lever: push, at_least: on}
    response: {lever: hit, level: on}
    deadline: 2
war:
  id: contest
  sides: {a: {label: Defender, power: 0.5}, b: {label: Challenger, power: 0.5}}
  initial_balance: 0
  drift: 0.1
  noise: 0.2
  decisive_band: 5
outcomes:
  - {id: struck, label: Strike, when: {max_rung_at_least: strike}}
  - {id: pressed, label: Pressure, when: {max_rung_at_least: pressure}}
  - {id: calm, label: Calm, when: {always: true}}
)yaml";

Summary Simulate(const Model& model, int threads, std::int64_t runs) {
  RunOptions options;
  options.runs = runs;
  options.seed = 5;
  options.threads = threads;
  options.chunk_size = 64;
  Result<Summary> summary = RunMonteCarlo(model, options);
  EXPECT_TRUE(summary.ok()) << (summary.ok() ? "" : summary.errors()[0].message);
  return summary.ok() ? *summary : Summary{};
}

TEST(EquilibriumRuns, ScenarioYamlSwitchesActorsToTheModel) {
  Result<scenario::LoadedScenario> loaded = scenario::LoadScenarioText(kScenario, "standoff.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.errors()[0].message;
  const Model& model = loaded->model;
  for (const Actor& actor : model.actors)
    EXPECT_EQ(actor.decision.kind, DecisionKind::kEquilibrium) << actor.id;
  const Summary one = Simulate(model, 1, 1000);
  EXPECT_EQ(one.runs, 1000);
  EXPECT_TRUE(one == Simulate(model, 2, 1000));
  // The defender's prior of resolve is p = u / (u + 0.5) with u ~ U(0.02, 0.5); the bold type
  // (gain 3, war cost 9) challenges iff p < 0.25, i.e. u < 1/6; the cautious one (gain 2, war
  // cost 18) iff p < 0.1. So about a fifth of the runs cross at once, and a few more later
  // when the defender's holds have lowered the belief (about 24% in all at seed 5).
  EXPECT_GT(one.red_lines[0].p_crossed, 0.1);
  EXPECT_LT(one.red_lines[0].p_crossed, 0.9);
}

TEST(EquilibriumRuns, ShippedScenariosRunWithEveryActorOnTheEquilibriumModel) {
  const std::filesystem::path dir = std::filesystem::path(REDLINE_SOURCE_DIR) / "scenarios";
  for (const char* file :
       {"chicken.yaml", "cuban_missile_1962.yaml", "sino_soviet_1969.yaml", "ukraine_2022.yaml"}) {
    SCOPED_TRACE(file);
    const std::string path = (dir / file).string();
    Result<scenario::LoadedScenario> base = scenario::LoadScenario(path);
    ASSERT_TRUE(base.ok()) << base.errors()[0].message;
    scenario::LoadOptions options;
    for (const Actor& actor : base->model.actors)
      options.overrides.push_back("actors." + actor.id +
                                  ".decision={model: equilibrium, lambda: 2, lookahead: 4}");
    Result<scenario::LoadedScenario> switched = scenario::LoadScenario(path, options);
    ASSERT_TRUE(switched.ok()) << switched.errors()[0].message;
    const Summary one = Simulate(switched->model, 1, 200);
    EXPECT_EQ(one.runs, 200);
    EXPECT_TRUE(one == Simulate(switched->model, 2, 200));
    for (double b : one.mean_belief_first_type) EXPECT_TRUE(b >= 0.0 && b <= 1.0) << b;
  }
}

}  // namespace
}  // namespace redline
