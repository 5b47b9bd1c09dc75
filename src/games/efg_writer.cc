// Writes ExtensiveGame as Gambit's "EFG 2 R" text (see efg_format.h).
#include <sstream>
#include <vector>

#include "games/efg_format.h"

namespace redline::games {

std::string QuoteGambitString(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

namespace {

class EfgWriter {
 public:
  explicit EfgWriter(const ExtensiveGame& game)
      : game_(game),
        infoset_written_(game.infosets().size(), false),
        outcome_number_(game.outcomes().size(), 0) {}

  std::string Write() {
    out_ << "EFG 2 R " << QuoteGambitString(game_.title()) << " {";
    for (const Player& player : game_.players()) out_ << ' ' << QuoteGambitString(player.label);
    out_ << " }\n" << QuoteGambitString(game_.comment()) << "\n\n";
    for (NodeId id = 0; id < game_.num_nodes(); ++id) WriteNode(id);
    return out_.str();
  }

 private:
  void WriteNode(NodeId id) {
    const Node& node = game_.node(id);
    if (node.is_terminal()) {
      out_ << "t " << QuoteGambitString(node.label) << ' ';
    } else {
      const Infoset& infoset = game_.infoset(node.infoset);
      if (infoset.player == kChancePlayer) {
        out_ << "c " << QuoteGambitString(node.label) << ' ';
      } else {
        out_ << "p " << QuoteGambitString(node.label) << ' ' << infoset.player + 1 << ' ';
      }
      out_ << infoset.index_in_player + 1 << ' ';
      if (!infoset_written_[node.infoset]) {
        infoset_written_[node.infoset] = true;
        WriteInfosetData(infoset);
      }
    }
    WriteOutcome(node.outcome);
    out_ << '\n';
  }

  void WriteInfosetData(const Infoset& infoset) {
    out_ << QuoteGambitString(infoset.label) << " {";
    for (int a = 0; a < infoset.num_actions(); ++a) {
      out_ << ' ' << QuoteGambitString(infoset.action_labels[a]);
      if (infoset.player == kChancePlayer) {
        out_ << ' ' << infoset.chance_probabilities[a].ToString();
      }
    }
    out_ << " } ";
  }

  void WriteOutcome(OutcomeId id) {
    if (id == kNoOutcome) {
      out_ << '0';
      return;
    }
    if (outcome_number_[id] == 0) outcome_number_[id] = ++outcomes_numbered_;
    const Outcome& outcome = game_.outcomes()[id];
    out_ << outcome_number_[id] << ' ' << QuoteGambitString(outcome.label) << " {";
    for (std::size_t p = 0; p < outcome.payoffs.size(); ++p) {
      out_ << (p == 0 ? " " : ", ") << outcome.payoffs[p].ToString();
    }
    out_ << " }";
  }

  const ExtensiveGame& game_;
  std::ostringstream out_;
  std::vector<bool> infoset_written_;
  std::vector<int> outcome_number_;
  int outcomes_numbered_ = 0;
};

}  // namespace

std::string WriteEfg(const ExtensiveGame& game) {
  // Gambit 17 rejects repeated node and infoset labels: rename repeats (older files that
  // have them still read, and are written with unique labels).
  if (FindLabelRuleViolation(game).empty()) return EfgWriter(game).Write();
  return EfgWriter(WithUniqueLabels(game)).Write();
}

}  // namespace redline::games
