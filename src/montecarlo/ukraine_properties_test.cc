// MODEL.md §11 properties on the shipped default scenario (scenarios/ukraine_2022.yaml), not
// only on the small test crisis of properties_test.cc: the variants the scenario ships must
// move the outcomes the way the model says they do. Common random numbers (run r uses the same
// streams in every variant), seed 2022, 4,000 runs; each claim is checked with the 95%
// interval of a paired difference or of a Wilson interval, or exactly where the model makes
// the two variants identical.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "montecarlo/runner.h"
#include "scenario/loader.h"

namespace redline {
namespace {

constexpr const char* kScenario = REDLINE_SOURCE_DIR "/scenarios/ukraine_2022.yaml";
constexpr std::int64_t kRuns = 4000;

Model Load(const std::string& variant, const std::vector<std::string>& overrides = {}) {
  scenario::LoadOptions options;
  options.variant = variant;
  options.overrides = overrides;
  options.check_all_variants = false;
  auto loaded = scenario::LoadScenario(kScenario, options);
  EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.errors().front().ToString());
  return loaded.ok() ? std::move(loaded).value().model : Model{};
}

Comparison Compare(const Model& a, const Model& b) {
  const Model* models[] = {&a, &b};
  RunOptions options;
  options.runs = kRuns;
  options.seed = 2022;
  options.threads = 2;
  return CompareVariants(models, options);
}

int OutcomeIndex(const Model& model, const std::string& id) {
  for (std::size_t i = 0; i < model.outcomes.size(); ++i)
    if (model.outcomes[i].id == id) return static_cast<int>(i);
  ADD_FAILURE() << "no outcome " << id;
  return 0;
}

int RedLineIndex(const Model& model, const std::string& id) {
  for (std::size_t i = 0; i < model.red_lines.size(); ++i)
    if (model.red_lines[i].id == id) return static_cast<int>(i);
  ADD_FAILURE() << "no red line " << id;
  return 0;
}

// Property 1: closing the line raises P(a strike on NATO, deliberate or perceived) when stray
// missiles are possible; without hazards the channel changes nothing at all.
TEST(UkraineProperties, HotlineMattersOnlyWithAccidents) {
  const Model open = Load("hotline_open");
  const Model closed = Load("hotline_closed");
  const Comparison with_hazards = Compare(open, closed);
  const int strike = OutcomeIndex(open, "limited_strike_on_nato");
  EXPECT_GT(with_hazards.paired[1][strike].ci.low, 0.0)
      << "difference " << with_hazards.paired[1][strike].difference;

  const Model open_safe = Load("no_accidents", {"channels.deconfliction_line.open=1"});
  const Model closed_safe = Load("no_accidents", {"channels.deconfliction_line.open=0"});
  const Comparison without = Compare(open_safe, closed_safe);
  EXPECT_TRUE(without.variants[0] == without.variants[1]);
}

// Property 2: a higher audience cost raises P(enforced | crossed) of Russia's first line.
TEST(UkraineProperties, AudienceCostRaisesEnforcement) {
  const Model high = Load("high_audience_cost");
  const Model low = Load("low_audience_cost");
  const Comparison c = Compare(high, low);
  const int line = RedLineIndex(high, "no_interference");
  const RedLineStat& h = c.variants[0].red_lines[line];
  const RedLineStat& l = c.variants[1].red_lines[line];
  EXPECT_GT(h.p_enforced_given_crossed_ci.low, l.p_enforced_given_crossed_ci.high)
      << h.p_enforced_given_crossed << " vs " << l.p_enforced_given_crossed;
}

// Property 5: NATO deciding by majority responds at least as often as by consensus, and
// strictly more often over these runs (paired, the same attacks and the same votes).
TEST(UkraineProperties, MajorityRespondsMoreOftenThanUnanimity) {
  const Model unanimity = Load("");
  const Model majority = Load("nato_majority");
  const Comparison c = Compare(unanimity, majority);
  // Runs in which NATO's response lever (moved only by deliberation) left level 0.
  int lever = -1;
  for (std::size_t l = 0; l < unanimity.levers.size(); ++l)
    if (unanimity.levers[l].id == "nato_response") lever = static_cast<int>(l);
  ASSERT_GE(lever, 0);
  auto responded = [&](const Summary& s) { return s.runs - s.peak_level[lever][0]; };
  ASSERT_GT(responded(c.variants[0]), 0);
  EXPECT_GT(responded(c.variants[1]), responded(c.variants[0]));
}

// MODEL2 property 9 on the shipped scenario (variant decisive_defeat: a decisive defeat costs
// twice the band): with Ukraine near defeat (initial balance +4) the United States sends heavy
// weapons and supplies long-range systems in more runs than with Russia near defeat (-4):
// 2756 vs 2175 and 2573 vs 1688 of 4,000 runs. With the war off (drift and noise 0) the
// balance changes no decision. Checked to fail with WarValue reduced to model 0.1's linear
// term: 2069 vs 2133 and 1446 vs 1530 (what is left is the runs' different lengths). Russia's
// intense strikes on the supply (2755 vs 2665) are not asserted here: run length alone gives
// the same sign; war_properties_test.cc checks that side on its first step.
TEST(UkraineProperties, WorseBalanceRaisesThePatronsEscalation) {
  const Model russia_losing = Load("decisive_defeat", {"war.initial_balance=-4"});
  const Model ukraine_losing = Load("decisive_defeat", {"war.initial_balance=4"});
  const Comparison c = Compare(russia_losing, ukraine_losing);
  auto lever = [&](const std::string& id) {
    for (std::size_t l = 0; l < russia_losing.levers.size(); ++l)
      if (russia_losing.levers[l].id == id) return static_cast<int>(l);
    ADD_FAILURE() << "no lever " << id;
    return 0;
  };
  const int weapons = lever("us_weapons"), long_range = lever("us_long_range");
  const auto& r = c.variants[0].peak_level;  // Russia losing
  const auto& u = c.variants[1].peak_level;  // Ukraine losing
  EXPECT_GT(u[weapons][2], r[weapons][2])
      << "US heavy weapons: " << u[weapons][2] << " vs " << r[weapons][2];
  EXPECT_GT(u[long_range][1], r[long_range][1]) << u[long_range][1] << " vs " << r[long_range][1];

  const Model off_low =
      Load("decisive_defeat", {"war.initial_balance=-4", "war.drift=0", "war.noise=0"});
  const Model off_high =
      Load("decisive_defeat", {"war.initial_balance=4", "war.drift=0", "war.noise=0"});
  const Comparison off = Compare(off_low, off_high);
  EXPECT_EQ(off.variants[0].peak_level, off.variants[1].peak_level);
  EXPECT_EQ(off.variants[0].red_lines, off.variants[1].red_lines);
}

// decision.switching_cost (inertia) makes an actor move its levers less: Russia cuts gas to
// Bulgaria (a low-stakes lever) in fewer runs when changing policy costs more.
TEST(UkraineProperties, SwitchingCostDampsMoves) {
  const Model free = Load("", {"actors.russia.decision.switching_cost=0"});
  const Model sticky = Load("", {"actors.russia.decision.switching_cost=2"});
  const Comparison c = Compare(free, sticky);
  int lever = -1;
  for (std::size_t l = 0; l < free.levers.size(); ++l)
    if (free.levers[l].id == "gas_cut_bulgaria") lever = static_cast<int>(l);
  ASSERT_GE(lever, 0);
  const std::int64_t cut_free = c.variants[0].peak_level[lever][1];
  const std::int64_t cut_sticky = c.variants[1].peak_level[lever][1];
  EXPECT_LT(cut_sticky, cut_free / 2) << cut_sticky << " vs " << cut_free;
}

}  // namespace
}  // namespace redline
