// Gambit 17's label rules for extensive games (see WithUniqueLabels in game.h).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "games/game.h"

namespace redline::games {
namespace {

// Renames the repeats of non-empty labels in one scope: the first keeps its label, the
// next ones get the first free "label_k", k = 2, 3, ...
void MakeUnique(const std::vector<std::string*>& scope) {
  std::set<std::string> used;
  for (const std::string* label : scope) used.insert(*label);
  std::set<std::string> seen;
  std::map<std::string, int> next_suffix;
  for (std::string* label : scope) {
    if (label->empty()) continue;
    if (seen.insert(*label).second) continue;
    int& k = next_suffix.try_emplace(*label, 1).first->second;
    std::string candidate;
    do {
      candidate = *label + "_" + std::to_string(++k);
    } while (used.count(candidate) != 0);
    used.insert(candidate);
    seen.insert(candidate);
    *label = candidate;
  }
}

// The first repeated non-empty label in a scope, or empty.
std::string FirstRepeat(const std::vector<const std::string*>& scope) {
  std::set<std::string> seen;
  for (const std::string* label : scope) {
    if (!label->empty() && !seen.insert(*label).second) return *label;
  }
  return "";
}

}  // namespace

ExtensiveGame WithUniqueLabels(ExtensiveGame game) {
  std::vector<std::string*> scope;
  for (Node& node : game.nodes_) scope.push_back(&node.label);
  MakeUnique(scope);
  for (int p = -1; p < game.num_players(); ++p) {
    scope.clear();
    const std::vector<InfosetId>& ids = p < 0 ? game.chance_infosets_ : game.players_[p].infosets;
    for (InfosetId h : ids) scope.push_back(&game.infosets_[h].label);
    MakeUnique(scope);
  }
  return game;
}

std::string FindLabelRuleViolation(const ExtensiveGame& game) {
  std::vector<const std::string*> scope;
  for (const Node& node : game.nodes()) scope.push_back(&node.label);
  if (std::string r = FirstRepeat(scope); !r.empty()) return "node label '" + r + "' repeated";
  for (int p = -1; p < game.num_players(); ++p) {
    scope.clear();
    const std::vector<InfosetId>& ids = p < 0 ? game.chance_infosets() : game.players()[p].infosets;
    for (InfosetId h : ids) scope.push_back(&game.infoset(h).label);
    if (std::string r = FirstRepeat(scope); !r.empty()) {
      return "infoset label '" + r + "' repeated for " +
             (p < 0 ? std::string("chance") : "player " + std::to_string(p + 1));
    }
  }
  return "";
}

}  // namespace redline::games
