// The decision models' pure parts (no kernel needed): logit choice, schedules, the factory. The
// models' behaviour inside runs is tested in src/sim and src/montecarlo.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "agents/factory.h"
#include "agents/quantal.h"
#include "agents/scripted.h"
#include "model/finalize.h"

namespace redline {
namespace {

TEST(Logit, NormalisesAndOrdersByUtility) {
  std::vector<double> u = {1.0, 3.0, 2.0};
  LogitInPlace(1.0, u);
  EXPECT_NEAR(u[0] + u[1] + u[2], 1.0, 1e-12);
  EXPECT_GT(u[1], u[2]);
  EXPECT_GT(u[2], u[0]);
  EXPECT_NEAR(u[1] / u[2], std::exp(1.0), 1e-12);
  std::vector<double> flat = {5.0, -5.0};
  LogitInPlace(0.0, flat);  // λ = 0: uniform
  EXPECT_DOUBLE_EQ(flat[0], 0.5);
  std::vector<double> sharp = {0.0, 1.0, 1e-3};
  LogitInPlace(1e6, sharp);  // λ → ∞: best response, no overflow
  EXPECT_NEAR(sharp[1], 1.0, 1e-12);
}

Model ScheduleModel() {
  Model m;
  m.actors.resize(1);
  m.actors[0].decision.kind = DecisionKind::kScripted;
  m.actors[0].decision.schedule = {{0, LeverId(0), 2}, {3, LeverId(0), 1}, {3, LeverId(1), 4}};
  return m;
}

TEST(Scripted, LatestEntryAtOrBeforeTheStepWins) {
  const Model m = ScheduleModel();
  EXPECT_EQ(ScheduledLevel(m, ActorId(0), LeverId(0), 0), 2);
  EXPECT_EQ(ScheduledLevel(m, ActorId(0), LeverId(0), 2), 2);
  EXPECT_EQ(ScheduledLevel(m, ActorId(0), LeverId(0), 9), 1);
  EXPECT_EQ(ScheduledLevel(m, ActorId(0), LeverId(1), 2), -1);
  EXPECT_EQ(ScheduledLevel(m, ActorId(0), LeverId(1), 3), 4);
}

TEST(Factory, BuildsOneModelPerActor) {
  Model m;
  m.actors.resize(3);
  for (Actor& actor : m.actors) actor.types.resize(1);
  m.actors[0].decision.kind = DecisionKind::kScripted;
  m.actors[1].decision.kind = DecisionKind::kQuantal;
  m.actors[2].decision.kind = DecisionKind::kEquilibrium;
  FinalizeModel(m);
  const DecisionModels models = MakeDecisionModels(m);
  ASSERT_EQ(models.size(), 3u);
  EXPECT_FALSE(models[0]->TypeDependent());
  EXPECT_TRUE(models[1]->TypeDependent());
  EXPECT_TRUE(models[2]->TypeDependent());
}

}  // namespace
}  // namespace redline
