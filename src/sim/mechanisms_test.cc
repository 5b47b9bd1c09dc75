// Each mechanism of the kernel on its own, on small hand-built Models.
#include <gtest/gtest.h>

#include "agents/factory.h"
#include "crisis/bargaining.h"
#include "model/finalize.h"
#include "sim/simulator.h"
#include "testing/test_models.h"

namespace redline {
namespace {

using testing::ModelBuilder;

// Two actors: a challenger with a lever, an owner with a response lever and a red line.
struct Duel {
  Model model;
  ActorId owner, challenger;
  LeverId provocation, response;
  RedLineId line;
};

Duel MakeDuel(double enforce, int deadline, double audience_cost, int cross_at = 0) {
  ModelBuilder b;
  const RungId low = b.Rung("low");
  const RungId mid = b.Rung("mid");
  Duel d;
  d.owner = b.Actor("owner", 0);
  d.challenger = b.Actor("challenger", 1);
  d.provocation = b.ActorLever("provocation", d.challenger, d.owner);
  b.AddLevel(d.provocation, "off", low);
  b.AddLevel(d.provocation, "on", mid);
  d.response = b.ActorLever("response", d.owner, d.challenger);
  b.AddLevel(d.response, "off", low);
  b.AddLevel(d.response, "on", mid).damage = b.Const(1.0);
  b.Scripted(d.challenger, {{cross_at, d.provocation, 1}});
  b.Scripted(d.owner, {}, enforce);
  d.line = b.RedLine("line", d.owner, b.LeverAtLeast(d.provocation, 1), d.response, 1, deadline,
                     audience_cost, 1.0);
  b.Outcome("enforced", [&] {
    Condition c;
    c.kind = ConditionKind::kRedLineEnforced;
    c.red_line = RedLineId(0);
    return b.Add(c);
  }());
  d.model = b.Build();
  return d;
}

struct RunResult {
  State state;
  OutcomeId outcome;
};

RunResult Simulate(const Model& model, std::uint64_t run, StepObserver* observer = nullptr) {
  RunResult result;
  result.state.Allocate(model);
  const Simulator sim(model, MakeDecisionModels(model));
  result.outcome = sim.Run(result.state, RunRng(3, run), observer);
  return result;
}

TEST(Finalize, FillsIndexes) {
  const Model m = testing::CrisisModel();
  const ActorId russia(0), usa(2), poland(3);
  EXPECT_EQ(m.levers_of_actor[russia.index].size(), 3u);
  EXPECT_EQ(m.levers_of_alliance[0].size(), 1u);
  EXPECT_EQ(m.max_types, 2);
  EXPECT_TRUE(m.member_of[0 * m.actors.size() + poland.index]);
  EXPECT_FALSE(m.member_of[0 * m.actors.size() + russia.index]);
  EXPECT_TRUE(m.allied[usa.index * m.actors.size() + poland.index]);  // same alliance
  EXPECT_FALSE(m.allied[usa.index * m.actors.size() + russia.index]);
  // russia -> poland goes through the hotline russia–nato (poland is a member).
  EXPECT_EQ(m.channel_between[russia.index * m.actors.size() + poland.index].index, 0);
  EXPECT_FALSE(m.channel_between[usa.index * m.actors.size() + poland.index].valid());
  EXPECT_TRUE(m.strikes_alliance[russia.index * m.alliances.size() + 0]);
  EXPECT_EQ(m.belligerents[0], russia);
  // supply_strikes targets usa (favours b): interdicts side b's aid.
  EXPECT_EQ(m.levers[1].levels[1].interdicts_side, 1);
  Model again = m;
  FinalizeModel(again);
  EXPECT_EQ(again.channel_between, m.channel_between);
  EXPECT_EQ(again.red_lines_of_lever, m.red_lines_of_lever);
}

TEST(State, ResetSamplesPerRunAndDoesNotAllocate) {
  ModelBuilder b;
  b.Rung("r");
  const ActorId a = b.Actor("a");
  b.Types(a, {{0.8, 1, 1}, {0.2, 1, 1}});
  b.Dist({DistributionKind::kUniform, 0.0, 1.0});
  const Model model = b.Build();
  State state;
  state.Allocate(model);
  const double* values = state.values.data();
  const double* beliefs = state.belief.data();
  int first = 0;
  double previous = -1;
  bool varies = false;
  for (int r = 0; r < 4000; ++r) {
    state.Reset(model, RunRng(1, r));
    first += state.type[0].index == 0;
    varies = varies || (previous >= 0 && state.values.back() != previous);
    previous = state.values.back();
  }
  EXPECT_EQ(values, state.values.data());
  EXPECT_EQ(beliefs, state.belief.data());
  EXPECT_TRUE(varies);
  EXPECT_NEAR(first / 4000.0, 0.8, 0.03);  // ~5 sd
  // Observer 0 is the actor itself: it knows its type.
  EXPECT_EQ(state.Belief(0, a, state.type[0].index), 1.0);
  // Same run, same draws.
  state.Reset(model, RunRng(1, 17));
  const double v = state.values.back();
  state.Reset(model, RunRng(1, 17));
  EXPECT_EQ(v, state.values.back());
}

TEST(RedLines, CrossedThenEnforcedWhenOwnerAlwaysEnforces) {
  const Duel d = MakeDuel(1.0, 3, 2.0);
  const RunResult run = Simulate(d.model, 0);
  EXPECT_EQ(run.state.red_line_status[0], RedLineStatus::kEnforced);
  EXPECT_EQ(run.state.crossed_step[0], 0);
  EXPECT_EQ(run.state.resolved_step[0], 1);  // enforced in the first step of the window
  EXPECT_EQ(run.outcome.index, 0);
  EXPECT_EQ(run.state.cost[0], 0.0);  // no audience cost
}

TEST(RedLines, LapsesAtDeadlineAndChargesAudienceCost) {
  const Duel d = MakeDuel(0.0, 3, 2.0, 2);
  const RunResult run = Simulate(d.model, 0);
  EXPECT_EQ(run.state.red_line_status[0], RedLineStatus::kLapsed);
  EXPECT_EQ(run.state.crossed_step[0], 2);
  EXPECT_EQ(run.state.resolved_step[0], 5);
  EXPECT_DOUBLE_EQ(run.state.cost[0], 2.0);
  EXPECT_EQ(run.state.lapses, 1);
  EXPECT_EQ(run.outcome.index, 1);  // the catch-all
}

TEST(RedLines, PrivateLineLapsesWithoutAudienceCost) {
  Duel d = MakeDuel(0.0, 1, 2.0);
  d.model.red_lines[0].audience = Audience::kPrivate;
  const RunResult run = Simulate(d.model, 0);
  EXPECT_EQ(run.state.red_line_status[0], RedLineStatus::kLapsed);
  EXPECT_EQ(run.state.cost[0], 0.0);
}

TEST(Scripted, MovesTowardScheduleByMaxChange) {
  ModelBuilder b;
  const RungId r0 = b.Rung("r0");
  const RungId r1 = b.Rung("r1");
  const ActorId a = b.Actor("a");
  const LeverId l = b.ActorLever("l", a, ActorId(), 2);
  for (int k = 0; k < 6; ++k) b.AddLevel(l, "k" + std::to_string(k), k < 3 ? r0 : r1);
  b.Scripted(a, {{1, l, 5}, {4, l, 1}});
  b.model().horizon = 7;
  const Model model = b.Build();
  State state;
  state.Allocate(model);
  const Simulator sim(model, MakeDecisionModels(model));
  const RunRng rng(1, 0);
  sim.Reset(state, rng);
  std::vector<int> levels;
  while (!state.done) {
    sim.Step(state, rng);
    levels.push_back(state.level[0]);
  }
  EXPECT_EQ(levels, (std::vector<int>{0, 2, 4, 5, 3, 1, 1}));
  EXPECT_EQ(state.highest_rung, r1.index);
  EXPECT_EQ(state.peak_level[0], 5);
}

class CountingObserver : public StepObserver {
 public:
  int incidents = 0, perceived = 0, crossed = 0, votes = 0, decisions = 0, moves = 0;
  bool outcome = false;
  void OnIncident(const State&, LeverId, int, ActorId, RungId, bool deliberate) override {
    ++incidents;
    perceived += deliberate;
  }
  void OnRedLineCrossed(const State&, RedLineId) override { ++crossed; }
  void OnVote(const State&, AllianceId, ActorId, bool, double) override { ++votes; }
  void OnAllianceDecision(const State&, AllianceId, bool, int) override { ++decisions; }
  void OnLeverMoved(const State&, LeverId, int, int, ActorId, MoveCause) override { ++moves; }
  void OnOutcome(const State&, OutcomeId) override { outcome = true; }
};

// Attribution: an incident is perceived as deliberate with probability 1 - q.
Model HazardModel(double q_open, bool with_channel) {
  ModelBuilder b;
  const RungId low = b.Rung("low");
  const RungId high = b.Rung("high");
  const ActorId attacker = b.Actor("attacker");
  const ActorId victim = b.Actor("victim");
  const LeverId l = b.ActorLever("patrol", attacker, victim);
  b.AddLevel(l, "on", low).hazards.push_back({b.Const(1.0), victim, high});
  const AllianceId club = b.Alliance("club", {victim}, AllianceRule::kMajority);
  b.Scripted(attacker, {});
  b.Scripted(victim, {});
  if (with_channel) b.Channel("line", attacker, club, 1.0, q_open, 0.0);
  b.model().horizon = 1;
  return b.Build();
}

TEST(Hazards, PerceivedDeliberateWithProbabilityOneMinusAccuracy) {
  const Model model = HazardModel(0.7, true);
  const Simulator sim(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  int perceived = 0;
  const int runs = 4000;
  for (int r = 0; r < runs; ++r) {
    CountingObserver observer;
    sim.Run(state, RunRng(5, r), &observer);
    ASSERT_EQ(state.incidents, 1);
    EXPECT_EQ(observer.incidents, 1);
    perceived += state.perceived_incidents;
    // A perceived incident is a strike of its rung: it counts toward the highest rung.
    EXPECT_EQ(state.highest_rung, state.perceived_incidents ? 1 : 0);
  }
  EXPECT_NEAR(perceived / static_cast<double>(runs), 0.3, 0.04);  // ~5.5 sd

  const Model no_channel = HazardModel(0.7, false);
  const Simulator sim2(no_channel, MakeDecisionModels(no_channel));
  State state2;
  state2.Allocate(no_channel);
  for (int r = 0; r < 100; ++r) {
    sim2.Run(state2, RunRng(5, r));
    EXPECT_EQ(state2.perceived_incidents, 1);  // q = 0 without a channel
  }
}

// Article 5: a strike on a member by a non-member opens a deliberation.
Model AllianceModel(AllianceRule rule, double vote_yes, int horizon) {
  ModelBuilder b;
  const RungId low = b.Rung("low");
  const RungId strike = b.Rung("strike");
  const RungId war = b.Rung("war");
  const ActorId attacker = b.Actor("attacker");
  const ActorId m1 = b.Actor("m1");
  const ActorId m2 = b.Actor("m2");
  const ActorId m3 = b.Actor("m3");
  const AllianceId club = b.Alliance("club", {m1, m2, m3}, rule);
  const LeverId hit = b.ActorLever("hit", attacker, m2);
  b.AddLevel(hit, "off", low);
  b.AddLevel(hit, "on", strike).strikes_territory = true;
  const LeverId answer = b.AllianceLever("answer", club, attacker);
  b.AddLevel(answer, "off", low);
  b.AddLevel(answer, "limited", war);
  b.AddLevel(answer, "total", war);
  b.AllianceResponse(club, answer, 1, 2, war, 0, 0);
  b.Scripted(attacker, {{0, hit, 1}});
  for (ActorId m : {m1, m2, m3}) b.Scripted(m, {}, 0, vote_yes);
  Condition responded;
  responded.kind = ConditionKind::kAllianceResponded;
  responded.alliance = club;
  b.Outcome("responded", b.Add(responded));
  b.model().horizon = horizon;
  return b.Build();
}

TEST(Alliances, DeliberationFollowsVotesAndRule) {
  for (AllianceRule rule : {AllianceRule::kUnanimity, AllianceRule::kMajority,
                            AllianceRule::kWeighted, AllianceRule::kLeader}) {
    const Model yes = AllianceModel(rule, 1.0, 1);
    const RunResult run = Simulate(yes, 0);
    EXPECT_EQ(run.outcome.index, 0);
    EXPECT_EQ(run.state.level[1], 1);  // proportionate response to a strike below total_from
    const Model no = AllianceModel(rule, 0.0, 3);
    CountingObserver observer;
    const RunResult run_no = Simulate(no, 0, &observer);
    EXPECT_EQ(run_no.outcome.index, 1);
    EXPECT_EQ(observer.decisions, 3);  // a deliberation in every step of the strike
    EXPECT_EQ(observer.votes, 9);
  }
}

TEST(War, BalanceDriftsWithNetPowerAndEndsDecisively) {
  ModelBuilder b;
  b.Rung("r");
  Theatre& t = b.model().theatre;
  t.power[0] = b.Const(2.0);
  t.power[1] = b.Const(1.0);
  t.drift = b.Const(0.5);
  t.decisive_band = b.Const(2.2);
  b.Outcome("a_wins", b.Winner(0));
  const Model model = b.Build();
  const RunResult run = Simulate(model, 0);
  EXPECT_EQ(run.state.step, 5);  // 0.5 per step: 2.5 >= 2.2 after 5 steps
  EXPECT_DOUBLE_EQ(run.state.balance, 2.5);
  EXPECT_EQ(run.outcome.index, 0);
}

TEST(War, AgreedTermsInTalksEndTheRun) {
  ModelBuilder b;
  b.Rung("r");
  const ActorId a = b.Actor("a", 0, 0);
  const ActorId c = b.Actor("c", 1, 1);
  b.Scripted(a, {});
  b.Scripted(c, {});
  Theatre& t = b.model().theatre;
  t.decisive_band = b.Const(5.0);
  t.has_bargaining = true;
  t.bargaining.talks = b.Const(50.0);  // σ ≈ 1: talks at step 0
  b.Outcome("settled", b.Settled());
  const Model model = b.Build();
  const RunResult run = Simulate(model, 0);
  // Common beliefs, no costs: the range is the point s = 0, and side a proposes it at step 0.
  EXPECT_TRUE(run.state.settled);
  EXPECT_EQ(run.state.step, 1);
  EXPECT_EQ(run.state.settled_step, 0);
  EXPECT_EQ(run.state.terms_by, 0);
  EXPECT_NEAR(run.state.terms, 0.0, 1e-12);
  EXPECT_EQ(run.outcome.index, 0);
}

// war.bargaining.terms: the settlement at s = 0 is named by the first package with 0 >= at_least
// (docs/model.md §10.2), and {settled: PACKAGE} holds only for that package.
TEST(War, TermsPackageNamesTheSettlement) {
  for (const double first_at_least : {0.5, 0.0}) {
    ModelBuilder b;
    b.Rung("r");
    const ActorId a = b.Actor("a", 0, 0);
    const ActorId c = b.Actor("c", 1, 1);
    b.Scripted(a, {});
    b.Scripted(c, {});
    Theatre& t = b.model().theatre;
    t.decisive_band = b.Const(5.0);
    t.has_bargaining = true;
    t.bargaining.talks = b.Const(50.0);
    t.bargaining.packages = {{"a_gains", "a gains", first_at_least},
                             {"even", "an even split", -0.5},
                             {"b_gains", "b gains", 0}};
    Condition even;
    even.kind = ConditionKind::kSettled;
    even.package = 1;
    b.Outcome("even", b.Add(even));
    b.Outcome("settled", b.Settled());
    const Model model = b.Build();
    const RunResult run = Simulate(model, 0);
    ASSERT_TRUE(run.state.settled);
    EXPECT_NEAR(run.state.terms, 0.0, 1e-12);
    const int expected = first_at_least <= 0 ? 0 : 1;
    EXPECT_EQ(run.state.terms_package, expected);
    EXPECT_EQ(run.outcome.index, expected == 1 ? 0 : 1);
  }
  Bargaining bargaining;
  EXPECT_EQ(TermsPackageOf(bargaining, 3.0), -1);
  bargaining.packages = {{"high", "", 1.0}, {"low", "", 0}};
  EXPECT_EQ(TermsPackageOf(bargaining, 1.0), 0);
  EXPECT_EQ(TermsPackageOf(bargaining, 0.99), 1);
  EXPECT_EQ(TermsPackageOf(bargaining, -100.0), 1);
}

TEST(War, ScheduledPowerShiftChangesTheDriftFromItsStep) {
  ModelBuilder b;
  b.Rung("r");
  Theatre& t = b.model().theatre;
  t.drift = b.Const(1.0);
  t.decisive_band = b.Const(100.0);
  t.shifts.push_back(PowerShift{2, 0, b.Const(0.5)});
  b.model().horizon = 4;
  b.Outcome("any", b.Always());
  const Model model = b.Build();
  const RunResult run = Simulate(model, 0);
  // Net power 0 at steps 0 and 1, then 0.5 at steps 2 and 3.
  EXPECT_DOUBLE_EQ(run.state.balance, 1.0);
  EXPECT_DOUBLE_EQ(run.state.power_shift[0], 0.5);
}

TEST(Simulator, SameRunTwiceGivesSameResultAndObserverSeesEvents) {
  const Model model = testing::CrisisModel();
  for (int r = 0; r < 50; ++r) {
    CountingObserver observer;
    const RunResult a = Simulate(model, r, &observer);
    const RunResult b = Simulate(model, r);
    EXPECT_EQ(a.outcome, b.outcome);
    EXPECT_EQ(a.state.level, b.state.level);
    EXPECT_EQ(a.state.belief, b.state.belief);
    EXPECT_EQ(a.state.balance, b.state.balance);
    EXPECT_EQ(observer.crossed, a.state.crossings);
    EXPECT_EQ(observer.incidents, a.state.incidents);
    EXPECT_EQ(observer.perceived, a.state.perceived_incidents);
    EXPECT_TRUE(observer.outcome);
    for (double p : a.state.belief) {
      EXPECT_GE(p, 0.0);
      EXPECT_LE(p, 1.0);
    }
  }
}

}  // namespace
}  // namespace redline
