// A game of either representation, as read from a file. Solvers and the CLI take an
// AnyGame and dispatch on what it holds.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "core/status.h"
#include "games/game.h"
#include "games/normal_form.h"

namespace redline::games {

using AnyGame = std::variant<ExtensiveGame, NormalFormGame>;

inline bool IsExtensive(const AnyGame& game) { return std::holds_alternative<ExtensiveGame>(game); }
inline const ExtensiveGame* AsExtensive(const AnyGame& game) {
  return std::get_if<ExtensiveGame>(&game);
}
inline const NormalFormGame* AsNormalForm(const AnyGame& game) {
  return std::get_if<NormalFormGame>(&game);
}
int NumPlayers(const AnyGame& game);
const std::string& Title(const AnyGame& game);

// Reads a Gambit .efg or .nfg game from `text`, choosing the format from the first word
// ("EFG" / "NFG"). `file_name` is used in diagnostics only. Text that is not valid UTF-8
// is refused (titles and labels end up in JSON).
Result<AnyGame> ParseGame(std::string_view text, const std::string& file_name);

// Reads a game file from disk. Fails with a one-line Diagnostic for a missing file, a
// directory or anything else that is not a regular file (devices, FIFOs), an unreadable
// file, a file larger than 16 MiB, binary content (NUL bytes or invalid UTF-8), more than
// kMaxGameTokens tokens, a number of magnitude above 1e100, or any syntax or consistency
// error in the game itself (with line and column). Memory stays bounded while reading.
Result<AnyGame> ReadGameFile(const std::string& path);

// Writes `game` in its own Gambit format (.efg or .nfg).
std::string WriteGame(const AnyGame& game);

}  // namespace redline::games
