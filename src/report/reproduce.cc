#include "report/reproduce.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace redline::report {

std::string ShellQuote(const std::string& text) {
  const bool literal = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("_-./:=,+@%").find(c) != std::string_view::npos;
  });
  if (literal) return text;
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string ReplayCommand(const RunInfo& info, std::int64_t run) {
  // A file name that starts with '-' would read as an option.
  const std::string file =
      info.scenario_file.starts_with('-') ? "./" + info.scenario_file : info.scenario_file;
  std::string command =
      fmt::format("redline replay {} --run {} --seed {}", ShellQuote(file), run, info.seed);
  if (!info.variant.empty()) command += " --variant " + ShellQuote(info.variant);
  for (const std::string& override : info.overrides) command += " --set " + ShellQuote(override);
  return command;
}

}  // namespace redline::report
