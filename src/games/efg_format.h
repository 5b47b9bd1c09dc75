// Gambit's extensive-form text format, "EFG 2 R" (and the older "EFG 2 D", read only):
//
//   EFG 2 R "title" { "Player 1" "Player 2" }
//   "optional comment"
//   c "node" 1 "infoset" { "H" 1/2 "T" 1/2 } 0          chance node: infoset id, actions
//   p "node" 1 1 "infoset" { "A" "B" } 1 "out" { 3, 1 }  player node: player, infoset id,
//   t "node" 2 "outcome" { 0 0 }                          terminal node: outcome id
//
// Nodes are listed in preorder. Infoset data (label and actions, plus probabilities for
// chance) appears on the first node of an infoset and may be omitted (or repeated
// identically) later; outcome data likewise, keyed by outcome id; outcome 0 means none and
// may not carry data. Payoffs are separated by spaces or commas. Strings are in double
// quotes with \" for a quote.
//
// The reader never throws or aborts: every problem is a Diagnostic
// "FILE:LINE:COL: error: expected ..." pointing at the offending token. The writer
// produces files that Gambit and ReadEfg() read back to an equal game (DescribeDifference
// returns ""): infosets are renumbered 1.. per player in preorder, outcomes 1.. in order of
// first use, and numbers are written exactly ("3", "-1/2").
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "games/game.h"

namespace redline::games {

Result<ExtensiveGame> ReadEfg(std::string_view text, const std::string& file_name);
std::string WriteEfg(const ExtensiveGame& game);

// Quotes a label the way Gambit's files do: "a \"b\"".
std::string QuoteGambitString(const std::string& text);

}  // namespace redline::games
