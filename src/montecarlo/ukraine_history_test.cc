// MODEL2 property 18, the ukraine_2022 half: the shipped scenario reads as spring–autumn 2022
// did. Western support (arms, intelligence, training, transit, humanitarian aid, sanctions)
// does not collapse by noise; a stray missile over a working channel does not start a
// NATO–Russia war in most runs (the alliance side of that, and the response to a deliberate
// strike, are property 13: risk_properties_test.cc). Fixed seed (13), runs 0..3999; tolerances
// are stated next to each check. The figures of the shipped calibration are in
// docs/calibration.md.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "agents/factory.h"
#include "montecarlo/scenario_test_util.h"
#include "montecarlo/statistics.h"
#include "scenario/loader.h"
#include "sim/simulator.h"

namespace redline {
namespace {

constexpr const char* kUkraine = REDLINE_SOURCE_DIR "/scenarios/ukraine_2022.yaml";
constexpr std::int64_t kRuns = 4000;
using testing_util::LeverIndex;

Model Load(const std::vector<std::string>& overrides, const std::string& variant = "") {
  return testing_util::LoadModel(kUkraine, overrides, variant);
}

// Per lever, in how many runs it ends below its initial level, and at its lowest level.
struct Ends {
  std::vector<std::int64_t> below_initial, at_lowest;
  std::int64_t runs = 0, perceived_incident_runs = 0, force_after_perceived_incident = 0;
};

Ends RunAll(const Model& model) {
  const Simulator simulator(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  Ends ends;
  ends.below_initial.assign(model.levers.size(), 0);
  ends.at_lowest.assign(model.levers.size(), 0);
  const int nato = LeverIndex(model, "nato_response");
  const int war = LeverIndex(model, "russian_war_on_nato");
  for (std::int64_t r = 0; r < kRuns; ++r) {
    simulator.Run(state, RunRng(13, static_cast<std::uint64_t>(r)));
    ++ends.runs;
    for (std::size_t l = 0; l < model.levers.size(); ++l) {
      ends.below_initial[l] += state.level[l] < model.levers[l].initial_level ? 1 : 0;
      ends.at_lowest[l] += state.level[l] == 0 ? 1 : 0;
    }
    if (state.perceived_incidents > 0) {
      ++ends.perceived_incident_runs;
      const bool force = state.peak_level[nato] > 0 || state.peak_level[war] > 0;
      ends.force_after_perceived_incident += force ? 1 : 0;
    }
  }
  return ends;
}

// Western support does not collapse by noise. In 2022 none of these was withdrawn: US and
// Polish deliveries, US intelligence, training and transit through Poland, German aid and the
// EU's sanctions all grew from spring to autumn. A lever "collapses" in a run when it ends at its
// lowest level (none / stopped) although it started above it. Tolerance: the upper end of the
// 95 % Wilson interval of that share must stay below 10 % for every support lever, and the
// share of runs in which it ends below where it started below 25 %.
//
// Shipped calibration, seed 13, 4,000 runs: the largest share ending at the lowest level is 2.0 %
// (humanitarian aid; German arms 1.8 %, sanctions 0.7 %, US arms 0.1 %). Checked to fail with
// the calibration before this one, in which the public commitments to Ukraine carried no
// audience cost (docs/calibration.md): logit noise then walked support down and the switching
// cost kept it there — sanctions ended at none in 88 % of runs, German arms in 65 %,
// humanitarian aid in 51 %, US arms in 26 %.
TEST(UkraineHistory, WesternSupportDoesNotCollapseByNoise) {
  const Model model = Load({});
  const Ends ends = RunAll(model);
  for (const char* id : {"us_weapons", "us_intelligence", "training", "volunteers", "poland_arms",
                         "german_arms", "humanitarian", "sanctions"}) {
    const int l = LeverIndex(model, id);
    ASSERT_GT(model.levers[l].initial_level, 0) << id;
    const Interval collapsed = WilsonInterval(ends.at_lowest[l], ends.runs);
    const Interval fell = WilsonInterval(ends.below_initial[l], ends.runs);
    EXPECT_LT(collapsed.high, 0.10) << id << ": ends at its lowest level in " << ends.at_lowest[l]
                                    << " of " << ends.runs << " runs";
    EXPECT_LT(fell.high, 0.25) << id << ": ends below its initial level in "
                               << ends.below_initial[l] << " of " << ends.runs << " runs";
  }
}

// A stray missile over a working channel does not start a NATO–Russia war in most runs: with the
// deconfliction line open in every run and Russia's supply-line strikes (and their stray-missile
// hazard) from the first week, among the runs with an incident that some member perceived as
// deliberate, neither NATO force nor Russia's war on NATO follows in most (upper end of the
// 95 % Wilson interval below 0.5). Shipped calibration: 1 of 71 such runs. Checked to fail
// without the alliance's evidence weighing (§9.1 of docs/model.md; evidence fixed at 1): force
// in 70 of the 71.
TEST(UkraineHistory, StrayMissileOverAWorkingChannelStartsNoWarInMostRuns) {
  const Model model = Load({"levers.supply_strikes.initial=strikes"}, "hotline_open");
  const Ends ends = RunAll(model);
  ASSERT_GT(ends.perceived_incident_runs, 50);
  const Interval war =
      WilsonInterval(ends.force_after_perceived_incident, ends.perceived_incident_runs);
  EXPECT_LT(war.high, 0.5) << ends.force_after_perceived_incident << " of "
                           << ends.perceived_incident_runs;
}

}  // namespace
}  // namespace redline
