#include <algorithm>
#include <exception>
#include <iterator>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/command.h"

namespace redline::cli {

int Main(int argc, const char* const* argv, Io& io) {
  CLI::App app{"redline: simulate and solve international crisis escalation", "redline"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "redline " REDLINE_VERSION);

  std::vector<std::pair<CLI::App*, CommandAction>> commands;
  auto add = [&](CommandAction (*adder)(CLI::App&)) {
    const std::size_t before = app.get_subcommands({}).size();
    CommandAction action = adder(app);
    CLI::App* sub = app.get_subcommands({})[before];
    commands.emplace_back(sub, std::move(action));
  };
  // One line per subcommand; each Add...Command lives in its own cli/*.cc file and names its
  // subcommand as here. When the first argument names one, only that one is built (building
  // all their options costs more than a small solve); otherwise (help, version, errors) all.
  static constexpr std::pair<const char*, CommandAction (*)(CLI::App&)> kCommands[] = {
      {"validate", &AddValidateCommand}, {"run", &AddRunCommand},
      {"compare", &AddCompareCommand},   {"replay", &AddReplayCommand},
      {"solve", &AddSolveCommand},       {"game", &AddGameCommand},
  };
  // (A name here that its Add...Command does not give would make that command "unknown";
  // every command is run by the CLI tests.)
  const auto named = std::find_if(std::begin(kCommands), std::end(kCommands), [&](const auto& c) {
    return argc > 1 && std::string_view(argv[1]) == c.first;
  });
  if (named != std::end(kCommands)) {
    add(named->second);
  } else {
    for (const auto& command : kCommands) add(command.second);
  }

  // CLI11 would say "A subcommand is required" for `redline simulate ...`; name the culprit.
  bool known = false;
  std::string names;
  for (const auto& [sub, action] : commands) {
    known |= argc > 1 && sub->check_name(argv[1]);
    names += (names.empty() ? "" : ", ") + sub->get_name();
  }
  if (argc > 1 && argv[1][0] != '-' && !known) {
    io.err << "error: unknown command '" << argv[1] << "'; the commands are " << names
           << " (run 'redline --help' for usage)\n";
    return kExitBadInput;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    io.out << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    io.out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion&) {
    io.out << "redline " REDLINE_VERSION "\n";
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    // One line per problem, as for every other bad input.
    io.err << "error: " << e.what() << " (run 'redline --help' for usage)\n";
    return kExitBadInput;
  }
  for (auto& [sub, action] : commands) {
    if (sub->parsed()) {
      try {
        return action(io);
      } catch (const std::exception& e) {
        io.err << "error: internal failure: " << e.what() << "\n";
        return kExitFailure;
      }
    }
  }
  io.err << "error: no command given; run 'redline --help'\n";
  return kExitBadInput;
}

}  // namespace redline::cli
