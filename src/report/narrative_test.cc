// Properties of narratives: one step numbering shared with the Monte Carlo records (runs.csv,
// summary), every step accounted for (told or summarised as "no change"), every told step
// explained, and no sentence contradicting another in the same step.
#include "report/narrative.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "agents/factory.h"
#include "montecarlo/runner.h"
#include "report/reproduce.h"
#include "scenario/loader.h"
#include "sim/simulator.h"

namespace redline::report {
namespace {

scenario::LoadedScenario Load(const std::string& file, const scenario::LoadOptions& options = {}) {
  Result<scenario::LoadedScenario> loaded = scenario::LoadScenario(file, options);
  EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.errors().front().ToString());
  return loaded.ok() ? std::move(loaded).value() : scenario::LoadedScenario{};
}

std::string Narrate(const Model& model, std::uint64_t seed, std::int64_t run) {
  const Simulator simulator(model, MakeDecisionModels(model));
  RunInfo info;
  info.scenario_file = model.source_file;
  info.seed = seed;
  return NarrateRun(simulator, info, run);
}

// A narrative cut into its step blocks: the step range each covers and its lines.
struct Block {
  int first = 0, last = 0;
  bool quiet = false;
  std::vector<std::string> lines;
};

struct Parsed {
  std::vector<Block> blocks;
  int steps = -1;  // from "Outcome after N steps"
};

Parsed Parse(const std::string& text) {
  static const std::regex kStep(R"(^\*\*Step (\d+)\.\*\*$)");
  static const std::regex kQuiet(R"(^\*\*Steps? (\d+)(?:–(\d+))?\.\*\* No change.*$)");
  static const std::regex kOutcome(R"(^Outcome after (\d+) steps?.*$)");
  Parsed parsed;
  std::istringstream in(text);
  std::smatch m;
  for (std::string line; std::getline(in, line);) {
    if (std::regex_match(line, m, kStep)) {
      parsed.blocks.push_back({std::stoi(m[1]), std::stoi(m[1]), false, {}});
    } else if (std::regex_match(line, m, kQuiet)) {
      const int first = std::stoi(m[1]);
      parsed.blocks.push_back({first, m[2].matched ? std::stoi(m[2]) : first, true, {}});
    } else if (std::regex_match(line, m, kOutcome)) {
      parsed.steps = std::stoi(m[1]);
    } else if (!parsed.blocks.empty() && line.starts_with("- ")) {
      parsed.blocks.back().lines.push_back(line);
    }
  }
  return parsed;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Steps are numbered from 0 in narratives as in the Monte Carlo records: the step whose block
// tells the first crossing is the record's first_crossing_step, and "Outcome after N steps"
// is the record's step count. Every step from 0 to N-1 is in exactly one block, in order.
TEST(Narrative, OneStepNumberingShared) {
  const scenario::LoadedScenario loaded = Load("scenarios/ukraine_2022.yaml");
  RunOptions options;
  options.runs = 40;
  options.seed = 3;
  std::vector<RunRecord> records;
  options.record_sink = [&](const RunRecord& r) { records.push_back(r); };
  RunMonteCarlo(loaded.model, options);
  ASSERT_EQ(records.size(), 40u);
  int quiet_blocks = 0;
  for (const RunRecord& record : records) {
    SCOPED_TRACE(record.index);
    const std::string text = Narrate(loaded.model, options.seed, record.index);
    const Parsed parsed = Parse(text);
    EXPECT_EQ(parsed.steps, record.steps) << text;
    int next = 0;
    int first_crossing = -1;
    for (const Block& block : parsed.blocks) {
      EXPECT_EQ(block.first, next) << text;
      EXPECT_LE(block.first, block.last);
      next = block.last + 1;
      quiet_blocks += block.quiet;
      for (const std::string& line : block.lines)
        if (first_crossing < 0 && Contains(line, " was **crossed**")) first_crossing = block.first;
    }
    EXPECT_EQ(next, record.steps) << text;
    EXPECT_EQ(first_crossing, record.first_crossing_step) << text;
  }
  EXPECT_GT(quiet_blocks, 0) << "no run had a quiet step: the summary line is untested";
}

// Every told step ends with what explains it; quiet blocks have no event lines.
TEST(Narrative, EveryToldStepIsExplained) {
  const scenario::LoadedScenario loaded = Load("scenarios/ukraine_2022.yaml");
  int beliefs_told = 0;
  for (std::int64_t run = 0; run < 20; ++run) {
    const std::string text = Narrate(loaded.model, 1, run);
    beliefs_told += Contains(text, "; beliefs moved: ");
    for (const Block& block : Parse(text).blocks) {
      if (block.quiet) {
        EXPECT_TRUE(block.lines.empty()) << text;
        continue;
      }
      ASSERT_GE(block.lines.size(), 2u) << text;  // at least one event, then the explanation
      EXPECT_TRUE(block.lines.back().starts_with("- *Why:* balance ")) << text;
      EXPECT_TRUE(Contains(block.lines.back(), "costs so far: Russia ")) << text;
      for (std::size_t i = 0; i + 1 < block.lines.size(); ++i)
        EXPECT_FALSE(block.lines[i].starts_with("- *Why:*")) << text;
    }
  }
  EXPECT_GT(beliefs_told, 0);
}

// East declines every enforcement draw (enforce: 0) but its schedule raises the response lever
// inside the window: the red line is enforced by that move. The step must not also say East
// held back from enforcing it.
TEST(Narrative, NoHeldBackBesideEnforcedInTheSameStep) {
  scenario::LoadOptions options;
  options.overrides = {"actors.east.decision.enforce=0",
                       "actors.east.decision.schedule=[{step: 0, lever: east_patrols, level: "
                       "patrol}, {step: 3, lever: east_strikes, level: supply_lines}]"};
  const scenario::LoadedScenario loaded = Load("tests/scenarios/narrative.yaml", options);
  int own_move_enforcements = 0;
  for (std::int64_t run = 0; run < 10; ++run) {
    const std::string text = Narrate(loaded.model, 16, run);
    for (const Block& block : Parse(text).blocks) {
      bool held_back = false, enforced = false, own_move = false;
      for (const std::string& line : block.lines) {
        held_back |= Contains(line, "held back from enforcing *No heavy arms*");
        enforced |= Contains(line, "**enforced** its red line *No heavy arms*");
        own_move |= Contains(line, "its own move put *Supply-line strikes* at the threatened");
      }
      EXPECT_FALSE(held_back && enforced) << "step " << block.first << ":\n" << text;
      // Crossed at step 2, the scheduled move comes at step 3 (if the run lasts that long).
      if (block.first == 3) {
        EXPECT_TRUE(own_move) << text;
      }
      own_move_enforcements += own_move;
    }
  }
  EXPECT_GE(own_move_enforcements, 5);
}

// The kernel side of the same case: when the owner's own move this step puts the response
// lever at the response level, the red line is enforced by that move, and no enforcement
// decision is drawn, reported or read as a signal in that step (docs/model.md §7.2). Checked
// to fail without the rule in DecideEnforcement: the declined draw was reported at step 3.
TEST(Narrative, OwnMoveThatEnforcesIsNotAlsoADeclinedDecision) {
  struct Recorder : StepObserver {
    LeverId response;
    int response_level = 0;
    std::vector<int> decided, enforced_by_move;  // steps
    void OnEnforceDecision(const State& state, RedLineId, bool, double) override {
      decided.push_back(state.step);
    }
    void OnLeverMoved(const State& state, LeverId lever, int, int to, ActorId,
                      MoveCause cause) override {
      if (lever == response && to >= response_level && cause == MoveCause::kDecision)
        enforced_by_move.push_back(state.step);
    }
  };
  scenario::LoadOptions options;
  options.overrides = {"actors.east.decision.enforce=0",
                       "actors.east.decision.schedule=[{step: 0, lever: east_patrols, level: "
                       "patrol}, {step: 3, lever: east_strikes, level: supply_lines}]"};
  const scenario::LoadedScenario loaded = Load("tests/scenarios/narrative.yaml", options);
  ASSERT_EQ(loaded.model.red_lines.size(), 1u);
  const Simulator simulator(loaded.model, MakeDecisionModels(loaded.model));
  State state;
  state.Allocate(loaded.model);
  int overlaps_checked = 0;
  for (std::uint64_t run = 0; run < 10; ++run) {
    Recorder recorder;
    recorder.response = loaded.model.red_lines[0].response_lever;
    recorder.response_level = loaded.model.red_lines[0].response_level;
    const RunRng rng(16, run);
    simulator.Reset(state, rng);
    while (!state.done) simulator.Step(state, rng, &recorder);
    for (const int step : recorder.enforced_by_move) {
      ++overlaps_checked;
      EXPECT_EQ(std::count(recorder.decided.begin(), recorder.decided.end(), step), 0)
          << "run " << run << " step " << step;
    }
  }
  EXPECT_GE(overlaps_checked, 5);
}

// A line with an ambiguous threshold (docs/model.md §7.5): the narrative names the threshold it
// turned out to have when it is crossed, the run's drawn one.
TEST(Narrative, NamesTheUndisclosedThresholdOfACrossedLine) {
  const scenario::LoadedScenario loaded = Load("tests/scenarios/ambiguous_threshold.yaml");
  const Model& model = loaded.model;
  static const std::regex kCrossed(
      R"(was \*\*crossed\*\* at its undisclosed threshold, )"
      R"(\*The challenger's encroachment\* at \*\*(slice|wedge|whole)\*\*)");
  const char* kLevels[] = {"slice", "wedge", "whole"};
  int named = 0;
  for (int run = 0; run < 40; ++run) {
    const std::string text = Narrate(model, 1, run);
    std::smatch m;
    if (!std::regex_search(text, m, kCrossed)) continue;
    ++named;
    State state;
    state.Allocate(model);
    state.Reset(model, RunRng(1, run));
    EXPECT_EQ(m[1].str(), kLevels[state.threshold_alternative[0]]) << "run " << run;
  }
  EXPECT_GE(named, 5);
}

TEST(Reproduce, ShellQuoting) {
  EXPECT_EQ(ShellQuote("scenarios/ukraine_2022.yaml"), "scenarios/ukraine_2022.yaml");
  EXPECT_EQ(ShellQuote("a.b=1"), "a.b=1");
  EXPECT_EQ(ShellQuote(""), "''");
  EXPECT_EQ(ShellQuote("x={dist: uniform}"), "'x={dist: uniform}'");
  EXPECT_EQ(ShellQuote("it's"), "'it'\\''s'");
  RunInfo info;
  info.scenario_file = "-odd name.yaml";
  info.seed = 7;
  info.variant = "hotline_open";
  info.overrides = {"a.b=1", "c=$HOME"};
  EXPECT_EQ(ReplayCommand(info, 12),
            "redline replay './-odd name.yaml' --run 12 --seed 7 --variant hotline_open "
            "--set a.b=1 --set 'c=$HOME'");
}

}  // namespace
}  // namespace redline::report
