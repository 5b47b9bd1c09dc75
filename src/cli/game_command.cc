// `redline game NAME [--param k=v]... [--list]`: writes a library game (games/library.h) as a
// Gambit .efg file on stdout. Unknown games or parameters exit 2 with a did-you-mean hint.
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "games/game_file.h"
#include "games/library.h"

namespace redline::cli {
namespace {

struct GameOptions {
  std::string name;
  std::vector<std::string> params;
  bool list = false;
};

void PrintList(std::ostream& out) {
  for (const games::LibraryGame& game : games::LibraryGames()) {
    out << game.name << ": " << game.description << "\n";
    for (const games::GameParameter& p : game.parameters) {
      out << "  " << p.name << " = " << p.default_value << "  (" << p.description << ")\n";
    }
  }
}

int RunGame(const GameOptions& options, Io& io) {
  if (options.list || options.name.empty()) {
    if (!options.list) {
      io.err << "error: name a game (redline game NAME); the library has:\n";
      PrintList(io.err);
      return kExitBadInput;
    }
    PrintList(io.out);
    return kExitOk;
  }
  std::map<std::string, std::string> overrides;
  for (const std::string& param : options.params) {
    const std::size_t equals = param.find('=');
    if (equals == std::string::npos || equals == 0) {
      io.err << "error: --param expects KEY=VALUE, got '" << param << "'\n";
      return kExitBadInput;
    }
    const std::string key = param.substr(0, equals);
    if (!overrides.emplace(key, param.substr(equals + 1)).second) {
      io.err << "--param " << key << ": error: given twice ('" << overrides[key] << "' and '"
             << param.substr(equals + 1) << "'); give each parameter once\n";
      return kExitBadInput;
    }
  }
  Result<games::ExtensiveGame> game = games::MakeLibraryGame(options.name, overrides);
  if (!game) {
    for (const Diagnostic& error : game.errors()) io.err << error.ToString() << "\n";
    return kExitBadInput;
  }
  io.out << games::WriteGame(games::AnyGame(std::move(game).value()));
  return kExitOk;
}

}  // namespace

CommandAction AddGameCommand(CLI::App& app) {
  auto options = std::make_shared<GameOptions>();
  CLI::App* sub = app.add_subcommand(
      "game",
      "write a library crisis game (chicken, deterrence, audience_cost, brinkmanship, "
      "risk_taking) as a Gambit .efg file");
  sub->add_option("name", options->name, "game name");
  sub->add_option("--param,-p", options->params, "parameter override KEY=VALUE (repeatable)");
  sub->add_flag("--list", options->list, "list the games and their parameters");
  return [options](Io& io) { return RunGame(*options, io); };
}

}  // namespace redline::cli
