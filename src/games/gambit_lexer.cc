#include "games/gambit_lexer.h"

#include <cctype>
#include <utility>

namespace redline::games {
namespace {

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool StartsNumber(char c) { return IsDigit(c) || c == '-' || c == '+' || c == '.'; }

}  // namespace

GambitLexer::GambitLexer(std::string_view text, std::string file_name)
    : text_(text), file_name_(std::move(file_name)) {
  Advance();
}

char GambitLexer::Peek(std::size_t ahead) const {
  return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
}

void GambitLexer::Step() {
  if (pos_ >= text_.size()) return;
  if (text_[pos_] == '\n') {
    ++line_;
    column_ = 1;
  } else {
    ++column_;
  }
  ++pos_;
}

const Token& GambitLexer::Advance() {
  current_ = Lex();
  return current_;
}

Token GambitLexer::Lex() {
  while (pos_ < text_.size() && IsSpace(text_[pos_])) Step();
  Token token;
  token.line = line_;
  token.column = column_;
  if (pos_ >= text_.size()) {
    token.kind = TokenKind::kEnd;
    return token;
  }
  if (++tokens_ > kMaxGameTokens) {
    token.kind = TokenKind::kBad;
    token.text = "more than " + std::to_string(kMaxGameTokens) +
                 " numbers, names and braces (the limit for a game file)";
    pos_ = text_.size();
    return token;
  }
  const char c = Peek();
  if (c == '{' || c == '}' || c == ',') {
    token.kind =
        c == '{' ? TokenKind::kLeftBrace : (c == '}' ? TokenKind::kRightBrace : TokenKind::kComma);
    token.text = std::string(1, c);
    Step();
    return token;
  }
  if (c == '"') {
    Step();
    while (pos_ < text_.size() && Peek() != '"') {
      if (Peek() == '\\' && (Peek(1) == '"' || Peek(1) == '\\')) Step();
      token.text += Peek();
      Step();
    }
    if (pos_ >= text_.size()) {
      token.kind = TokenKind::kBad;
      token.text = "unterminated string";
      return token;
    }
    Step();  // closing quote
    token.kind = TokenKind::kString;
    return token;
  }
  if (StartsNumber(c)) {
    token.kind = TokenKind::kNumber;
    token.text += c;
    Step();
    while (pos_ < text_.size()) {
      const char d = Peek();
      const char before = token.text.back();
      const bool exponent_sign = (d == '-' || d == '+') && (before == 'e' || before == 'E');
      if (!(IsDigit(d) || d == '.' || d == '/' || d == 'e' || d == 'E' || exponent_sign)) break;
      token.text += d;
      Step();
    }
    return token;
  }
  token.kind = TokenKind::kSymbol;
  while (pos_ < text_.size() && !IsSpace(Peek()) && Peek() != '{' && Peek() != '}' &&
         Peek() != '"' && Peek() != ',') {
    token.text += Peek();
    Step();
  }
  return token;
}

std::optional<Number> GambitLexer::CurrentNumber() const {
  if (current_.kind != TokenKind::kNumber) return std::nullopt;
  std::optional<Number> number = Number::Parse(current_.text);
  if (number && !number->InRange()) return std::nullopt;  // Expected() says why
  return number;
}

Diagnostic GambitLexer::ErrorHere(const std::string& message) const {
  return Diagnostic{SourceLocation{file_name_, current_.line, current_.column}, message};
}

Diagnostic GambitLexer::ErrorAt(const Token& token, const std::string& message) const {
  return Diagnostic{SourceLocation{file_name_, token.line, token.column}, message};
}

Diagnostic GambitLexer::Expected(const std::string& what) const {
  std::string found = DescribeToken(current_);
  if (current_.kind == TokenKind::kNumber) {
    const std::optional<Number> number = Number::Parse(current_.text);
    if (number && !number->InRange()) found += " (beyond the magnitude 1e100 games accept)";
  }
  return ErrorHere("expected " + what + ", found " + found);
}

std::string DescribeToken(const Token& token) {
  auto shorten = [](const std::string& text) {
    std::string printable;
    for (char c : text) {
      printable += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
      if (printable.size() >= 30) return printable + "...";
    }
    return printable;
  };
  switch (token.kind) {
    case TokenKind::kNumber:
      return "number '" + shorten(token.text) + "'";
    case TokenKind::kString:
      return "string \"" + shorten(token.text) + "\"";
    case TokenKind::kSymbol:
      return "'" + shorten(token.text) + "'";
    case TokenKind::kLeftBrace:
      return "'{'";
    case TokenKind::kRightBrace:
      return "'}'";
    case TokenKind::kComma:
      return "','";
    case TokenKind::kEnd:
      return "end of file";
    case TokenKind::kBad:
      return token.text;
  }
  return "?";
}

}  // namespace redline::games
