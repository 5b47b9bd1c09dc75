// Derived indexes of a compiled Model. scenario::Compile calls FinalizeModel once, after it
// has filled and validated every scenario field; the simulation kernel reads only the
// derived fields afterwards and never recomputes them. Idempotent: calling it twice gives
// the same Model. Not thread-safe (it writes the Model); cost O(levers * actors + ...).
//
// Definitions of the derived fields (all in model.h):
//   Actor::alliances        alliances whose `members` list the actor (recomputed)
//   levers_of_actor[a]      levers owned by actor a (alliance levers move only by deliberation)
//   levers_of_alliance[k]   levers owned by alliance k
//   red_lines_of_owner[a]   red lines owned by actor a
//   red_lines_of_lever[l]   red lines whose trigger may change when lever l moves: it names l
//                           (lever_at_least), or reads every lever (interference_at_least,
//                           max_rung_at_least, strike_on) or the levers of `by` (rung_at_least);
//                           for an ambiguous threshold, any alternative's trigger does
//   max_types               most types of any actor
//   level_offset, total_levels  flat numbering of all levels of all levers
//   max_candidates          max over actors of CandidateBound (model/limits.h)
//   member_of, allied, lever_friendly, channel_between: see model.h
//   Level::interdicts_side  when unset and the lever has a target that favours a side: that side
//   hazard_offset, total_hazards  flat numbering of all hazards of all levels
//   hazards_watching[l]     hazards of other levers whose `when` may change when lever l moves
//   coupled[a], any_coupled actors whose moves switch each other's joint hazards (stage game)
//   lever_risky[l]          lever l has a level with hazards, or is watched by a joint hazard
//   strike_red_lines[a]     red lines whose trigger contains strike_on a (or an alliance of a)
//   max_alternatives, max_thresholds  most response / threshold alternatives of a red line
#pragma once

#include "model/model.h"

namespace redline {

void FinalizeModel(Model& model);

// The channel whose two ends match `party` (an actor index, or actors.size() + alliance index)
// and `victim`, in either order; an end matches an actor directly or through its membership
// of the end's alliance. The first such channel in scenario order; invalid if none.
ChannelId FindChannel(const Model& model, int party, ActorId victim);

}  // namespace redline
