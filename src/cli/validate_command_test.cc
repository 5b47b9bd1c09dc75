// `redline validate`, run in-process through cli::Main with string streams, and a few cases
// through the built program (REDLINE_BINARY) for the exit codes end to end.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/test_util.h"

namespace redline::cli {
namespace {

struct ValidateRun {
  int code = 0;
  std::string out, err;
};

ValidateRun Validate(std::vector<std::string> args) {
  args.insert(args.begin(), {"redline", "validate"});
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  Io io{out, err};
  ValidateRun run;
  run.code = Main(static_cast<int>(argv.size()), argv.data(), io);
  run.out = out.str();
  run.err = err.str();
  return run;
}

const std::string kSmall = "tests/scenarios/small_crisis.yaml";

TEST(ValidateCommandTest, ValidScenarioPrintsASummary) {
  ValidateRun run = Validate({kSmall});
  EXPECT_EQ(run.code, kExitOk) << run.err;
  EXPECT_EQ(run.out, kSmall + ": ok (3 actors, 3 levers, 1 red lines, 6 outcomes, 2 variants)\n");
  EXPECT_EQ(run.err, "");
}

TEST(ValidateCommandTest, EveryProblemOnItsOwnLineAndExit2) {
  ValidateRun run = Validate({"tests/golden/validate/unknown_key.yaml"});
  EXPECT_EQ(run.code, kExitBadInput);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err,
            "tests/golden/validate/unknown_key.yaml:2:1: error: unknown key 'actor'; did you "
            "mean 'actors'?\n"
            "tests/golden/validate/unknown_key.yaml:9:5: error: actors.east: unknown key "
            "'favors'; did you mean 'favours'?\n"
            "tests/golden/validate/unknown_key.yaml:10:5: error: actors.east: unknown key "
            "'lable'; did you mean 'label'?\n");
}

TEST(ValidateCommandTest, OverridesAndVariants) {
  EXPECT_EQ(Validate({kSmall, "--variant", "unanimous", "--set", "channels.hotline.open=0.2"}).code,
            kExitOk);
  ValidateRun bad = Validate({kSmall, "--set", "channels.hotline.open=3"});
  EXPECT_EQ(bad.code, kExitBadInput);
  EXPECT_EQ(bad.err,
            "--set channels.hotline.open=3: error: channels.hotline.open: is a "
            "probability and must lie in [0, 1], got 3\n");
  ValidateRun unknown = Validate({kSmall, "--variant", "unanimus"});
  EXPECT_EQ(unknown.code, kExitBadInput);
  EXPECT_NE(unknown.err.find("did you mean 'unanimous'?"), std::string::npos) << unknown.err;
}

TEST(ValidateCommandTest, MissingFileIsOneLine) {
  ValidateRun run = Validate({"no/such/scenario.yaml"});
  EXPECT_EQ(run.code, kExitBadInput);
  EXPECT_EQ(run.err, "no/such/scenario.yaml: error: no such file\n");
}

// Every golden of the scenario module (tests/golden/validate/NAME.{yaml,args,expected}) through
// the command line: exit 2, nothing on stdout, exactly the expected lines on stderr, each in
// the form "FILE:LINE:COL: error: ...", "FILE: error: ..." or "--set/--variant ...: error: ...".
TEST(ValidateCommandTest, EveryGoldenThroughTheCommandLine) {
  const std::string dir = "tests/golden/validate";
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".expected") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  ASSERT_GE(names.size(), 20u);
  const std::regex line_form(
      R"(^(tests/golden/validate/[a-z_]+\.yaml(:[0-9]+:[0-9]+)?|--set .+?|--variant [^ ]*): )"
      R"(error: .+$)");
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    const std::string base = dir + "/" + name;
    std::vector<std::string> args = {base + ".yaml"};
    for (const std::string& line : testing::Lines(testing::ReadFile(base + ".args"))) {
      const std::size_t space = line.find(' ');
      if (space == std::string::npos) continue;
      args.push_back(line.substr(0, space));
      args.push_back(line.substr(space + 1));
    }
    ValidateRun run = Validate(args);
    EXPECT_EQ(run.code, kExitBadInput);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, testing::ReadFile(base + ".expected"));
    for (const std::string& line : testing::Lines(run.err))
      EXPECT_TRUE(std::regex_match(line, line_form)) << line;
  }
}

TEST(ValidateCommandTest, ShippedScenariosAreOk) {
  for (const char* path : {"scenarios/chicken.yaml", "scenarios/cuban_missile_1962.yaml",
                           "scenarios/sino_soviet_1969.yaml", "scenarios/ukraine_2022.yaml"}) {
    ValidateRun run = Validate({path});
    EXPECT_EQ(run.code, kExitOk) << run.err;
    EXPECT_EQ(run.out.rfind(std::string(path) + ": ok (", 0), 0u) << run.out;
    EXPECT_EQ(run.err, "");
  }
}

TEST(ValidateCommandTest, BadArgumentsExit2) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{},
                                             {kSmall, "--frobnicate"},
                                             {kSmall, "--set"},
                                             {kSmall, "extra.yaml"},
                                             {kSmall, "--set", "no_equals_sign"},
                                             {kSmall, "--variant", ""}}) {
    ValidateRun run = Validate(args);
    EXPECT_EQ(run.code, kExitBadInput) << run.out;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(testing::Lines(run.err).size(), 1u) << run.err;
    EXPECT_NE(run.err.find("error:"), std::string::npos) << run.err;
  }
}

TEST(ValidateCommandBinaryTest, ExitCodesEndToEnd) {
  testing::CliResult ok = testing::RunBinary("validate " + kSmall);
  EXPECT_EQ(ok.code, kExitOk) << ok.err;
  EXPECT_EQ(ok.out, kSmall + ": ok (3 actors, 3 levers, 1 red lines, 6 outcomes, 2 variants)\n");
  EXPECT_EQ(ok.err, "");
  for (const char* name : {"binary_garbage", "directory", "empty_file", "missing_file",
                           "unknown_key", "syntax_error"}) {
    SCOPED_TRACE(name);
    const std::string base = std::string("tests/golden/validate/") + name;
    testing::CliResult bad = testing::RunBinary("validate " + base + ".yaml");
    EXPECT_EQ(bad.code, kExitBadInput);
    EXPECT_EQ(bad.out, "");
    EXPECT_EQ(bad.err, testing::ReadFile(base + ".expected"));
  }
  testing::CliResult no_file = testing::RunBinary("validate");
  EXPECT_EQ(no_file.code, kExitBadInput) << no_file.err;
}

}  // namespace
}  // namespace redline::cli
