// `redline solve`, run in-process through cli::Main with string streams.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/command.h"

namespace redline::cli {
namespace {

struct SolveRun {
  int code = 0;
  std::string out, err;
};

SolveRun Solve(std::vector<std::string> args) {
  args.insert(args.begin(), {"redline", "solve"});
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  Io io{out, err};
  SolveRun run;
  run.code = Main(static_cast<int>(argv.size()), argv.data(), io);
  run.out = out.str();
  run.err = err.str();
  return run;
}

std::string Game(const std::string& name) {
  return std::string(REDLINE_SHARED_DIR "/data/games/gambit/") + name;
}

TEST(SolveCommandTest, GambitFormatForNormalForm) {
  SolveRun run = Solve({Game("pd.nfg"), "--format", "gambit"});
  EXPECT_EQ(run.code, kExitOk) << run.err;
  EXPECT_EQ(run.out, "NE,0,1,0,1\n");
  EXPECT_EQ(run.err, "");
}

TEST(SolveCommandTest, GambitFormatForExtensiveEnumPureAndSpe) {
  SolveRun pure = Solve({Game("two_player_perfect_info_win_lose.efg"), "--method", "enumpure",
                    "--format", "gambit"});
  EXPECT_EQ(pure.code, kExitOk) << pure.err;
  EXPECT_EQ(pure.out, "NE,0,1,1,0,1,0,1,0\nNE,0,1,1,0,1,0,0,1\nNE,0,1,1,0,0,1,0,0\n");
  SolveRun spe = Solve({Game("perfect_info_with_chance.efg"), "-m", "spe", "--format", "gambit"});
  EXPECT_EQ(spe.code, kExitOk) << spe.err;
  EXPECT_EQ(spe.out, "NE,0,1,1,0,1,0\n");
}

TEST(SolveCommandTest, TextOutputIsLabelled) {
  SolveRun run = Solve({Game("perfect_info_with_chance.efg"), "--method", "spe"});
  EXPECT_EQ(run.code, kExitOk) << run.err;
  EXPECT_NE(run.out.find("method: spe, 1 equilibrium"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("  1: payoff -1\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("      b 1\n"), std::string::npos) << run.out;
}

TEST(SolveCommandTest, JsonIsOneObject) {
  SolveRun run = Solve({Game("coord2.nfg"), "--json"});
  EXPECT_EQ(run.code, kExitOk) << run.err;
  nlohmann::json parsed = nlohmann::json::parse(run.out);
  EXPECT_EQ(parsed["method"], "enumpure");
  EXPECT_EQ(parsed["profile_kind"], "mixed");
  ASSERT_EQ(parsed["equilibria"].size(), 2u);
  EXPECT_EQ(parsed["equilibria"][0]["gambit"], "NE,1,0,1,0");
  EXPECT_EQ(parsed["equilibria"][0]["profile"][0]["player"], "Player 1");
}

TEST(SolveCommandTest, BadInputsExitTwoWithOneLine) {
  auto expect_bad = [](const SolveRun& run, const std::string& message) {
    EXPECT_EQ(run.code, kExitBadInput);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, message);
  };
  expect_bad(Solve({"/nonexistent.efg"}), "/nonexistent.efg: error: no such file\n");
  expect_bad(Solve({REDLINE_SHARED_DIR}),
             std::string(REDLINE_SHARED_DIR) + ": error: is a directory, not a game file\n");
  expect_bad(Solve({Game("pd.nfg"), "--method", "enumpur"}),
             "error: unknown method 'enumpur'; did you mean 'enumpure'?\n");
  expect_bad(Solve({Game("poker.efg"), "--method", "spe"}),
             "error: method 'spe' does not apply to " + Game("poker.efg") +
                 ": spe needs a game of perfect information, but infoset 1 of player 'Bob' "
                 "has 2 nodes\n");
}

TEST(SolveCommandTest, MalformedAndBinaryFiles) {
  const std::string dir = ::testing::TempDir();
  const std::string bad = dir + "/redline_bad.efg";
  std::ofstream(bad) << "EFG 2 R \"g\" { \"A\" }\n\"\"\nt \"\" 1 \"o\" { x }\n";
  SolveRun run = Solve({bad});
  EXPECT_EQ(run.code, kExitBadInput);
  EXPECT_EQ(run.err, bad + ":3:14: error: expected a payoff for player 1, found 'x'\n");
  const std::string binary = dir + "/redline_binary.efg";
  std::ofstream(binary, std::ios::binary) << std::string("\x7f" "ELF\0\0\x01", 7);
  run = Solve({binary});
  EXPECT_EQ(run.code, kExitBadInput);
  EXPECT_EQ(run.err, binary + ": error: not a text file (it contains NUL bytes)\n");
}

}  // namespace
}  // namespace redline::cli
