// `redline run`: the readable summary, --json, --out DIR, determinism across --threads, and one
// clear line with exit code 2 for every kind of bad input. Mostly in-process through cli::Main;
// a few cases run the built program (REDLINE_BINARY) to check exit codes end to end.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <string>
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
using testing::ReadFile;
using testing::RunBinary;
using testing::RunCli;
using testing::TempDir;
using testing::WithoutElapsed;

// A test scenario (not a shipped one, so its numbers do not churn): a red line, an alliance,
// a channel, a war, six outcomes and two variants.
const std::string kSmall = "tests/scenarios/small_crisis.yaml";
const std::string kChicken = "scenarios/chicken.yaml";

Model LoadModel(const std::string& path) {
  Result<scenario::LoadedScenario> loaded = scenario::LoadScenario(path);
  EXPECT_TRUE(loaded.ok());
  return loaded.ok() ? std::move(loaded->model) : Model{};
}

TEST(RunCommandTest, PrintsAReadableSummary) {
  CliResult run = RunCli({"run", kSmall, "--runs", "500", "--seed", "3", "--threads", "2"});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  EXPECT_EQ(run.err, "");  // no progress bar or timing when stderr is not a terminal
  const Model model = LoadModel(kSmall);
  EXPECT_EQ(run.out.rfind("redline: Small crisis (" + kSmall +
                              ")\n500 runs, seed 3, horizon 12 "
                              "steps\n\n",
                          0),
            0u)
      << run.out;
  for (const Outcome& outcome : model.outcomes) {
    EXPECT_NE(run.out.find("\n  " + (outcome.label.empty() ? outcome.id : outcome.label)),
              std::string::npos)
        << outcome.id << "\n"
        << run.out;
  }
  EXPECT_NE(run.out.find("no_heavy_arms"), std::string::npos);
  EXPECT_NE(run.out.find("Highest rung reached"), std::string::npos);
  EXPECT_NE(run.out.find("Means per run:"), std::string::npos);
  ASSERT_FALSE(run.out.empty());
  EXPECT_EQ(run.out.back(), '\n');
}

TEST(RunCommandTest, JsonIsOneObjectWithTheRequiredKeys) {
  CliResult run = RunCli({"run", kSmall, "--runs", "600", "--seed", "11", "--json"});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  ASSERT_FALSE(run.out.empty());
  EXPECT_EQ(run.out.back(), '\n');
  const nlohmann::ordered_json json = ParseJson(run.out);
  ASSERT_TRUE(json.is_object());
  const Model model = LoadModel(kSmall);

  EXPECT_EQ(json.at("scenario"), "Small crisis");
  EXPECT_EQ(json.at("runs"), 600);
  EXPECT_EQ(json.at("seed"), 11);
  ASSERT_TRUE(json.at("elapsed_s").is_number());
  EXPECT_GE(json.at("elapsed_s").get<double>(), 0.0);

  const auto& outcomes = json.at("outcomes");
  ASSERT_EQ(outcomes.size(), model.outcomes.size());
  double p_sum = 0;
  std::int64_t count_sum = 0;
  for (const Outcome& outcome : model.outcomes) {
    SCOPED_TRACE(outcome.id);
    const auto& entry = outcomes.at(outcome.id);
    const double p = entry.at("p").get<double>();
    const auto count = entry.at("count").get<std::int64_t>();
    const auto& ci = entry.at("ci95");
    ASSERT_TRUE(ci.is_array());
    ASSERT_EQ(ci.size(), 2u);
    EXPECT_LE(0.0, ci[0].get<double>());
    EXPECT_LE(ci[0].get<double>(), p);
    EXPECT_LE(p, ci[1].get<double>());
    EXPECT_LE(ci[1].get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(p, count / 600.0);
    p_sum += p;
    count_sum += count;
  }
  EXPECT_NEAR(p_sum, 1.0, 1e-12);
  EXPECT_EQ(count_sum, 600);

  const auto& red_lines = json.at("red_lines");
  ASSERT_EQ(red_lines.size(), model.red_lines.size());
  const auto& red_line = red_lines.at("no_heavy_arms");
  EXPECT_GE(red_line.at("p_crossed").get<double>(), 0.0);
  EXPECT_LE(red_line.at("p_crossed").get<double>(), 1.0);
  EXPECT_GE(red_line.at("p_enforced_given_crossed").get<double>(), 0.0);
  EXPECT_LE(red_line.at("p_enforced_given_crossed").get<double>(), 1.0);

  const auto& max_rung = json.at("max_rung");
  ASSERT_EQ(max_rung.size(), model.rungs.size());
  double rung_sum = 0;
  for (const Rung& rung : model.rungs) rung_sum += max_rung.at(rung.id).get<double>();
  EXPECT_NEAR(rung_sum, 1.0, 1e-12);
}

// The whole point of the chunked runner: --threads changes nothing but the wall time.
TEST(RunCommandTest, OutputIsByteIdenticalForAnyThreadCount) {
  // 1000 runs = three full chunks of 256 and a partial one.
  ExpectSameOutputForAnyThreadCount({"run", kSmall, "--runs", "1000", "--seed", "42"});
}

// On a terminal the progress bar and the timing line go to stderr; stdout does not change.
TEST(RunCommandTest, ProgressOnATerminalGoesToStderrOnly) {
  const std::vector<std::string> args = {"redline", "run",       kSmall, "--runs",
                                         "600",     "--threads", "2"};
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  Io io{out, err, /*err_is_terminal=*/true};
  ASSERT_EQ(Main(static_cast<int>(argv.size()), argv.data(), io), kExitOk) << err.str();
  CliResult plain = RunCli({"run", kSmall, "--runs", "600", "--threads", "2"});
  EXPECT_EQ(out.str(), plain.out);
  EXPECT_EQ(err.str().find("600 runs in "), err.str().rfind("\r\x1b[K") + 4) << err.str();
  EXPECT_NE(err.str().find(" runs/s, 2 threads)\n"), std::string::npos) << err.str();
}

TEST(RunCommandTest, TheSeedMatters) {
  CliResult a = RunCli({"run", kSmall, "--runs", "500", "--seed", "1", "--json"});
  CliResult b = RunCli({"run", kSmall, "--runs", "500", "--seed", "2", "--json"});
  ASSERT_EQ(a.code, kExitOk);
  ASSERT_EQ(b.code, kExitOk);
  EXPECT_NE(ParseJson(a.out).at("outcomes"), ParseJson(b.out).at("outcomes"));
  // And the same seed twice gives the same result.
  CliResult again = RunCli({"run", kSmall, "--runs", "500", "--seed", "1", "--json"});
  EXPECT_EQ(WithoutElapsed(a.out), WithoutElapsed(again.out));
}

TEST(RunCommandTest, VariantAndOverridesAreAppliedAndReported) {
  CliResult variant = RunCli(
      {"run", kSmall, "--runs", "800", "--seed", "5", "--json", "--variant", "hotline_closed"});
  ASSERT_EQ(variant.code, kExitOk) << variant.err;
  const auto variant_json = ParseJson(variant.out);
  EXPECT_EQ(variant_json.at("variant"), "hotline_closed");
  // The variant sets exactly this value, so --set gives the same runs.
  CliResult set = RunCli({"run", kSmall, "--runs", "800", "--seed", "5", "--json", "--set",
                          "channels.hotline.open=0"});
  ASSERT_EQ(set.code, kExitOk) << set.err;
  const auto set_json = ParseJson(set.out);
  EXPECT_EQ(set_json.at("overrides"), nlohmann::ordered_json({"channels.hotline.open=0"}));
  EXPECT_EQ(set_json.at("outcomes"), variant_json.at("outcomes"));
  EXPECT_EQ(set_json.at("red_lines"), variant_json.at("red_lines"));

  // An override that matters changes the result, and the text header names it.
  const std::vector<std::string> overrides = {"--set", "levers.west_arms.initial=heavy", "--set",
                                              "red_lines.no_heavy_arms.deadline=1"};
  std::vector<std::string> args = {"run", kSmall, "--runs", "800", "--seed", "5"};
  args.insert(args.end(), overrides.begin(), overrides.end());
  CliResult changed_text = RunCli(args);
  ASSERT_EQ(changed_text.code, kExitOk) << changed_text.err;
  EXPECT_NE(changed_text.out.find("800 runs, seed 5, horizon 12 steps, --set "
                                  "levers.west_arms.initial=heavy, --set "
                                  "red_lines.no_heavy_arms.deadline=1\n"),
            std::string::npos)
      << changed_text.out;
  args.push_back("--json");
  CliResult changed = RunCli(args);
  CliResult plain = RunCli({"run", kSmall, "--runs", "800", "--seed", "5", "--json"});
  ASSERT_EQ(changed.code, kExitOk) << changed.err;
  ASSERT_EQ(plain.code, kExitOk) << plain.err;
  EXPECT_NE(ParseJson(changed.out).at("outcomes"), ParseJson(plain.out).at("outcomes"));
  CliResult closed_text =
      RunCli({"run", kSmall, "--runs", "800", "--seed", "5", "--variant", "hotline_closed"});
  EXPECT_NE(closed_text.out.find(", variant hotline_closed\n"), std::string::npos)
      << closed_text.out;
}

// Parses runs.csv into rows of fields (no quoting is needed: ids have no commas).
std::vector<std::vector<std::string>> CsvRows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  for (const std::string& line : Lines(text)) {
    std::vector<std::string> fields;
    std::string field;
    for (char c : line) {
      if (c == ',') {
        fields.push_back(field);
        field.clear();
      } else {
        field += c;
      }
    }
    fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

TEST(RunCommandTest, OutDirHoldsSummaryScenarioRunsAndNarratives) {
  TempDir dir;
  const std::string out = dir / "nested/results";  // parents are created
  CliResult run = RunCli({"run", kSmall, "--runs", "700", "--seed", "9", "--threads", "2", "--json",
                          "--out", out, "--set", "channels.hotline.open=0.25"});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  EXPECT_EQ(run.err, "wrote " + out + "/{summary.json, scenario.yaml, runs.csv, narratives.md}\n");
  const Model model = LoadModel(kSmall);

  // summary.json is what --json printed.
  const std::string summary_text = ReadFile(out + "/summary.json");
  EXPECT_EQ(summary_text, run.out);
  const auto summary = ParseJson(summary_text);

  // runs.csv: a header, then one row per run in index order, agreeing with the summary.
  const auto rows = CsvRows(ReadFile(out + "/runs.csv"));
  ASSERT_EQ(rows.size(), 701u);
  const std::vector<std::string> expected_header = {"run",       "outcome",      "highest_rung",
                                                    "steps",     "crossings",    "enforcements",
                                                    "incidents", "final_balance"};
  ASSERT_GE(rows[0].size(), expected_header.size());
  EXPECT_TRUE(std::equal(expected_header.begin(), expected_header.end(), rows[0].begin()));
  std::map<std::string, std::int64_t> outcome_count, rung_count;
  std::map<std::string, std::int64_t> first_run;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    ASSERT_EQ(rows[r].size(), rows[0].size()) << r;
    EXPECT_EQ(rows[r][0], std::to_string(r - 1));
    ++outcome_count[rows[r][1]];
    ++rung_count[rows[r][2]];
    first_run.emplace(rows[r][1], static_cast<std::int64_t>(r - 1));
    EXPECT_LE(std::stoi(rows[r][3]), model.horizon);
  }
  for (const Outcome& outcome : model.outcomes) {
    EXPECT_EQ(outcome_count[outcome.id],
              summary.at("outcomes").at(outcome.id).at("count").get<std::int64_t>())
        << outcome.id;
  }
  for (const Rung& rung : model.rungs) {
    EXPECT_DOUBLE_EQ(rung_count[rung.id] / 700.0, summary.at("max_rung").at(rung.id).get<double>())
        << rung.id;
  }
  // The pathway column agrees with each outcome's pathways in summary.json, whose counts add
  // up to the outcome's count (docs/reports.md). The last three columns are the settlement's
  // terms, proposer and terms package: terms and proposer filled exactly in the settled rows,
  // whose number and mean terms are summary.json's settlement; no package without
  // war.bargaining.terms.
  const std::size_t columns = rows[0].size();
  ASSERT_GE(columns, 5u);
  ASSERT_EQ(rows[0][columns - 4], "pathway");
  ASSERT_EQ(rows[0][columns - 3], "terms");
  ASSERT_EQ(rows[0][columns - 2], "terms_by");
  ASSERT_EQ(rows[0][columns - 1], "terms_package");
  std::map<std::pair<std::string, std::string>, std::int64_t> pathway_count;
  std::int64_t settled = 0;
  double terms_sum = 0;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    ++pathway_count[{rows[r][1], rows[r][columns - 4]}];
    const bool is_settled = rows[r][columns - 5] == "1";
    EXPECT_EQ(rows[r][columns - 3].empty(), !is_settled) << r;
    EXPECT_EQ(rows[r][columns - 2].empty(), !is_settled) << r;
    EXPECT_EQ(rows[r][columns - 1], "") << r;
    if (is_settled) {
      ++settled;
      terms_sum += std::stod(rows[r][columns - 3]);
    }
  }
  EXPECT_EQ(settled, summary.at("settlement").at("count").get<std::int64_t>());
  if (settled > 0) {
    EXPECT_NEAR(terms_sum / settled, summary.at("settlement").at("mean_terms").get<double>(), 1e-5);
  }
  std::int64_t listed = 0;
  for (const Outcome& outcome : model.outcomes) {
    std::int64_t sum = 0;
    for (const auto& path : summary.at("outcomes").at(outcome.id).at("pathways")) {
      const std::string id = path.at("pathway").get<std::string>();
      EXPECT_EQ((pathway_count[{outcome.id, id}]), path.at("count").get<std::int64_t>())
          << outcome.id << " " << id;
      const std::size_t links = id == "initial" ? 0 : std::count(id.begin(), id.end(), '>') + 1;
      EXPECT_EQ(path.at("links").size(), links) << id;
      sum += path.at("count").get<std::int64_t>();
      ++listed;
    }
    EXPECT_EQ(sum, summary.at("outcomes").at(outcome.id).at("count").get<std::int64_t>());
  }
  EXPECT_EQ(listed, static_cast<std::int64_t>(pathway_count.size()));

  // narratives.md: a section per outcome, telling the first run that ended in it.
  const std::string narratives = ReadFile(out + "/narratives.md");
  EXPECT_EQ(narratives.rfind("# Narratives: Small crisis\n", 0), 0u) << narratives;
  for (const Outcome& outcome : model.outcomes) {
    const std::string heading = "\n## " + (outcome.label.empty() ? outcome.id : outcome.label);
    const std::size_t at = narratives.find(heading + "\n");
    ASSERT_NE(at, std::string::npos) << outcome.id;
    const std::string body = narratives.substr(at + heading.size() + 1, 200);
    if (first_run.count(outcome.id)) {
      EXPECT_EQ(body.rfind("\nRun " + std::to_string(first_run[outcome.id]) + ", seed 9. ", 0), 0u)
          << outcome.id << ": " << body;
    } else {
      EXPECT_EQ(body.rfind("\nNo run ended in this outcome.\n", 0), 0u) << body;
    }
  }

  // scenario.yaml is the resolved scenario: it runs, with no options, to the same summary.
  CliResult again =
      RunCli({"run", out + "/scenario.yaml", "--runs", "700", "--seed", "9", "--json"});
  ASSERT_EQ(again.code, kExitOk) << again.err;
  const auto again_json = ParseJson(again.out);
  EXPECT_EQ(again_json.at("outcomes"), summary.at("outcomes"));
  EXPECT_EQ(again_json.at("red_lines"), summary.at("red_lines"));
  EXPECT_EQ(again_json.at("max_rung"), summary.at("max_rung"));
}

TEST(RunCommandTest, OutDirFilesDoNotDependOnThreads) {
  TempDir dir;
  std::vector<std::string> csv, narratives, summaries;
  for (const char* threads : {"1", "3"}) {
    const std::string out = dir / threads;
    CliResult run = RunCli(
        {"run", kChicken, "--runs", "900", "--seed", "7", "--threads", threads, "--out", out});
    ASSERT_EQ(run.code, kExitOk) << run.err;
    csv.push_back(ReadFile(out + "/runs.csv"));
    narratives.push_back(ReadFile(out + "/narratives.md"));
    summaries.push_back(WithoutElapsed(ReadFile(out + "/summary.json")));
  }
  EXPECT_EQ(csv[0], csv[1]);
  EXPECT_EQ(narratives[0], narratives[1]);
  EXPECT_EQ(summaries[0], summaries[1]);
  EXPECT_EQ(Lines(csv[0]).size(), 901u);
}

// war.bargaining.terms names each settlement (docs/model.md §10.2): runs.csv's terms_package is
// the first package with terms >= at_least (the last one below them all), empty when a run did
// not settle; summary.json's settlement.packages are the packages' shares of the settled runs;
// the narratives name the package; and the packages add no parameter (their at_least is a plain
// number), so the runs are those of the file without them.
TEST(RunCommandTest, TermsPackagesNameEachSettlement) {
  TempDir dir;
  const std::string bargaining =
      "war.bargaining={talks: -5, talks_cost: 0.05, terms: [{id: east_gains, label: East gains, "
      "at_least: 0.5}, {id: even, label: An even split, at_least: -0.5}, {id: client_gains}]}";
  CliResult run = RunCli({"run", kSmall, "--runs", "700", "--seed", "9", "--json", "--out",
                          dir / "named", "--set", bargaining});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  CliResult plain = RunCli({"run", kSmall, "--runs", "700", "--seed", "9", "--json"});
  ASSERT_EQ(plain.code, kExitOk) << plain.err;
  const auto summary = ParseJson(run.out);
  EXPECT_EQ(summary.at("outcomes"), ParseJson(plain.out).at("outcomes"));
  EXPECT_EQ(ParseJson(plain.out).at("settlement").at("packages").size(), 0u);

  const auto rows = CsvRows(ReadFile(dir / "named/runs.csv"));
  const std::size_t columns = rows[0].size();
  ASSERT_EQ(rows[0][columns - 1], "terms_package");
  std::map<std::string, std::int64_t> count;
  std::int64_t settled = 0;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const std::string& package = rows[r][columns - 1];
    if (rows[r][columns - 5] != "1") {
      EXPECT_EQ(package, "") << r;
      continue;
    }
    ++settled;
    ++count[package];
    const double terms = std::stod(rows[r][columns - 3]);
    const std::string expected = terms >= 0.5    ? "east_gains"
                                 : terms >= -0.5 ? "even"
                                                 : "client_gains";
    EXPECT_EQ(package, expected) << r << ": terms " << terms;
  }
  // Seed 9: 64 settlements, 12 / 40 / 12 — every package is used.
  ASSERT_GT(settled, 30);
  const auto& packages = summary.at("settlement").at("packages");
  ASSERT_EQ(packages.size(), 3u);
  for (const char* id : {"east_gains", "even", "client_gains"}) {
    EXPECT_GT(count[id], 0) << id;
    EXPECT_DOUBLE_EQ(packages.at(id).get<double>(), static_cast<double>(count[id]) / settled) << id;
  }
  const std::string narratives = ReadFile(dir / "named/narratives.md");
  EXPECT_NE(narratives.find("they settled on terms "), std::string::npos);
}

// --- Bad input: exit code 2, nothing on stdout, one clear line per problem on stderr. ---

class RunBadInputTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(RunBadInputTest, ExitCode2AndOneLinePerProblem) { ExpectOneLinePerProblem(GetParam()); }

const std::string kGarbage = "tests/golden/validate/binary_garbage.yaml";
const std::string kDirectory = "tests/golden/validate/directory.yaml";
const std::string kEmpty = "tests/golden/validate/empty_file.yaml";

std::vector<BadCase> BadRunCases() {
  // `run kSmall EXTRA...`, with --runs 200 unless EXTRA gives --runs (twice is an error).
  auto run = [](std::vector<std::string> extra) {
    std::vector<std::string> args = {"run", kSmall};
    if (std::find(extra.begin(), extra.end(), "--runs") == extra.end())
      args.insert(args.end(), {"--runs", "200"});
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  };
  const std::string kHelp = " (run 'redline --help' for usage)";
  return {
      {"RunsZero",
       run({"--runs", "0"}),
       {"--runs: error: expected a whole number of runs >= 1, got '0'"}},
      {"RunsNegative",
       run({"--runs", "-5"}),
       {"--runs: error: expected a whole number of runs >= 1, got '-5'"}},
      {"RunsNotANumber", run({"--runs", "many"}), {"--runs: error: expected a whole number"}},
      {"RunsFraction", run({"--runs", "1.5"}), {"--runs: error: expected a whole number"}},
      {"RunsEmpty", run({"--runs", ""}), {"--runs: error: expected a whole number"}},
      {"RunsTwice", run({"--runs", "5", "--runs", "6"}), {"error: --runs: "}},
      {"RunsHuge", run({"--runs", "99999999999999999999999"}), {"--runs: error:"}},
      {"ThreadsZero",
       run({"--threads", "0"}),
       {"--threads: error: expected a whole number from 1 to 1024, got '0'"}},
      {"ThreadsNegative", run({"--threads", "-2"}), {"--threads: error:"}},
      {"ThreadsNotANumber", run({"--threads", "all"}), {"--threads: error:"}},
      {"ThreadsEmpty",
       run({"--threads", ""}),
       {"error: --threads: expected a value, got an empty string" + kHelp}},
      {"SeedNotANumber",
       run({"--seed", "abc"}),
       {"--seed: error: expected a whole number from 0 to 2^64-1, got 'abc'"}},
      {"SeedNegative", run({"--seed", "-1"}), {"--seed: error:"}},
      {"SeedFloat", run({"--seed", "1e3"}), {"--seed: error:"}},
      {"SeedTooBig", run({"--seed", "18446744073709551616"}), {"--seed: error:"}},
      {"EveryBadFlagAtOnce",
       run({"--runs", "0", "--seed", "x", "--threads", "0"}),
       {"--runs: error:", "--seed: error:", "--threads: error:"}},
      {"MissingFile", {"run", "no/such/file.yaml"}, {"no/such/file.yaml: error: no such file"}},
      {"Directory", {"run", kDirectory}, {kDirectory + ": error: is a directory"}},
      {"EmptyFile", {"run", kEmpty}, {kEmpty + ": error: is empty"}},
      {"BinaryGarbage", {"run", kGarbage}, {kGarbage + ":1:8: error: not a text file"}},
      {"InvalidScenario",
       {"run", "tests/golden/validate/unknown_key.yaml"},
       {"unknown_key.yaml:2:1: error: unknown key 'actor'",
        "unknown_key.yaml:9:5: error:", "unknown_key.yaml:10:5: error:"}},
      {"SetUnknownPath",
       run({"--set", "channels.hotlin.open=0.5"}),
       {"--set channels.hotlin.open=0.5: error:"}},
      {"SetBadValue",
       run({"--set", "channels.hotline.open=3"}),
       {"--set channels.hotline.open=3: error: channels.hotline.open: is a probability"}},
      {"SetWithoutEquals",
       run({"--set", "channels.hotline.open"}),
       {"--set channels.hotline.open: error:"}},
      {"SetTwoProblems",
       run({"--set", "channels.hotline.open=3", "--set", "nonsense=1"}),
       {"--set nonsense=1: error: unknown key 'nonsense'",
        "--set channels.hotline.open=3: error:"}},
      {"UnknownVariant",
       run({"--variant", "unanimus"}),
       {
           "--variant unanimus: error:",
       }},
      {"EmptyVariant",
       run({"--variant", ""}),
       {"error: --variant: expected a value, got an empty string" + kHelp}},
      {"EmptyOut",
       run({"--out", ""}),
       {"error: --out: expected a value, got an empty string" + kHelp}},
      {"UnknownFlag", run({"--frobnicate"}), {"--frobnicate"}},
      {"MissingFileArgument", {"run", "--runs", "10"}, {"FILE"}},
      {"RunsWithoutValue", {"run", kSmall, "--runs"}, {"error: --runs: 1 required"}},
      {"UnknownSubcommand",
       {"simulate", kSmall},
       {"error: unknown command 'simulate'; the commands are validate, run, compare, replay, "
        "solve, game" +
        kHelp}},
      {"NoSubcommand", {}, {"subcommand"}},
  };
}

INSTANTIATE_TEST_SUITE_P(Run, RunBadInputTest, ::testing::ValuesIn(BadRunCases()),
                         [](const auto& info) { return info.param.name; });

TEST(RunCommandTest, UnknownVariantSuggestsTheClosestName) {
  CliResult run = RunCli({"run", kSmall, "--variant", "unanimus"});
  EXPECT_EQ(run.code, kExitBadInput);
  EXPECT_NE(run.err.find("did you mean 'unanimous'?"), std::string::npos) << run.err;
}

TEST(RunCommandTest, OutPointingAtARegularFileIsRefusedAndLeftAlone) {
  TempDir dir;
  const std::string file = dir / "results";
  std::ofstream(file) << "keep me\n";
  CliResult run = RunCli({"run", kSmall, "--runs", "200", "--out", file});
  EXPECT_EQ(run.code, kExitBadInput);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "--out: error: '" + file + "' exists and is not a directory\n");
  EXPECT_EQ(ReadFile(file), "keep me\n");

  // A regular file in the way of a parent directory, too.
  CliResult nested = RunCli({"run", kSmall, "--runs", "200", "--out", file + "/sub"});
  EXPECT_EQ(nested.code, kExitBadInput);
  EXPECT_EQ(Lines(nested.err).size(), 1u) << nested.err;
  EXPECT_EQ(nested.err.rfind("--out: error: ", 0), 0u) << nested.err;
}

TEST(RunCommandTest, BadInputCreatesNoOutDir) {
  TempDir dir;
  const std::string out = dir / "never";
  EXPECT_EQ(RunCli({"run", kSmall, "--runs", "0", "--out", out}).code, kExitBadInput);
  EXPECT_EQ(RunCli({"run", kGarbage, "--out", out}).code, kExitBadInput);
  EXPECT_FALSE(std::filesystem::exists(out));
}

// End to end: the real program's exit codes and streams.
TEST(RunCommandBinaryTest, ExitCodesEndToEnd) {
  CliResult ok = RunBinary("run " + kChicken + " --runs 300 --seed 4 --threads 2 --json");
  EXPECT_EQ(ok.code, kExitOk) << ok.err;
  EXPECT_EQ(ok.err, "");
  EXPECT_EQ(ParseJson(ok.out).at("runs"), 300);
  // The program prints what Main prints.
  CliResult in_process = RunCli({"run", kChicken, "--runs", "300", "--seed", "4", "--json"});
  EXPECT_EQ(WithoutElapsed(ok.out), WithoutElapsed(in_process.out));

  for (const std::string& args : std::vector<std::string>{
           "run " + kChicken + " --runs 0", "run " + kChicken + " --threads 0",
           "run " + kChicken + " --seed minus-one", "run " + kChicken + " --variant nope",
           "run " + kChicken + " --set nope=1", "run " + kChicken + " --bogus", "bogus", "",
           "run no/such.yaml", "compare " + kChicken + " --variant hotline_open"}) {
    SCOPED_TRACE(args);
    CliResult bad = RunBinary(args);
    EXPECT_EQ(bad.code, kExitBadInput) << bad.err;
    EXPECT_EQ(bad.out, "");
    EXPECT_FALSE(bad.err.empty());
  }
}

TEST(RunCommandBinaryTest, BinaryGarbageAndDirectoryAreOneLineEach) {
  CliResult garbage = RunBinary("run " + kGarbage);
  EXPECT_EQ(garbage.code, kExitBadInput);
  EXPECT_EQ(garbage.out, "");
  EXPECT_EQ(garbage.err, ReadFile("tests/golden/validate/binary_garbage.expected"));
  CliResult directory = RunBinary("run " + kDirectory);
  EXPECT_EQ(directory.code, kExitBadInput);
  EXPECT_EQ(directory.err, ReadFile("tests/golden/validate/directory.expected"));
  // Random bytes other than the checked-in file, including NULs and invalid UTF-8.
  TempDir dir;
  const std::string noise = dir / "noise.yaml";
  {
    std::ofstream out(noise, std::ios::binary);
    std::uint32_t x = 12345;
    for (int i = 0; i < 4096; ++i) {
      x = x * 1664525u + 1013904223u;
      out.put(static_cast<char>(x >> 24));
    }
  }
  CliResult random = RunBinary("run " + noise);
  EXPECT_EQ(random.code, kExitBadInput) << random.err;
  EXPECT_EQ(Lines(random.err).size(), 1u) << random.err;
}

}  // namespace
}  // namespace redline::cli
