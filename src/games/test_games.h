// Helpers shared by the games tests: loading the shared Gambit examples.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "games/game_file.h"

namespace redline::games::testing {

inline AnyGame LoadGambitGame(const std::string& name) {
  Result<AnyGame> game = ReadGameFile(REDLINE_SHARED_DIR "/data/games/gambit/" + name);
  EXPECT_TRUE(game.ok()) << (game.ok() ? "" : game.errors().front().ToString());
  if (!game.ok()) return AnyGame(ParseGame("NFG 1 R \"\" { \"p\" } { 1 } 0", "empty").value());
  return std::move(game).value();
}

inline AnyGame ParseOrDie(const std::string& text) {
  Result<AnyGame> game = ParseGame(text, "inline");
  EXPECT_TRUE(game.ok()) << (game.ok() ? "" : game.errors().front().ToString());
  return std::move(game).value();
}

}  // namespace redline::games::testing
