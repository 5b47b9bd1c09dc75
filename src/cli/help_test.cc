// `redline --help`, `redline CMD --help`, `redline --version` and the manual page
// (docs/redline.1, installed by `cmake --install`): every command has its own help, every
// command and every long option that the help lists is in the manual, and the version printed
// is the one project() sets in CMakeLists.txt.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "cli/test_util.h"

namespace redline::cli {
namespace {

using testing::CliResult;
using testing::Lines;
using testing::ReadFile;
using testing::RunBinary;
using testing::RunCli;

// The command names listed under "Subcommands:" in `redline --help`.
std::vector<std::string> Commands() {
  const CliResult help = RunCli({"--help"});
  std::vector<std::string> commands;
  bool listing = false;
  for (const std::string& line : Lines(help.out)) {
    if (line.starts_with("Subcommands:")) {
      listing = true;
      continue;
    }
    if (!listing || line.size() < 3 || line[0] != ' ' || line[2] == ' ') continue;
    commands.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  return commands;
}

// Every --long-option in a help text.
std::set<std::string> LongOptions(const std::string& help) {
  std::set<std::string> options;
  const std::regex option("--[a-z][a-z0-9-]*");
  for (auto it = std::sregex_iterator(help.begin(), help.end(), option);
       it != std::sregex_iterator(); ++it) {
    options.insert(it->str());
  }
  return options;
}

// The manual page with roff's escaped hyphens ("\-") made plain.
std::string ManualText() {
  std::string text = ReadFile(REDLINE_SOURCE_DIR "/docs/redline.1");
  return std::regex_replace(text, std::regex(R"(\\-)"), "-");
}

TEST(HelpTest, TopLevelHelpListsTheCommands) {
  const CliResult help = RunCli({"--help"});
  EXPECT_EQ(help.code, kExitOk);
  EXPECT_EQ(help.err, "");
  const std::vector<std::string> commands = Commands();
  for (const char* expected : {"validate", "run", "compare", "replay", "solve", "game"}) {
    EXPECT_NE(std::find(commands.begin(), commands.end(), expected), commands.end())
        << expected << " is not listed in:\n"
        << help.out;
  }
}

TEST(HelpTest, EveryCommandHasItsOwnHelp) {
  for (const std::string& command : Commands()) {
    const CliResult help = RunCli({command, "--help"});
    EXPECT_EQ(help.code, kExitOk) << command;
    EXPECT_EQ(help.err, "") << command;
    EXPECT_NE(help.out.find("Usage: redline " + command + " "), std::string::npos)
        << command << ":\n"
        << help.out;
  }
}

TEST(HelpTest, ManualCoversEveryCommandAndOption) {
  const std::string manual = ManualText();
  ASSERT_FALSE(manual.empty()) << "docs/redline.1 is missing";
  const std::vector<std::string> commands = Commands();
  ASSERT_GE(commands.size(), 5u);
  for (const std::string& command : commands) {
    // Each command is a tagged paragraph of the COMMANDS section: ".TP\n.B NAME\n".
    EXPECT_NE(manual.find(".TP\n.B " + command + "\n"), std::string::npos)
        << "docs/redline.1 has no entry for the command '" << command << "'";
    for (const std::string& option : LongOptions(RunCli({command, "--help"}).out)) {
      EXPECT_NE(manual.find(option), std::string::npos)
          << "docs/redline.1 does not mention " << option << " of 'redline " << command << "'";
    }
  }
  for (const std::string& option : LongOptions(RunCli({"--help"}).out)) {
    EXPECT_NE(manual.find(option), std::string::npos) << "docs/redline.1 lacks " << option;
  }
}

TEST(HelpTest, VersionIsTheProjectVersion) {
  const std::string cmake = ReadFile(REDLINE_SOURCE_DIR "/CMakeLists.txt");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(cmake, match, std::regex(R"(project\(redline VERSION ([0-9.]+))")))
      << "no project(redline VERSION ...) in CMakeLists.txt";
  const std::string expected = "redline " + match[1].str() + "\n";
  const CliResult version = RunCli({"--version"});
  EXPECT_EQ(version.code, kExitOk);
  EXPECT_EQ(version.out, expected);
  const CliResult binary = RunBinary("--version");
  EXPECT_EQ(binary.code, kExitOk);
  EXPECT_EQ(binary.out, expected);
}

}  // namespace
}  // namespace redline::cli
