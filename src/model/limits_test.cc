// The limits of model/limits.h: the candidate bound against the kernel's candidate rule,
// enumerated, and FindLimitViolations on each limit.
#include "model/limits.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "model/finalize.h"

namespace redline {
namespace {

// An actor 0 owning one lever per entry of `levels_and_max_change` ({levels, max_change}).
Model ActorWithLevers(const std::vector<std::pair<int, int>>& levels_and_max_change) {
  Model model;
  model.rungs.resize(1);
  model.actors.resize(2);
  for (Actor& actor : model.actors) actor.types.resize(1);
  for (const auto& [levels, max_change] : levels_and_max_change) {
    Lever& lever = model.levers.emplace_back();
    lever.owner.actor = ActorId(0);
    lever.max_change = max_change;
    lever.levels.resize(levels);
  }
  FinalizeModel(model);
  return model;
}

// The kernel's rule (sim/decisions.cc, BuildCandidates): from level c, every other level in
// [c - max_change, c + max_change] within range. The most over all current levels.
int MostMovesOfOneLever(int levels, int max_change) {
  int most = 0;
  for (int c = 0; c < levels; ++c) {
    int moves = 0;
    for (int to = 0; to < levels; ++to) moves += to != c && std::abs(to - c) <= max_change;
    most = std::max(most, moves);
  }
  return most;
}

TEST(CandidateBound, IsTheMostMovesTheKernelOffers) {
  for (int levels = 1; levels <= 9; ++levels) {
    for (int max_change = 0; max_change <= 10; ++max_change) {
      const Model model = ActorWithLevers({{levels, max_change}, {3, 1}});
      const int expected = 1 + MostMovesOfOneLever(levels, max_change) + MostMovesOfOneLever(3, 1);
      EXPECT_EQ(CandidateBound(model, ActorId(0)), expected)
          << levels << " levels, max_change " << max_change;
      EXPECT_EQ(model.max_candidates, expected);        // FinalizeModel uses the same bound
      EXPECT_EQ(CandidateBound(model, ActorId(1)), 1);  // hold only
    }
  }
}

TEST(FindLimitViolations, ReportsEachEquilibriumLimit) {
  Model model = ActorWithLevers({{300, 200}});
  EXPECT_TRUE(FindLimitViolations(model).empty());  // quantal: no candidate limit
  model.actors[0].decision.kind = DecisionKind::kEquilibrium;
  std::vector<LimitViolation> found = FindLimitViolations(model);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, LimitViolation::Kind::kEquilibriumCandidates);
  EXPECT_EQ(found[0].value, 300);
  EXPECT_GT(found[0].value, kMaxEquilibriumCandidates);

  model = ActorWithLevers({{kMaxEquilibriumCandidates, 1000}});  // exactly at the bound
  model.actors[0].decision.kind = DecisionKind::kEquilibrium;
  EXPECT_TRUE(FindLimitViolations(model).empty());
  model.actors[0].types.resize(kEquilibriumTypes + 1);
  found = FindLimitViolations(model);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, LimitViolation::Kind::kEquilibriumTypes);
  EXPECT_EQ(found[0].value, 3);

  // A three-type red-line owner facing an equilibrium actor; not without one.
  model.actors[0].types.resize(1);
  model.actors[1].types.resize(3);
  RedLine& line = model.red_lines.emplace_back();
  line.owner = ActorId(1);
  FinalizeModel(model);
  found = FindLimitViolations(model);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, LimitViolation::Kind::kRedLineOwnerTypes);
  EXPECT_EQ(found[0].actor, ActorId(1));
  EXPECT_EQ(found[0].red_line, RedLineId(0));
  EXPECT_EQ(found[0].equilibrium_actor, ActorId(0));
  model.actors[0].decision.kind = DecisionKind::kQuantal;
  EXPECT_TRUE(FindLimitViolations(model).empty());
}

}  // namespace
}  // namespace redline
