// Tokens of Gambit's text game formats (.efg, .nfg), with 1-based line:column positions for
// diagnostics. Internal to the games module (used by efg_format.cc and nfg_format.cc).
//
// Tokens: numbers (a maximal run starting with a digit, sign or '.', made of digits, '.',
// '/', exponent letters and exponent signs; validated by the parser), quoted strings
// ("..." where \" is a quote and \\ a backslash; strings may span lines), '{', '}', ',',
// and symbols (any other run of non-space characters, e.g. EFG, R, p, c, t).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "games/number.h"

namespace redline::games {

enum class TokenKind { kNumber, kString, kSymbol, kLeftBrace, kRightBrace, kComma, kEnd, kBad };

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;  // string contents (unescaped), number or symbol text
  int line = 1;
  int column = 1;
};

// The most tokens a game file may hold: reading stops with an error at the next one, so a
// huge file costs bounded memory (a few hundred bytes per token at most).
inline constexpr std::int64_t kMaxGameTokens = 2'000'000;

class GambitLexer {
 public:
  GambitLexer(std::string_view text, std::string file_name);

  const Token& current() const { return current_; }
  // Moves to the next token and returns it.
  const Token& Advance();

  // A Diagnostic at the current token: "expected WHAT, found <description of token>".
  Diagnostic Expected(const std::string& what) const;
  // A Diagnostic at the current token with a free-form message.
  Diagnostic ErrorHere(const std::string& message) const;

  // A Diagnostic at an earlier token.
  Diagnostic ErrorAt(const Token& token, const std::string& message) const;

  // Parses the current token as a number; nullopt when it is not one, or when its magnitude
  // exceeds kMaxGameMagnitude (Expected() then says so).
  std::optional<Number> CurrentNumber() const;

 private:
  char Peek(std::size_t ahead = 0) const;
  void Step();  // consumes one character, tracking line and column
  Token Lex();

  std::string_view text_;
  std::string file_name_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
  std::int64_t tokens_ = 0;
  Token current_;
};

// How a token reads in an error message: "'{'", "string \"abc\"", "end of file".
std::string DescribeToken(const Token& token);

}  // namespace redline::games
