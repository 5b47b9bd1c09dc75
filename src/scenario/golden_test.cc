// Golden validation tests: each tests/golden/validate/NAME.expected holds the exact
// diagnostics `redline validate` prints (one per line) for tests/golden/validate/NAME.yaml,
// loaded with the options listed in NAME.args if present (one "--set PATH=VALUE" or
// "--variant NAME" per line). Paths are relative to the repository root, the tests' working
// directory. Set REDLINE_UPDATE_GOLDENS=1 to rewrite the .expected files (then review them).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "scenario/loader.h"
#include "scenario/test_util.h"

namespace redline::scenario {
namespace {

const std::string kGoldenDir = "tests/golden/validate";

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

LoadOptions ReadArgs(const std::string& path) {
  LoadOptions options;
  std::istringstream lines(ReadAll(path));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("--set ", 0) == 0) options.overrides.push_back(line.substr(6));
    if (line.rfind("--variant ", 0) == 0) options.variant = line.substr(10);
  }
  return options;
}

std::vector<std::string> GoldenNames() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(kGoldenDir)) {
    if (entry.path().extension() == ".expected") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, DiagnosticsMatch) {
  const std::string base = kGoldenDir + "/" + GetParam();
  const LoadOptions options = ReadArgs(base + ".args");
  Result<LoadedScenario> loaded = LoadScenario(base + ".yaml", options);
  ASSERT_FALSE(loaded.ok()) << base << ".yaml validated, but a golden must fail";
  const std::string actual = testing::Joined(loaded.errors());
  if (std::getenv("REDLINE_UPDATE_GOLDENS") != nullptr) {
    std::ofstream(base + ".expected", std::ios::binary) << actual;
  }
  EXPECT_EQ(actual, ReadAll(base + ".expected"));
}

INSTANTIATE_TEST_SUITE_P(Validate, Golden, ::testing::ValuesIn(GoldenNames()),
                         [](const auto& info) { return info.param; });

TEST(GoldenSet, CoversEveryErrorKind) {
  const std::vector<std::string> names = GoldenNames();
  for (const char* required :
       {"syntax_error", "unknown_key", "wrong_type", "unknown_actor", "unknown_lever",
        "unknown_level", "unknown_rung", "unknown_red_line", "unknown_outcome",
        "probability_out_of_range", "bad_distribution", "duplicate_id", "empty_ladder",
        "unclassified_outcomes", "missing_file", "directory", "binary_garbage", "bad_override_path",
        "unknown_variant"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), required), names.end()) << required;
  }
}

}  // namespace
}  // namespace redline::scenario
