// `redline validate`, run in-process through cli::Main with string streams.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli/command.h"

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

}  // namespace
}  // namespace redline::cli
