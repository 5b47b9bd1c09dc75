// `redline compare`: the same runs under each variant (common random numbers), each variant's
// p and the paired difference with its 95% interval, in text and JSON; determinism across
// --threads; exit code 2 and one line per problem for bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli/test_util.h"
#include "scenario/loader.h"

namespace redline::cli {
namespace {

using testing::BadCase;
using testing::CliResult;
using testing::ExpectOneLinePerProblem;
using testing::ExpectSameOutputForAnyThreadCount;
using testing::Lines;
using testing::ParseJson;
using testing::RunCli;
using testing::WithoutElapsed;

const std::string kSmall = "tests/scenarios/small_crisis.yaml";

// `compare kSmall --runs 1000 --seed 17 EXTRA...`, leaving out --runs or --seed when EXTRA
// gives it (a flag given twice is an error).
std::vector<std::string> Compare(std::vector<std::string> extra) {
  std::vector<std::string> args = {"compare", kSmall};
  for (const auto& [flag, value] : {std::pair{"--runs", "1000"}, std::pair{"--seed", "17"}})
    if (std::find(extra.begin(), extra.end(), flag) == extra.end())
      args.insert(args.end(), {flag, value});
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

std::vector<Outcome> Outcomes() {
  Result<scenario::LoadedScenario> loaded = scenario::LoadScenario(kSmall);
  EXPECT_TRUE(loaded.ok());
  return loaded.ok() ? loaded->model.outcomes : std::vector<Outcome>{};
}

TEST(CompareCommandTest, TextReportsEachVariantAndThePairedDifference) {
  CliResult run = RunCli(
      Compare({"--variant", "base", "--variant", "unanimous", "--variant", "hotline_closed"}));
  ASSERT_EQ(run.code, kExitOk) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.out.rfind("redline compare: Small crisis (" + kSmall +
                              ")\n1000 paired runs per "
                              "variant (common random numbers), seed 17\n",
                          0),
            0u)
      << run.out;
  EXPECT_NE(run.out.find("against the first variant, 'base'"), std::string::npos);
  for (const Outcome& outcome : Outcomes()) {
    const std::string heading = "\n" + (outcome.label.empty() ? outcome.id : outcome.label) + "\n";
    const std::size_t at = run.out.find(heading);
    ASSERT_NE(at, std::string::npos) << outcome.id << "\n" << run.out;
    const std::vector<std::string> rows = Lines(run.out.substr(at + heading.size()));
    ASSERT_GE(rows.size(), 3u);
    EXPECT_EQ(rows[0].rfind("  base ", 0), 0u) << rows[0];
    EXPECT_EQ(rows[0].find("diff"), std::string::npos) << rows[0];
    EXPECT_EQ(rows[1].rfind("  unanimous ", 0), 0u) << rows[1];
    EXPECT_NE(rows[1].find("diff "), std::string::npos) << rows[1];
    EXPECT_EQ(rows[2].rfind("  hotline_closed ", 0), 0u) << rows[2];
    EXPECT_NE(rows[2].find("diff "), std::string::npos) << rows[2];
  }
  ASSERT_FALSE(run.out.empty());
  EXPECT_EQ(run.out.back(), '\n');
}

TEST(CompareCommandTest, JsonHasPerVariantProbabilitiesAndDifferences) {
  CliResult run = RunCli(Compare({"--variant", "base", "--variant", "hotline_closed", "--json"}));
  ASSERT_EQ(run.code, kExitOk) << run.err;
  const auto json = ParseJson(run.out);
  EXPECT_EQ(json.at("scenario"), "Small crisis");
  EXPECT_EQ(json.at("runs"), 1000);
  EXPECT_EQ(json.at("seed"), 17);
  EXPECT_EQ(json.at("variants"), nlohmann::ordered_json({"base", "hotline_closed"}));
  EXPECT_EQ(json.at("baseline"), "base");
  EXPECT_TRUE(json.at("elapsed_s").is_number());
  const std::vector<Outcome> outcomes = Outcomes();
  ASSERT_EQ(json.at("outcomes").size(), outcomes.size());
  double base_sum = 0, variant_sum = 0, difference_sum = 0;
  std::int64_t base_count = 0, variant_count = 0;
  for (const Outcome& outcome : outcomes) {
    SCOPED_TRACE(outcome.id);
    const auto& base = json.at("outcomes").at(outcome.id).at("base");
    const auto& variant = json.at("outcomes").at(outcome.id).at("hotline_closed");
    EXPECT_FALSE(base.contains("difference"));
    const double p_base = base.at("p").get<double>();
    const double p_variant = variant.at("p").get<double>();
    const double difference = variant.at("difference").get<double>();
    EXPECT_NEAR(difference, p_variant - p_base, 1e-12);
    const auto& ci = variant.at("difference_ci95");
    ASSERT_EQ(ci.size(), 2u);
    EXPECT_LE(ci[0].get<double>(), difference);
    EXPECT_GE(ci[1].get<double>(), difference);
    EXPECT_GE(ci[0].get<double>(), -1.0);
    EXPECT_LE(ci[1].get<double>(), 1.0);
    for (const auto* entry : {&base, &variant}) {
      const auto& p_ci = entry->at("ci95");
      ASSERT_EQ(p_ci.size(), 2u);
      EXPECT_LE(p_ci[0].get<double>(), entry->at("p").get<double>());
      EXPECT_GE(p_ci[1].get<double>(), entry->at("p").get<double>());
    }
    base_sum += p_base;
    variant_sum += p_variant;
    difference_sum += difference;
    base_count += base.at("count").get<std::int64_t>();
    variant_count += variant.at("count").get<std::int64_t>();
  }
  EXPECT_NEAR(base_sum, 1.0, 1e-12);
  EXPECT_NEAR(variant_sum, 1.0, 1e-12);
  EXPECT_NEAR(difference_sum, 0.0, 1e-12);
  EXPECT_EQ(base_count, 1000);
  EXPECT_EQ(variant_count, 1000);
}

// Common random numbers: each variant's runs are exactly `redline run --variant` with the
// same seed, and 'base' is the scenario as written.
TEST(CompareCommandTest, EachVariantIsTheSameRunsAsRedlineRun) {
  CliResult compare =
      RunCli(Compare({"--variant", "base", "--variant", "unanimous", "--json", "--threads", "2"}));
  ASSERT_EQ(compare.code, kExitOk) << compare.err;
  const auto json = ParseJson(compare.out);
  CliResult base = RunCli({"run", kSmall, "--runs", "1000", "--seed", "17", "--json"});
  CliResult unanimous =
      RunCli({"run", kSmall, "--runs", "1000", "--seed", "17", "--json", "--variant", "unanimous"});
  ASSERT_EQ(base.code, kExitOk);
  ASSERT_EQ(unanimous.code, kExitOk);
  const auto base_json = ParseJson(base.out);
  const auto unanimous_json = ParseJson(unanimous.out);
  for (const Outcome& outcome : Outcomes()) {
    SCOPED_TRACE(outcome.id);
    const auto& entry = json.at("outcomes").at(outcome.id);
    EXPECT_EQ(entry.at("base").at("count"), base_json.at("outcomes").at(outcome.id).at("count"));
    EXPECT_EQ(entry.at("base").at("p"), base_json.at("outcomes").at(outcome.id).at("p"));
    EXPECT_EQ(entry.at("unanimous").at("count"),
              unanimous_json.at("outcomes").at(outcome.id).at("count"));
  }
}

// Two variants that resolve to the same scenario see identical runs: every difference is 0.
TEST(CompareCommandTest, IdenticalVariantsHaveZeroDifference) {
  CliResult run = RunCli(Compare({"--variant", "base", "--variant", "hotline_closed", "--set",
                                  "channels.hotline.open=0", "--json"}));
  ASSERT_EQ(run.code, kExitOk) << run.err;
  const auto json = ParseJson(run.out);
  EXPECT_EQ(json.at("overrides"), nlohmann::ordered_json({"channels.hotline.open=0"}));
  for (const Outcome& outcome : Outcomes()) {
    const auto& variant = json.at("outcomes").at(outcome.id).at("hotline_closed");
    EXPECT_EQ(variant.at("difference").get<double>(), 0.0) << outcome.id;
    EXPECT_EQ(variant.at("difference_ci95"), nlohmann::ordered_json({0.0, 0.0})) << outcome.id;
  }
}

// --out DIR keeps the comparison: differences.json is what --json prints, differences.csv the
// same numbers as rows, and each variant's summary.json is what `run --variant` writes (same
// runs: common random numbers), beside its resolved scenario.
TEST(CompareCommandTest, OutDirKeepsTheComparison) {
  testing::TempDir dir;
  const std::string out = dir / "kept";
  CliResult run = RunCli(Compare(
      {"--variant", "base", "--variant", "unanimous", "--json", "--threads", "2", "--out", out}));
  ASSERT_EQ(run.code, kExitOk) << run.err;
  EXPECT_EQ(run.err, "wrote " + out +
                         "/{differences.json, differences.csv} and VARIANT/{summary.json, "
                         "scenario.yaml} for each variant\n");
  EXPECT_EQ(testing::ReadFile(out + "/differences.json"), run.out);
  const auto json = ParseJson(run.out);

  const std::vector<std::string> rows = Lines(testing::ReadFile(out + "/differences.csv"));
  ASSERT_EQ(rows.size(), 1 + 2 * Outcomes().size());
  EXPECT_EQ(rows[0],
            "outcome,variant,p,ci95_low,ci95_high,count,difference,difference_ci95_low,"
            "difference_ci95_high,significant");
  auto fields_of = [&](std::size_t row) {
    std::vector<std::string> fields;
    std::stringstream line(rows[row] + ",");  // the trailing comma keeps a last empty field
    for (std::string field; std::getline(line, field, ',');) fields.push_back(field);
    return fields;
  };
  std::size_t row = 1;
  for (const Outcome& outcome : Outcomes()) {
    SCOPED_TRACE(outcome.id);
    for (const std::string variant : {"base", "unanimous"}) {
      const auto& entry = json.at("outcomes").at(outcome.id).at(variant);
      const std::vector<std::string> fields = fields_of(row++);
      ASSERT_EQ(fields.size(), 10u);
      EXPECT_EQ(fields[0], outcome.id);
      EXPECT_EQ(fields[1], variant);
      EXPECT_DOUBLE_EQ(std::stod(fields[2]), entry.at("p").get<double>());
      EXPECT_DOUBLE_EQ(std::stod(fields[3]), entry.at("ci95")[0].get<double>());
      EXPECT_EQ(fields[5], entry.at("count").dump());
      if (variant == "base") {
        EXPECT_EQ(fields[6] + fields[7] + fields[8] + fields[9], "");
        continue;
      }
      const auto& ci = entry.at("difference_ci95");
      EXPECT_DOUBLE_EQ(std::stod(fields[6]), entry.at("difference").get<double>());
      EXPECT_DOUBLE_EQ(std::stod(fields[7]), ci[0].get<double>());
      EXPECT_EQ(fields[9], ci[0].get<double>() > 0 || ci[1].get<double>() < 0 ? "1" : "0");
    }
  }

  for (const std::string variant : {"base", "unanimous"}) {
    SCOPED_TRACE(variant);
    std::vector<std::string> args = {"run", kSmall, "--runs", "1000", "--seed", "17", "--json"};
    args.insert(args.end(), {"--variant", variant});
    CliResult alone = RunCli(args);
    ASSERT_EQ(alone.code, kExitOk) << alone.err;
    const auto summary = ParseJson(testing::ReadFile(out + "/" + variant + "/summary.json"));
    const auto expected = ParseJson(alone.out);
    EXPECT_EQ(summary.at("variant"), variant);
    for (const char* key : {"outcomes", "red_lines", "max_rung", "means"})
      EXPECT_EQ(summary.at(key), expected.at(key)) << key;
    // The resolved scenario runs, with no options, to the same outcomes.
    CliResult resolved = RunCli({"run", out + "/" + variant + "/scenario.yaml", "--runs", "1000",
                                 "--seed", "17", "--json"});
    ASSERT_EQ(resolved.code, kExitOk) << resolved.err;
    EXPECT_EQ(ParseJson(resolved.out).at("outcomes"), expected.at("outcomes"));
  }
}

TEST(CompareCommandTest, OutputIsByteIdenticalForAnyThreadCount) {
  ExpectSameOutputForAnyThreadCount(Compare({"--variant", "unanimous", "--variant", "base"}));
}

class CompareBadInputTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(CompareBadInputTest, ExitCode2AndOneLinePerProblem) { ExpectOneLinePerProblem(GetParam()); }

std::vector<BadCase> BadCompareCases() {
  auto with_two = [](std::vector<std::string> extra) {
    extra.insert(extra.end(), {"--variant", "base", "--variant", "unanimous"});
    return Compare(extra);
  };
  return {
      {"NoVariant", Compare({}), {"--variant: error: compare needs at least two variants"}},
      {"OneVariant",
       Compare({"--variant", "unanimous"}),
       {"--variant: error: compare needs at least two variants"}},
      {"UnknownVariant",
       Compare({"--variant", "base", "--variant", "unanimus"}),
       {"--variant unanimus: error:"}},
      {"TwoUnknownVariants",
       Compare({"--variant", "nope", "--variant", "neither"}),
       {"--variant nope: error:", "--variant neither: error:"}},
      {"SameVariantTwice",
       Compare({"--variant", "unanimous", "--variant", "base", "--variant", "unanimous",
                "--variant", "unanimous"}),
       {"--variant unanimous: error: given more than once; name each variant once"}},
      {"EmptyVariant",
       Compare({"--variant", "base", "--variant", ""}),
       {"error: --variant: expected a value, got an empty string"}},
      {"RunsZeroAndOneVariant",
       Compare({"--runs", "0", "--variant", "base"}),
       {"--runs: error:", "--variant: error:"}},
      {"RunsNegative", with_two({"--runs", "-3"}), {"--runs: error:"}},
      {"ThreadsZero", with_two({"--threads", "0"}), {"--threads: error:"}},
      {"SeedNotANumber", with_two({"--seed", "x1"}), {"--seed: error:"}},
      {"SetBadValue",
       with_two({"--set", "channels.hotline.open=2"}),
       {"--set channels.hotline.open=2: error:"}},
      {"MissingFile",
       {"compare", "no/such.yaml", "--variant", "a", "--variant", "b"},
       {"no/such.yaml: error: no such file"}},
      {"Directory",
       {"compare", "tests/golden/validate/directory.yaml", "--variant", "a", "--variant", "b"},
       {"directory.yaml: error: is a directory"}},
      {"BinaryGarbage",
       {"compare", "tests/golden/validate/binary_garbage.yaml", "--variant", "a", "--variant", "b"},
       {"binary_garbage.yaml:1:8: error: not a text file"}},
      {"UnknownFlag", with_two({"--narrate"}), {"--narrate"}},
      {"OutIsAFile",
       with_two({"--out", kSmall}),
       {"--out: error: '" + kSmall + "' exists and is not a directory"}},
      {"OutEmpty",
       with_two({"--out", ""}),
       {"error: --out: expected a value, got an empty string"}},
  };
}

INSTANTIATE_TEST_SUITE_P(Compare, CompareBadInputTest, ::testing::ValuesIn(BadCompareCases()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace redline::cli
