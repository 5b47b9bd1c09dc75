// Every scenario shipped in scenarios/ validates, and so does each of its variants.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "scenario/loader.h"
#include "scenario/test_util.h"

namespace redline::scenario {
namespace {

using testing::Joined;

std::vector<std::string> ShippedScenarios() {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator("scenarios")) {
    if (entry.path().extension() == ".yaml") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

TEST(ShippedScenarios, ThereAreSome) { EXPECT_FALSE(ShippedScenarios().empty()); }

TEST(ShippedScenarios, EveryOneValidatesWithEveryVariant) {
  for (const std::string& path : ShippedScenarios()) {
    SCOPED_TRACE(path);
    Result<LoadedScenario> loaded = LoadScenario(path);
    EXPECT_TRUE(loaded.ok()) << Joined(loaded.errors());
    if (!loaded.ok()) continue;
    EXPECT_FALSE(loaded->model.actors.empty());
    for (const VariantInfo& variant : loaded->variants) {
      LoadOptions options;
      options.variant = variant.name;
      Result<LoadedScenario> with_variant = LoadScenario(path, options);
      EXPECT_TRUE(with_variant.ok()) << variant.name << ":\n" << Joined(with_variant.errors());
    }
  }
}

TEST(ShippedScenarios, ResolvedTextCompilesToTheSameModel) {
  for (const std::string& path : ShippedScenarios()) {
    SCOPED_TRACE(path);
    Result<LoadedScenario> loaded = LoadScenario(path);
    if (!loaded.ok()) continue;  // reported by EveryOneValidatesWithEveryVariant
    Result<LoadedScenario> again = LoadScenarioText(loaded->resolved_yaml, path);
    EXPECT_TRUE(again.ok()) << Joined(again.errors()) << loaded->resolved_yaml;
    if (!again.ok()) continue;
    EXPECT_EQ(again->model.parameter_paths, loaded->model.parameter_paths);
    ASSERT_EQ(again->model.parameters.size(), loaded->model.parameters.size());
    for (std::size_t i = 0; i < loaded->model.parameters.size(); ++i) {
      EXPECT_EQ(again->model.parameters[i].ToString(), loaded->model.parameters[i].ToString());
    }
    EXPECT_EQ(again->model.conditions.size(), loaded->model.conditions.size());
  }
}

}  // namespace
}  // namespace redline::scenario
