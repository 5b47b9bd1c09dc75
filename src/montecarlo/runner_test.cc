#include "montecarlo/runner.h"

#include <gtest/gtest.h>

#include "testing/test_models.h"

namespace redline {
namespace {

using testing::CrisisModel;
using testing::CrisisOptions;

TEST(Runner, RunsEveryRunAndCountsEachOutcomeOnce) {
  const Model model = CrisisModel();
  RunOptions options;
  options.runs = 1000;
  options.seed = 7;
  Result<Summary> summary = RunMonteCarlo(model, options);
  ASSERT_TRUE(summary.ok());
  std::int64_t total = 0;
  for (const OutcomeStat& o : summary->outcomes) total += o.count;
  EXPECT_EQ(total, 1000);
  EXPECT_EQ(summary->runs, 1000);
  for (const OutcomeStat& o : summary->outcomes) {
    EXPECT_LE(o.ci.low, o.p);
    EXPECT_GE(o.ci.high, o.p);
  }
}

// MODEL §11 property 8: same seed, any thread count -> identical statistics.
TEST(Runner, SummaryIsIdenticalForAnyThreadCount) {
  const Model model = CrisisModel();
  RunOptions options;
  options.runs = 3000;
  options.seed = 42;
  options.chunk_size = 64;
  options.threads = 1;
  const Summary one = RunMonteCarlo(model, options);
  options.threads = 2;
  const Summary two = RunMonteCarlo(model, options);
  options.threads = 5;
  const Summary five = RunMonteCarlo(model, options);
  EXPECT_TRUE(one == two);
  EXPECT_TRUE(one == five);
  options.seed = 43;
  const Summary other = RunMonteCarlo(model, options);
  EXPECT_FALSE(one == other);
}

TEST(Runner, RecordSinkSeesRunsInIndexOrderAndProgressReachesTotal) {
  const Model model = CrisisModel();
  RunOptions options;
  options.runs = 700;
  options.threads = 2;
  options.chunk_size = 50;
  std::int64_t expected = 0;
  bool in_order = true;
  options.record_sink = [&](const RunRecord& record) {
    in_order = in_order && record.index == expected;
    ++expected;
  };
  std::int64_t last_progress = 0;
  options.progress = [&](std::int64_t done, std::int64_t total) {
    EXPECT_EQ(total, 700);
    EXPECT_GE(done, last_progress);
    last_progress = done;
  };
  RunMonteCarlo(model, options);
  EXPECT_TRUE(in_order);
  EXPECT_EQ(expected, 700);
  EXPECT_EQ(last_progress, 700);
}

}  // namespace
}  // namespace redline
