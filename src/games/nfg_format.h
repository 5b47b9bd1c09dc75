// Gambit's normal-form text format, "NFG 1 R" (and "NFG 1 D", read only), in both forms:
//
//   NFG 1 R "title" { "P1" "P2" } { { "U" "D" } { "L" "R" } }     labelled strategies, or
//   NFG 1 R "title" { "P1" "P2" } { 2 2 }                         counts only (labels 1..n)
//   "optional comment"
// then either the payoff list — every player's payoff for every cell, player 1's strategy
// changing fastest:
//   1 1 0 2 2 0 3 3
// or the outcome form — a list of outcomes, then one outcome number per cell (0 = none):
//   { { "coord" 1, 1 } { "miss" 0, 0 } }
//   1 2 2 1
//
// ReadNfg never throws: problems come back as "FILE:LINE:COL: error: expected ..."
// Diagnostics. WriteNfg writes the outcome form when the game came from one (outcomes
// labelled, shared, or missing), and the payoff list otherwise.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "games/normal_form.h"

namespace redline::games {

Result<NormalFormGame> ReadNfg(std::string_view text, const std::string& file_name);
std::string WriteNfg(const NormalFormGame& game);

}  // namespace redline::games
