// Structural equality of extensive games, used by the format round-trip tests.
#include <string>

#include "games/game.h"

namespace redline::games {
namespace {

std::string Where(NodeId node) { return "node " + std::to_string(node) + ": "; }

std::string CompareOutcomes(const ExtensiveGame& a, const ExtensiveGame& b, NodeId id) {
  const OutcomeId oa = a.node(id).outcome;
  const OutcomeId ob = b.node(id).outcome;
  if ((oa == kNoOutcome) != (ob == kNoOutcome))
    return Where(id) + "outcome present in one game only";
  if (oa == kNoOutcome) return "";
  const Outcome& x = a.outcomes()[oa];
  const Outcome& y = b.outcomes()[ob];
  if (x.label != y.label) return Where(id) + "outcome label '" + x.label + "' vs '" + y.label + "'";
  if (x.payoffs != y.payoffs) return Where(id) + "outcome payoffs differ";
  return "";
}

std::string CompareInfosets(const Infoset& x, const Infoset& y, NodeId id) {
  if (x.player != y.player || x.index_in_player != y.index_in_player) {
    return Where(id) + "belongs to different infosets";
  }
  if (x.label != y.label) return Where(id) + "infoset label '" + x.label + "' vs '" + y.label + "'";
  if (x.action_labels != y.action_labels) return Where(id) + "action labels differ";
  if (x.chance_probabilities != y.chance_probabilities)
    return Where(id) + "chance probabilities differ";
  return "";
}

}  // namespace

std::string DescribeDifference(const ExtensiveGame& a, const ExtensiveGame& b) {
  if (a.title() != b.title()) return "title '" + a.title() + "' vs '" + b.title() + "'";
  if (a.comment() != b.comment()) return "comments differ";
  if (a.num_players() != b.num_players()) return "different numbers of players";
  for (int p = 0; p < a.num_players(); ++p) {
    if (a.players()[p].label != b.players()[p].label) return "player labels differ";
    if (a.players()[p].infosets.size() != b.players()[p].infosets.size()) {
      return "player " + std::to_string(p + 1) + " has different numbers of infosets";
    }
  }
  if (a.num_nodes() != b.num_nodes()) return "different numbers of nodes";
  for (NodeId id = 0; id < a.num_nodes(); ++id) {
    const Node& x = a.node(id);
    const Node& y = b.node(id);
    if (x.label != y.label) return Where(id) + "label '" + x.label + "' vs '" + y.label + "'";
    if (x.parent != y.parent || x.action_from_parent != y.action_from_parent ||
        x.num_children != y.num_children) {
      return Where(id) + "tree shape differs";
    }
    if ((x.infoset == kNoInfoset) != (y.infoset == kNoInfoset))
      return Where(id) + "terminal in one game only";
    if (x.infoset != kNoInfoset) {
      if (auto d = CompareInfosets(a.infoset(x.infoset), b.infoset(y.infoset), id); !d.empty())
        return d;
    }
    if (auto d = CompareOutcomes(a, b, id); !d.empty()) return d;
  }
  return "";
}

}  // namespace redline::games
