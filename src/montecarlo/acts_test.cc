// Acts, postures, consequences, earliest steps and orders (model 0.2, B6; docs/model.md §3.2 and
// §5.7), step by step on tests/scenarios/acts.yaml, whose actors are scripted so that every
// step's moves are known: each expectation below is worked out from the scenario's numbers.
//
// Checked to fail with each mechanism removed (temporary edits, not kept; run 2026-12-02):
//  - act effects every step (war.cc not zeroing an act's own cost and damage after its step)
//    together with no consequences (DoAct not raising `causes`): RaidHappensOnce,
//    TheRaidCausesTheCapture, EarliestStep and EnforcementByAnActStrikesOnce fail;
//  - the floor (BuildCandidates without act_floor): ActsAreNotUndone fails;
//  - earliest steps and lead times (no HighestOpen, lead time 0): RaidHappensOnce, EarliestStep
//    and OrdersTakeTheirLeadTime fail.
#include <gtest/gtest.h>

#include <vector>

#include "agents/factory.h"
#include "agents/utility.h"
#include "crisis/pathway.h"
#include "montecarlo/scenario_test_util.h"
#include "sim/simulator.h"

namespace redline {
namespace {

using testing_util::LeverIndex;
using testing_util::LoadModel;

// The state after each step of one run (trace[s] = after step s).
struct Trace {
  Model model;
  std::vector<State> after;
};

Trace RunActs() {
  Trace trace;
  trace.model = LoadModel(REDLINE_SOURCE_DIR "/tests/scenarios/acts.yaml");
  const Simulator sim(trace.model, MakeDecisionModels(trace.model));
  State state;
  state.Allocate(trace.model);
  const RunRng rng(7, 0);
  sim.Reset(state, rng);
  while (!state.done) {
    sim.Step(state, rng);
    trace.after.push_back(state);
  }
  return trace;
}

constexpr int kEast = 0, kWest = 1;

TEST(Acts, RaidHappensOnce) {
  const Trace t = RunActs();
  ASSERT_EQ(t.after.size(), 10u);
  const int raid = LeverIndex(t.model, "raid");
  // Step 2: the raid (cost 1 to East, damage 2 to West) and its strike on West, once.
  EXPECT_EQ(t.after[1].level[raid], 0);
  EXPECT_EQ(t.after[2].level[raid], 1);
  EXPECT_DOUBLE_EQ(t.after[2].cost[kWest], 2.0);
  EXPECT_GE(t.after[2].strike_rung[kWest], 0);
  EXPECT_EQ(t.after[3].strike_rung[kWest], -1);
  // West pays only its mobilisation from step 4 on (0.5 per step, steps 4..9): 2 + 3 = 5.
  EXPECT_DOUBLE_EQ(t.after[3].cost[kWest], 2.0);
  EXPECT_DOUBLE_EQ(t.after[9].cost[kWest], 5.0);
}

TEST(Acts, ActsAreNotUndone) {
  const Trace t = RunActs();
  const int raid = LeverIndex(t.model, "raid");
  // East's schedule takes the raid back to none at step 6: the lever stays at the act.
  for (int s = 2; s < 10; ++s) EXPECT_EQ(t.after[s].level[raid], 1) << "after step " << s;
}

TEST(Acts, TheRaidCausesTheCapture) {
  const Trace t = RunActs();
  const int pilot = LeverIndex(t.model, "pilot");
  EXPECT_EQ(t.after[1].level[pilot], 0);
  EXPECT_EQ(t.after[2].level[pilot], 1);  // captured in the raid's step
  const Pathway& why = t.after[2].lever_path[pilot];
  ASSERT_FALSE(why.empty());
  EXPECT_EQ(why.link[why.length() - 1], static_cast<std::uint8_t>(LinkKind::kConsequence));
}

TEST(Acts, EarliestStep) {
  const Trace t = RunActs();
  const int pilot = LeverIndex(t.model, "pilot");
  // The release is scheduled from step 3 but opens only at step 5.
  EXPECT_EQ(t.after[4].level[pilot], 1);
  EXPECT_EQ(t.after[5].level[pilot], 2);
}

TEST(Acts, OrdersTakeTheirLeadTime) {
  const Trace t = RunActs();
  const int mobilise = LeverIndex(t.model, "mobilise");
  // Ordered at step 1 with a lead time of 3: in force from step 4.
  EXPECT_EQ(t.after[1].order_level[mobilise], 1);
  EXPECT_EQ(t.after[3].level[mobilise], 0);
  EXPECT_EQ(t.after[4].level[mobilise], 1);
}

TEST(Acts, EnforcementByAnActStrikesOnce) {
  const Trace t = RunActs();
  // The raid crosses West's line at step 2; West enforces at step 3 with a one-off strike
  // (damage 3 to East): East's costs are the raid (1) and the answer (3), nothing after.
  EXPECT_EQ(t.after[2].red_line_status[0], RedLineStatus::kCrossed);
  EXPECT_EQ(t.after[3].red_line_status[0], RedLineStatus::kEnforced);
  EXPECT_GE(t.after[3].strike_rung[kEast], 0);
  EXPECT_EQ(t.after[4].strike_rung[kEast], -1);
  EXPECT_DOUBLE_EQ(t.after[3].cost[kEast], 4.0);
  EXPECT_DOUBLE_EQ(t.after[9].cost[kEast], 4.0);
}

// docs/model.md §5.7: an act's own cost counts once, a posture's for R = H - K steps.
TEST(Acts, UtilityCountsAnActOnceAndAnOrderFromItsLeadTime) {
  const Model model = LoadModel(REDLINE_SOURCE_DIR "/tests/scenarios/acts.yaml");
  const Simulator sim(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  sim.Reset(state, RunRng(7, 0));
  constexpr double kH = 4;  // both actors' decision.lookahead
  ASSERT_EQ(Lookahead(model, state, ActorId(kEast)), kH);
  const LeverId raid(LeverIndex(model, "raid"));
  const MoveTerms act = MoveUtilityTerms(model, state, ActorId(kEast), Move{raid, 1}, kH);
  const double retaliation = RedLineRetaliation(model, state, ActorId(kEast), raid, 1, kH);
  // The threat of West's answer (an act of damage 3) is 3 / H per step, over H steps.
  EXPECT_NEAR(retaliation, state.Credibility(ActorId(kEast), RedLineId(0)) * 3.0, 1e-12);
  EXPECT_NEAR(act.cost, 1.0 + retaliation, 1e-12);
  EXPECT_NEAR(act.coercion, 0.0, 1e-12);  // East favours no side
  const LeverId mobilise(LeverIndex(model, "mobilise"));
  const MoveTerms order = MoveUtilityTerms(model, state, ActorId(kWest), Move{mobilise, 1}, kH);
  EXPECT_NEAR(order.cost, 0.5 * (kH - 3), 1e-12);
}

// docs/model.md §5.7: an order landing at or beyond the lookahead (lead time 3, lookahead 2 or
// 3) is weighed as if the lookahead reached the step it lands (R = 1), not at its switching
// cost alone. Checked to fail with the formula before model 0.2's review (R = max(0, H - K)):
// the order's cost was 0 for both lookaheads.
TEST(Acts, AnOrderLandingBeyondTheLookaheadIsStillWeighed) {
  for (const char* lookahead : {"2", "3"}) {
    const Model model = LoadModel(REDLINE_SOURCE_DIR "/tests/scenarios/acts.yaml",
                                  {std::string("actors.west.decision.lookahead=") + lookahead});
    const Simulator sim(model, MakeDecisionModels(model));
    State state;
    state.Allocate(model);
    sim.Reset(state, RunRng(7, 0));
    const double h = Lookahead(model, state, ActorId(kWest));
    ASSERT_LE(h, 3.0);
    const LeverId mobilise(LeverIndex(model, "mobilise"));
    const MoveTerms order = MoveUtilityTerms(model, state, ActorId(kWest), Move{mobilise, 1}, h);
    EXPECT_NEAR(order.cost, 0.5, 1e-12) << "lookahead " << lookahead;
  }
}

// docs/model.md §7.2: enforcing with an act weighs the act's own cost once, as a decision to do
// it unprompted does (§5.7), not once per step of the lookahead. Checked to fail with model
// 0.2's first version, which counted it H times (cost 8 + retaliation here).
TEST(Acts, EnforcementCountsAnActResponseOnce) {
  const Model model = LoadModel(REDLINE_SOURCE_DIR "/tests/scenarios/acts.yaml",
                                {"levers.answer.levels.strike.cost=2"});
  const Simulator sim(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  sim.Reset(state, RunRng(7, 0));
  constexpr double kH = 4;
  ASSERT_EQ(Lookahead(model, state, ActorId(kWest)), kH);
  const LeverId answer(LeverIndex(model, "answer"));
  const ResponseTerms terms = EnforcementTerms(model, state, RedLineId(0), kH);
  EXPECT_NEAR(terms.cost, 2.0 + ExpectedRetaliation(model, state, ActorId(kWest), answer, 1, kH),
              1e-12);
}

}  // namespace
}  // namespace redline

namespace redline {
namespace {

// docs/model.md §8: an incident taken as deliberate is blamed on `blamed`, not the lever's
// owner: the attack on West's alliance is recorded as Proxy's.
TEST(Blame, AnIncidentIsBlamedOnTheNamedActor) {
  const Model model = testing_util::LoadModel(REDLINE_SOURCE_DIR "/tests/scenarios/blame.yaml");
  const Simulator sim(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  const RunRng rng(1, 0);
  sim.Reset(state, rng);
  sim.Step(state, rng);
  EXPECT_EQ(state.perceived_incidents, 1);
  EXPECT_EQ(state.alliance_attacker[0], 2);  // proxy, not east (0)
}

}  // namespace
}  // namespace redline
