// MODEL2.md property 17 (model 0.2, B9): with every actor at λ → ∞ (quantal, λ = 1000), nuclear
// use still occurs, through the named pathway of docs/model.md §11.1, when that pathway's
// conditions are set up in a test scenario, and never when they are removed. One scenario per
// mechanism (tests/scenarios/pathway_*.yaml); fixed seed 2022, 2,000 runs, common random numbers
// between a scenario and its control (run r draws from RunRng(2022, r) in both). With the
// conditions set up, the share of runs with a nuclear use must be at least the stated bound (the
// bound is far below the expected share, so Monte Carlo error cannot fail it: each expectation
// is derived in the comments) and every nuclear run's pathway must be the named one; with the
// conditions removed, exactly 0 nuclear runs. A second check at λ = 5 (noise) requires the named
// pathway to carry at least 90% of the nuclear runs. The decomposition itself does not depend on
// the thread count (PathwaysDoNotDependOnThreads).
//
// How each test was checked to fail with its mechanism removed (temporary edits, not kept; the
// test binary rebuilt and run):
//  - desperation: DecisionChain (sim/pathways.cc) without its desperation branch labels the
//    uses "act": DesperationUnderDecisiveDefeat and NamedPathwaysWithNoise fail.
//  - inadvertent: the incident's link not recorded (hazards.cc passing the lever's own chain
//    to RecordStrike) makes the pathway "alliance_response>crossing>enforcement":
//    InadvertentThroughAMisperceivedAttack and NamedPathwaysWithNoise fail.
//  - pre-emption: DecisionChain without its pre-emption branch labels East's launch "act"; and
//    with the stage game off (SolveStage not called in decisions.cc) East never launches (0 of
//    2,000 runs): PreemptionFromTheFearOfSurpriseAttack and NamedPathwaysWithNoise fail.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "crisis/pathway.h"
#include "montecarlo/runner.h"
#include "scenario/loader.h"

namespace redline {
namespace {

constexpr std::int64_t kRuns = 2000;

Model Load(const std::string& file, const std::vector<std::string>& overrides) {
  scenario::LoadOptions options;
  options.overrides = overrides;
  auto loaded = scenario::LoadScenario(REDLINE_SOURCE_DIR "/tests/scenarios/" + file, options);
  EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.errors().front().ToString());
  return loaded.ok() ? std::move(loaded).value().model : Model{};
}

struct Runs {
  Summary summary;
  std::vector<RunRecord> records;
};

Runs RunAll(const Model& model, int threads = 2) {
  RunOptions options;
  options.runs = kRuns;
  options.seed = 2022;
  options.threads = threads;
  Runs runs;
  options.record_sink = [&](const RunRecord& record) { runs.records.push_back(record); };
  runs.summary = RunMonteCarlo(model, options);
  return runs;
}

// Nuclear runs (outcome nuclear_use, the first outcome of every pathway scenario), counted by
// pathway id.
std::map<std::string, int> NuclearPathways(const Model& model, const Runs& runs) {
  EXPECT_EQ(model.outcomes[0].id, "nuclear_use");
  std::map<std::string, int> by_pathway;
  for (const RunRecord& record : runs.records)
    if (record.outcome.index == 0) ++by_pathway[PathwayId(record.pathway)];
  return by_pathway;
}

int Total(const std::map<std::string, int>& counts) {
  int total = 0;
  for (const auto& [id, count] : counts) total += count;
  return total;
}

std::string Describe(const std::map<std::string, int>& counts) {
  std::string out;
  for (const auto& [id, count] : counts) out += id + ": " + std::to_string(count) + "; ";
  return out;
}

// Desperation: South's P(decisive defeat) over its lookahead must reach about 0.55 before the
// nuclear lever is worth its cost (the scenario's header). The initial balance is uniform on
// [0, 2.9]: about 13% of runs start above 2.53, and more drift there within 6 steps (the drift
// favours North), so the expected share is well above the bound of 10%.
TEST(PathwayProperty17, DesperationUnderDecisiveDefeat) {
  const Model model = Load("pathway_desperation.yaml", {});
  const auto paths = NuclearPathways(model, RunAll(model));
  EXPECT_GE(Total(paths), kRuns / 10) << Describe(paths);
  EXPECT_EQ(paths.size(), 1u) << Describe(paths);
  EXPECT_EQ(paths.count("desperation"), 1u) << Describe(paths);

  // Conditions removed: a decisive defeat worth no more than the band; or South winning.
  for (const auto& overrides : std::vector<std::vector<std::string>>{{"war.decisive_value=3"},
                                                                     {"war.initial_balance=-2"}}) {
    const Model control = Load("pathway_desperation.yaml", overrides);
    const auto none = NuclearPathways(control, RunAll(control));
    EXPECT_EQ(Total(none), 0) << overrides[0] << ": " << Describe(none);
  }
}

// war.desperation_threshold names the link and changes no decision: at 0.99 (South's defeat is
// never that likely here) the same runs end in nuclear use, none of them named desperation.
// Checked to fail when pathways.cc ignores the key (every nuclear run is then desperation).
TEST(PathwayProperty17, DesperationThresholdNamesTheLinkOnly) {
  const Model model = Load("pathway_desperation.yaml", {});
  const Model strict = Load("pathway_desperation.yaml", {"war.desperation_threshold=0.99"});
  const auto usual = NuclearPathways(model, RunAll(model));
  const auto paths = NuclearPathways(strict, RunAll(strict));
  EXPECT_EQ(Total(paths), Total(usual)) << Describe(paths);
  EXPECT_GE(Total(paths), kRuns / 10) << Describe(paths);
  EXPECT_EQ(paths.count("desperation"), 0u) << Describe(paths);
}

// Inadvertent escalation: an incident (probability 0.25 per step) in step 0 or 1 — later, the
// response's strike (next step) and Russia's enforcement (the step after) fall beyond the
// horizon of 4 — draws the alliance's strike: misread with posterior 2/3 when Russia is
// cautious (the members never learn its type), with certainty when an aggressive Russia is
// raiding. Expected share 1 − 0.75² ≈ 0.44 (0.43 observed); bound 0.2.
TEST(PathwayProperty17, InadvertentThroughAMisperceivedAttack) {
  const Model model = Load("pathway_inadvertent.yaml", {});
  const Runs runs = RunAll(model);
  const auto paths = NuclearPathways(model, runs);
  EXPECT_GE(Total(paths), kRuns / 5) << Describe(paths);
  const std::string inadvertent = "perceived_incident>alliance_response>crossing>enforcement";
  EXPECT_EQ(paths.size(), 1u) << Describe(paths);
  EXPECT_EQ(paths.count(inadvertent), 1u) << Describe(paths);
  // Some of them with a cautious Russia, which never attacks on purpose (type 1).
  int cautious = 0;
  for (const RunRecord& record : runs.records)
    if (record.outcome.index == 0 && record.types[0].index == 1) ++cautious;
  EXPECT_GE(cautious, kRuns / 20);

  // Conditions removed: the channel is open and accurate, so no incident is misread.
  const Model control = Load("pathway_inadvertent.yaml",
                             {"channels.hotline.open=1", "channels.hotline.accuracy_open=1"});
  const auto none = NuclearPathways(control, RunAll(control));
  EXPECT_EQ(Total(none), 0) << Describe(none);
}

// Pre-emption: East launches in every run (West is a hawk with probability 0.5 and its strike
// would cost East 10, against a launch cost of 2), whatever West's true type; bound 90%.
TEST(PathwayProperty17, PreemptionFromTheFearOfSurpriseAttack) {
  const Model model = Load("pathway_preemption.yaml", {});
  const Runs runs = RunAll(model);
  const auto paths = NuclearPathways(model, runs);
  EXPECT_GE(Total(paths), kRuns * 9 / 10) << Describe(paths);
  EXPECT_EQ(paths.size(), 1u) << Describe(paths);
  EXPECT_EQ(paths.count("preemption"), 1u) << Describe(paths);

  // Conditions removed: East's forces are not vulnerable; or West is never a hawk.
  const std::string damage = "levers.west_counterforce.levels.strike.hazards.0.damage=0";
  for (const auto& overrides :
       std::vector<std::vector<std::string>>{{damage}, {"actors.west.types.hawk.prior=0"}}) {
    const Model control = Load("pathway_preemption.yaml", overrides);
    const auto none = NuclearPathways(control, RunAll(control));
    EXPECT_EQ(Total(none), 0) << overrides[0] << ": " << Describe(none);
  }
}

// With noise (every actor at λ = 5) the named pathway still carries at least 90% of the nuclear
// runs (99.4%, 99.9% and 100% at 4,000 runs; the rest are plain acts drawn by the noise).
TEST(PathwayProperty17, NamedPathwaysWithNoise) {
  struct Case {
    const char* file;
    std::vector<std::string> lambdas;
    std::string pathway;
  };
  const std::vector<Case> cases = {
      {"pathway_desperation.yaml",
       {"actors.north.decision.lambda=5", "actors.south.decision.lambda=5"},
       "desperation"},
      {"pathway_inadvertent.yaml",
       {"actors.russia.decision.lambda=5", "actors.poland.decision.lambda=5",
        "actors.usa.decision.lambda=5"},
       "perceived_incident>alliance_response>crossing>enforcement"},
      {"pathway_preemption.yaml",
       {"actors.east.decision.lambda=5", "actors.west.decision.lambda=5"},
       "preemption"},
  };
  for (const Case& c : cases) {
    const Model model = Load(c.file, c.lambdas);
    const auto paths = NuclearPathways(model, RunAll(model));
    const int total = Total(paths);
    EXPECT_GT(total, 0) << c.file;
    const auto named = paths.find(c.pathway);
    EXPECT_TRUE(named != paths.end() && 10 * named->second >= 9 * total)
        << c.file << ": " << Describe(paths);
  }
}

// The per-outcome pathway counts, and so the whole Summary, are the same for 1 and 3 threads
// (tallies are merged in chunk order and pathways sorted by count, then key).
TEST(PathwayProperty17, PathwaysDoNotDependOnThreads) {
  const Model model = Load("pathway_inadvertent.yaml", {"actors.russia.decision.lambda=5"});
  const Summary one = RunAll(model, 1).summary;
  const Summary three = RunAll(model, 3).summary;
  EXPECT_EQ(one, three);
  ASSERT_FALSE(one.pathways.empty());
  std::int64_t sum = 0;
  for (const PathwayStat& stat : one.pathways[0]) sum += stat.count;
  EXPECT_EQ(sum, one.outcomes[0].count);
  EXPECT_GT(one.pathways[0].size(), 1u);  // several pathways to nuclear use with noise
}

}  // namespace
}  // namespace redline
