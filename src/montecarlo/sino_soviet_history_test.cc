// The shipped scenario sino_soviet_1969 reads as the Sino-Soviet border crisis of 1969 did: after
// the Zhenbao clashes, de-escalation to border talks is the most likely outcome (ICB crisis 231
// ended in a semi-formal agreement, the Kosygin–Zhou understanding of 11 September, and talks
// from 20 October); the Hanoi funeral channel that brought the premiers together matters (closed,
// fewer runs reach talks, on the same runs); China comes to talks under the Soviet demand in some
// runs (Gerson's reading of the nuclear hints as coercion); and nuclear use is rare and comes in
// the coercion phase. Fixed seed (1969), runs 0..3999 (the runs of `redline run
// scenarios/sino_soviet_1969.yaml --runs 4000 --seed 1969`), the same runs in every comparison
// (common random numbers); tolerances are stated next to each check. The figures of the shipped
// calibration (seed 1, 20,000 runs) are in docs/calibration.md.
//
// How each test was checked to fail with its mechanism removed (temporary edits, not kept; each
// done once, seed 1969, 4,000 runs):
//  - the mediator: MediatorOpen (crisis/bargaining.cc) returning false. The channel then
//    changes nothing: ClosingTheHanoiChannelLowersTalks fails (difference exactly 0, P(talks)
//    0.290 in both), and TalksAreTheMostLikelyOutcome fails (talks 1,160 of 4,000 against the
//    standoff's 2,423). The other two tests pass.
//  - the demand's relief (docs/model.md §7.3): DemandRelief (agents/utility.cc) returning 0.
//    China then complies only by noise: ChinaSometimesComesToTalksUnderTheDemand fails (41 of
//    4,000 runs, 1.0 %), and so does NuclearUseIsRareAndComesInTheCoercionPhase (China no longer
//    complies, so the demand is crossed in more runs: nuclear use in 421 runs, 10.5 %). The other
//    two pass.
//  - China's deterrent: the red line answer_in_kind deleted from a copy of the scenario
//    (`redline run COPY --runs 4000 --seed 1969`): the Soviet strike then ends 262 of the 4,000
//    runs (6.6 %, Wilson upper end 7.4 %), so NuclearUseIsRareAndComesInTheCoercionPhase fails.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "agents/factory.h"
#include "montecarlo/scenario_test_util.h"
#include "montecarlo/statistics.h"
#include "scenario/loader.h"
#include "sim/simulator.h"

namespace redline {
namespace {

constexpr const char* kSinoSoviet = REDLINE_SOURCE_DIR "/scenarios/sino_soviet_1969.yaml";
constexpr std::int64_t kRuns = 4000;
constexpr std::uint64_t kSeed = 1969;
using testing_util::OutcomeIndex;

Model Load(const std::vector<std::string>& overrides = {}) {
  return testing_util::LoadModel(kSinoSoviet, overrides);
}

int RedLineIndex(const Model& model, const std::string& id) {
  for (std::size_t i = 0; i < model.red_lines.size(); ++i)
    if (model.red_lines[i].id == id) return static_cast<int>(i);
  ADD_FAILURE() << "no red line " << id;
  return 0;
}

// Per run r (stream RunRng(kSeed, r)): its outcome and the final status of every red line.
struct Runs {
  std::vector<int> outcome;
  std::vector<std::vector<RedLineStatus>> red_lines;
};

Runs RunAll(const Model& model) {
  const Simulator simulator(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  Runs runs;
  for (std::int64_t r = 0; r < kRuns; ++r) {
    const OutcomeId outcome = simulator.Run(state, RunRng(kSeed, static_cast<std::uint64_t>(r)));
    runs.outcome.push_back(outcome.index);
    runs.red_lines.push_back(state.red_line_status);
  }
  return runs;
}

std::int64_t Count(const Runs& runs, int outcome) {
  std::int64_t n = 0;
  for (int o : runs.outcome) n += o == outcome ? 1 : 0;
  return n;
}

// De-escalation to talks is the most likely outcome: the lower end of its 95 % Wilson interval
// lies above the upper end of every other outcome's, and talks end at least 45 % of runs.
// Shipped calibration, seed 1969, 4,000 runs: talks 0.606, armed standoff 0.327, the Soviet
// Union yields 0.036, China yields 0.018, wider border war 0.008, nuclear strike or exchange
// 0.005.
TEST(SinoSovietHistory, TalksAreTheMostLikelyOutcome) {
  const Model model = Load();
  const Runs runs = RunAll(model);
  const int talks = OutcomeIndex(model, "talks");
  const Interval p_talks = WilsonInterval(Count(runs, talks), kRuns);
  EXPECT_GT(p_talks.low, 0.45) << Count(runs, talks) << " of " << kRuns;
  for (std::size_t o = 0; o < model.outcomes.size(); ++o) {
    if (static_cast<int>(o) == talks) continue;
    const Interval other = WilsonInterval(Count(runs, static_cast<int>(o)), kRuns);
    EXPECT_GT(p_talks.low, other.high)
        << model.outcomes[o].id << ": " << Count(runs, static_cast<int>(o)) << " of " << kRuns
        << " against talks " << Count(runs, talks);
  }
}

// The Hanoi funeral channel (the mediator of war.bargaining) raises P(talks): with it closed in
// every run (channels.hanoi_channel.open=0), on the same runs, P(talks) falls by more than 0.15
// (the lower end of the 95 % interval of the paired difference must exceed 0.15). Shipped
// calibration: 0.606 as written (the channel open in about 55 % of runs), 0.290 closed.
TEST(SinoSovietHistory, ClosingTheHanoiChannelLowersTalks) {
  const Model written = Load();
  const Model closed = Load({"channels.hanoi_channel.open=0"});
  const Runs a = RunAll(written);
  const Runs b = RunAll(closed);
  const int talks = OutcomeIndex(written, "talks");
  double sum = 0, squares = 0;
  for (std::int64_t r = 0; r < kRuns; ++r) {
    const double d = (a.outcome[r] == talks ? 1.0 : 0.0) - (b.outcome[r] == talks ? 1.0 : 0.0);
    sum += d;
    squares += d * d;
  }
  const double n = static_cast<double>(kRuns);
  const double mean = sum / n;
  const double sd = std::sqrt(std::max(0.0, (squares - n * mean * mean) / (n - 1)));
  const double low = mean - 1.959964 * sd / std::sqrt(n);
  EXPECT_GT(low, 0.15) << "P(talks) written " << Count(a, talks) / n << ", channel closed "
                       << Count(b, talks) / n;
}

// China comes to talks under the Soviet demand (come_to_talks: issued with the nuclear hints,
// six weeks to comply) in some runs — Gerson's reading that the hints coerced Beijing to the
// table. The demand is satisfied in at least 5 % of runs (lower end of the 95 % Wilson
// interval) and not in most (upper end below 50 %): the threat is credible only in the runs
// where Moscow is resolute. Shipped calibration: 18.3 %.
TEST(SinoSovietHistory, ChinaSometimesComesToTalksUnderTheDemand) {
  const Model model = Load();
  const Runs runs = RunAll(model);
  const int demand = RedLineIndex(model, "come_to_talks");
  std::int64_t satisfied = 0;
  for (const auto& status : runs.red_lines)
    satisfied += status[demand] == RedLineStatus::kSatisfied ? 1 : 0;
  const Interval p = WilsonInterval(satisfied, kRuns);
  EXPECT_GT(p.low, 0.05) << satisfied << " of " << kRuns;
  EXPECT_LT(p.high, 0.5) << satisfied << " of " << kRuns;
}

// Nuclear use (the Soviet strike on Lop Nur, with or without China's answer) is rare but
// reachable, and comes in the coercion phase: at least one run in 4,000 and below 2 % (upper end
// of the 95 % Wilson interval); in at least 80 % of the runs with nuclear use the demand
// come_to_talks had been issued (the nuclear hints), and in at least a third of them it was not
// met and was enforced by the strike (the pathway "red-line crossing → enforcement"). The rest
// are Soviet decisions to strike once China looks irresolute (often after it complied, so that
// its answer in kind is not believed): the preventive "surgical" strike. What keeps nuclear use
// rare is China's answer in kind priced in every Soviet decision (Retaliation, docs/model.md §5).
// Shipped calibration: 21 runs of 4,000 (0.5 %); the demand issued in 20, enforced in 10.
TEST(SinoSovietHistory, NuclearUseIsRareAndComesInTheCoercionPhase) {
  const Model model = Load();
  const Runs runs = RunAll(model);
  const int strike = OutcomeIndex(model, "soviet_nuclear_strike");
  const int exchange = OutcomeIndex(model, "nuclear_exchange");
  const int demand = RedLineIndex(model, "come_to_talks");
  std::int64_t nuclear = 0, issued = 0, enforced = 0;
  for (std::int64_t r = 0; r < kRuns; ++r) {
    if (runs.outcome[r] != strike && runs.outcome[r] != exchange) continue;
    ++nuclear;
    issued += runs.red_lines[r][demand] != RedLineStatus::kIntact ? 1 : 0;
    enforced += runs.red_lines[r][demand] == RedLineStatus::kEnforced ? 1 : 0;
  }
  EXPECT_GE(nuclear, 1);
  EXPECT_LT(WilsonInterval(nuclear, kRuns).high, 0.02) << nuclear << " of " << kRuns;
  EXPECT_GE(10 * issued, 8 * nuclear) << issued << " of " << nuclear;
  EXPECT_GE(3 * enforced, nuclear) << enforced << " of " << nuclear;
}

}  // namespace
}  // namespace redline
