// MODEL2 properties 12 and 13: risk is priced (B2) and alliances deliberate on the evidence
// (B4). Statistical checks with fixed seeds and common random numbers; every tolerance is stated
// next to its check. How each test was checked to fail without its mechanism is said in its
// comment.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "agents/factory.h"
#include "games/library_games.h"
#include "montecarlo/runner.h"
#include "montecarlo/scenario_test_util.h"
#include "montecarlo/statistics.h"
#include "scenario/loader.h"
#include "sim/simulator.h"

namespace redline {
namespace {

constexpr const char* kChicken = REDLINE_SOURCE_DIR "/tests/scenarios/chicken_stage.yaml";
constexpr const char* kUkraine = REDLINE_SOURCE_DIR "/scenarios/ukraine_2022.yaml";
using testing_util::LeverIndex;
using testing_util::OutcomeIndex;
Model Load(const std::string& file, const std::vector<std::string>& overrides,
           const std::string& variant = "") {
  return testing_util::LoadModel(file, overrides, variant);
}

// The symmetric logit equilibrium of the one-shot chicken with gain g, humiliation h and crash
// cost c at precision λ: P(straight) = p with p = σ(λ·(g − (g + c − h)·p)). The right side falls
// in p, so the root is unique; bisection to 1e-14.
double SymmetricLogitStraight(double g, double h, double c, double lambda) {
  double low = 0, high = 1;
  for (int i = 0; i < 60; ++i) {
    const double p = 0.5 * (low + high);
    const double response = 1.0 / (1.0 + std::exp(-lambda * (g - (g + c - h) * p)));
    (response > p ? low : high) = p;
  }
  return 0.5 * (low + high);
}

// The chicken scenario for crash cost c (g = 1, h = 0, as in the file): the crash damages each
// driver g + c − h (the strategically equivalent mapping of the file's header).
Model Chicken(double crash_cost) {
  const std::string damage = std::to_string(1.0 + crash_cost);
  return Load(kChicken, {"levers.row_course.levels.straight.hazards.0.damage=" + damage,
                         "levers.column_course.levels.straight.hazards.0.damage=" + damage});
}

// Property 12. Two drivers at λ = 100 play the simulator's stage game: the joint crash hazard
// makes each one's utility depend on the other's simultaneous choice, and the stage's logit
// equilibrium (docs/model.md §5.6) prices it. P(swerve) must equal 1 − q of the game library's
// closed form q = g/(g + c − h), up to the logit bias at λ = 100 (computed exactly by
// SymmetricLogitStraight and stated below) and Monte Carlo error (20,000 runs: sd ≤ 0.0031; we
// allow 4 sd). Raising c raises P(swerve) (paired, 95% interval above 0).
//
// Checked to fail without the mechanism: with risk pricing off (the hazard term removed from
// the move's cost) nobody swerves (P(swerve) = 0: going straight saves the cost g); with the
// stage equilibrium off (others assumed to hold their current level, as in model 0.1) both
// drivers swerve in every run (P(swerve) = 1), and the test fails both ways.
TEST(RiskProperties, ChickenSwervesWithTheMixedEquilibriumProbability) {
  constexpr double kGain = 1, kHumiliation = 0, kLambda = 100;
  constexpr std::int64_t kRuns = 20000;
  const double crash_costs[] = {3.0, 6.0};
  std::vector<Model> models;
  for (double c : crash_costs) models.push_back(Chicken(c));
  const Model* variants[] = {&models[0], &models[1]};
  RunOptions options;
  options.runs = kRuns;
  options.seed = 12;
  options.threads = 2;
  const Comparison comparison = CompareVariants(variants, options);
  for (int v = 0; v < 2; ++v) {
    const double c = crash_costs[v];
    const games::ChickenEquilibria closed = games::SolveChickenClosedForm({kGain, kHumiliation, c});
    const double logit = SymmetricLogitStraight(kGain, kHumiliation, c, kLambda);
    // The λ bias: |logit − q| = |ln(p/(1−p))| / (λ (g + c − h)) ≤ 0.006 for these values.
    EXPECT_NEAR(logit, closed.mixed_straight, 0.006) << "c = " << c;
    const Summary& s = comparison.variants[v];
    const double both = s.outcomes[OutcomeIndex(models[v], "both_swerve")].p;
    const double row_swerves = s.outcomes[OutcomeIndex(models[v], "column_wins")].p + both;
    const double column_swerves = s.outcomes[OutcomeIndex(models[v], "row_wins")].p + both;
    const double sd = std::sqrt(0.25 / kRuns);
    EXPECT_NEAR(row_swerves, 1.0 - logit, 4 * sd) << "c = " << c;
    EXPECT_NEAR(column_swerves, 1.0 - logit, 4 * sd) << "c = " << c;
    EXPECT_NEAR(row_swerves, 1.0 - closed.mixed_straight, 4 * sd + 0.006) << "c = " << c;
    // Independent mixing: P(collision) = q².
    EXPECT_NEAR(s.outcomes[OutcomeIndex(models[v], "collision")].p, logit * logit, 4 * sd);
  }
  // A costlier crash: more swerving, i.e. fewer runs in which row goes straight and wins or
  // collides. Paired over the same runs.
  const int row_wins = OutcomeIndex(models[0], "row_wins");
  const int collision = OutcomeIndex(models[0], "collision");
  EXPECT_LT(comparison.paired[1][row_wins].ci.high, 0.0);
  EXPECT_LT(comparison.paired[1][collision].ci.high, 0.0);
}

// Runs `runs` runs of `model` (seed 13) and counts, among the runs `selected`, those in which
// `responded` holds; both read the end-of-run State.
struct Count {
  std::int64_t selected = 0, responded = 0;
};
template <typename Select, typename Responded>
Count CountRuns(const Model& model, std::int64_t runs, Select selected, Responded responded) {
  const Simulator simulator(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  Count count;
  for (std::int64_t r = 0; r < runs; ++r) {
    simulator.Run(state, RunRng(13, static_cast<std::uint64_t>(r)));
    if (!selected(state)) continue;
    ++count.selected;
    count.responded += responded(state) ? 1 : 0;
  }
  return count;
}

// Property 13 on the shipped scenario (ukraine_2022), in two controlled set-ups (4,000 runs,
// seed 13):
//  - accident: the deconfliction line open in every run, Russian supply strikes from the first
//    week with a stray-missile hazard of 0.05 a week, and Russia's deliberate strikes on NATO
//    held off. Among the 287 runs with an incident perceived as deliberate, NATO used force in
//    0 (model 0.1, seed 1 from the command line: 258 of 265 runs, 97 %): members weigh the
//    evidence — over an accurate channel a perceived strike is far likelier a misread accident
//    than a deliberate attack (P(deliberate | perceived) ≈ 0.1), so the value of responding and
//    the credibility cost of refusing shrink while the response's cost does not.
//  - deliberate: Russia's limited strike on Poland in force from the first week. NATO responds
//    in 3,485 of 4,000 runs, 87 % (model 0.1: 6.9 %), through the credibility cost of failing a
//    deliberate attack (calibration in the scenario file; Leeds et al.'s 74.5 % is the target
//    range).
// Wilson 95 % intervals: the accident rate's upper bound below 1/2, the deliberate rate's lower
// bound above 1/2. Checked to fail without evidence weighing (evidence fixed at 1: NATO answers
// the misread incident in 285 of the 287 runs).
TEST(RiskProperties, AllianceAnswersDeliberateStrikesNotMisreadAccidents) {
  constexpr std::int64_t kRuns = 4000;
  const Model accident =
      Load(kUkraine,
           {"levers.supply_strikes.initial=strikes",
            "levers.supply_strikes.levels.strikes.hazards.0.probability=0.05",
            "levers.supply_strikes.levels.intense.hazards.0.probability=0.05",
            "levers.limited_strike.max_change=0", "levers.russian_war_on_nato.max_change=0"},
           "hotline_open");
  const int nato = LeverIndex(accident, "nato_response");
  const Count misread = CountRuns(
      accident, kRuns, [](const State& s) { return s.perceived_incidents > 0; },
      [&](const State& s) { return s.peak_level[nato] > 0; });
  ASSERT_GT(misread.selected, 100);
  const Interval accident_ci = WilsonInterval(misread.responded, misread.selected);
  EXPECT_LT(accident_ci.high, 0.5) << misread.responded << " of " << misread.selected;

  const Model deliberate = Load(
      kUkraine, {"levers.limited_strike.initial=strike", "levers.limited_strike.max_change=0"});
  const Count attacked = CountRuns(
      deliberate, kRuns, [](const State&) { return true; },
      [&](const State& s) { return s.peak_level[nato] > 0; });
  const Interval deliberate_ci = WilsonInterval(attacked.responded, attacked.selected);
  EXPECT_GT(deliberate_ci.low, 0.5) << attacked.responded << " of " << attacked.selected;
}

// B4: responses can fall. Russia (scripted) strikes Poland in weeks 0–1 and stops from week 2;
// NATO answers, then, with no new attack, its members vote each week on keeping the response
// and it ends. Among the runs in which NATO responded (all 4,000), the response is off at the
// end in 3,996 (model 0.1: alliance levers only rose, so never). Checked to fail with the
// reconsideration switched off (the response then stays to the horizon in every run: 0 ended).
TEST(RiskProperties, AllianceResponseEndsWhenTheAttackStops) {
  const Model model =
      Load(kUkraine,
           {"actors.russia.decision.model=scripted",
            "actors.russia.decision.schedule=[{step: 0, lever: limited_strike, level: strike}, "
            "{step: 2, lever: limited_strike, level: none}]"});
  const int nato = LeverIndex(model, "nato_response");
  const Count ended = CountRuns(
      model, 4000, [&](const State& s) { return s.peak_level[nato] > 0; },
      [&](const State& s) { return s.level[nato] == 0; });
  ASSERT_GT(ended.selected, 100);
  const Interval ci = WilsonInterval(ended.responded, ended.selected);
  EXPECT_GT(ci.low, 0.5) << ended.responded << " of " << ended.selected;
}

}  // namespace
}  // namespace redline
