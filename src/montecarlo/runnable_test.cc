// A compiled Model is always runnable: every limit the kernel or a decision model relies on
// (model/limits.h) is checked by the scenario compiler, so the decision-model factory and the
// Simulator, which only assert, never meet a Model they cannot play. Randomised scenarios
// cover each limit on both sides of its bound; the oracle below states the limits
// independently of model/limits.cc.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "agents/factory.h"
#include "core/rng.h"
#include "model/limits.h"
#include "montecarlo/runner.h"
#include "scenario/loader.h"
#include "sim/simulator.h"

namespace redline {
namespace {

struct ActorSpec {
  int types = 1;
  const char* decision = "quantal";
  int levels = 2;      // of its one lever
  int max_change = 1;  // of that lever
};

struct Spec {
  std::vector<ActorSpec> actors;
  int red_line_owner = 1;  // owns the one red line, triggered by actor 0's lever
};

std::string ScenarioText(const Spec& spec) {
  std::string text =
      "scenario: {name: Runnable, horizon: {steps: 4}}\nladder:\n  - {id: calm}\n"
      "  - {id: strike}\nactors:\n";
  for (std::size_t a = 0; a < spec.actors.size(); ++a) {
    const ActorSpec& actor = spec.actors[a];
    text += "  - id: actor" + std::to_string(a) + "\n    favours: " + (a % 2 ? "b" : "a") +
            "\n    types: {";
    for (int t = 0; t < actor.types; ++t)
      text += (t ? ", " : "") + std::string("t") + std::to_string(t) +
              ": {prior: 1, stakes: " + std::to_string(t + 1) + "}";
    text += "}\n    decision: {model: " + std::string(actor.decision) + "}\n";
  }
  text += "levers:\n";
  for (std::size_t a = 0; a < spec.actors.size(); ++a) {
    const ActorSpec& actor = spec.actors[a];
    const std::size_t target = (a + 1) % spec.actors.size();
    text += "  - id: lever" + std::to_string(a) + "\n    owner: actor" + std::to_string(a) +
            "\n    target: actor" + std::to_string(target) +
            "\n    max_change: " + std::to_string(actor.max_change) + "\n    levels:\n";
    for (int k = 0; k < actor.levels; ++k)
      text += "      - {id: l" + std::to_string(k) + ", rung: " + (k ? "strike" : "calm") +
              ", cost: 0.1, damage: " + std::to_string(k) + "}\n";
  }
  text += "red_lines:\n  - id: line\n    owner: actor" + std::to_string(spec.red_line_owner) +
          "\n    trigger: {lever: lever0, at_least: l1}\n    response: {lever: lever" +
          std::to_string(spec.red_line_owner) + ", level: l1}\n";
  text +=
      "outcomes:\n  - {id: enforced, when: {red_line_enforced: line}}\n"
      "  - {id: other, when: {always: true}}\n";
  return text;
}

// The limits, stated independently: an equilibrium actor has at most two types and at most
// 256 candidate moves (hold + min(2 max_change, levels - 1) for its one lever); when some actor
// is an equilibrium actor, the red line's owner has at most two types.
struct Violations {
  int types = 0, candidates = 0, owner = 0;
  int total() const { return types + candidates + owner; }
};

Violations ExpectedViolations(const Spec& spec) {
  Violations v;
  bool equilibrium = false;
  for (const ActorSpec& actor : spec.actors) {
    if (std::string(actor.decision) != "equilibrium") continue;
    equilibrium = true;
    if (actor.types > 2) ++v.types;
    if (1 + std::min(2 * actor.max_change, actor.levels - 1) > 256) ++v.candidates;
  }
  const ActorSpec& owner = spec.actors[spec.red_line_owner];
  if (equilibrium && owner.types > 2 && std::string(owner.decision) != "equilibrium") ++v.owner;
  return v;
}

int Count(const Diagnostics& errors, const std::string& part) {
  int n = 0;
  for (const Diagnostic& error : errors) n += error.message.find(part) != std::string::npos;
  return n;
}

Spec RandomSpec(std::uint64_t seed) {
  const RunRng rng(seed, 0);
  std::uint32_t slot = 0;
  const auto pick = [&](int n) {
    return static_cast<int>(rng.Uniform(DrawPurpose::kTest, 0, slot++) * n);
  };
  static const char* kDecisions[] = {"scripted", "quantal", "equilibrium"};
  Spec spec;
  spec.actors.resize(2 + pick(2));
  for (ActorSpec& actor : spec.actors) {
    actor.types = 1 + pick(4);
    actor.decision = kDecisions[pick(3)];
    // Often small; sometimes around the candidate bound of 256 (levels - 1 or 2 max_change).
    actor.levels = pick(4) == 0 ? 250 + pick(20) : 2 + pick(5);
    actor.max_change = pick(3) == 0 ? 120 + pick(20) : pick(3);
  }
  spec.red_line_owner = 1 + pick(static_cast<int>(spec.actors.size()) - 1);
  return spec;
}

TEST(Runnable, EveryCompiledModelRunsAndEveryRefusedOneIsReportedWithALocation) {
  int accepted = 0;
  Violations refused;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    const Spec spec = RandomSpec(seed);
    const std::string text = ScenarioText(spec);
    const Violations expected = ExpectedViolations(spec);
    Result<scenario::LoadedScenario> loaded = scenario::LoadScenarioText(text, "random.yaml");
    if (expected.total() > 0) {
      ASSERT_FALSE(loaded.ok()) << "seed " << seed << ": compiled, but breaks a limit\n" << text;
      const Diagnostics& errors = loaded.errors();
      EXPECT_EQ(static_cast<int>(errors.size()), expected.total()) << "seed " << seed;
      EXPECT_EQ(Count(errors, "its decision model, equilibrium"), expected.types);
      EXPECT_EQ(Count(errors, "candidate moves per step"), expected.candidates);
      EXPECT_EQ(Count(errors, "against red-line owners"), expected.owner);
      for (const Diagnostic& error : errors) {
        EXPECT_EQ(error.where.file, "random.yaml") << error.ToString();
        EXPECT_GT(error.where.line, 0) << error.ToString();
        EXPECT_GT(error.where.column, 0) << error.ToString();
      }
      refused.types += expected.types;
      refused.candidates += expected.candidates;
      refused.owner += expected.owner;
      continue;
    }
    ++accepted;
    ASSERT_TRUE(loaded.ok()) << "seed " << seed << ": " << loaded.errors()[0].ToString() << "\n"
                             << text;
    const Model& model = loaded->model;
    EXPECT_TRUE(FindLimitViolations(model).empty());
    // In a Debug build the factory and the kernel assert every limit.
    const Simulator simulator(model, MakeDecisionModels(model));
    State state;
    state.Allocate(model);
    for (std::uint64_t run = 0; run < 5; ++run) {
      const OutcomeId outcome = simulator.Run(state, RunRng(seed, run));
      EXPECT_LT(outcome.index, static_cast<int>(model.outcomes.size()));
    }
  }
  // Both sides of every limit are exercised.
  EXPECT_GT(accepted, 50);
  EXPECT_GT(refused.types, 10);
  EXPECT_GT(refused.candidates, 3);
  EXPECT_GT(refused.owner, 10);
}

}  // namespace
}  // namespace redline
