// The crisis formulas shared by the kernel and the decision models (crisis/formulas.h).
#include "crisis/formulas.h"

#include <gtest/gtest.h>

#include <vector>

namespace redline {
namespace {

TEST(Logistic, IsStableAndSymmetric) {
  EXPECT_DOUBLE_EQ(Logistic(0.0), 0.5);
  EXPECT_NEAR(Logistic(2.0) + Logistic(-2.0), 1.0, 1e-15);
  EXPECT_EQ(Logistic(-1000.0), 0.0);
  EXPECT_EQ(Logistic(1000.0), 1.0);
}

// An alliance of three with constant weights 3, 1, 1 (parameters 0..3; 3 = threshold).
struct Club {
  Model model;
  State state;
  explicit Club(AllianceRule rule) {
    Alliance a;
    a.members = {ActorId(0), ActorId(1), ActorId(2)};
    a.weights = {Param{0}, Param{1}, Param{2}};
    a.threshold = Param{3};
    a.leader = ActorId(1);
    a.rule = rule;
    model.alliances.push_back(a);
    state.values = {3.0, 1.0, 1.0, 0.6};
  }
  double P(std::vector<double> p_yes) {
    return ProbabilityAllianceResponds(model, state, AllianceId(0), p_yes.data());
  }
};

TEST(AllianceRule, ProbabilitiesMatchTheirDefinitions) {
  const std::vector<double> p = {0.9, 0.5, 0.2};
  EXPECT_NEAR(Club(AllianceRule::kUnanimity).P(p), 0.9 * 0.5 * 0.2, 1e-12);
  // Majority of three: at least two yes.
  const double two_or_more = 0.9 * 0.5 * 0.8 + 0.9 * 0.5 * 0.2 + 0.9 * 0.5 * 0.2 + 0.1 * 0.5 * 0.2;
  EXPECT_NEAR(Club(AllianceRule::kMajority).P(p), two_or_more, 1e-12);
  EXPECT_NEAR(Club(AllianceRule::kLeader).P(p), 0.5, 1e-12);
  // Weighted 3/1/1, threshold 0.6: member 0 (weight 0.6 of 1) decides alone.
  EXPECT_NEAR(Club(AllianceRule::kWeighted).P(p), 0.9, 1e-12);
  // Unanimity never exceeds majority for the same votes.
  for (double q : {0.1, 0.5, 0.9})
    EXPECT_LE(Club(AllianceRule::kUnanimity).P({q, q, q}),
              Club(AllianceRule::kMajority).P({q, q, q}));
}

TEST(AllianceResponse, TotalFromTheRungOnProportionateBelow) {
  Alliance a;
  a.proportionate_level = 1;
  a.total_level = 3;
  EXPECT_EQ(AllianceResponseLevel(a, 7), 1);  // no total_from: always proportionate
  a.total_from = RungId(4);
  EXPECT_EQ(AllianceResponseLevel(a, 3), 1);
  EXPECT_EQ(AllianceResponseLevel(a, 4), 3);
  EXPECT_EQ(AllianceResponseLevel(a, 5), 3);
}

}  // namespace
}  // namespace redline
