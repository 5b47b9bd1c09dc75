// The command-line front end. Each subcommand lives in its own file and registers itself
// with the CLI11 app through an Add...Command function declared here; the function returns
// the action to run when that subcommand is chosen. Actions return the process exit code:
// 0 success, 1 an internal failure, 2 bad input of any kind.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>

namespace redline::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

struct Io {
  std::ostream& out;
  std::ostream& err;
  bool err_is_terminal = false;  // whether a progress bar may be drawn on `err`
};

using CommandAction = std::function<int(Io&)>;

CommandAction AddValidateCommand(CLI::App& app);
CommandAction AddRunCommand(CLI::App& app);
CommandAction AddCompareCommand(CLI::App& app);
CommandAction AddReplayCommand(CLI::App& app);
CommandAction AddSolveCommand(CLI::App& app);
CommandAction AddGameCommand(CLI::App& app);

// Parses argv and runs the chosen subcommand. Never throws; returns the exit code.
int Main(int argc, const char* const* argv, Io& io);

}  // namespace redline::cli
