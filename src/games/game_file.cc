#include "games/game_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "core/utf8.h"
#include "games/efg_format.h"
#include "games/gambit_lexer.h"
#include "games/nfg_format.h"

namespace redline::games {
namespace {
constexpr std::uintmax_t kMaxFileBytes = 16u << 20;

Diagnostic FileError(const std::string& file, std::string message) {
  Diagnostic error;
  error.where.file = file;
  error.message = std::move(message);
  return error;
}
}  // namespace

int NumPlayers(const AnyGame& game) {
  return std::visit([](const auto& g) { return g.num_players(); }, game);
}

const std::string& Title(const AnyGame& game) {
  return std::visit([](const auto& g) -> const std::string& { return g.title(); }, game);
}

Result<AnyGame> ParseGame(std::string_view text, const std::string& file_name) {
  if (text.find('\0') != std::string_view::npos) {
    return FileError(file_name, "not a text file (it contains NUL bytes)");
  }
  if (const auto bad = FirstInvalidUtf8(text)) {
    const std::string_view before = text.substr(0, *bad);
    const std::size_t newline = before.rfind('\n');
    const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    const int column =
        static_cast<int>(*bad - (newline == std::string_view::npos ? 0 : newline + 1)) + 1;
    return Diagnostic{SourceLocation{file_name, line, column},
                      "not a text file: this byte is not valid UTF-8 (titles and labels must "
                      "be UTF-8 text)"};
  }
  GambitLexer lexer(text, file_name);
  const Token& first = lexer.current();
  if (first.kind == TokenKind::kSymbol && first.text == "EFG") {
    auto game = ReadEfg(text, file_name);
    if (!game.ok()) return game.errors();
    return AnyGame(std::move(game).value());
  }
  if (first.kind == TokenKind::kSymbol && first.text == "NFG") {
    auto game = ReadNfg(text, file_name);
    if (!game.ok()) return game.errors();
    return AnyGame(std::move(game).value());
  }
  return lexer.Expected("'EFG' or 'NFG' at the start of a Gambit game file");
}

Result<AnyGame> ReadGameFile(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) return FileError(path, "no such file");
  if (fs::is_directory(status)) return FileError(path, "is a directory, not a game file");
  // Devices (/dev/zero) never end and FIFOs block: only regular files are read.
  if (!fs::is_regular_file(status)) return FileError(path, "is not a regular file");
  const std::uintmax_t size = fs::file_size(path, error);
  if (error) return FileError(path, "cannot be read: " + error.message());
  if (size > kMaxFileBytes) {
    return FileError(path, "is too large for a game file (" + std::to_string(size) +
                               " bytes; the limit is " + std::to_string(kMaxFileBytes) + ")");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return FileError(path, "cannot open the file for reading");
  // Read in pieces and stop past the limit: the file may have grown since it was measured.
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxFileBytes) return FileError(path, "is too large for a game file");
  }
  if (in.bad()) return FileError(path, "cannot read the file");
  return ParseGame(text, path);
}

std::string WriteGame(const AnyGame& game) {
  if (const auto* efg = AsExtensive(game)) return WriteEfg(*efg);
  return WriteNfg(*AsNormalForm(game));
}

}  // namespace redline::games
