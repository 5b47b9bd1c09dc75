// libFuzzer harness: the Gambit readers (.efg and .nfg, chosen by the first word). Any input
// must give a game or a diagnostic with a position; a game that was read must be written and
// read back (the writer's output is always readable). Seeds: written by fuzz_seed_games.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "games/game_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  redline::Result<redline::games::AnyGame> game = redline::games::ParseGame(text, "fuzz.game");
  if (!game.ok()) {
    if (game.errors().empty() || game.errors().front().message.empty()) std::abort();
    return 0;
  }
  const std::string written = redline::games::WriteGame(*game);
  redline::Result<redline::games::AnyGame> again = redline::games::ParseGame(written, "again");
  if (!again.ok()) std::abort();
  return 0;
}
