// Every scenario shipped in scenarios/*.yaml, as written and under each of its variants, runs
// (500 runs) to a sane summary, and `redline run --out` works on it end to end. (That each
// one validates is src/scenario/shipped_scenarios_test.cc.)
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <string>
#include <vector>

#include "cli/test_util.h"
#include "montecarlo/runner.h"
#include "scenario/loader.h"

namespace redline::cli {
namespace {

using testing::CliResult;
using testing::Lines;
using testing::ParseJson;
using testing::ReadFile;
using testing::RunCli;
using testing::TempDir;

constexpr std::int64_t kRuns = 500;

std::vector<std::string> ShippedScenarios() {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator("scenarios")) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml")
      paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

void ExpectInUnit(double p, Interval ci) {
  EXPECT_GE(p, 0.0);
  EXPECT_LE(p, 1.0);
  EXPECT_LE(0.0, ci.low);
  EXPECT_LE(ci.low, p);
  EXPECT_LE(p, ci.high);
  EXPECT_LE(ci.high, 1.0);
}

void ExpectSaneSummary(const Model& model, const Summary& summary) {
  EXPECT_EQ(summary.runs, kRuns);
  ASSERT_EQ(summary.outcomes.size(), model.outcomes.size());
  std::int64_t counts = 0;
  double p = 0;
  for (const OutcomeStat& stat : summary.outcomes) {
    counts += stat.count;
    p += stat.p;
    ExpectInUnit(stat.p, stat.ci);
  }
  EXPECT_EQ(counts, kRuns);
  EXPECT_NEAR(p, 1.0, 1e-9);

  ASSERT_EQ(summary.highest_rung.size(), model.rungs.size());
  EXPECT_EQ(
      std::accumulate(summary.highest_rung.begin(), summary.highest_rung.end(), std::int64_t{0}),
      kRuns);
  ASSERT_EQ(summary.red_lines.size(), model.red_lines.size());
  for (std::size_t r = 0; r < summary.red_lines.size(); ++r) {
    SCOPED_TRACE(model.red_lines[r].id);
    const RedLineStat& stat = summary.red_lines[r];
    EXPECT_LE(stat.crossed, kRuns);
    EXPECT_LE(stat.enforced + stat.lapsed, stat.crossed);
    ExpectInUnit(stat.p_crossed, stat.p_crossed_ci);
    ExpectInUnit(stat.p_enforced_given_crossed, stat.p_enforced_given_crossed_ci);
  }
  EXPECT_LE(summary.runs_with_crossing, kRuns);
  EXPECT_GE(summary.mean_steps, 0.0);
  EXPECT_LE(summary.mean_steps, model.horizon);
  EXPECT_GE(summary.mean_crossings, 0.0);
  EXPECT_GE(summary.mean_incidents, summary.mean_perceived_incidents);
  for (double belief : summary.mean_belief_first_type) {
    EXPECT_GE(belief, 0.0);
    EXPECT_LE(belief, 1.0);
  }
  for (double cost : summary.mean_cost) EXPECT_TRUE(std::isfinite(cost));
  EXPECT_TRUE(std::isfinite(summary.mean_final_balance));
}

TEST(ShippedScenariosRun, ThereAreSome) { EXPECT_GE(ShippedScenarios().size(), 3u); }

TEST(ShippedScenariosRun, EveryScenarioAndVariantRunsToASaneSummary) {
  for (const std::string& path : ShippedScenarios()) {
    SCOPED_TRACE(path);
    Result<scenario::LoadedScenario> plain = scenario::LoadScenario(path);
    ASSERT_TRUE(plain.ok()) << path;  // details in scenario_tests
    std::vector<std::string> variants = {""};
    for (const scenario::VariantInfo& v : plain->variants) variants.push_back(v.name);
    for (const std::string& variant : variants) {
      SCOPED_TRACE("variant '" + variant + "'");
      scenario::LoadOptions options;
      options.variant = variant;
      options.check_all_variants = false;
      Result<scenario::LoadedScenario> loaded = scenario::LoadScenario(path, options);
      ASSERT_TRUE(loaded.ok());
      RunOptions run;
      run.runs = kRuns;
      run.seed = 2024;
      run.threads = 2;
      Result<Summary> summary = RunMonteCarlo(loaded->model, run);
      ASSERT_TRUE(summary.ok());
      ExpectSaneSummary(loaded->model, *summary);
    }
  }
}

TEST(ShippedScenariosRun, EveryScenarioRunsThroughTheCommandLineWithOut) {
  for (const std::string& path : ShippedScenarios()) {
    SCOPED_TRACE(path);
    TempDir dir;
    const std::string out = dir / "out";
    CliResult run = RunCli({"run", path, "--runs", std::to_string(kRuns), "--seed", "3",
                            "--threads", "2", "--json", "--out", out});
    ASSERT_EQ(run.code, kExitOk) << run.err;
    const auto json = ParseJson(run.out);
    EXPECT_EQ(json.at("runs"), kRuns);
    for (const char* file : {"summary.json", "scenario.yaml", "runs.csv", "narratives.md"})
      EXPECT_FALSE(ReadFile(out + "/" + file).empty()) << file;
    EXPECT_EQ(Lines(ReadFile(out + "/runs.csv")).size(), static_cast<std::size_t>(kRuns + 1));
    // The resolved scenario validates on its own.
    CliResult validate = RunCli({"validate", out + "/scenario.yaml"});
    EXPECT_EQ(validate.code, kExitOk) << validate.err;
  }
}

}  // namespace
}  // namespace redline::cli
