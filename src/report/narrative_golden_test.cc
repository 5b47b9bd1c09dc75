// Golden narrative: report::NarrateRun for one fixed run of tests/scenarios/narrative.yaml (a
// test scenario, not a shipped one, so recalibrating scenarios/ does not churn it) must equal
// tests/golden/narratives/narrative_seed<S>_run<R>.md byte for byte. It changes only when the
// kernel's behaviour, the random streams or the narrative's wording change — on purpose.
//
// To regenerate after an intended change, run the test with REDLINE_UPDATE_GOLDENS=1, e.g.
//   REDLINE_UPDATE_GOLDENS=1 ./build/src/report_tests --gtest_filter='NarrativeGolden*'
// from the repository root; the test then rewrites the file and passes. Review the diff
// before committing it. The tests run with the repository root as working directory.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "agents/factory.h"
#include "report/narrative.h"
#include "scenario/loader.h"
#include "sim/simulator.h"

namespace redline::report {
namespace {

const std::string kScenario = "tests/scenarios/narrative.yaml";
constexpr std::uint64_t kSeed = 16;
constexpr std::int64_t kRun = 0;
const std::string kGolden = "tests/golden/narratives/narrative_seed16_run0.md";

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Narrate(std::uint64_t seed, std::int64_t run) {
  Result<scenario::LoadedScenario> loaded = scenario::LoadScenario(kScenario);
  EXPECT_TRUE(loaded.ok());
  if (!loaded.ok()) return "";
  const Simulator simulator(loaded->model, MakeDecisionModels(loaded->model));
  return NarrateRun(simulator, seed, run);
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(NarrativeGolden, MatchesTheGoldenFile) {
  const std::string actual = Narrate(kSeed, kRun);
  if (std::getenv("REDLINE_UPDATE_GOLDENS") != nullptr) {
    std::filesystem::create_directories(std::filesystem::path(kGolden).parent_path());
    std::ofstream(kGolden, std::ios::binary) << actual;
  }
  EXPECT_EQ(actual, ReadAll(kGolden))
      << "rerun with REDLINE_UPDATE_GOLDENS=1 if the change is intended";
}

// The chosen run tells every kind of event, so the golden cannot pass on a thin narrative.
TEST(NarrativeGolden, TheRunShowsEveryKindOfEvent) {
  const std::string text = Narrate(kSeed, kRun);
  EXPECT_TRUE(Contains(
      text, "Run " + std::to_string(kRun) + " (reproduce with `--seed` and this run index).\n"))
      << text;
  EXPECT_TRUE(Contains(text, "- East is privately *")) << text;
  EXPECT_TRUE(Contains(text, "- The channel *East-West hotline* is ")) << text;
  EXPECT_TRUE(Contains(text, "\n**Step 1.**\n")) << text;
  EXPECT_TRUE(Contains(text, "West raised *Arms to the client* from none to **light**")) << text;
  EXPECT_TRUE(Contains(text, "West raised *Arms to the client* from light to **heavy**")) << text;
  EXPECT_TRUE(Contains(text, "East's public red line *No heavy arms* was **crossed**")) << text;
  EXPECT_TRUE(Contains(text,
                       "East held back from enforcing *No heavy arms* (it enforced with "
                       "probability 0.50 this step)."))
      << text;
  EXPECT_TRUE(Contains(text,
                       "East raised *Strikes on supply lines* from off to **supply_lines** "
                       "(rung: Limited strike) to enforce its red line."))
      << text;
  EXPECT_TRUE(Contains(text, "East **enforced** its red line *No heavy arms*.")) << text;
  EXPECT_TRUE(Contains(text,
                       "Accident: *Strikes on supply lines* caused an incident on West's "
                       "territory"))
      << text;
  EXPECT_TRUE(Contains(text, "West perceived it as **deliberate**")) << text;
  EXPECT_TRUE(Contains(text, "West perceived it as **an accident**")) << text;
  EXPECT_TRUE(Contains(text, "In The Pact's deliberation, West voted **")) << text;
  EXPECT_TRUE(Contains(text, "In The Pact's deliberation, North voted **")) << text;
  EXPECT_TRUE(Contains(text, "The Pact decided to respond: **limited**.")) << text;
  EXPECT_TRUE(Contains(text,
                       "The Pact raised *Pact forces* from idle to **limited** (rung: "
                       "Limited strike) after its deliberation."))
      << text;
  EXPECT_TRUE(Contains(text, "\nOutcome after ")) << text;
  EXPECT_EQ(text.back(), '\n');
}

// Narratives are reproducible from (seed, run) alone and differ between runs.
TEST(NarrativeGolden, ReproducibleAndRunSpecific) {
  EXPECT_EQ(Narrate(kSeed, kRun), Narrate(kSeed, kRun));
  EXPECT_NE(Narrate(kSeed, kRun), Narrate(kSeed + 1, kRun));
  EXPECT_NE(Narrate(kSeed, kRun), Narrate(kSeed, kRun + 1));
}

}  // namespace
}  // namespace redline::report
