#include <exception>
#include <ostream>
#include <string>
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
  // One line per subcommand; each Add...Command lives in its own cli/*.cc file.
  add(&AddValidateCommand);
  add(&AddRunCommand);
  add(&AddCompareCommand);
  add(&AddReplayCommand);
  add(&AddSolveCommand);
  add(&AddGameCommand);

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
