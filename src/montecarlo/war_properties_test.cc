// MODEL2.md properties 9, 10 and 14 (model 0.2 mechanisms B1 and B5) as statistical tests on
// the test scenarios tests/scenarios/war_desperation.yaml, war_coercion.yaml and
// reputation.yaml. Common random numbers (run r draws from RunRng(2022, r) in every variant),
// 4,000 runs; each claim is a paired difference whose 95% interval must exclude 0, or exact
// equality where the model makes two variants identical.
//
// How each test was checked to fail with its mechanism removed (temporary edits, not kept):
//  - property 9: WarValue (crisis/war_outlook.cc) returning the linear term
//    direction * drift * dN * H everywhere (model 0.1): the patron's and the belligerent's
//    probabilities no longer depend on the sign of the balance and both differences' intervals
//    contain 0 (they are exactly 0: identical decisions).
//  - property 10: WearinessFactor (agents/utility.cc) returning 1: P(concede) is the same with
//    little and with much damage (difference exactly 0).
//  - property 14: ReputationGain (agents/utility.cc) returning 0: the onlooker's weight changes
//    nothing (difference exactly 0).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "montecarlo/runner.h"
#include "montecarlo/scenario_test_util.h"
#include "scenario/loader.h"

namespace redline {
namespace {

constexpr std::int64_t kRuns = 4000;
using testing_util::LeverIndex;

// A test scenario of tests/scenarios/.
Model Load(const std::string& file, const std::vector<std::string>& overrides,
           const std::string& variant = "") {
  return testing_util::LoadModel(REDLINE_SOURCE_DIR "/tests/scenarios/" + file, overrides, variant);
}

// Runs two variants under common random numbers and keeps every run's record.
struct Paired {
  Comparison comparison;
  std::vector<RunRecord> records[2];
};

Paired RunPaired(const Model& first, const Model& second) {
  const Model* models[] = {&first, &second};
  RunOptions options;
  options.runs = kRuns;
  options.seed = 2022;
  options.threads = 2;
  Paired paired;
  paired.comparison = CompareVariants(models, options, [&](int variant, const RunRecord& record) {
    paired.records[variant].push_back(record);
  });
  return paired;
}

// Mean over runs of event(second run) - event(first run), with its 95% interval.
struct Difference {
  double mean = 0, low = 0, high = 0;
};

template <typename Event>
Difference PairedDifference(const Paired& paired, Event event) {
  const std::size_t n = paired.records[0].size();
  EXPECT_EQ(n, paired.records[1].size());
  double sum = 0, squares = 0;
  for (std::size_t r = 0; r < n; ++r) {
    const double d =
        (event(paired.records[1][r]) ? 1.0 : 0.0) - (event(paired.records[0][r]) ? 1.0 : 0.0);
    sum += d;
    squares += d * d;
  }
  const double mean = sum / n;
  const double sd = std::sqrt(std::max(0.0, squares / n - mean * mean));
  const double half = 1.959964 * sd / std::sqrt(static_cast<double>(n));
  return {mean, mean - half, mean + half};
}

// Property 9. The first step (horizon 1) of war_desperation.yaml with the balance at -2 (side a,
// East, near defeat) and at +2 (side b, the Client, near defeat). West, the Client's patron,
// raises its arms deliveries more often when the Client is losing; East strikes the supply
// more often when East is losing. With drift and noise 0 the balance changes no decision.
TEST(WarProperties, Property9WorseBalanceRaisesThePatronsAndTheBelligerentsEscalation) {
  const std::vector<std::string> first_step = {"scenario.horizon.steps=1"};
  auto at = [&](double balance, std::vector<std::string> extra = {}) {
    std::vector<std::string> overrides = first_step;
    overrides.push_back("war.initial_balance=" + std::to_string(balance));
    overrides.insert(overrides.end(), extra.begin(), extra.end());
    return Load("war_desperation.yaml", overrides);
  };
  const Model east_losing = at(-2), client_losing = at(2);
  const int arms = LeverIndex(east_losing, "west_arms");
  const int strikes = LeverIndex(east_losing, "supply_strikes");
  const Paired p = RunPaired(east_losing, client_losing);
  const Difference raise_arms =
      PairedDifference(p, [&](const RunRecord& r) { return r.peak_level[arms] == 2; });
  EXPECT_GT(raise_arms.low, 0.0) << "P(West raises arms | Client losing) - P(... | East losing) = "
                                 << raise_arms.mean;
  const Difference strike_supply =
      PairedDifference(p, [&](const RunRecord& r) { return r.peak_level[strikes] == 1; });
  EXPECT_LT(strike_supply.high, 0.0)
      << "P(East strikes | Client losing) - P(... | East losing) = " << strike_supply.mean;

  // Control: the war off (no drift, no noise) — the sign of the balance changes nothing.
  const std::vector<std::string> off = {"war.drift=0", "war.noise=0"};
  const Paired q = RunPaired(at(-2, off), at(2, off));
  EXPECT_EQ(q.comparison.variants[0].peak_level, q.comparison.variants[1].peak_level);
  EXPECT_EQ(q.comparison.variants[0].outcomes, q.comparison.variants[1].outcomes);
  EXPECT_EQ(PairedDifference(q, [&](const RunRecord& r) { return r.peak_level[arms] == 2; }).mean,
            0.0);
}

// Property 10. East cuts West's gas from the first step; with more damage per step West, whose
// weight on costs grows with what it has suffered (decision.cost_tolerance), stops arming the
// Client ("conceded" at the horizon) in more runs. Without cost_tolerance the damage changes
// no decision.
TEST(WarProperties, Property10MoreDamageRaisesConcession) {
  auto with_damage = [&](double damage, std::vector<std::string> extra = {}) {
    std::vector<std::string> overrides = {"levers.gas.levels.cut.damage=" + std::to_string(damage)};
    overrides.insert(overrides.end(), extra.begin(), extra.end());
    return Load("war_coercion.yaml", overrides);
  };
  const Paired p = RunPaired(with_damage(0.2), with_damage(1.0));
  const Difference concede =
      PairedDifference(p, [](const RunRecord& r) { return r.outcome.index == 0; });
  EXPECT_GT(concede.low, 0.0) << "P(concede | damage 1.0) - P(concede | damage 0.2) = "
                              << concede.mean;

  const std::vector<std::string> no_weariness = {"actors.west.decision.cost_tolerance=0"};
  const Paired q = RunPaired(with_damage(0.2, no_weariness), with_damage(1.0, no_weariness));
  EXPECT_EQ(q.comparison.variants[0].outcomes, q.comparison.variants[1].outcomes);
  EXPECT_EQ(q.comparison.variants[0].peak_level, q.comparison.variants[1].peak_level);
}

// Property 14. The challenger crosses the defender's public red line at the first step; a
// weight of 2 on the defender's reputation with the onlooker (a third party) raises
// P(enforced | crossed) over a weight of 0.
TEST(WarProperties, Property14ReputationWithAThirdPartyRaisesEnforcement) {
  const Model unwatched = Load("reputation.yaml", {});
  const Model watched = Load("reputation.yaml", {}, "watched");
  const Paired p = RunPaired(unwatched, watched);
  const RedLineStat& before = p.comparison.variants[0].red_lines[0];
  const RedLineStat& after = p.comparison.variants[1].red_lines[0];
  ASSERT_EQ(before.crossed, kRuns);  // the challenger crosses in every run
  ASSERT_EQ(after.crossed, kRuns);
  const Difference enforce = PairedDifference(
      p, [](const RunRecord& r) { return r.red_lines[0] == RedLineStatus::kEnforced; });
  EXPECT_GT(enforce.low, 0.0) << "P(enforce | crossed): " << before.p_enforced_given_crossed
                              << " -> " << after.p_enforced_given_crossed;
}

// B5: a line crossed while its response is already in force is recorded as such — not an
// enforcement, no enforcement decision (hence no belief update from one), not a lapse.
TEST(WarProperties, ResponseAlreadyInForceIsNotAnEnforcement) {
  const Model model = Load("reputation.yaml", {}, "response_in_force");
  const Paired p = RunPaired(model, model);
  const RedLineStat& line = p.comparison.variants[0].red_lines[0];
  EXPECT_EQ(line.crossed, kRuns);
  EXPECT_GT(line.in_force, kRuns * 9 / 10);  // the defender almost never drops its strike
  int in_force = 0;
  for (const RunRecord& r : p.records[0]) {
    if (r.red_lines[0] != RedLineStatus::kInForce) continue;
    ++in_force;
    EXPECT_EQ(r.enforcements, 0) << "run " << r.index;
    EXPECT_EQ(r.lapses, 0) << "run " << r.index;
  }
  EXPECT_EQ(in_force, line.in_force);
  EXPECT_LE(line.enforced + line.lapsed, line.crossed - line.in_force);
}

}  // namespace
}  // namespace redline
