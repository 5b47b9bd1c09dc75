// Property 11 of MODEL2.md (B3, signals carry their meaning): backing down from a public threat
// lowers every perceiving observer's belief in the actor's resolve; costly escalation raises
// it; a costless statement without audience cost leaves it unchanged; an observer with
// perception weight 0 never moves.
//
// One-step runs of a signaller with two types (resolute: stakes 2, cost weight 0.5;
// irresolute: stakes 1, cost weight 2; prior 1/2 each), quantal with λ = 1, a switching cost
// (inertia) of 0.2, and four levers: a public threat in force with an audience cost (backing
// down pays it), a costless statement, a costly mobilisation, and costly forces already
// deployed (standing them down saves their cost). Observers: the rival (weight 1 on every
// lever), a watcher (weight 0.5) and a blind onlooker (weight 0 on everything). The final
// levels of a one-step run say which move was chosen; beliefs are deterministic given that
// move, and the runs (seeds fixed, common random numbers) cover every move.
//
// How it was checked that each expectation fails with its mechanism off (model 0.1's update:
// the likelihood of the whole choice among all the actor's moves, hold perceived by every
// observer with weight 1, switching cost weighted by the cost weight, no level audience cost):
// the blind onlooker then moves after every hold (the 0.1 bug "observers that perceive none of
// a lever still learn from it"), a statement moves beliefs differently from silence, and
// backing down from the threat raises the rival's belief (the irresolute type would rather
// have stood the forces down: the between-lever normalisation of 0.1).
#include <gtest/gtest.h>

#include <map>

#include "agents/factory.h"
#include "sim/simulator.h"
#include "testing/test_models.h"

namespace redline {
namespace {

using testing::ModelBuilder;

struct Signalling {
  Model model;
  ActorId signaller, rival;
  LeverId threat, talk, mobilise, forces;
  int watcher = 0, blind = 0;  // observer indices
};

Signalling MakeSignalling(double threat_audience_cost) {
  ModelBuilder b;
  const RungId low = b.Rung("low");
  const RungId mid = b.Rung("mid");
  Signalling s;
  s.signaller = b.Actor("signaller", 0);
  s.rival = b.Actor("rival", 1);
  b.Types(s.signaller, {{0.5, 2.0, 0.5}, {0.5, 1.0, 2.0}});
  b.Quantal(s.signaller, 1.0, 1.0);
  b.model().actors[s.signaller.index].decision.switching_cost = b.Const(0.2);
  b.Types(s.rival, {{1.0, 1.0, 1.0}});
  b.Scripted(s.rival, {});
  b.ThirdParty("watcher");
  b.ThirdParty("blind");
  s.watcher = 2;
  s.blind = 3;
  auto lever = [&](const char* id, double cost, bool costly_high) {
    const LeverId l = b.ActorLever(id, s.signaller, s.rival);
    b.AddLevel(l, "off", low);
    Level& high = b.AddLevel(l, "on", mid);
    if (costly_high) high.cost = b.Const(cost);
    for (int k = 0; k < 2; ++k) {
      b.Perceive(l, k, s.rival, 1.0);
      b.Perceive(l, k, ActorId(s.watcher), 0.5);
      b.Perceive(l, k, ActorId(s.blind), 0.0);
    }
    return l;
  };
  s.threat = lever("threat", 0, false);
  b.model().levers[s.threat.index].levels[1].audience_cost = b.Const(threat_audience_cost);
  b.model().levers[s.threat.index].initial_level = 1;
  s.talk = lever("talk", 0, false);
  s.mobilise = lever("mobilise", 0.5, true);
  s.forces = lever("forces", 0.5, true);
  b.model().levers[s.forces.index].initial_level = 1;
  b.model().horizon = 1;
  s.model = b.Build();
  return s;
}

// Which move a one-step run chose, from the final levels.
enum class Chosen { kHold, kBackDown, kTalk, kMobilise, kStandDown };

Chosen ChosenMove(const Signalling& s, const State& state) {
  if (state.level[s.threat.index] == 0) return Chosen::kBackDown;
  if (state.level[s.talk.index] == 1) return Chosen::kTalk;
  if (state.level[s.mobilise.index] == 1) return Chosen::kMobilise;
  if (state.level[s.forces.index] == 0) return Chosen::kStandDown;
  return Chosen::kHold;
}

struct Beliefs {
  double rival, watcher, blind;  // P(signaller is resolute) after the step
};

std::map<Chosen, Beliefs> BeliefsByMove(const Signalling& s) {
  const Simulator sim(s.model, MakeDecisionModels(s.model));
  State state;
  state.Allocate(s.model);
  std::map<Chosen, Beliefs> seen;
  for (std::uint64_t run = 0; run < 400; ++run) {
    sim.Run(state, RunRng(17, run));
    const Beliefs beliefs{state.Belief(s.rival.index, s.signaller, 0),
                          state.Belief(s.watcher, s.signaller, 0),
                          state.Belief(s.blind, s.signaller, 0)};
    const auto [it, inserted] = seen.emplace(ChosenMove(s, state), beliefs);
    if (!inserted) {  // the same move always gives the same posterior
      EXPECT_DOUBLE_EQ(it->second.rival, beliefs.rival);
      EXPECT_DOUBLE_EQ(it->second.watcher, beliefs.watcher);
    }
  }
  return seen;
}

TEST(Signals, EveryMoveOccursInTheRuns) {
  const auto seen = BeliefsByMove(MakeSignalling(1.0));
  EXPECT_EQ(seen.size(), 5u);
}

TEST(Signals, BackingDownFromAPublicThreatLowersEveryPerceivingObserversBelief) {
  const auto seen = BeliefsByMove(MakeSignalling(1.0));
  ASSERT_TRUE(seen.contains(Chosen::kBackDown));
  const Beliefs& down = seen.at(Chosen::kBackDown);
  EXPECT_LT(down.rival, 0.5);
  EXPECT_LT(down.watcher, 0.5);
  // The watcher perceives with weight 0.5: it learns less than the rival.
  EXPECT_GT(down.watcher, down.rival);
  // Keeping the threat (holding) is likelier for the resolute type; it does not lower belief as
  // much as backing down, whatever else the step said.
  ASSERT_TRUE(seen.contains(Chosen::kHold));
  EXPECT_GT(seen.at(Chosen::kHold).rival, down.rival + 0.05);
}

TEST(Signals, KeepingAPublicThreatRaisesTheBelief) {
  // The threat lever's own signal (State::lever_likelihood, what UpdateBeliefs applies for
  // it): in every run that kept the threat the resolute type was the likelier to keep it, and
  // in every run that backed down the likelier to back down was the irresolute type.
  Signalling s = MakeSignalling(1.0);
  const Simulator sim(s.model, MakeDecisionModels(s.model));
  State state;
  state.Allocate(s.model);
  const int mt = state.max_types;
  int kept = 0, dropped = 0;
  for (std::uint64_t run = 0; run < 400; ++run) {
    sim.Run(state, RunRng(17, run));
    const double resolute = state.lever_likelihood[s.threat.index * mt + 0];
    const double irresolute = state.lever_likelihood[s.threat.index * mt + 1];
    if (state.level[s.threat.index] == 1) {
      ++kept;
      EXPECT_GT(resolute, irresolute);
    } else {
      ++dropped;
      EXPECT_LT(resolute, irresolute);
    }
  }
  EXPECT_GT(kept, 0);
  EXPECT_GT(dropped, 0);
}

TEST(Signals, CostlyEscalationRaisesTheBelief) {
  const auto seen = BeliefsByMove(MakeSignalling(1.0));
  ASSERT_TRUE(seen.contains(Chosen::kMobilise));
  ASSERT_TRUE(seen.contains(Chosen::kHold));
  EXPECT_GT(seen.at(Chosen::kMobilise).rival, seen.at(Chosen::kHold).rival);
  EXPECT_GT(seen.at(Chosen::kMobilise).watcher, seen.at(Chosen::kHold).watcher);
  EXPECT_GT(seen.at(Chosen::kMobilise).rival, 0.5);
}

TEST(Signals, CostlessStatementSaysNothingBeyondSilence) {
  const auto seen = BeliefsByMove(MakeSignalling(1.0));
  ASSERT_TRUE(seen.contains(Chosen::kTalk));
  ASSERT_TRUE(seen.contains(Chosen::kHold));
  EXPECT_EQ(seen.at(Chosen::kTalk).rival, seen.at(Chosen::kHold).rival);
  EXPECT_EQ(seen.at(Chosen::kTalk).watcher, seen.at(Chosen::kHold).watcher);
}

TEST(Signals, ThreatWithoutAudienceCostIsCheapTalk) {
  // With no audience cost the threat is a costless statement: backing down says nothing
  // beyond holding.
  const auto seen = BeliefsByMove(MakeSignalling(0.0));
  ASSERT_TRUE(seen.contains(Chosen::kBackDown));
  ASSERT_TRUE(seen.contains(Chosen::kHold));
  EXPECT_EQ(seen.at(Chosen::kBackDown).rival, seen.at(Chosen::kHold).rival);
}

TEST(Signals, ObserverWithPerceptionWeightZeroNeverMoves) {
  const auto seen = BeliefsByMove(MakeSignalling(1.0));
  for (const auto& [move, beliefs] : seen) EXPECT_EQ(beliefs.blind, 0.5);
}

}  // namespace
}  // namespace redline
