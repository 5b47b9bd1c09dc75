#include "games/nfg_format.h"

#include <limits>
#include <optional>
#include <sstream>
#include <utility>

#include "games/efg_format.h"  // QuoteGambitString
#include "games/gambit_lexer.h"

namespace redline::games {
namespace {

// A payoff table's cells are bounded as the file is read (before anything is allocated):
// each cell needs at least one token, so more cells than kMaxGameTokens cannot be written.
constexpr int64_t kMaxCells = 1'000'000;

class NfgParser {
 public:
  NfgParser(std::string_view text, const std::string& file_name) : lex_(text, file_name) {}

  Result<NormalFormGame> Parse() {
    if (auto e = ParseHeader()) return *e;
    if (auto e = ParseStrategies()) return *e;
    if (lex_.current().kind == TokenKind::kString) {
      comment_ = lex_.current().text;
      lex_.Advance();
    }
    const Token body = lex_.current();
    std::vector<Outcome> outcomes;
    std::vector<OutcomeId> cells;
    if (body.kind == TokenKind::kLeftBrace) {
      if (auto e = ParseOutcomeBody(outcomes, cells)) return *e;
    } else if (body.kind == TokenKind::kNumber) {
      if (auto e = ParsePayoffBody(outcomes, cells)) return *e;
    } else {
      return lex_.Expected("payoffs, or '{' starting a list of outcomes");
    }
    if (lex_.current().kind != TokenKind::kEnd) {
      return lex_.Expected("end of file after " + std::to_string(num_cells_) + " cells");
    }
    Result<NormalFormGame> game =
        NormalFormGame::Create(std::move(title_), std::move(comment_), std::move(players_),
                               std::move(outcomes), std::move(cells));
    if (!game.ok()) return lex_.ErrorAt(body, game.errors().front().message);
    return game;
  }

 private:
  using Error = std::optional<Diagnostic>;

  Error Expect(TokenKind kind, const std::string& what) {
    if (lex_.current().kind != kind) return lex_.Expected(what);
    lex_.Advance();
    return std::nullopt;
  }

  Error ParseHeader() {
    const Token& magic = lex_.current();
    if (magic.kind != TokenKind::kSymbol || magic.text != "NFG") {
      return lex_.Expected("'NFG' at the start of a normal-form game file");
    }
    lex_.Advance();
    if (lex_.current().kind != TokenKind::kNumber || lex_.current().text != "1") {
      return lex_.Expected("format version 1");
    }
    lex_.Advance();
    const Token& type = lex_.current();
    if (type.kind != TokenKind::kSymbol || (type.text != "R" && type.text != "D")) {
      return lex_.Expected("number type 'R' or 'D'");
    }
    lex_.Advance();
    if (lex_.current().kind != TokenKind::kString) {
      return lex_.Expected("the game title (a quoted string)");
    }
    title_ = lex_.current().text;
    lex_.Advance();
    if (auto e = Expect(TokenKind::kLeftBrace, "'{' before the player names")) return e;
    while (lex_.current().kind == TokenKind::kString) {
      players_.push_back(StrategicPlayer{lex_.current().text, {}});
      lex_.Advance();
    }
    if (players_.empty()) return lex_.Expected("a player name (a quoted string)");
    return Expect(TokenKind::kRightBrace, "a player name or '}'");
  }

  Error ParseStrategies() {
    if (auto e = Expect(TokenKind::kLeftBrace, "'{' before the strategies")) return e;
    const bool labelled = lex_.current().kind == TokenKind::kLeftBrace;
    num_cells_ = 1;
    for (StrategicPlayer& player : players_) {
      const Token at = lex_.current();
      if (labelled) {
        if (auto e = Expect(TokenKind::kLeftBrace,
                            "'{' before the strategies of player '" + player.label + "'")) {
          return e;
        }
        while (lex_.current().kind == TokenKind::kString) {
          player.strategy_labels.push_back(lex_.current().text);
          lex_.Advance();
        }
        if (player.strategy_labels.empty()) return lex_.Expected("a strategy label");
        if (auto e = Expect(TokenKind::kRightBrace, "a strategy label or '}'")) return e;
      } else {
        auto count = lex_.CurrentNumber();
        if (!count || count->exact().get_den() != 1 || count->exact() < 1 ||
            count->exact() > kMaxCells) {
          return lex_.Expected("the number of strategies of player '" + player.label +
                               "' (a whole number >= 1)");
        }
        for (long s = 1; s <= count->exact().get_num().get_si(); ++s) {
          player.strategy_labels.push_back(std::to_string(s));
        }
        lex_.Advance();
      }
      num_cells_ *= player.num_strategies();
      if (num_cells_ > kMaxCells ||
          num_cells_ * static_cast<int64_t>(players_.size()) > kMaxGameTokens) {
        return lex_.ErrorAt(
            at, "the payoff table would have more than " + std::to_string(kMaxCells) + " cells");
      }
    }
    return Expect(TokenKind::kRightBrace,
                  "'}' after the strategies of " + std::to_string(players_.size()) + " players");
  }

  Error ReadPayoffs(std::vector<Number>& payoffs, bool commas_allowed) {
    payoffs.reserve(players_.size());
    for (std::size_t p = 0; p < players_.size(); ++p) {
      auto number = lex_.CurrentNumber();
      if (!number) return lex_.Expected("a payoff for player " + std::to_string(p + 1));
      payoffs.push_back(std::move(*number));
      lex_.Advance();
      if (commas_allowed && lex_.current().kind == TokenKind::kComma) lex_.Advance();
    }
    return std::nullopt;
  }

  Error ParsePayoffBody(std::vector<Outcome>& outcomes, std::vector<OutcomeId>& cells) {
    outcomes.reserve(num_cells_);
    cells.reserve(num_cells_);
    for (int64_t cell = 0; cell < num_cells_; ++cell) {
      Outcome outcome;
      if (auto e = ReadPayoffs(outcome.payoffs, false)) {
        return lex_.Expected("a payoff for cell " + std::to_string(cell + 1) + " of " +
                             std::to_string(num_cells_));
      }
      outcomes.push_back(std::move(outcome));
      cells.push_back(static_cast<OutcomeId>(cell));
    }
    return std::nullopt;
  }

  Error ParseOutcomeBody(std::vector<Outcome>& outcomes, std::vector<OutcomeId>& cells) {
    lex_.Advance();  // '{'
    while (lex_.current().kind == TokenKind::kLeftBrace) {
      lex_.Advance();
      Outcome outcome;
      if (lex_.current().kind != TokenKind::kString) {
        return lex_.Expected("an outcome label (a quoted string)");
      }
      outcome.label = lex_.current().text;
      lex_.Advance();
      if (auto e = ReadPayoffs(outcome.payoffs, true)) return e;
      if (auto e = Expect(TokenKind::kRightBrace,
                          "'}' after " + std::to_string(players_.size()) + " payoffs")) {
        return e;
      }
      outcomes.push_back(std::move(outcome));
    }
    if (auto e = Expect(TokenKind::kRightBrace, "'{' starting an outcome, or '}'")) return e;
    cells.reserve(num_cells_);
    for (int64_t cell = 0; cell < num_cells_; ++cell) {
      auto number = lex_.CurrentNumber();
      if (!number || number->exact().get_den() != 1 || number->exact() < 0 ||
          number->exact() > static_cast<long>(outcomes.size())) {
        return lex_.Expected("the outcome of cell " + std::to_string(cell + 1) + " of " +
                             std::to_string(num_cells_) + " (a number from 0 to " +
                             std::to_string(outcomes.size()) + ")");
      }
      cells.push_back(static_cast<OutcomeId>(number->exact().get_num().get_si()) - 1);
      lex_.Advance();
    }
    return std::nullopt;
  }

  GambitLexer lex_;
  std::string title_, comment_;
  std::vector<StrategicPlayer> players_;
  int64_t num_cells_ = 0;
};

bool NeedsOutcomeForm(const NormalFormGame& game) {
  if (static_cast<int64_t>(game.outcomes().size()) != game.num_cells()) return true;
  for (int64_t cell = 0; cell < game.num_cells(); ++cell) {
    if (game.cell_outcome(cell) != cell) return true;
    if (!game.outcomes()[cell].label.empty()) return true;
  }
  return false;
}

}  // namespace

Result<NormalFormGame> ReadNfg(std::string_view text, const std::string& file_name) {
  return NfgParser(text, file_name).Parse();
}

std::string WriteNfg(const NormalFormGame& game) {
  std::ostringstream out;
  out << "NFG 1 R " << QuoteGambitString(game.title()) << " {";
  for (const StrategicPlayer& player : game.players())
    out << ' ' << QuoteGambitString(player.label);
  out << " }\n\n{";
  for (const StrategicPlayer& player : game.players()) {
    out << " {";
    for (const std::string& label : player.strategy_labels) out << ' ' << QuoteGambitString(label);
    out << " }\n";
  }
  out << "}\n" << QuoteGambitString(game.comment()) << "\n\n";
  if (NeedsOutcomeForm(game)) {
    out << "{\n";
    for (const Outcome& outcome : game.outcomes()) {
      out << "{ " << QuoteGambitString(outcome.label);
      for (std::size_t p = 0; p < outcome.payoffs.size(); ++p) {
        out << (p == 0 ? " " : ", ") << outcome.payoffs[p].ToString();
      }
      out << " }\n";
    }
    out << "}\n";
    for (int64_t cell = 0; cell < game.num_cells(); ++cell) {
      out << (cell == 0 ? "" : " ") << game.cell_outcome(cell) + 1;
    }
  } else {
    for (int64_t cell = 0; cell < game.num_cells(); ++cell) {
      for (int p = 0; p < game.num_players(); ++p) {
        out << (cell == 0 && p == 0 ? "" : " ") << game.outcomes()[cell].payoffs[p].ToString();
      }
    }
  }
  out << '\n';
  return out.str();
}

}  // namespace redline::games
