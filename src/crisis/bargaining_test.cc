// The bargaining arithmetic of docs/model.md §10.2: reservations, the bargaining range and the
// proposer's risk-return offer.
#include "crisis/bargaining.h"

#include <gtest/gtest.h>

#include "crisis/war_outlook.h"

namespace redline {
namespace {

constexpr double kBand = 5, kSigma = 0.35, kHorizon = 4;

// Side `direction`'s war value at balance x with per-step drift mu over kHorizon (D = band).
double Value(double x, double mu, int direction) {
  return ProspectValue(ProspectOf(x, mu, kSigma, kHorizon, kBand), direction, kBand, kBand);
}

TEST(Bargaining, ReservationIsTheWarValueLessTheCostsInBalanceUnits) {
  // 0.5 per step over 4 steps at cost weight 0.6 per 12 of stakes: 0.1 balance units.
  EXPECT_DOUBLE_EQ(Reservation(1.0, 0.5, 4, 0.6, 12), 1.0 - 0.1);
  EXPECT_DOUBLE_EQ(Reservation(-2.0, 0.0, 4, 1, 3), -2.0);
}

TEST(Bargaining, ARangeAlwaysExistsWithCommonBeliefs) {
  // Fearon 1995: with the same beliefs the war values sum to 0, so any costs open a range.
  for (double x : {-4.5, -2.0, 0.0, 0.5, 3.0, 4.9})
    for (double mu : {-0.3, 0.0, 0.1, 0.4}) {
      const double r_a = Reservation(Value(x, mu, +1), 0.2, kHorizon, 1, 6);
      const double r_b = Reservation(Value(x, mu, -1), 0.1, kHorizon, 1, 6);
      const BargainingRange range = CredibleRange(r_a, r_b, -1, kNoCap);
      EXPECT_FALSE(range.empty()) << "x = " << x << ", mu = " << mu;
      EXPECT_NEAR(range.high - range.low, (0.2 + 0.1) * kHorizon / 6, 1e-9);
    }
  // Without costs the range is one point, still not empty.
  const double zero = Value(0.5, 0.1, +1) + Value(0.5, 0.1, -1);
  EXPECT_NEAR(zero, 0.0, 1e-12);
}

TEST(Bargaining, OptimismLargerThanTheCostsEmptiesTheRangeAndConvergenceRestoresIt) {
  const double x = 0.5, mu = 0.05, cost = 0.3, stakes = 6;  // costs: 2 * 0.3 * 4 / 6 = 0.4
  auto range_with = [&](double o_a, double o_b) {
    const double r_a = Reservation(Value(x, mu + o_a, +1), cost, kHorizon, 1, stakes);
    const double r_b = Reservation(Value(x, mu - o_b, -1), cost, kHorizon, 1, stakes);
    return CredibleRange(r_a, r_b, -1, kNoCap);
  };
  // Far from the band the optimism adds (o_a + o_b) H to r_a + r_b: 0.08 * 4 = 0.32 < 0.4.
  EXPECT_FALSE(range_with(0.04, 0.04).empty());
  // 0.2 * 4 = 0.8 > 0.4: mutual optimism larger than the costs of war empties it.
  EXPECT_TRUE(range_with(0.1, 0.1).empty());
  // Slantchev's convergence, o(t) = o(0) / (1 + k t) with k = 0.5: empty until the
  // optimism falls below the costs (0.1 / (1 + 0.5 t) <= 0.05 from t = 2).
  bool reappeared = false;
  for (int t = 0; t <= 6; ++t) {
    const double o = 0.1 / (1.0 + 0.5 * t);
    const bool empty = range_with(o, o).empty();
    if (t == 0) {
      EXPECT_TRUE(empty);
    }
    if (!empty) reappeared = true;
    if (reappeared) {
      EXPECT_FALSE(empty) << "t = " << t;  // once open, it stays open
    }
  }
  EXPECT_TRUE(reappeared);
}

TEST(Bargaining, APowerShiftLargerThanTheCostsEmptiesTheCredibleRange) {
  // Side a rises: b, the declining side, can be promised at most -r_a(after the shift).
  const double x = 0.0, mu = 0.0, cost = 0.3, stakes = 6;
  const double r_a = Reservation(Value(x, mu, +1), cost, kHorizon, 1, stakes);
  const double r_b = Reservation(Value(x, mu, -1), cost, kHorizon, 1, stakes);
  auto cap_after = [&](double shift_drift) {
    return -Reservation(Value(x, mu + shift_drift, +1), cost, kHorizon, 1, stakes);
  };
  // A small shift (0.02 per step, 0.08 over H, below the costs 0.4) leaves terms b accepts.
  EXPECT_FALSE(CredibleRange(r_a, r_b, 1, cap_after(0.02)).empty());
  // A large one (0.2 per step, 0.8 over H) does not: b prefers to fight now.
  EXPECT_TRUE(CredibleRange(r_a, r_b, 1, cap_after(0.2)).empty());
  // The cap narrows the range from b's side only.
  const BargainingRange narrowed = CredibleRange(r_a, r_b, 1, cap_after(0.02));
  EXPECT_DOUBLE_EQ(narrowed.high, -r_b);
  EXPECT_GT(narrowed.low, r_a);
}

TEST(Bargaining, TheProposerTradesRiskForReturn) {
  // Responder types: reservation -1 (keen on a deal) with belief 0.7, +1 (tough) with 0.3.
  const double reservation[2] = {-1.0, 1.0};
  const double belief[2] = {0.7, 0.3};
  // Fighting on is worth -8 to the proposer: offering 1 (accepted surely) gives it -1, more
  // than the gamble on the keen type, 0.7 * 1 + 0.3 * (-8) = -1.7.
  Offer safe = ChooseOffer(reservation, belief, 2, -8.0, kNoCap, kNoCap);
  ASSERT_TRUE(safe.made);
  EXPECT_DOUBLE_EQ(safe.share, 1.0);
  EXPECT_DOUBLE_EQ(safe.p_accept, 1.0);
  // Fighting on at 0: the low offer gains 0.7 * 1 + 0.3 * 0 = 0.7 > -1 (the tough type refuses).
  Offer risky = ChooseOffer(reservation, belief, 2, 0.0, kNoCap, kNoCap);
  ASSERT_TRUE(risky.made);
  EXPECT_DOUBLE_EQ(risky.share, -1.0);
  EXPECT_DOUBLE_EQ(risky.p_accept, 0.7);
  EXPECT_DOUBLE_EQ(risky.expected, 0.7);
  // A proposer whose reservation exceeds what any acceptable offer leaves it makes none.
  EXPECT_FALSE(ChooseOffer(reservation, belief, 2, 1.5, kNoCap, kNoCap).made);
  // A responder that can be promised at most 0 (commitment problem) never accepts as tough.
  Offer capped = ChooseOffer(reservation, belief, 2, -8.0, 0.0, kNoCap);
  ASSERT_TRUE(capped.made);
  EXPECT_DOUBLE_EQ(capped.p_accept, 0.7);
}

}  // namespace
}  // namespace redline
