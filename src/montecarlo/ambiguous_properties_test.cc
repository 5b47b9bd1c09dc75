// Ambiguous red lines (model 0.2, B7; docs/model.md §7.4): the owner's response is drawn once per
// run and is private; everyone else holds the prior. tests/scenarios/ambiguous.yaml: the
// defender's line against the challenger's pressure answers with a mild or a harsh retaliation,
// prior 0.5 against U(0.3, 0.7) (normalised per run); the harsh one is costlier to carry out.
//
// 1. TheDrawFollowsThePriors: over 20,000 runs (seed 7), the share of runs whose true response
//    is mild is within 4 standard errors of the mean normalised prior (and of its closed form
//    E[0.5 / (0.5 + U)] = 1.25·ln 1.5 = 0.5068).
// 2. OthersCannotReadTheDraw: each of 4,000 runs (seed 11) is run twice under common random
//    numbers, once with the true response forced to mild and once to harsh (State's
//    response_level set after Reset; the next step's refresh recomputes the owner's side). The
//    challenger's crossing step must be identical in every run pair (its decisions see only the
//    prior), while the owner's P(enforced | crossed) is higher with the mild response. Then,
//    with the draw as made, the crossing shares of the runs whose true response is mild and of
//    those whose true response is harsh agree within 4 standard errors.
// 3. AmbiguityLiesBetweenTheKnownResponses: with the same runs, P(crossed) for the ambiguous
//    line lies strictly between that of the line whose response is known to be mild and that of
//    the line known to be harsh (those scenarios replace the `ambiguous` block by
//    `level: mild` / `level: harsh`).
//
// Figures (this code): the share of runs drawing mild is 0.5131 against a mean prior of 0.5073
// (4 SE = 0.0141); the crossing step is the same in all 4,000 run pairs; P(enforced | crossed)
// is 0.530 with the mild response against 0.199 with the harsh one (1,948 crossings); the
// crossing shares by drawn response are 0.493 (mild, 2,067 runs) and 0.481 (harsh, 1,933),
// SE of the difference 0.016; P(crossed) is 0.867 (known mild) > 0.487 (ambiguous) > 0.169
// (known harsh), SE 0.008.
//
// Checked to fail with the mechanism removed (temporary edits, not kept):
//  - others know the draw (State::DrawResponses setting the run's priors to 1 for the drawn
//    alternative, 0 for the other): OthersCannotReadTheDraw fails, the crossing shares by drawn
//    response being 0.862 (mild) against 0.174 (harsh), SE 0.016 (the forced pairs still
//    agree: forcing the level after Reset does not move the priors others hold);
//  - others read the credibility of the true response (RefreshAlternativeWindows leaving
//    State::response_level at the true level instead of each alternative): the crossing step
//    differs in 2,804 of the 4,000 forced pairs, and OthersCannotReadTheDraw fails.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "agents/factory.h"
#include "montecarlo/scenario_test_util.h"
#include "scenario/loader.h"
#include "sim/simulator.h"

namespace redline {
namespace {

const std::string kScenario = REDLINE_SOURCE_DIR "/tests/scenarios/ambiguous.yaml";

std::string ReadScenario() {
  std::ifstream in(kScenario);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The scenario with the ambiguous response replaced by a known one at `level`.
Model KnownResponse(const std::string& level) {
  std::string text = ReadScenario();
  const std::size_t from = text.find("    response: {lever: answer}");
  const std::size_t to = text.find("    deadline: 2");
  EXPECT_NE(from, std::string::npos);
  EXPECT_NE(to, std::string::npos);
  text.replace(from, to - from, "    response: {lever: answer, level: " + level + "}\n");
  scenario::LoadOptions options;
  options.check_all_variants = false;
  auto loaded = scenario::LoadScenarioText(text, "known_" + level + ".yaml", options);
  EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.errors().front().ToString());
  return loaded.ok() ? std::move(loaded).value().model : Model{};
}

struct RunResult {
  int alternative = -1;   // the drawn alternative (0 mild, 1 harsh)
  double prior_mild = 0;  // the run's normalised prior of the mild response
  int crossed_step = -1;  // -1: never crossed
  bool enforced = false;
};

// Runs `run` of `model`; `force_level` >= 0 replaces the drawn response level after Reset.
RunResult RunOnce(const Simulator& sim, State& state, std::uint64_t seed, int run,
                  int force_level = -1) {
  const RunRng rng(seed, run);
  sim.Reset(state, rng);
  RunResult result;
  if (state.max_alternatives > 0) {
    result.alternative = state.response_alternative[0];
    result.prior_mild = state.alternative_prior[0];
  }
  if (force_level >= 0) state.response_level[0] = force_level;
  while (!state.done) sim.Step(state, rng);
  result.crossed_step = state.crossed_step[0];
  result.enforced = state.red_line_status[0] == RedLineStatus::kEnforced;
  return result;
}

double StandardError(double p, double n) { return std::sqrt(std::max(p * (1 - p), 1e-9) / n); }

TEST(AmbiguousRedLine, TheDrawFollowsThePriors) {
  const Model model = testing_util::LoadModel(kScenario);
  const Simulator sim(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  constexpr int kRuns = 20000;
  int mild = 0;
  double prior = 0;
  for (int run = 0; run < kRuns; ++run) {
    const RunRng rng(7, run);
    state.Reset(model, rng);
    ASSERT_TRUE(state.response_alternative[0] == 0 || state.response_alternative[0] == 1);
    ASSERT_EQ(state.response_level[0], state.response_alternative[0] == 0 ? 1 : 2);
    mild += state.response_alternative[0] == 0;
    prior += state.alternative_prior[0];
    ASSERT_NEAR(state.alternative_prior[0] + state.alternative_prior[1], 1.0, 1e-12);
  }
  const double share = static_cast<double>(mild) / kRuns;
  const double expected = prior / kRuns;
  const double tolerance = 4 * StandardError(expected, kRuns);
  EXPECT_NEAR(share, expected, tolerance);
  EXPECT_NEAR(expected, 1.25 * std::log(1.5), 0.005);  // the mean prior: E[0.5 / (0.5 + U)]
}

TEST(AmbiguousRedLine, OthersCannotReadTheDraw) {
  const Model model = testing_util::LoadModel(kScenario);
  const Simulator sim(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  constexpr int kRuns = 4000;
  constexpr std::uint64_t kSeed = 11;
  int differ = 0, crossed = 0, enforced_mild = 0, enforced_harsh = 0;
  int runs_by[2] = {0, 0}, crossed_by[2] = {0, 0};
  for (int run = 0; run < kRuns; ++run) {
    const RunResult as_drawn = RunOnce(sim, state, kSeed, run);
    const RunResult mild = RunOnce(sim, state, kSeed, run, 1);
    const RunResult harsh = RunOnce(sim, state, kSeed, run, 2);
    differ += mild.crossed_step != harsh.crossed_step;
    if (mild.crossed_step >= 0 && mild.crossed_step == harsh.crossed_step) {
      ++crossed;
      enforced_mild += mild.enforced;
      enforced_harsh += harsh.enforced;
    }
    ++runs_by[as_drawn.alternative];
    crossed_by[as_drawn.alternative] += as_drawn.crossed_step >= 0;
  }
  // The challenger's decisions do not depend on the true response: same crossing, run by run.
  EXPECT_EQ(differ, 0) << "run pairs whose crossing step depends on the true response";
  ASSERT_GT(crossed, kRuns / 10);
  // The owner's do: the harsh response is costlier and enforced less.
  const double p_mild = static_cast<double>(enforced_mild) / crossed;
  const double p_harsh = static_cast<double>(enforced_harsh) / crossed;
  EXPECT_GT(p_mild - p_harsh, 0.2)
      << "P(enforced | crossed): mild " << p_mild << ", harsh " << p_harsh;
  // With the draw as made: the same crossing share whichever response was drawn.
  const double share_mild = static_cast<double>(crossed_by[0]) / runs_by[0];
  const double share_harsh = static_cast<double>(crossed_by[1]) / runs_by[1];
  const double pooled = static_cast<double>(crossed_by[0] + crossed_by[1]) / kRuns;
  const double se = std::sqrt(pooled * (1 - pooled) * (1.0 / runs_by[0] + 1.0 / runs_by[1]));
  EXPECT_NEAR(share_mild, share_harsh, 4 * se)
      << "P(crossed | true response mild) " << share_mild << ", harsh " << share_harsh;
}

TEST(AmbiguousRedLine, AmbiguityLiesBetweenTheKnownResponses) {
  constexpr int kRuns = 4000;
  constexpr std::uint64_t kSeed = 11;
  auto crossing_share = [&](const Model& model) {
    const Simulator sim(model, MakeDecisionModels(model));
    State state;
    state.Allocate(model);
    int crossed = 0;
    for (int run = 0; run < kRuns; ++run)
      crossed += RunOnce(sim, state, kSeed, run).crossed_step >= 0;
    return static_cast<double>(crossed) / kRuns;
  };
  const double mild = crossing_share(KnownResponse("mild"));
  const double ambiguous = crossing_share(testing_util::LoadModel(kScenario));
  const double harsh = crossing_share(KnownResponse("harsh"));
  const double se = StandardError(ambiguous, kRuns);
  EXPECT_GT(mild - ambiguous, 4 * se) << "mild " << mild << ", ambiguous " << ambiguous;
  EXPECT_GT(ambiguous - harsh, 4 * se) << "ambiguous " << ambiguous << ", harsh " << harsh;
}

// The equilibrium model's crossing game (docs/model.md §13.4, §7.4) mixes the alternatives too:
// with both actors deciding by it, the challenger's crossing step is the same whichever response
// the run is forced to. Checked to fail with the mechanism removed (a temporary edit:
// AmbiguousGameSaysChallenge building every alternative's defender side at the true level): the
// crossing step then differed in all 2,000 run pairs.
TEST(AmbiguousRedLine, EquilibriumChallengerCannotReadTheDraw) {
  const Model model =
      testing_util::LoadModel(kScenario, {"actors.challenger.decision.model=equilibrium",
                                          "actors.defender.decision.model=equilibrium"});
  const Simulator sim(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  int differ = 0, crossed = 0;
  for (int run = 0; run < 2000; ++run) {
    const RunResult mild = RunOnce(sim, state, 11, run, 1);
    const RunResult harsh = RunOnce(sim, state, 11, run, 2);
    differ += mild.crossed_step != harsh.crossed_step;
    crossed += mild.crossed_step >= 0;
  }
  EXPECT_EQ(differ, 0);
  EXPECT_GT(crossed, 0);
}

}  // namespace
}  // namespace redline
