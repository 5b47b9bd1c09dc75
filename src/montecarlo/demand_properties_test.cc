// MODEL2.md property 15 (model 0.2, B7; docs/model.md §7.3): a demand is satisfied in runs where
// the target complies, and the line then closes. tests/scenarios/demand.yaml: West demands that
// East withdraw its missiles within 4 steps or be struck; East decides by logit.
//
// SatisfiedWhenTheTargetComplies steps 2,000 runs (seed 15) one by one and checks, exactly, the
// lifecycle: while the demand is pending the missiles stand; the step the target complies the
// demand is satisfied; once satisfied it stays satisfied to the end of the run (closed: never
// crossed or enforced, even if East deploys again), and a run in which East never complied by
// the deadline has the line crossed at step 4.
//
// ThreatCompels: compliance is a response to the threat. With common random numbers (same seed
// and runs), P(East has withdrawn by the deadline) with the strike's damage at 0.5 must exceed
// the same probability with the damage at 0 (no threat) by at least 0.15. The irresolute type
// (audience cost 0.6) saves cred·0.5·(6 − d) ≈ 1 to 3 by complying, the resolute one (3.6)
// does not; `redline run` with seed 1 gives 0.32 against 0.05, a difference of 0.27, and the
// Monte Carlo sd of a paired difference over 2,000 runs is below 0.015. Checked to
// fail with the mechanism removed: with DemandRelief returning 0 (agents/utility.cc) the two
// probabilities are equal (the damage then changes nothing East sees), and the test fails.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "agents/factory.h"
#include "crisis/conditions.h"
#include "montecarlo/scenario_test_util.h"
#include "sim/simulator.h"

namespace redline {
namespace {

using testing_util::LeverIndex;
using testing_util::LoadModel;

constexpr int kRuns = 2000;
constexpr std::uint64_t kSeed = 15;
const std::string kScenario = REDLINE_SOURCE_DIR "/tests/scenarios/demand.yaml";

TEST(DemandProperty15, SatisfiedWhenTheTargetComplies) {
  const Model model = LoadModel(kScenario);
  const int missiles = LeverIndex(model, "missiles");
  const Simulator sim(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  int satisfied = 0, crossed = 0, redeployed_after = 0;
  for (int run = 0; run < kRuns; ++run) {
    const RunRng rng(kSeed, run);
    sim.Reset(state, rng);
    int satisfied_at = -1;
    while (!state.done) {
      const RedLineStatus before = state.red_line_status[0];
      sim.Step(state, rng);
      const int step = state.step - 1;
      const RedLineStatus now = state.red_line_status[0];
      if (satisfied_at >= 0) {  // closed: nothing changes it any more
        ASSERT_EQ(now, RedLineStatus::kSatisfied) << "run " << run << " step " << step;
        redeployed_after += state.level[missiles] == 1;
        continue;
      }
      if (state.level[missiles] == 0 &&
          (before == RedLineStatus::kPending || before == RedLineStatus::kIntact)) {
        ASSERT_EQ(now, RedLineStatus::kSatisfied) << "run " << run << " step " << step;
        ASSERT_LE(step, 4);
        satisfied_at = step;
        ++satisfied;
        continue;
      }
      if (step < 4) {
        ASSERT_EQ(now, RedLineStatus::kPending) << "run " << run << " step " << step;
      }
      if (step == 4) {
        ASSERT_TRUE(now == RedLineStatus::kCrossed) << "run " << run;
        ++crossed;
      }
    }
  }
  EXPECT_EQ(satisfied + crossed, kRuns);
  // Both branches occur (the scenario is calibrated so that neither is certain).
  EXPECT_GT(satisfied, kRuns / 10);
  EXPECT_GT(crossed, kRuns / 10);
  RecordProperty("satisfied", satisfied);
  RecordProperty("redeployed_after_satisfaction", redeployed_after);
}

double ComplianceByDeadline(const std::vector<std::string>& overrides) {
  const Model model = LoadModel(kScenario, overrides);
  const int missiles = LeverIndex(model, "missiles");
  const Simulator sim(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  int complied = 0;
  for (int run = 0; run < kRuns; ++run) {
    const RunRng rng(kSeed, run);
    sim.Reset(state, rng);
    bool withdrawn = false;
    while (!state.done && state.step <= 4) {
      sim.Step(state, rng);
      withdrawn |= state.level[missiles] == 0;
    }
    complied += withdrawn;
  }
  return static_cast<double>(complied) / kRuns;
}

TEST(DemandProperty15, ThreatCompels) {
  const double threatened = ComplianceByDeadline({});
  const double unthreatened = ComplianceByDeadline({"levers.strike.levels.strike.damage=0"});
  EXPECT_GT(threatened - unthreatened, 0.15)
      << "threatened " << threatened << ", unthreatened " << unthreatened;
  RecordProperty("p_comply_threatened", std::to_string(threatened));
  RecordProperty("p_comply_unthreatened", std::to_string(unthreatened));
}

}  // namespace
}  // namespace redline
