// `run` and `validate` refuse the same scenarios with the same lines: every check that depends
// on the compiled model is made by the scenario compiler (model/limits.h), so `run` has no
// refusal of its own that `validate` would miss. Checked on every validation golden.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/test_util.h"

namespace redline::cli {
namespace {

TEST(RunRefusesWhatValidateRefuses, EveryGoldenSameLinesExit2) {
  const std::string dir = "tests/golden/validate";
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".expected") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  ASSERT_GE(names.size(), 20u);
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    const std::string base = dir + "/" + name;
    std::vector<std::string> options;
    for (const std::string& line : testing::Lines(testing::ReadFile(base + ".args"))) {
      const std::size_t space = line.find(' ');
      if (space == std::string::npos) continue;
      options.push_back(line.substr(0, space));
      options.push_back(line.substr(space + 1));
    }
    std::vector<std::string> validate = {"validate", base + ".yaml"};
    validate.insert(validate.end(), options.begin(), options.end());
    std::vector<std::string> run = {"run", base + ".yaml", "--runs", "10"};
    run.insert(run.end(), options.begin(), options.end());
    const testing::CliResult validated = testing::RunCli(validate);
    const testing::CliResult ran = testing::RunCli(run);
    EXPECT_EQ(validated.code, 2);
    EXPECT_EQ(ran.code, 2);
    EXPECT_EQ(ran.out, "");
    EXPECT_EQ(ran.err, validated.err);
  }
}

}  // namespace
}  // namespace redline::cli
