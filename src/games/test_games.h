// Helpers shared by the games tests. Unit tests use only what the repository holds: the
// small games under tests/games/ (written for these tests, each file says what it is),
// library games and inline game text. Tests that need Gambit's example corpus live in
// src/games/conformance/ and run only when REDLINE_GAMBIT_CORPUS names that corpus.
//
// A failed load fails the test and returns from it: declare games with the macros, e.g.
//   REDLINE_LOAD_TEST_GAME(any, "one_card_poker.efg");
//   REDLINE_ASSERT_EXTENSIVE(game, any);   // const ExtensiveGame& game
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "games/game_file.h"
#include "games/logit_system.h"
#include "games/strategy.h"

namespace redline::games::testing {

// The folder of the games written for the tests.
inline std::string TestGameDir() { return REDLINE_SOURCE_DIR "/tests/games"; }
inline std::string TestGamePath(const std::string& name) { return TestGameDir() + "/" + name; }

inline Result<AnyGame> ReadTestGame(const std::string& name) {
  return ReadGameFile(TestGamePath(name));
}

// Every .efg / .nfg file in `dir`, sorted (paths).
inline std::vector<std::string> GameFilesIn(const std::string& dir) {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".efg" || ext == ".nfg") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

inline std::string LoadError(const Result<AnyGame>& game) {
  return game.ok() ? "" : game.errors().front().ToString();
}

// Tree best responses agree with brute force over each player's pure strategies at a random
// fully mixed profile (players with more than 5000 reduced strategies are left out).
inline void ExpectTreeBestResponsesMatchEnumeration(const ExtensiveGame& game, std::mt19937_64& rng,
                                                    const std::string& label) {
  BehaviorProfile profile(game.num_actions());
  for (const Infoset& infoset : game.infosets()) {
    if (infoset.player == kChancePlayer) continue;
    double total = 0;
    for (int a = 0; a < infoset.num_actions(); ++a) {
      total += profile[infoset.first_action_index + a] =
          std::uniform_real_distribution<>(0.01, 1)(rng);
    }
    for (int a = 0; a < infoset.num_actions(); ++a)
      profile[infoset.first_action_index + a] /= total;
  }
  for (int p = 0; p < game.num_players(); ++p) {
    auto strategies = PureStrategies(game, p, StrategicFormKind::kReduced, 5000);
    if (!strategies.ok()) continue;
    double best = -1e300;
    for (const PureStrategy& s : *strategies) {
      BehaviorProfile trial = profile;
      const auto& infosets = game.players()[p].infosets;
      for (std::size_t k = 0; k < infosets.size(); ++k) {
        const Infoset& infoset = game.infoset(infosets[k]);
        for (int a = 0; a < infoset.num_actions(); ++a) {
          trial[infoset.first_action_index + a] = (s[k] == kUnspecified ? 0 : s[k]) == a;
        }
      }
      best = std::max(best, ExpectedPayoffs(game, trial)[p]);
    }
    EXPECT_NEAR(BestResponseValue(game, profile, p), best, 1e-9 * (1 + std::abs(best)))
        << label << " player " << p + 1;
  }
}

// A chain of `depth` decision nodes, players 1 and 2 in turn, each node its own infoset with
// one action "a", then a leaf paying (3, -1/2); the node at depth / 2 has an outcome paying
// (1, 1) on the way. For the tests that deep trees are walked without recursion.
inline ExtensiveGame BuildChainGame(int depth) {
  ExtensiveGameBuilder builder("chain", {"1", "2"});
  const OutcomeId halfway = builder.NewOutcome("halfway", {Number(1), Number(1)});
  const OutcomeId end = builder.NewOutcome("end", {Number(3), Number(mpq_class(-1, 2))});
  for (int k = 0; k < depth; ++k) {
    const InfosetId h = builder.NewPlayerInfoset(k % 2, "h" + std::to_string(k), {"a"});
    builder.AddDecisionNode("", h, k == depth / 2 ? halfway : kNoOutcome);
  }
  builder.AddTerminalNode("", end);
  Result<ExtensiveGame> game = std::move(builder).Build();
  EXPECT_TRUE(game.ok());
  return std::move(*game);
}

inline Result<AnyGame> ParseInline(const std::string& text) { return ParseGame(text, "inline"); }

// P(action) at the infoset labelled `label` in a behaviour profile (fails the test if there
// is no such infoset).
inline double InfosetProbability(const ExtensiveGame& game, const std::vector<double>& profile,
                                 const std::string& label, int action) {
  for (InfosetId h = 0; h < static_cast<int>(game.infosets().size()); ++h) {
    if (game.infoset(h).label == label) return profile[game.action_index(h, action)];
  }
  ADD_FAILURE() << "no infoset " << label;
  return -1;
}

// Perfect information: the largest loss, over all nodes (on and off the path), from the
// mover's mixing over actions that are not best given play below — 0 exactly at a
// subgame-perfect profile (one-shot deviation principle).
inline double MaxLocalRegret(const ExtensiveGame& game, const std::vector<double>& profile) {
  const int players = game.num_players();
  std::vector<double> value(static_cast<std::size_t>(game.num_nodes()) * players, 0.0);
  double worst = 0.0;
  for (NodeId id = game.num_nodes() - 1; id >= 0; --id) {
    const Node& node = game.node(id);
    double* here = &value[static_cast<std::size_t>(id) * players];
    if (node.outcome != kNoOutcome) {
      for (int p = 0; p < players; ++p) here[p] = game.outcomes()[node.outcome].payoffs[p].real();
    }
    if (node.is_terminal()) continue;
    const Infoset& infoset = game.infoset(node.infoset);
    double best = -1e300, mean = 0.0;
    for (int a = 0; a < node.num_children; ++a) {
      const double p = infoset.player == kChancePlayer
                           ? infoset.chance_probabilities[a].real()
                           : profile[game.action_index(node.infoset, a)];
      const double* below = &value[static_cast<std::size_t>(game.child(id, a)) * players];
      for (int i = 0; i < players; ++i) here[i] += p * below[i];
      if (infoset.player != kChancePlayer) {
        best = std::max(best, below[infoset.player]);
        mean += p * below[infoset.player];
      }
    }
    if (infoset.player != kChancePlayer) worst = std::max(worst, best - mean);
  }
  return worst;
}

// A logit system's analytic Jacobian at x equals central finite differences (step 1e-6,
// tolerance 1e-6) in every entry.
template <typename System>
void ExpectJacobianMatchesFiniteDifferences(System& system, const std::vector<double>& x,
                                            const std::string& label) {
  std::vector<double> f, f_plus, f_minus;
  DenseMatrix jacobian;
  system.Evaluate(x, f, &jacobian);
  for (std::size_t k = 0; k < x.size(); ++k) {
    std::vector<double> plus = x, minus = x;
    plus[k] += 1e-6;
    minus[k] -= 1e-6;
    system.Evaluate(plus, f_plus, nullptr);
    system.Evaluate(minus, f_minus, nullptr);
    for (std::size_t row = 0; row < f.size(); ++row) {
      EXPECT_NEAR(jacobian(static_cast<int>(row), static_cast<int>(k)),
                  (f_plus[row] - f_minus[row]) / 2e-6, 1e-6)
          << label << " row " << row << " column " << k;
    }
  }
}

}  // namespace redline::games::testing

// Declares `const AnyGame var` from a Result<AnyGame> expression; a failed load fails the
// test and returns (so nothing reads a game that did not load).
#define REDLINE_ASSERT_GAME(var, result_expr)                                           \
  ::redline::Result<::redline::games::AnyGame> var##_loaded = (result_expr);            \
  ASSERT_TRUE(var##_loaded.ok()) << ::redline::games::testing::LoadError(var##_loaded); \
  const ::redline::games::AnyGame var = std::move(var##_loaded).value()

// Declares `const AnyGame var` read from tests/games/NAME.
#define REDLINE_LOAD_TEST_GAME(var, name) \
  REDLINE_ASSERT_GAME(var, ::redline::games::testing::ReadTestGame(name))

// Declares `const ExtensiveGame& var` (or NormalFormGame) viewing `any`; fails if it is not one.
#define REDLINE_ASSERT_EXTENSIVE(var, any)                                           \
  ASSERT_NE(::redline::games::AsExtensive(any), nullptr) << "not an extensive game"; \
  const ::redline::games::ExtensiveGame& var = *::redline::games::AsExtensive(any)
#define REDLINE_ASSERT_NORMAL_FORM(var, any)                                           \
  ASSERT_NE(::redline::games::AsNormalForm(any), nullptr) << "not a normal-form game"; \
  const ::redline::games::NormalFormGame& var = *::redline::games::AsNormalForm(any)
