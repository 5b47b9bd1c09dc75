// MODEL2.md property 16 (model 0.2 mechanism B8, settlement as a bargain) as statistical tests
// on tests/scenarios/war_bargaining.yaml: an open mediation channel raises P(settlement); an
// expected power shift larger than the costs of fighting lowers it. Common random numbers (run r
// draws from RunRng(2022, r) in every variant), 4,000 runs; each claim is a paired difference
// whose 95% interval must exclude 0.
//
// How each test was checked to fail with its mechanism removed (temporary edits, not kept):
// Figures (seed 2022, 4,000 runs; `redline run tests/scenarios/war_bargaining.yaml --runs 4000
// --seed 2022 --set channels.envoy.open=0|1 [--set 'war.shifts=[{step: 12, side: b, power: 2}]']`):
// P(settled) 0.348 without the envoy, 0.9998 with it; P(settled before step 12) 0.189 without
// the shift, 0.012 with it.
//  - mediation: MediatorOpen (crisis/bargaining.cc) returning false — the channel then changes
//    nothing and the two variants are identical (difference exactly 0; checked: 0.348 both).
//  - power shift: the cap on the declining side's share removed (Negotiate's `cap` left at
//    kNoCap) — before the shift the runs are identical (the shift has not happened, so the war
//    and every decision are the same) and the difference in settlements before step 12 is
//    exactly 0 (checked: 0.189 both). The shift must exceed the costs: with this scenario's
//    levers at cost 0.3 and damage 0.2 the cap stayed above the declining side's reservation,
//    and the cap even raised settlements (the capped proposer no longer gambles on a low offer).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "montecarlo/runner.h"
#include "montecarlo/scenario_test_util.h"

namespace redline {
namespace {

constexpr std::int64_t kRuns = 4000;
constexpr int kShiftStep = 12;  // war_bargaining.yaml's power_shift variant

Model Load(const std::vector<std::string>& overrides) {
  return testing_util::LoadModel(REDLINE_SOURCE_DIR "/tests/scenarios/war_bargaining.yaml",
                                 overrides);
}

struct Difference {
  double first = 0, second = 0;  // P(event) in each variant
  double mean = 0, low = 0, high = 0;
};

// P(event | second) - P(event | first) over the same runs, with its 95% interval.
template <typename Event>
Difference Paired(const Model& first, const Model& second, Event event) {
  const Model* models[] = {&first, &second};
  RunOptions options;
  options.runs = kRuns;
  options.seed = 2022;
  options.threads = 2;
  std::vector<RunRecord> records[2];
  CompareVariants(models, options, [&](int variant, const RunRecord& record) {
    records[variant].push_back(record);
  });
  for (auto& list : records)
    std::sort(list.begin(), list.end(),
              [](const RunRecord& x, const RunRecord& y) { return x.index < y.index; });
  EXPECT_EQ(records[0].size(), records[1].size());
  Difference d;
  double sum = 0, squares = 0;
  const std::size_t n = records[0].size();
  for (std::size_t r = 0; r < n; ++r) {
    const double a = event(records[0][r]) ? 1.0 : 0.0;
    const double b = event(records[1][r]) ? 1.0 : 0.0;
    d.first += a / n;
    d.second += b / n;
    sum += b - a;
    squares += (b - a) * (b - a);
  }
  d.mean = sum / n;
  const double sd = std::sqrt(std::max(0.0, squares / n - d.mean * d.mean));
  const double half = 1.959964 * sd / std::sqrt(static_cast<double>(n));
  d.low = d.mean - half;
  d.high = d.mean + half;
  return d;
}

// Property 16, first half: the envoy (a mediator that narrows both sides' optimism, adds
// talks and proposes terms inside the true range) open in every run against closed.
TEST(BargainingProperties, Property16OpenMediationChannelRaisesSettlement) {
  const Model closed = Load({"channels.envoy.open=0"});
  const Model open = Load({"channels.envoy.open=1"});
  const Difference d = Paired(closed, open, [](const RunRecord& r) { return r.settled; });
  EXPECT_GT(d.low, 0.0) << "P(settled | mediator) = " << d.second
                        << ", P(settled | none) = " << d.first;
}

// Property 16, second half: West's power rises by 2 at step 12, known from the start. Within
// the lookahead (10 steps) before it, East can promise West at most what East would leave it
// after the shift — and the shift (0.4 balance units per step) is larger than the costs of
// fighting, so West prefers to fight now: fewer settlements before the shift.
TEST(BargainingProperties, Property16ExpectedPowerShiftLowersSettlement) {
  const Model none = Load({"channels.envoy.open=0"});
  const Model shift = Load({"channels.envoy.open=0", "war.shifts=[{step: 12, side: b, power: 2}]"});
  const Difference d = Paired(
      none, shift, [](const RunRecord& r) { return r.settled && r.settled_step < kShiftStep; });
  EXPECT_LT(d.high, 0.0) << "P(settled before step 12 | shift) = " << d.second
                         << ", P(... | no shift) = " << d.first;
}

}  // namespace
}  // namespace redline
