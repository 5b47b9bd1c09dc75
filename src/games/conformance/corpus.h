// The conformance suite's corpus: Gambit's example games (.efg / .nfg), which are not part of
// this repository. REDLINE_GAMBIT_CORPUS names the folder that holds them (.ci/run sets it);
// without it every conformance test is skipped with the reason.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "games/test_games.h"

namespace redline::games::conformance {

inline std::string CorpusDir() {
  const char* dir = std::getenv("REDLINE_GAMBIT_CORPUS");
  return dir == nullptr ? "" : dir;
}

inline Result<AnyGame> ReadCorpusGame(const std::string& name) {
  return ReadGameFile(CorpusDir() + "/" + name);
}

}  // namespace redline::games::conformance

// Skips the test when REDLINE_GAMBIT_CORPUS is unset or empty; fails it when the variable
// names something that is not a folder (a misconfiguration, not an absent corpus).
#define REDLINE_REQUIRE_GAMBIT_CORPUS()                                                      \
  do {                                                                                       \
    if (::redline::games::conformance::CorpusDir().empty()) {                                \
      GTEST_SKIP() << "REDLINE_GAMBIT_CORPUS is not set: set it to a folder of Gambit .efg/" \
                      ".nfg example games to run the conformance suite";                     \
    }                                                                                        \
    ASSERT_TRUE(std::filesystem::is_directory(::redline::games::conformance::CorpusDir()))   \
        << "REDLINE_GAMBIT_CORPUS=" << ::redline::games::conformance::CorpusDir()            \
        << " is not a folder";                                                               \
  } while (0)

// Declares `const AnyGame var` read from the corpus (NAME is a file name in it).
#define REDLINE_LOAD_CORPUS_GAME(var, name) \
  REDLINE_ASSERT_GAME(var, ::redline::games::conformance::ReadCorpusGame(name))
