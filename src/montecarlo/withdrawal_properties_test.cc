// Withdrawal of a deterrent red line by its owner (model 0.2, B7; docs/model.md §7.6).
// tests/scenarios/withdrawal.yaml: the defender's public line against the challenger's pressure,
// answered by a strike; the defender is resolute (cost weight 0.5) or a bluffer (cost weight 3),
// prior 0.5 each; walking the line back costs 0.2, letting it lapse 1.
//
// 1. TheTypeThatWouldNotUpholdItWithdrawsIt (Fearon 1994, the commitment trap): over 4,000 runs
//    (seed 5) the bluffer withdraws the line far more often than the resolute type; a withdrawn
//    line is final, never crossed, and costs its owner exactly the withdrawal's audience cost;
//    the challenger's belief that the defender is resolute falls in the step of every
//    withdrawal (the decision is read as the signal it is).
// 2. ABelievedBluffIsKept (Schelling 1966: a commitment is worth keeping while it deters): the
//    bluffer withdraws less when the challenger believes the line (prior of resolve 0.8) than
//    when it does not (0.2), on the same runs (common random numbers; the bluffer's runs are
//    those whose type draw gives the bluffer under both priors).
// 3. ACostlierWithdrawalKeepsMoreLines: a withdrawal audience cost of 1.5 instead of 0.2 lowers
//    P(withdrawn) on the same runs.
// 4. AnOrderThatWillCrossTheLineIsForeseen: with the pressure taking 2 steps to land (lead_time),
//    a bluffer that sees the challenger's order pending withdraws the line before it lands.
// 5. TheEquilibriumModelWithdrawsByBestResponse: with both actors deciding by the equilibrium
//    model (and a challenger that gains enough to challenge), withdrawal probabilities are 0 or
//    1, the bluffer withdraws in every run and the resolute type in none.
//
// Figures (this code) and the checks with each mechanism removed are in each test's comment.
// The checks were made with the withdrawal draws under DrawPurpose 23; they are now under 24
// (kWithdrawal, after kAmbiguousThreshold), which moved the figures by a few runs.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "agents/factory.h"
#include "montecarlo/scenario_test_util.h"
#include "sim/simulator.h"

namespace redline {
namespace {

const std::string kScenario = REDLINE_SOURCE_DIR "/tests/scenarios/withdrawal.yaml";
constexpr int kChallenger = 1;
constexpr int kDefender = 0;

struct RunResult {
  int type = 0;  // the defender's type: 0 resolute, 1 bluffer
  bool withdrawn = false;
  int withdrawn_step = -1;
  bool crossed = false;
  bool belief_fell = true;           // the challenger's belief in resolve fell in that step
  double cost_at_withdrawal = 0;     // the defender's cost added in the step of the withdrawal
  bool probabilities_binary = true;  // every withdrawal probability was 0 or 1
};

RunResult RunOnce(const Simulator& sim, State& state, std::uint64_t seed, int run) {
  const RunRng rng(seed, run);
  sim.Reset(state, rng);
  RunResult result;
  result.type = state.type[kDefender].index;
  while (!state.done) {
    const double belief = state.Belief(kChallenger, ActorId(kDefender), 0);
    const double cost = state.cost[kDefender];
    const RedLineStatus before = state.red_line_status[0];
    sim.Step(state, rng);
    if (before == RedLineStatus::kIntact)
      for (int t = 0; t < 2; ++t) {
        const double p = state.withdraw_probability[t];
        result.probabilities_binary = result.probabilities_binary && (p == 0.0 || p == 1.0);
      }
    if (before == RedLineStatus::kIntact && state.red_line_status[0] == RedLineStatus::kWithdrawn) {
      result.withdrawn = true;
      result.withdrawn_step = state.step - 1;
      result.belief_fell = state.Belief(kChallenger, ActorId(kDefender), 0) < belief;
      result.cost_at_withdrawal = state.cost[kDefender] - cost;
    }
  }
  result.crossed = state.crossed_step[0] >= 0;
  return result;
}

std::vector<RunResult> RunAll(const Model& model, std::uint64_t seed, int runs) {
  const Simulator sim(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  std::vector<RunResult> results;
  results.reserve(runs);
  for (int run = 0; run < runs; ++run) results.push_back(RunOnce(sim, state, seed, run));
  return results;
}

double StandardError(double p, double n) { return std::sqrt(std::max(p * (1 - p), 1e-9) / n); }

// Figures: P(withdrawn | bluffer) 0.2294 (2,018 runs), P(withdrawn | resolute) 0.0141 (1,982);
// required: a difference above 0.1.
// Checked to fail with the mechanism removed (a temporary edit: WithdrawalUtility without the
// expected loss of a test, kept·tested = 0, so that both types weigh only the deterrence lost):
// 0.0094 against 0.0061. (The same edit also fails tests 2 and 5.)
TEST(Withdrawal, TheTypeThatWouldNotUpholdItWithdrawsIt) {
  const Model model = testing_util::LoadModel(kScenario);
  const std::vector<RunResult> results = RunAll(model, 5, 4000);
  int runs_by[2] = {0, 0}, withdrawn_by[2] = {0, 0};
  for (const RunResult& r : results) {
    ++runs_by[r.type];
    withdrawn_by[r.type] += r.withdrawn;
    if (!r.withdrawn) continue;
    EXPECT_FALSE(r.crossed) << "a withdrawn line was crossed";
    // The withdrawal's audience cost, plus the strike's running cost 0.3 if the defender's
    // answer stood at it in that step.
    const double other = r.cost_at_withdrawal - 0.2;
    EXPECT_TRUE(std::abs(other) < 1e-12 || std::abs(other - 0.3) < 1e-12) << r.cost_at_withdrawal;
    EXPECT_TRUE(r.belief_fell) << "the challenger's belief did not fall at a withdrawal";
  }
  const double bluffer = static_cast<double>(withdrawn_by[1]) / runs_by[1];
  const double resolute = static_cast<double>(withdrawn_by[0]) / runs_by[0];
  std::printf("P(withdrawn | bluffer) %.4f (%d runs), P(withdrawn | resolute) %.4f (%d runs)\n",
              bluffer, runs_by[1], resolute, runs_by[0]);
  EXPECT_GT(bluffer - resolute, 0.1);
}

// Figures: over the 1,246 runs in which the defender is the bluffer under both priors,
// P(withdrawn) is 0.0377 when the challenger believes in resolve (0.8) against 0.3652 when it
// doubts it (0.2); required: a difference above 4 standard errors (0.056).
// Checked to fail with the mechanism removed (a temporary edit: DecideWithdrawal passing a fixed
// forecast, 0.5 as it stands and without it, so that the owner no longer weighs what its line
// does to the challenger): 0.9559 (believed) against 0.4246 (doubted) — the opposite order, since
// a doubted line is crossed sooner and leaves less time to withdraw it.
TEST(Withdrawal, ABelievedBluffIsKept) {
  const std::vector<std::string> believed = {"actors.defender.types.resolute.prior=0.8",
                                             "actors.defender.types.bluffer.prior=0.2"};
  const std::vector<std::string> doubted = {"actors.defender.types.resolute.prior=0.2",
                                            "actors.defender.types.bluffer.prior=0.8"};
  constexpr int kRuns = 6000;
  const std::vector<RunResult> high =
      RunAll(testing_util::LoadModel(kScenario, believed), 5, kRuns);
  const std::vector<RunResult> low = RunAll(testing_util::LoadModel(kScenario, doubted), 5, kRuns);
  int bluffers = 0, withdrawn_high = 0, withdrawn_low = 0;
  for (int run = 0; run < kRuns; ++run) {
    if (high[run].type != 1 || low[run].type != 1) continue;  // a bluffer under both priors
    ++bluffers;
    withdrawn_high += high[run].withdrawn;
    withdrawn_low += low[run].withdrawn;
  }
  ASSERT_GT(bluffers, kRuns / 10);
  const double p_high = static_cast<double>(withdrawn_high) / bluffers;
  const double p_low = static_cast<double>(withdrawn_low) / bluffers;
  std::printf("bluffer runs %d: P(withdrawn) believed %.4f, doubted %.4f\n", bluffers, p_high,
              p_low);
  EXPECT_GT(p_low - p_high, 4 * StandardError(p_low, bluffers))
      << "believed " << p_high << ", doubted " << p_low;
}

// Figures: P(withdrawn) 0.1227 with a withdrawal cost of 0.2, 0.0008 with 1.5 (4,000 runs);
// required: a difference above 4 standard errors (0.021).
// Checked to fail with the mechanism removed (a temporary edit: WithdrawalUtility without the
// withdrawal cost): 0.1940 and 0.1940.
TEST(Withdrawal, ACostlierWithdrawalKeepsMoreLines) {
  constexpr int kRuns = 4000;
  const std::vector<RunResult> cheap = RunAll(testing_util::LoadModel(kScenario), 5, kRuns);
  const std::vector<RunResult> dear =
      RunAll(testing_util::LoadModel(kScenario, {"red_lines.warning.withdrawal.audience_cost=1.5"}),
             5, kRuns);
  int withdrawn_cheap = 0, withdrawn_dear = 0;
  for (int run = 0; run < kRuns; ++run) {
    withdrawn_cheap += cheap[run].withdrawn;
    withdrawn_dear += dear[run].withdrawn;
  }
  const double p_cheap = static_cast<double>(withdrawn_cheap) / kRuns;
  const double p_dear = static_cast<double>(withdrawn_dear) / kRuns;
  std::printf("P(withdrawn): cost 0.2 %.4f, cost 1.5 %.4f\n", p_cheap, p_dear);
  EXPECT_GT(p_cheap - p_dear, 4 * StandardError(p_cheap, kRuns));
}

// Figures: 477 bluffer runs with an order pending against the intact line; 91.2 % withdraw it
// before it lands; required: above 50 %.
// Checked to fail with the mechanism removed (a temporary edit: CrossingForecast ignoring
// pending orders, so that the challenger, which has no move while its order is pending, is
// forecast not to cross): 10.2 %.
TEST(Withdrawal, AnOrderThatWillCrossTheLineIsForeseen) {
  const Model model = testing_util::LoadModel(kScenario, {"levers.pressure.levels.on.lead_time=2"});
  const Simulator sim(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  const int pressure = testing_util::LeverIndex(model, "pressure");
  int ordered = 0, withdrawn = 0;
  for (int run = 0; run < 4000; ++run) {
    const RunRng rng(5, run);
    sim.Reset(state, rng);
    if (state.type[kDefender].index != 1) continue;  // the bluffer's runs
    bool pending = false;
    while (!state.done) {
      sim.Step(state, rng);
      // The step after the order: the line intact, the order pending, the owner now deciding.
      if (!pending && state.order_level[pressure] >= 0 &&
          state.red_line_status[0] == RedLineStatus::kIntact) {
        pending = true;
        ++ordered;
        const int due = state.order_due[pressure];
        while (!state.done && state.step < due) sim.Step(state, rng);
        withdrawn += state.red_line_status[0] == RedLineStatus::kWithdrawn;
      }
    }
  }
  ASSERT_GT(ordered, 200);
  const double share = static_cast<double>(withdrawn) / ordered;
  std::printf("pending orders against an intact line %d, withdrawn before they land %.4f\n",
              ordered, share);
  EXPECT_GT(share, 0.5);
}

// Figures (2,000 runs): the bluffer withdraws in 1,021 of its 1,021 runs (at the step the
// challenger orders the pressure, which lands a step later), the resolute type in none of 979.
// Required: none for the resolute type, above 90 % for the bluffer. Checked to fail with the
// expected loss of a test removed (as in test 1): 0 of 1,021.
TEST(Withdrawal, TheEquilibriumModelWithdrawsByBestResponse) {
  const Model model = testing_util::LoadModel(
      kScenario,
      {"actors.challenger.decision.model=equilibrium", "actors.defender.decision.model=equilibrium",
       "actors.challenger.coercion_value=8", "actors.challenger.decision.lookahead=5",
       "levers.pressure.levels.on.lead_time=1"});
  const std::vector<RunResult> results = RunAll(model, 5, 2000);
  int runs_by[2] = {0, 0}, withdrawn_by[2] = {0, 0};
  for (const RunResult& r : results) {
    EXPECT_TRUE(r.probabilities_binary);
    ++runs_by[r.type];
    withdrawn_by[r.type] += r.withdrawn;
  }
  std::printf("equilibrium: withdrawn bluffer %d / %d, resolute %d / %d\n", withdrawn_by[1],
              runs_by[1], withdrawn_by[0], runs_by[0]);
  EXPECT_EQ(withdrawn_by[0], 0);
  EXPECT_GT(withdrawn_by[1], runs_by[1] * 9 / 10);
}

}  // namespace
}  // namespace redline
