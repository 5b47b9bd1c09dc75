#include "games/efg_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

#include "games/gambit_lexer.h"

namespace redline::games {
namespace {

struct InfosetEntry {
  InfosetId id;
  std::string label;
  std::vector<std::string> actions;
  std::vector<Number> probabilities;
};

// Reads one .efg file. Each Parse... method consumes its construct starting at the current
// token and leaves the lexer on the token after it; on error it returns the Diagnostic.
class EfgParser {
 public:
  EfgParser(std::string_view text, const std::string& file_name)
      : lex_(text, file_name),
        // Files written by Gambit and redline have a node per line.
        lines_(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'))) {}

  Result<ExtensiveGame> Parse() {
    if (auto error = ParseHeader()) return *error;
    while (!builder_->complete()) {
      if (auto error = ParseNode()) return *error;
    }
    if (lex_.current().kind != TokenKind::kEnd) {
      return lex_.Expected("end of file after the last node of the tree");
    }
    Result<ExtensiveGame> game = std::move(*builder_).Build();
    if (!game.ok()) return lex_.ErrorHere(game.errors().front().message);
    return game;
  }

 private:
  using Error = std::optional<Diagnostic>;

  // `what` names what was expected, for the message when the input is wrong: text, or a
  // function that writes it (so that the happy path builds no message).
  template <typename What>
  Diagnostic Expected(const What& what) const {
    if constexpr (std::is_invocable_v<const What&>) {
      return lex_.Expected(what());
    } else {
      return lex_.Expected(std::string(what));
    }
  }

  Error ExpectSymbol(std::string_view symbol, std::string_view what) {
    if (lex_.current().kind != TokenKind::kSymbol || lex_.current().text != symbol) {
      return Expected(what);
    }
    lex_.Advance();
    return std::nullopt;
  }

  template <typename What>
  Error ReadString(const What& what, std::string& out) {
    if (lex_.current().kind != TokenKind::kString) return Expected(what);
    out = lex_.current().text;
    lex_.Advance();
    return std::nullopt;
  }

  template <typename What>
  Error ReadNumber(const What& what, Number& out) {
    auto number = lex_.CurrentNumber();
    if (!number) return Expected(what);
    out = std::move(*number);
    lex_.Advance();
    return std::nullopt;
  }

  // A whole number in [minimum, maximum]. Plain digits are read directly; anything else
  // that is a number ("3.0", "6/2", "3e0") through Number.
  template <typename What>
  Error ReadInteger(const What& what, long minimum, long maximum, long& out) {
    const Token& token = lex_.current();
    long value = 0;
    if (token.kind == TokenKind::kNumber && !token.text.empty() && token.text.size() <= 18 &&
        token.text.find_first_not_of("0123456789") == std::string::npos) {
      std::from_chars(token.text.data(), token.text.data() + token.text.size(), value);
    } else {
      auto number = lex_.CurrentNumber();
      if (!number || number->exact().get_den() != 1 || !number->exact().get_num().fits_slong_p()) {
        return Expected(what);
      }
      value = number->exact().get_num().get_si();
    }
    if (value < minimum || value > maximum) return Expected(what);
    out = value;
    lex_.Advance();
    return std::nullopt;
  }

  Error Expect(TokenKind kind, std::string_view what) {
    if (lex_.current().kind != kind) return Expected(what);
    lex_.Advance();
    return std::nullopt;
  }

  Error ParseHeader() {
    if (auto e = ExpectSymbol("EFG", "'EFG' at the start of an extensive-form game file")) return e;
    if (lex_.current().kind != TokenKind::kNumber || lex_.current().text != "2") {
      return lex_.Expected("format version 2");
    }
    lex_.Advance();
    const Token& type = lex_.current();
    if (type.kind != TokenKind::kSymbol || (type.text != "R" && type.text != "D")) {
      return lex_.Expected("number type 'R' or 'D'");
    }
    lex_.Advance();
    std::string title;
    if (auto e = ReadString("the game title (a quoted string)", title)) return e;
    if (auto e = Expect(TokenKind::kLeftBrace, "'{' before the player names")) return e;
    std::vector<std::string> players;
    while (lex_.current().kind == TokenKind::kString) {
      players.push_back(lex_.current().text);
      lex_.Advance();
    }
    if (auto e = Expect(TokenKind::kRightBrace, "a player name or '}'")) return e;
    num_players_ = static_cast<int>(players.size());
    builder_.emplace(std::move(title), std::move(players));
    builder_->Reserve(std::min<std::size_t>(lines_, kReserveNodesAtMost));
    if (lex_.current().kind == TokenKind::kString) {
      builder_->SetComment(lex_.current().text);
      lex_.Advance();
    }
    return std::nullopt;
  }

  Error ParseNode() {
    const Token& type = lex_.current();
    if (type.kind != TokenKind::kSymbol ||
        (type.text != "c" && type.text != "p" && type.text != "t")) {
      return lex_.Expected("a node ('c', 'p' or 't')");
    }
    const char kind = type.text[0];
    lex_.Advance();
    std::string label;
    if (auto e = ReadString("the node label (a quoted string)", label)) return e;
    if (kind == 't') {
      OutcomeId outcome = kNoOutcome;
      if (auto e = ParseOutcome(outcome)) return e;
      builder_->AddTerminalNode(std::move(label), outcome);
      return std::nullopt;
    }
    long player = 0;
    if (kind == 'p') {
      if (auto e = ReadInteger(
              [&] { return "a player number from 1 to " + std::to_string(num_players()); }, 1,
              num_players(), player)) {
        return e;
      }
    }
    InfosetId infoset = kNoInfoset;
    if (auto e = ParseInfoset(static_cast<int>(player), infoset)) return e;
    OutcomeId outcome = kNoOutcome;
    if (auto e = ParseOutcome(outcome)) return e;
    builder_->AddDecisionNode(std::move(label), infoset, outcome);
    return std::nullopt;
  }

  int num_players() const { return num_players_; }

  // player 0 = chance.
  Error ParseInfoset(int player, InfosetId& infoset) {
    long number = 0;
    if (auto e = ReadInteger("an infoset number (a whole number >= 1)", 1,
                             std::numeric_limits<int>::max(), number)) {
      return e;
    }
    const Token at = lex_.current();
    auto known = infosets_.find({player, number});
    if (lex_.current().kind != TokenKind::kString) {
      if (known == infosets_.end()) {
        return lex_.Expected("the label and actions of infoset " + std::to_string(number) +
                             ", which is used here for the first time");
      }
      infoset = known->second.id;
      return std::nullopt;
    }
    InfosetEntry entry;
    if (auto e = ParseInfosetData(player == 0, entry)) return e;
    if (known != infosets_.end()) {
      const InfosetEntry& old = known->second;
      if (old.label != entry.label || old.actions != entry.actions ||
          old.probabilities != entry.probabilities) {
        return lex_.ErrorAt(at, "infoset " + std::to_string(number) +
                                    " is redefined differently from its first definition");
      }
      infoset = old.id;
      return std::nullopt;
    }
    if (player == 0) {
      entry.id = builder_->NewChanceInfoset(entry.label, entry.actions, entry.probabilities);
    } else {
      entry.id = builder_->NewPlayerInfoset(player - 1, entry.label, entry.actions);
    }
    infoset = entry.id;
    infosets_.emplace(std::make_pair(player, number), std::move(entry));
    return std::nullopt;
  }

  Error ParseInfosetData(bool chance, InfosetEntry& entry) {
    if (auto e = ReadString("the infoset label", entry.label)) return e;
    if (auto e = Expect(TokenKind::kLeftBrace, "'{' before the action list")) return e;
    mpq_class total = 0;
    while (lex_.current().kind != TokenKind::kRightBrace) {
      std::string action;
      if (auto e = ReadString(entry.actions.empty() ? "an action label (a quoted string)"
                                                    : "an action label or '}'",
                              action)) {
        return e;
      }
      entry.actions.push_back(std::move(action));
      if (chance) {
        Number probability;
        const Token at = lex_.current();
        if (auto e = ReadNumber(
                [&] { return "the probability of action '" + entry.actions.back() + "'"; },
                probability)) {
          return e;
        }
        if (probability.exact() < 0 || probability.exact() > 1) {
          return lex_.ErrorAt(
              at, "chance probability " + probability.ToString() + " is not between 0 and 1");
        }
        total += probability.exact();
        entry.probabilities.push_back(probability);
      }
    }
    if (entry.actions.empty()) return lex_.Expected("at least one action");
    if (chance && std::abs(total.get_d() - 1.0) > 1e-6) {
      return lex_.ErrorHere("chance probabilities sum to " + FormatRational(total) +
                            ", expected 1");
    }
    lex_.Advance();  // '}'
    return std::nullopt;
  }

  Error ParseOutcome(OutcomeId& outcome) {
    long number = 0;
    if (auto e = ReadInteger("an outcome number (0 for none)", 0, std::numeric_limits<int>::max(),
                             number)) {
      return e;
    }
    if (lex_.current().kind != TokenKind::kString) {
      if (number == 0) {
        outcome = kNoOutcome;
        return std::nullopt;
      }
      auto known = outcomes_.find(number);
      if (known == outcomes_.end()) {
        return lex_.Expected("the label and payoffs of outcome " + std::to_string(number) +
                             ", which is used here for the first time");
      }
      outcome = known->second;
      return std::nullopt;
    }
    if (number == 0)
      return lex_.ErrorHere("outcome 0 means 'no outcome' and cannot have a label or payoffs");
    const Token at = lex_.current();
    std::string label = lex_.current().text;
    lex_.Advance();
    std::vector<Number> payoffs;
    if (auto e = ParsePayoffs(payoffs)) return e;
    auto known = outcomes_.find(number);
    if (known != outcomes_.end()) {
      const Outcome& first = builder_->outcome(known->second);
      if (first.label != label || first.payoffs != payoffs) {
        return lex_.ErrorAt(at, "outcome " + std::to_string(number) +
                                    " is redefined differently from its first definition");
      }
      outcome = known->second;
      return std::nullopt;
    }
    outcome = builder_->NewOutcome(std::move(label), std::move(payoffs));
    outcomes_.emplace(number, outcome);
    return std::nullopt;
  }

  Error ParsePayoffs(std::vector<Number>& payoffs) {
    if (auto e = Expect(TokenKind::kLeftBrace, "'{' before the payoffs")) return e;
    payoffs.reserve(static_cast<std::size_t>(num_players()));
    while (static_cast<int>(payoffs.size()) < num_players()) {
      Number payoff;
      if (auto e = ReadNumber(
              [&] { return "a payoff for player " + std::to_string(payoffs.size() + 1); },
              payoff)) {
        return e;
      }
      payoffs.push_back(std::move(payoff));
      if (lex_.current().kind == TokenKind::kComma) lex_.Advance();
    }
    if (lex_.current().kind != TokenKind::kRightBrace) {
      return Expected("'}' after " + std::to_string(num_players()) + " payoffs (one per player)");
    }
    lex_.Advance();
    return std::nullopt;
  }

  // Reserving more than this for a large file is left to the vectors' growth.
  static constexpr std::size_t kReserveNodesAtMost = std::size_t{1} << 16;

  GambitLexer lex_;
  std::size_t lines_;
  std::optional<ExtensiveGameBuilder> builder_;
  int num_players_ = 0;
  std::map<std::pair<int, long>, InfosetEntry> infosets_;
  std::map<long, OutcomeId> outcomes_;  // by outcome number in the file
};

}  // namespace

Result<ExtensiveGame> ReadEfg(std::string_view text, const std::string& file_name) {
  return EfgParser(text, file_name).Parse();
}

}  // namespace redline::games
