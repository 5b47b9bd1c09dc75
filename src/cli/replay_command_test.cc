// `redline replay`: the reproduce line of every narrative in narratives.md, executed as written
// by a shell, prints that narrative; `--variant base` is accepted by run as by compare; bad
// input gets one line and exit code 2.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/test_util.h"

namespace redline::cli {
namespace {

using testing::BadCase;
using testing::CliResult;
using testing::ExpectOneLinePerProblem;
using testing::ParseJson;
using testing::ReadFile;
using testing::RunBinary;
using testing::RunCli;
using testing::TempDir;

const std::string kSmall = "tests/scenarios/small_crisis.yaml";

// The narratives of narratives.md: the text under each "## outcome" heading that tells a run.
std::vector<std::string> Sections(const std::string& narratives) {
  std::vector<std::string> sections;
  std::size_t at = narratives.find("\n## ");
  while (at != std::string::npos) {
    const std::size_t body = narratives.find("\n\n", at + 1) + 2;
    const std::size_t next = narratives.find("\n## ", body);
    const std::string section =
        narratives.substr(body, next == std::string::npos ? std::string::npos : next - body);
    if (section.starts_with("Run ")) sections.push_back(section);
    at = next;
  }
  return sections;
}

// "Reproduce: `redline replay ...`" -> "replay ..." (shell text).
std::string ReproduceArguments(const std::string& section) {
  const std::string marker = "Reproduce: `redline ";
  const std::size_t begin = section.find(marker);
  if (begin == std::string::npos) return "";
  const std::size_t from = begin + marker.size();
  return section.substr(from, section.find("`\n", from) - from);
}

TEST(ReplayCommandTest, ReproduceLinesWorkAsWritten) {
  TempDir dir;
  const std::string out = dir / "out";
  // A variant and overrides, one of them needing shell quotes.
  CliResult run = RunCli({"run", kSmall, "--runs", "400", "--seed", "21", "--threads", "2",
                          "--variant", "unanimous", "--set", "channels.hotline.open=0.3", "--set",
                          "war.noise={dist: uniform, low: 0.1, high: 0.3}", "--out", out});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  const std::vector<std::string> sections = Sections(ReadFile(out + "/narratives.md"));
  ASSERT_GE(sections.size(), 3u);
  for (const std::string& section : sections) {
    const std::string arguments = ReproduceArguments(section);
    ASSERT_NE(arguments, "") << section;
    EXPECT_NE(arguments.find(" --variant unanimous --set channels.hotline.open=0.3 --set "
                             "'war.noise={dist: uniform, low: 0.1, high: 0.3}'"),
              std::string::npos)
        << arguments;
    CliResult replay = RunBinary(arguments);
    EXPECT_EQ(replay.code, kExitOk) << arguments << "\n" << replay.err;
    EXPECT_EQ(replay.err, "");
    EXPECT_EQ(replay.out, section) << arguments;
  }
}

TEST(ReplayCommandTest, TellsTheRunItIsAsked) {
  CliResult a = RunCli({"replay", kSmall, "--run", "5", "--seed", "2"});
  ASSERT_EQ(a.code, kExitOk) << a.err;
  EXPECT_EQ(a.out.rfind(
                "Run 5, seed 2. Reproduce: `redline replay " + kSmall + " --run 5 --seed 2`\n", 0),
            0u)
      << a.out;
  EXPECT_NE(a.out.find("\nOutcome after "), std::string::npos) << a.out;
  CliResult b = RunCli({"replay", kSmall, "--run", "6", "--seed", "2"});
  ASSERT_EQ(b.code, kExitOk) << b.err;
  EXPECT_NE(a.out, b.out);
  // The last run index there can be.
  EXPECT_EQ(RunCli({"replay", kSmall, "--run", "999999999999"}).code, kExitOk);
}

TEST(ReplayCommandTest, BaseVariantIsTheScenarioAsWritten) {
  const std::vector<std::string> args = {"run", kSmall, "--runs", "300", "--seed", "4", "--json"};
  CliResult plain = RunCli(args);
  std::vector<std::string> with_base = args;
  with_base.insert(with_base.end(), {"--variant", "base"});
  CliResult base = RunCli(with_base);
  ASSERT_EQ(plain.code, kExitOk) << plain.err;
  ASSERT_EQ(base.code, kExitOk) << base.err;
  const auto plain_json = ParseJson(plain.out);
  const auto base_json = ParseJson(base.out);
  EXPECT_EQ(base_json.at("variant"), "base");
  EXPECT_EQ(base_json.at("outcomes"), plain_json.at("outcomes"));
  EXPECT_EQ(base_json.at("red_lines"), plain_json.at("red_lines"));
  EXPECT_EQ(RunCli({"validate", kSmall, "--variant", "base"}).code, kExitOk);
  CliResult replay = RunCli({"replay", kSmall, "--run", "3", "--variant", "base"});
  ASSERT_EQ(replay.code, kExitOk) << replay.err;
  EXPECT_NE(replay.out.find(" --variant base`"), std::string::npos) << replay.out;
}

class ReplayBadInputTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(ReplayBadInputTest, OneLineAndExitCode2) { ExpectOneLinePerProblem(GetParam()); }

INSTANTIATE_TEST_SUITE_P(
    Cases, ReplayBadInputTest,
    ::testing::Values(
        BadCase{"NegativeRun",
                {"replay", kSmall, "--run", "-1"},
                {"--run: error: expected a run index from 0 to 999999999999"}},
        BadCase{"RunBeyondTheLastIndex",
                {"replay", kSmall, "--run", "1000000000000"},
                {"--run: error: expected a run index from 0 to 999999999999 (runs are numbered "
                 "from 0), got '1000000000000'"}},
        BadCase{"RunNotANumber", {"replay", kSmall, "--run", "3x"}, {"got '3x'"}},
        BadCase{"RunMissing", {"replay", kSmall}, {"--run is required"}},
        BadCase{"BadSeedAndRun",
                {"replay", kSmall, "--run", "", "--seed", "-4"},
                {"--run: error: ", "--seed: error: expected a whole number"}},
        BadCase{"UnknownVariant",
                {"replay", kSmall, "--run", "0", "--variant", "unanimus"},
                {"--variant unanimus: error: unknown variant 'unanimus'; did you mean "
                 "'unanimous'?"}},
        BadCase{"BadOverride",
                {"replay", kSmall, "--run", "0", "--set", "channels.hotline.open=2"},
                {"--set channels.hotline.open=2: error: "}},
        BadCase{"MissingFile", {"replay", "no/such.yaml", "--run", "0"}, {"no/such.yaml: error: "}},
        BadCase{"EmptyVariant", {"replay", kSmall, "--run", "0", "--variant", ""}, {"empty"}}),
    [](const ::testing::TestParamInfo<BadCase>& info) { return info.param.name; });

}  // namespace
}  // namespace redline::cli
