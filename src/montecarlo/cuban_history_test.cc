// MODEL2 property 18, the cuban_missile_1962 half: the shipped scenario reads as October 1962
// did. Fixed seed (17), runs 0..19999 (a US strike is rare, so (b) needs that many runs to see
// a few dozen); tolerances are stated next to each check. The figures of the shipped calibration
// are in docs/calibration.md.
//
// (a) A deal is the most likely outcome: the share of runs that end in a negotiated settlement
//     (any terms package) exceeds every other outcome's, with 95 % Wilson intervals that do not
//     overlap; and the package agreed in 1962 (withdrawal for the pledge and the Jupiters) is the
//     most common deal, again with non-overlapping intervals.
// (b) A US strike needs a crossed red line or a perceived attack: in every run in which the
//     United States raises `us_military_action` (by a decision, an order for the invasion, or an
//     enforcement), a red line it owns was crossed — a deterrent line, or a demand whose deadline
//     passed without compliance — or a strike on the United States (a U-2, a ship at the
//     quarantine line) was perceived as deliberate, at a step before the raise. Logit noise could
//     raise the lever unprovoked, so the tolerance is stated: the upper end of the 95 % Wilson
//     interval of such runs must stay below 0.5 % of all runs. Shipped calibration (after the
//     act-cost correction of docs/model.md §7.2): 55 runs with a raise, none unprovoked (upper
//     bound 0.019 %).
//
// (b) checked to fail without its mechanism, before the act-cost correction (the strike as a
// one-shot act, with its one-off cost and no lasting effect on the balance, so that only enforcing
// a line makes it worth its cost): with the model-0.1 encoding of the air strike, a posture worth
// interdiction 0.8 and aid 0.3 to the United States at a cost of 1.5 a day (--set
// levers.us_military_action.levels.airstrike. {act=false, cost=1.5, damage=2, interdiction=0.8,
// aid=0.3, aid_to=a}), the United States struck in 2,339 of the 20,000 runs, 954 of them unprovoked
// (upper bound 5.1 %); with the act's one-off cost and damage set to 0, 3,730 strikes in 4,000
// runs, 87 unprovoked. Setting the Soviet line "an attack on Cuba means war" to value 0 and no
// audience cost changed nothing (0 unprovoked): the act's cost, not the retaliation it risks, is
// the gate.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "agents/factory.h"
#include "montecarlo/scenario_test_util.h"
#include "montecarlo/statistics.h"
#include "scenario/loader.h"
#include "sim/simulator.h"

namespace redline {
namespace {

constexpr const char* kCuba = REDLINE_SOURCE_DIR "/scenarios/cuban_missile_1962.yaml";
constexpr std::int64_t kRuns = 20000;
constexpr std::uint64_t kSeed = 17;
using testing_util::LeverIndex;

int ActorIndex(const Model& model, const std::string& id) {
  for (std::size_t a = 0; a < model.actors.size(); ++a)
    if (model.actors[a].id == id) return static_cast<int>(a);
  ADD_FAILURE() << "no actor " << id;
  return 0;
}

// Per run: the first step at which the United States raised (or ordered the raise of) its
// military action against Cuba, and the first step at which it had a justification — a crossing
// of one of its red lines, or a strike on it perceived as deliberate. -1: none.
class StrikeWatch : public StepObserver {
 public:
  StrikeWatch(const Model& model, int usa, int lever) : model_(model), usa_(usa), lever_(lever) {}

  void Reset() { raised = justified = -1; }
  void OnLeverMoved(const State& state, LeverId lever, int from, int to, ActorId,
                    MoveCause) override {
    if (lever.index == lever_ && to > from) Raise(state);
  }
  void OnOrder(const State& state, LeverId lever, int, int) override {
    if (lever.index == lever_) Raise(state);
  }
  void OnRedLineCrossed(const State& state, RedLineId r) override {
    if (model_.red_lines[r.index].owner.index == usa_) Justify(state);
  }
  void OnIncident(const State& state, LeverId, int, ActorId victim, RungId,
                  bool perceived_deliberate) override {
    if (victim.index == usa_ && perceived_deliberate) Justify(state);
  }
  void OnStrike(const State& state, LeverId, ActorId target, RungId) override {
    if (target.index == usa_) Justify(state);
  }

  int raised = -1;
  int justified = -1;

 private:
  void Raise(const State& state) {
    if (raised < 0) raised = state.step;
  }
  void Justify(const State& state) {
    if (justified < 0) justified = state.step;
  }
  const Model& model_;
  int usa_, lever_;
};

struct Tallies {
  std::vector<std::int64_t> outcome;
  std::int64_t settled = 0, raised = 0, unprovoked = 0;
  int first_unprovoked_run = -1;
};

Tallies RunAll(const Model& model) {
  const Simulator simulator(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  StrikeWatch watch(model, ActorIndex(model, "usa"), LeverIndex(model, "us_military_action"));
  Tallies tallies;
  tallies.outcome.assign(model.outcomes.size(), 0);
  for (std::int64_t r = 0; r < kRuns; ++r) {
    watch.Reset();
    const OutcomeId outcome =
        simulator.Run(state, RunRng(kSeed, static_cast<std::uint64_t>(r)), &watch);
    ++tallies.outcome[outcome.index];
    tallies.settled += state.settled ? 1 : 0;
    if (watch.raised < 0) continue;
    ++tallies.raised;
    const bool provoked = watch.justified >= 0 && watch.justified < watch.raised;
    if (!provoked) {
      ++tallies.unprovoked;
      if (tallies.first_unprovoked_run < 0) tallies.first_unprovoked_run = static_cast<int>(r);
    }
  }
  return tallies;
}

// The shipped scenario's runs, simulated once for both tests.
const Tallies& Shipped(const Model& model) {
  static const Tallies tallies = RunAll(model);
  return tallies;
}

bool IsDeal(const Model& model, int outcome) {
  const Condition& when = model.conditions[model.outcomes[outcome].when.index];
  return when.kind == ConditionKind::kSettled;
}

// (a) Shipped calibration, seed 17, 20,000 runs: a settlement in 14,835 runs (74.2 %); the
// largest other outcome is "unresolved at the horizon", 2,654 (13.3 %). Deals by package: the
// pledge and the Jupiters 9,062 (45.3 %), the pledge alone 3,357 (16.8 %), the missiles stay
// 2,346 (11.7 %).
TEST(CubanHistory, ADealIsTheMostLikelyOutcome) {
  const Model model = testing_util::LoadModel(kCuba);
  const Tallies& tallies = Shipped(model);
  const Interval deal = WilsonInterval(tallies.settled, kRuns);
  for (std::size_t o = 0; o < model.outcomes.size(); ++o) {
    if (IsDeal(model, static_cast<int>(o))) continue;
    const Interval other = WilsonInterval(tallies.outcome[o], kRuns);
    EXPECT_LT(other.high, deal.low) << model.outcomes[o].id << ": " << tallies.outcome[o]
                                    << " runs against " << tallies.settled << " deals";
  }
  // The package agreed on 28 October 1962 is the most common deal.
  const int jupiters = testing_util::OutcomeIndex(model, "deal_pledge_and_jupiters");
  const Interval agreed = WilsonInterval(tallies.outcome[jupiters], kRuns);
  for (std::size_t o = 0; o < model.outcomes.size(); ++o) {
    if (!IsDeal(model, static_cast<int>(o)) || static_cast<int>(o) == jupiters) continue;
    EXPECT_LT(WilsonInterval(tallies.outcome[o], kRuns).high, agreed.low)
        << model.outcomes[o].id << ": " << tallies.outcome[o] << " runs against "
        << tallies.outcome[jupiters];
  }
}

// (b) Shipped calibration, seed 17, 20,000 runs: 55 runs with a raise, none unprovoked.
TEST(CubanHistory, AUSStrikeNeedsACrossedLineOrAPerceivedAttack) {
  const Model model = testing_util::LoadModel(kCuba);
  const Tallies& tallies = Shipped(model);
  ASSERT_GT(tallies.raised, 20);  // the property is not vacuous: strikes happen
  const Interval unprovoked = WilsonInterval(tallies.unprovoked, kRuns);
  EXPECT_LT(unprovoked.high, 0.005) << tallies.unprovoked << " of " << tallies.raised
                                    << " runs with a US strike had no crossing or perceived "
                                       "attack before it (first: run "
                                    << tallies.first_unprovoked_run << ")";
}

}  // namespace
}  // namespace redline
