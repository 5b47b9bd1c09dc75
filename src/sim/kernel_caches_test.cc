// The kernel's memos must not change a number: red-line triggers memoised per (line, lever
// level) while State::trigger_memo is on (sim/stages.h TriggerMemo, agents CrossingThreat).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "agents/factory.h"
#include "agents/utility.h"
#include "sim/simulator.h"
#include "sim/stages.h"
#include "testing/test_models.h"

namespace redline {
namespace {

// Every (actor, lever, level, red line) CrossingThreat of the state, in a fixed order.
std::vector<double> AllCrossingThreats(const Model& model, const State& state) {
  std::vector<double> out;
  for (int a = 0; a < static_cast<int>(model.actors.size()); ++a)
    for (int l = 0; l < static_cast<int>(model.levers.size()); ++l)
      for (int k = 0; k < static_cast<int>(model.levers[l].levels.size()); ++k)
        for (int r = 0; r < static_cast<int>(model.red_lines.size()); ++r)
          out.push_back(CrossingThreat(model, state, ActorId(a), LeverId(l), k, RedLineId(r)));
  return out;
}

// With the memo on, every actor asks about every (lever, level, line) — the same keys from
// many actors, and each twice — and gets exactly what the unmemoised evaluation gives, at
// every step of many runs of the test crisis. Checked to fail when the memo's key leaves out
// the level (all levels of a lever then share the first level's answer).
TEST(TriggerMemo, GivesExactlyTheUnmemoisedCrossingThreats) {
  const Model model = testing::CrisisModel();
  const Simulator sim(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  int nonzero = 0, compared = 0;
  for (std::uint64_t run = 0; run < 40; ++run) {
    const RunRng rng(2022, run);
    sim.Reset(state, rng);
    while (!state.done) {
      ASSERT_FALSE(state.trigger_memo_on);  // the kernel turns it off after each use
      const std::vector<double> plain = AllCrossingThreats(model, state);
      {
        TriggerMemo memo(state);
        const std::vector<double> first = AllCrossingThreats(model, state);
        const std::vector<double> again = AllCrossingThreats(model, state);
        ASSERT_EQ(plain, first) << "run " << run << " step " << state.step;
        ASSERT_EQ(plain, again) << "run " << run << " step " << state.step;
      }
      for (double threat : plain) nonzero += threat != 0.0;
      compared += static_cast<int>(plain.size());
      sim.Step(state, rng);
    }
  }
  EXPECT_GT(nonzero, 100) << "of " << compared << ": the crisis must threaten something";
}

// Simulator::Step opens one TriggerMemo around the credibility refresh and the move
// probabilities, each of which opens its own: an enclosed memo must neither clear the
// enclosing one's entries nor turn it off, and the outermost turns it off at its end. Checked
// to fail with the enclosed guard clearing the memo as the outer one does (the entry is lost).
TEST(TriggerMemo, AnEnclosedMemoKeepsTheEnclosingOne) {
  const Model model = testing::CrisisModel();
  State state;
  state.Allocate(model);
  const Simulator sim(model, MakeDecisionModels(model));
  sim.Reset(state, RunRng(2022, 0));
  ASSERT_FALSE(state.trigger_memo.empty());
  {
    TriggerMemo outer(state);
    ASSERT_TRUE(state.trigger_memo_on);
    EXPECT_EQ(state.trigger_memo[0], -1);  // opened cleared
    state.trigger_memo[0] = 1;
    {
      TriggerMemo inner(state);
      EXPECT_TRUE(state.trigger_memo_on);
      EXPECT_EQ(state.trigger_memo[0], 1);
    }
    EXPECT_TRUE(state.trigger_memo_on);
    EXPECT_EQ(state.trigger_memo[0], 1);
  }
  EXPECT_FALSE(state.trigger_memo_on);
  TriggerMemo again(state);
  EXPECT_EQ(state.trigger_memo[0], -1);  // a new outermost memo starts cleared
}

// The credibility of an intact line reads the decision model's window probability directly
// (DecisionModel::EnforceWindowProbabilities; the quantal model returns σ(λU) and takes the
// per-step root only for crossed lines). At every step of many runs of the test crisis, for
// every line and type: the window probability is 1 − (1 − p)^D of the per-type p to rounding,
// and the per-step values, when asked for, are exactly EnforceProbability's. Checked to fail
// when the quantal model's window probability is the per-step p (the window ignored).
TEST(EnforceWindow, MatchesThePerStepProbabilities) {
  const Model model = testing::CrisisModel();
  const DecisionModels decisions = MakeDecisionModels(model);
  const Simulator sim(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  int compared = 0, between = 0;
  for (std::uint64_t run = 0; run < 40; ++run) {
    const RunRng rng(2022, run);
    sim.Reset(state, rng);
    while (!state.done) {
      for (int r = 0; r < static_cast<int>(model.red_lines.size()); ++r) {
        const ActorId owner = model.red_lines[r].owner;
        const int types = static_cast<int>(model.actors[owner.index].types.size());
        const int deadline = std::max(1, model.red_lines[r].deadline);
        std::vector<double> window(types), step(types);
        decisions[owner.index]->EnforceWindowProbabilities(model, state, RedLineId(r), window, step,
                                                           true);
        for (int t = 0; t < types; ++t) {
          const double p =
              decisions[owner.index]->EnforceProbability(model, state, RedLineId(r), TypeId(t));
          ASSERT_EQ(step[t], p) << "run " << run << " line " << r << " type " << t;
          const double expected = 1.0 - std::pow(1.0 - p, deadline);
          ASSERT_NEAR(window[t], expected, 1e-12) << "run " << run << " line " << r;
          ++compared;
          between += window[t] > 1e-6 && window[t] < 1.0 - 1e-6;
        }
      }
      sim.Step(state, rng);
    }
  }
  EXPECT_GT(between, 100) << "of " << compared << ": the window probabilities must vary";
}

}  // namespace
}  // namespace redline
