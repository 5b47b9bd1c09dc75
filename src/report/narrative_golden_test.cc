// Golden narrative: report::NarrateRun for one fixed run of tests/scenarios/narrative.yaml (a
// test scenario, not a shipped one, so recalibrating scenarios/ does not churn it) must equal
// tests/golden/narratives/narrative_seed<S>_run<R>.md byte for byte. It changes only when the
// kernel's behaviour, the random streams or the narrative's wording change — on purpose.
//
// Every shipped scenario (scenarios/*.yaml) also has a golden narrative of run 0 with seed 1,
// tests/golden/narratives/<scenario>_seed1_run0.md: the signature of its behaviour, which
// changes when the scenario is recalibrated or the kernel changes — on purpose.
//
// To regenerate after an intended change, run the test with REDLINE_UPDATE_GOLDENS=1, e.g.
//   REDLINE_UPDATE_GOLDENS=1 ./build/src/report_tests --gtest_filter='NarrativeGolden*'
// from the repository root; the test then rewrites the file and passes. Review the diff
// before committing it. The tests run with the repository root as working directory.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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

std::string Narrate(std::uint64_t seed, std::int64_t run, const std::string& file = kScenario,
                    const std::vector<std::string>& overrides = {}) {
  scenario::LoadOptions options;
  options.overrides = overrides;
  Result<scenario::LoadedScenario> loaded = scenario::LoadScenario(file, options);
  EXPECT_TRUE(loaded.ok());
  if (!loaded.ok()) return "";
  const Simulator simulator(loaded->model, MakeDecisionModels(loaded->model));
  RunInfo info;
  info.scenario_file = file;
  info.seed = seed;
  return NarrateRun(simulator, info, run);
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

void ExpectGolden(const std::string& actual, const std::string& golden) {
  if (std::getenv("REDLINE_UPDATE_GOLDENS") != nullptr) {
    std::filesystem::create_directories(std::filesystem::path(golden).parent_path());
    std::ofstream(golden, std::ios::binary) << actual;
  }
  ASSERT_TRUE(std::filesystem::exists(golden))
      << golden << " is missing; run with REDLINE_UPDATE_GOLDENS=1 to write it";
  EXPECT_EQ(actual, ReadAll(golden))
      << "rerun with REDLINE_UPDATE_GOLDENS=1 if the change is intended";
}

TEST(NarrativeGolden, MatchesTheGoldenFile) { ExpectGolden(Narrate(kSeed, kRun), kGolden); }

std::vector<std::string> ShippedScenarios() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator("scenarios"))
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

class ShippedNarrativeGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedNarrativeGolden, MatchesTheGoldenFile) {
  ExpectGolden(Narrate(1, 0, "scenarios/" + GetParam() + ".yaml"),
               "tests/golden/narratives/" + GetParam() + "_seed1_run0.md");
}

INSTANTIATE_TEST_SUITE_P(Shipped, ShippedNarrativeGolden, ::testing::ValuesIn(ShippedScenarios()),
                         [](const auto& info) { return info.param; });

// A withdrawal of a red line (docs/model.md §7.6), in a run of tests/scenarios/withdrawal.yaml
// in which the bluffing defender walks its line back before the challenger's pressure.
TEST(NarrativeGolden, AWithdrawalIsTold) {
  const std::string text = Narrate(1, 7, "tests/scenarios/withdrawal.yaml");
  EXPECT_TRUE(Contains(text,
                       "Defender **withdrew** its red line *Pressure will be answered* "
                       "before it was tested (it judged it would be crossed with "
                       "probability "))
      << text;
  ExpectGolden(text, "tests/golden/narratives/withdrawal_seed1_run7.md");
}

// The chosen run tells every kind of event, so the golden cannot pass on a thin narrative.
TEST(NarrativeGolden, TheRunShowsEveryKindOfEvent) {
  const std::string text = Narrate(kSeed, kRun);
  EXPECT_TRUE(Contains(text,
                       "Run 0, seed 16. Reproduce: `redline replay "
                       "tests/scenarios/narrative.yaml --run 0 --seed 16`\n"))
      << text;
  EXPECT_TRUE(Contains(text, "- East is privately *")) << text;
  EXPECT_TRUE(Contains(text, "- The channel *East-West hotline* is ")) << text;
  EXPECT_TRUE(Contains(text,
                       "- The war balance starts at +0.00 (positive favours East, "
                       "negative Client; ±4.00 is decisive).\n"))
      << text;
  EXPECT_TRUE(Contains(text, "\n**Step 0.**\n")) << text;
  EXPECT_TRUE(Contains(text, "West raised *Arms to the client* from none to **light**")) << text;
  EXPECT_TRUE(Contains(text, "West raised *Arms to the client* from light to **heavy**")) << text;
  EXPECT_TRUE(Contains(text,
                       "East's public red line *No heavy arms* was **crossed**; unless East "
                       "enforces it by step "))
      << text;
  EXPECT_TRUE(Contains(text,
                       "East held back from enforcing *No heavy arms* this step (it enforces "
                       "with probability 0.5000 per step until step "))
      << text;
  // The lever's short_label, not its label.
  EXPECT_TRUE(Contains(text,
                       "East raised *Supply-line strikes* from off to **supply_lines** "
                       "(rung: Limited strike) to enforce its red line."))
      << text;
  EXPECT_FALSE(Contains(text, "Strikes on supply lines")) << text;
  EXPECT_TRUE(Contains(text, "East **enforced** its red line *No heavy arms*.")) << text;
  EXPECT_TRUE(Contains(text,
                       "Accident: *Supply-line strikes* caused an incident on West's "
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
  // What explains a step, and a quiet step told in one line.
  EXPECT_TRUE(Contains(text, "- *Why:* balance ")) << text;
  EXPECT_TRUE(Contains(text, "costs so far: East ")) << text;
  EXPECT_TRUE(Contains(text, "settlement probability ")) << text;
  EXPECT_TRUE(Contains(text, "** No change; balance ")) << text;
  EXPECT_TRUE(Contains(text, "\nOutcome after 8 steps (0–7): **")) << text;
  EXPECT_EQ(text.back(), '\n');
}

// Alliances and observers are named by their short_label too (falling back on the label).
TEST(NarrativeGolden, AlliancesAndObserversUseTheirShortLabels) {
  const std::string pact = Narrate(kSeed, kRun, kScenario, {"alliances.pact.short_label=Our pact"});
  EXPECT_TRUE(Contains(pact, "In Our pact's deliberation, West voted **")) << pact;
  EXPECT_TRUE(Contains(pact, "Our pact decided to respond: **limited**.")) << pact;
  EXPECT_FALSE(Contains(pact, "The Pact's")) << pact;  // (the outcome's label stays)
  EXPECT_FALSE(Contains(pact, "The Pact decided")) << pact;
  const std::string ukraine = "scenarios/ukraine_2022.yaml";
  const std::string plain = Narrate(1, 0, ukraine);
  ASSERT_TRUE(Contains(plain, "China's belief that ")) << plain;
  const std::string named = Narrate(1, 0, ukraine, {"observers.china.short_label=PRC"});
  EXPECT_TRUE(Contains(named, "PRC's belief that ")) << named;
  EXPECT_FALSE(Contains(named, "China's belief")) << named;
}

// Narratives are reproducible from (seed, run) alone and differ between runs.
TEST(NarrativeGolden, ReproducibleAndRunSpecific) {
  EXPECT_EQ(Narrate(kSeed, kRun), Narrate(kSeed, kRun));
  EXPECT_NE(Narrate(kSeed, kRun), Narrate(kSeed + 1, kRun));
  EXPECT_NE(Narrate(kSeed, kRun), Narrate(kSeed, kRun + 1));
}

}  // namespace
}  // namespace redline::report
