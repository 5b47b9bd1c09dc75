// MODEL.md §11, properties 1–6 and 8, as statistical comparisons under common random numbers
// (run r uses RunRng(seed, r) in every variant). Fixed seeds; each tolerance is stated next to
// its check. Property 7 (the equilibrium model equals the deterrence PBE) is tested in
// agents/equilibrium_test.cc, with runs of the model in montecarlo/equilibrium_runs_test.cc.
#include <gtest/gtest.h>

#include "montecarlo/runner.h"
#include "testing/test_models.h"

namespace redline {
namespace {

using testing::CrisisModel;
using testing::CrisisOptions;
using testing::ModelBuilder;

constexpr int kDirectWar = 0;  // CrisisModel's first outcome

Comparison Compare(const Model& first, const Model& second, std::int64_t runs,
                   const std::function<void(int, const RunRecord&)>& sink = nullptr) {
  const Model* models[] = {&first, &second};
  RunOptions options;
  options.runs = runs;
  options.seed = 2022;
  options.threads = 2;
  return CompareVariants(models, options, sink);
}

// 1. Closing the hotline raises P(war) with hazards on; with hazards off it changes nothing.
TEST(Properties, ClosingTheHotlineRaisesWarOnlyWithHazards) {
  CrisisOptions open, closed;
  open.hotline_open = 1.0;
  closed.hotline_open = 0.0;
  const Comparison on = Compare(CrisisModel(open), CrisisModel(closed), 4000);
  const PairedDifference& d = on.paired[1][kDirectWar];
  EXPECT_GT(d.ci.low, 0.0) << "paired difference " << d.difference;  // 95% CI above 0
  EXPECT_GT(on.variants[1].mean_perceived_incidents, on.variants[0].mean_perceived_incidents);

  open.hazard = closed.hazard = 0.0;
  const Comparison off = Compare(CrisisModel(open), CrisisModel(closed), 2000);
  EXPECT_TRUE(off.variants[0] == off.variants[1]);  // exactly the same runs
  EXPECT_EQ(off.paired[1][kDirectWar].difference, 0.0);
}

// A deterrence duel: owner O (two types) holds red lines L1 (against challenger C1, scripted)
// and L2 (against challenger C2, quantal). C2 crosses L2 when O's enforcement looks unlikely.
Model Duel(bool c1_crosses, double audience_cost_l2, double c2_lambda) {
  ModelBuilder b;
  const RungId low = b.Rung("low");
  const RungId high = b.Rung("high");
  const ActorId owner = b.Actor("owner", 0);
  const ActorId c1 = b.Actor("c1", 1);
  const ActorId c2 = b.Actor("c2", 1);
  b.Types(owner, {{0.5, 6, 0.5}, {0.5, 1, 2}});
  b.Quantal(owner, 6.0, 2);  // sharp: idle moves of its costly levers are rare for both types
  b.Quantal(c2, c2_lambda, 2);
  b.model().actors[c2.index].coercion_value = b.Const(1.0);
  const LeverId p1 = b.ActorLever("p1", c1, owner);
  b.AddLevel(p1, "off", low);
  b.AddLevel(p1, "on", high);
  b.Perceive(p1, 1, c2, 1.0);
  const LeverId p2 = b.ActorLever("p2", c2, owner);
  b.AddLevel(p2, "off", low);
  Level& on = b.AddLevel(p2, "on", high);
  on.damage = b.Const(1.0);
  on.cost = b.Const(0.5);
  const LeverId r1 = b.ActorLever("r1", owner, c1);
  b.AddLevel(r1, "off", low);
  b.AddLevel(r1, "on", high).cost = b.Const(1.0);
  const LeverId r2 = b.ActorLever("r2", owner, c2);
  b.AddLevel(r2, "off", low);
  Level& hit = b.AddLevel(r2, "on", high);
  hit.cost = b.Const(1.0);
  hit.damage = b.Const(3.0);
  b.Scripted(c1,
             c1_crosses ? std::vector<ScheduleEntry>{{0, p1, 1}} : std::vector<ScheduleEntry>{});
  const RedLineId l1 = b.RedLine("l1", owner, b.LeverAtLeast(p1, 1), r1, 1, 2, 0.0, 1.0);
  const RedLineId l2 =
      b.RedLine("l2", owner, b.LeverAtLeast(p2, 1), r2, 1, 2, audience_cost_l2, 1.0);
  b.model().red_lines[l1.index].audience = Audience::kPrivate;
  b.model().red_lines[l2.index].audience = Audience::kPublic;
  b.model().horizon = 10;
  return b.Build();
}

// 2. A higher audience cost raises P(enforce | crossed) and lowers P(crossed).
TEST(Properties, AudienceCostRaisesEnforcementAndDeters) {
  const Comparison c = Compare(Duel(false, 0.0, 1.0), Duel(false, 4.0, 1.0), 4000);
  const RedLineStat& low = c.variants[0].red_lines[1];
  const RedLineStat& high = c.variants[1].red_lines[1];
  // Non-overlapping 95% Wilson intervals.
  EXPECT_GT(high.p_enforced_given_crossed_ci.low, low.p_enforced_given_crossed_ci.high);
  EXPECT_LT(high.p_crossed_ci.high, low.p_crossed_ci.low);
}

// 3. After a lapsed red line, challengers' belief in the owner's resolve falls and later
// crossings become likelier.
TEST(Properties, LapseLowersBeliefAndInvitesLaterCrossings) {
  constexpr int kActors = 3, kOwner = 0, kC2 = 2;
  const std::int64_t runs = 4000;
  std::vector<RunRecord> with(runs), without(runs);
  Compare(Duel(true, 0.0, 3.0), Duel(false, 0.0, 3.0), runs,
          [&](int v, const RunRecord& r) { (v == 0 ? with : without)[r.index] = r; });
  int lapsed = 0, crossed_with = 0, crossed_without = 0;
  double belief_with = 0, belief_without = 0;
  for (std::int64_t r = 0; r < runs; ++r) {
    if (with[r].red_lines[0] != RedLineStatus::kLapsed) continue;
    ++lapsed;
    // L2 crossed after the lapse (the lapse is decided at step 2).
    crossed_with += with[r].crossed_step[1] > with[r].crossed_step[0] + 1;
    crossed_without += without[r].crossed_step[1] > with[r].crossed_step[0] + 1;
    belief_with += with[r].beliefs[kC2 * kActors + kOwner];
    belief_without += without[r].beliefs[kC2 * kActors + kOwner];
  }
  ASSERT_GT(lapsed, 500);
  belief_with /= lapsed;
  belief_without /= lapsed;
  EXPECT_LT(belief_with, 0.5 - 0.2);  // prior 0.5
  EXPECT_LT(belief_with, belief_without);
  // Paired on the same runs: at least 5 percentage points more later crossings.
  EXPECT_GT(crossed_with, crossed_without + lapsed / 20)
      << crossed_with << " vs " << crossed_without << " of " << lapsed;
}

// Aid: usa supplies Ukraine (side b) from step 0; russia may strike the supply lines, which
// interdicts half of b's aid.
Model AidModel(double aid) {
  ModelBuilder b;
  const RungId low = b.Rung("low");
  const RungId strikes = b.Rung("strikes");
  const ActorId russia = b.Actor("russia", 0, 0);
  const ActorId ukraine = b.Actor("ukraine", 1, 1);
  const ActorId usa = b.Actor("usa", 1);
  b.Types(russia, {{1, 10, 1}});
  b.Quantal(russia, 1.0, 3);
  b.Scripted(ukraine, {});
  const LeverId arms = b.ActorLever("arms", usa, ukraine);
  b.AddLevel(arms, "none", low);
  Level& delivered = b.AddLevel(arms, "delivered", low);
  delivered.aid = b.Const(aid);
  delivered.aid_side = 1;
  b.Scripted(usa, {{0, arms, 1}});
  const LeverId supply = b.ActorLever("supply_strikes", russia, usa);
  b.AddLevel(supply, "none", low);
  Level& hit = b.AddLevel(supply, "strikes", strikes);
  hit.cost = b.Const(0.5);
  hit.interdiction = b.Const(0.5);
  Theatre& t = b.model().theatre;
  t.drift = b.Const(0.1);
  t.noise = b.Const(0.3);
  b.model().horizon = 4;
  return b.Build();
}

// 4. More aid moves the balance toward the aided side and raises P(strikes on supply lines).
TEST(Properties, MoreAidShiftsBalanceAndInvitesSupplyStrikes) {
  const Comparison c = Compare(AidModel(0.5), AidModel(2.0), 4000);
  const Summary& little = c.variants[0];
  const Summary& much = c.variants[1];
  // Side b is negative: common noise cancels, the gap is systematic (tolerance 0.1).
  EXPECT_LT(much.mean_final_balance, little.mean_final_balance - 0.1);
  const auto struck = [](const Summary& s) { return s.peak_level[1][1]; };
  const Interval a = WilsonInterval(struck(little), little.runs);
  const Interval b = WilsonInterval(struck(much), much.runs);
  EXPECT_GT(b.low, a.high);
}

// 5. Unanimity makes an alliance response less likely than majority.
TEST(Properties, UnanimityRespondsLessOftenThanMajority) {
  CrisisOptions majority;
  majority.russia_scripted = true;
  majority.russia_schedule = {{0, LeverId(2), 1}};  // strike Poland at step 0
  majority.usa_scripted = true;
  majority.vote_yes = 0.6;
  majority.hazard = 0;
  majority.horizon = 1;  // one deliberation
  CrisisOptions unanimity = majority;
  majority.rule = AllianceRule::kMajority;
  unanimity.rule = AllianceRule::kUnanimity;
  const Comparison c = Compare(CrisisModel(majority), CrisisModel(unanimity), 4000);
  const PairedDifference& d = c.paired[1][kDirectWar];
  EXPECT_LT(d.ci.high, 0.0);
  // Independent votes with p = 0.6: majority 0.648, unanimity 0.216 (tolerance ±0.03, >3 sd).
  EXPECT_NEAR(c.variants[0].outcomes[kDirectWar].p, 0.648, 0.03);
  EXPECT_NEAR(c.variants[1].outcomes[kDirectWar].p, 0.216, 0.03);
}

// 6. With no challenger moves and no hazards, nothing escalates.
TEST(Properties, NoMovesNoHazardsNothingEscalates) {
  CrisisOptions calm;
  calm.russia_scripted = true;
  calm.usa_scripted = true;
  calm.hazard = 0.2;  // hazards exist on a level nobody moves to
  const Model model = CrisisModel(calm);
  RunOptions options;
  options.runs = 2000;
  const Summary s = RunMonteCarlo(model, options);
  EXPECT_EQ(s.highest_rung[0], s.runs);
  EXPECT_EQ(s.runs_with_crossing, 0);
  EXPECT_EQ(s.mean_incidents, 0.0);
  for (std::size_t l = 0; l < model.levers.size(); ++l)
    EXPECT_EQ(s.peak_level[l][model.levers[l].initial_level], s.runs) << model.levers[l].id;
  EXPECT_EQ(s.outcomes[kDirectWar].count, 0);
  EXPECT_EQ(s.outcomes[1].count, 0);  // limited strike
}

// 8. (also in runner_test) A comparison is identical for any thread count.
TEST(Properties, ComparisonIdenticalForAnyThreadCount) {
  const Model a = CrisisModel();
  CrisisOptions closed;
  closed.hotline_open = 0;
  const Model b = CrisisModel(closed);
  const Model* models[] = {&a, &b};
  RunOptions options;
  options.runs = 1500;
  options.threads = 1;
  const Comparison one = CompareVariants(models, options);
  options.threads = 3;
  const Comparison three = CompareVariants(models, options);
  EXPECT_TRUE(one == three);
}

}  // namespace
}  // namespace redline
