// `redline solve`, run in-process through cli::Main with string streams.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

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
  return std::string(REDLINE_SOURCE_DIR "/tests/games/") + name;
}

TEST(SolveCommandTest, GambitFormatForNormalForm) {
  SolveRun run = Solve({Game("prisoners_dilemma.nfg"), "--format", "gambit"});
  EXPECT_EQ(run.code, kExitOk) << run.err;
  EXPECT_EQ(run.out, "NE,0,1,0,1\n");
  EXPECT_EQ(run.err, "");
}

TEST(SolveCommandTest, GambitFormatForExtensiveEnumPureAndSpe) {
  // tests/games/entry_with_chance.efg; the equilibria are derived in games/enumpure_test.cc.
  SolveRun pure =
      Solve({Game("entry_with_chance.efg"), "--method", "enumpure", "--format", "gambit"});
  EXPECT_EQ(pure.code, kExitOk) << pure.err;
  EXPECT_EQ(pure.out, "NE,1,0,1,0,1,0\nNE,1,0,1,0,0,1\nNE,0,1,0,1,1,0\n");
  SolveRun spe = Solve({Game("entry_with_chance.efg"), "-m", "spe", "--format", "gambit"});
  EXPECT_EQ(spe.code, kExitOk) << spe.err;
  EXPECT_EQ(spe.out, "NE,0,1,0,1,1,0\n");
  SolveRun lcp = Solve({Game("one_card_poker.efg"), "-m", "lcp", "--format", "gambit"});
  EXPECT_EQ(lcp.code, kExitOk) << lcp.err;
  EXPECT_EQ(lcp.out, "NE,1,0,1/3,2/3,2/3,1/3\n");
}

TEST(SolveCommandTest, TextOutputIsLabelled) {
  SolveRun run = Solve({Game("entry_with_chance.efg"), "--method", "spe"});
  EXPECT_EQ(run.code, kExitOk) << run.err;
  EXPECT_NE(run.out.find("method: spe, 1 equilibrium"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("  Entrant: payoff 1/3\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("    at weak market:\n      fight 1\n"), std::string::npos) << run.out;
}

TEST(SolveCommandTest, JsonIsOneObject) {
  SolveRun run = Solve({Game("coordination.nfg"), "--json"});
  EXPECT_EQ(run.code, kExitOk) << run.err;
  nlohmann::json parsed = nlohmann::json::parse(run.out);
  EXPECT_EQ(parsed["method"], "enumpure");
  EXPECT_EQ(parsed["profile_kind"], "mixed");
  ASSERT_EQ(parsed["equilibria"].size(), 2u);
  EXPECT_EQ(parsed["equilibria"][0]["gambit"], "NE,1,0,1,0");
  EXPECT_EQ(parsed["equilibria"][0]["profile"][0]["player"], "Row");
}

TEST(SolveCommandTest, BadInputsExitTwoWithOneLine) {
  auto expect_bad = [](const SolveRun& run, const std::string& message) {
    EXPECT_EQ(run.code, kExitBadInput);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, message);
  };
  expect_bad(Solve({"/nonexistent.efg"}), "/nonexistent.efg: error: no such file\n");
  expect_bad(Solve({REDLINE_SOURCE_DIR "/tests/games"}),
             std::string(REDLINE_SOURCE_DIR "/tests/games") +
                 ": error: is a directory, not a game file\n");
  expect_bad(Solve({Game("prisoners_dilemma.nfg"), "--method", "enumpur"}),
             "error: unknown method 'enumpur'; did you mean 'enumpure'?\n");
  expect_bad(
      Solve({Game("one_card_poker.efg"), "--method", "spe"}),
      "error: method 'spe' does not apply to " + Game("one_card_poker.efg") +
          ": spe needs a game of perfect information, but infoset 1 ('raised') of player 'Bob' "
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
  std::ofstream(binary, std::ios::binary) << std::string(
      "\x7f"
      "ELF\0\0\x01",
      7);
  run = Solve({binary});
  EXPECT_EQ(run.code, kExitBadInput);
  EXPECT_EQ(run.err, binary + ": error: not a text file (it contains NUL bytes)\n");
}

// A solver's own message is not prefixed twice with its name (issue 6: 'logit: logit:').
TEST(SolveCommandTest, SolverErrorsNameTheSolverOnce) {
  const std::string trivial = ::testing::TempDir() + "/redline_no_move.efg";
  std::ofstream(trivial) << "EFG 2 R \"t\" { \"1\" \"2\" }\nt \"\" 1 \"o\" { 1, 2 }\n";
  SolveRun run = Solve({trivial, "--method", "logit"});
  EXPECT_EQ(run.code, kExitBadInput);
  EXPECT_EQ(run.err, "error: method 'logit' does not apply to " + trivial +
                         ": logit needs a game in which some player moves\n");
  EXPECT_EQ(run.err.find("logit: logit"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace redline::cli

// ---- solver flags and --lambda-out ----

namespace redline::cli {
namespace {

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> fields(1);
  for (char c : line) {
    if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

std::string TempFile(const std::string& name) { return ::testing::TempDir() + "/" + name; }

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(SolveFlagsTest, LambdaOutWritesTheAgentQreBranch) {
  const std::string csv = TempFile("redline_poker_branch.csv");
  SolveRun run =
      Solve({Game("one_card_poker.efg"), "--method", "logit", "--lambda-out", csv, "--json"});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  nlohmann::json parsed = nlohmann::json::parse(run.out);
  EXPECT_EQ(parsed["profile_kind"], "behavior");
  EXPECT_GE(parsed["final_lambda"].get<double>(), 1e6);
  EXPECT_LT(parsed["equilibria"][0]["nash_conv"].get<double>(), 1e-5);
  const std::vector<std::string> lines = SplitLines(ReadAll(csv));
  ASSERT_EQ(lines.size(), parsed["path_points"].get<std::size_t>() + 1);
  EXPECT_EQ(lines[0],
            "lambda,Alice:king:raise,Alice:king:fold,Alice:queen:raise,Alice:queen:fold,"
            "Bob:raised:meet,Bob:raised:pass");
  EXPECT_EQ(lines[1], "0,0.5,0.5,0.5,0.5,0.5,0.5");
  double last_lambda = 0;
  for (std::size_t k = 1; k < lines.size(); ++k) {
    const std::vector<std::string> fields = SplitCsv(lines[k]);
    ASSERT_EQ(fields.size(), 7u) << lines[k];
    last_lambda = std::stod(fields[0]);
    EXPECT_NEAR(std::stod(fields[3]) + std::stod(fields[4]), 1.0, 1e-9) << lines[k];
  }
  EXPECT_GE(last_lambda, 1e6);
  const std::vector<std::string> last = SplitCsv(lines.back());
  EXPECT_NEAR(std::stod(last[3]), 1.0 / 3, 1e-5);  // Alice bluffs with the Queen 1/3
}

TEST(SolveFlagsTest, LambdaOutForANormalFormGameAndMaxLambda) {
  const std::string csv = TempFile("redline_2x2_branch.csv");
  SolveRun run = Solve(
      {Game("mixed_2x2.nfg"), "-m", "logit", "--max-lambda", "20", "--lambda-out", csv, "--json"});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  nlohmann::json parsed = nlohmann::json::parse(run.out);
  const double final_lambda = parsed["final_lambda"].get<double>();
  EXPECT_GE(final_lambda, 20.0);
  EXPECT_LT(final_lambda, 200.0);  // stopped near 20, not at the default 1e6
  const std::vector<std::string> lines = SplitLines(ReadAll(csv));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(SplitCsv(lines[0]).size(), 5u);
  EXPECT_EQ(lines[0].substr(0, 7), "lambda,");
  // One column per strategy, no infoset column.
  EXPECT_EQ(lines[0], "lambda,Row:U,Row:D,Column:L,Column:R");
}

TEST(SolveFlagsTest, IterationLimitIsAResultNotAnError) {
  SolveRun logit =
      Solve({Game("one_card_poker.efg"), "-m", "logit", "--iterations", "3", "--json"});
  ASSERT_EQ(logit.code, kExitOk) << logit.err;
  nlohmann::json parsed = nlohmann::json::parse(logit.out);
  EXPECT_EQ(parsed["hit_limit"], true);
  EXPECT_EQ(parsed["converged"], false);
  EXPECT_EQ(parsed["iterations"], 3);
  EXPECT_EQ(parsed["path_points"], 4);

  SolveRun cfr = Solve({Game("one_card_poker.efg"), "-m", "cfr", "--iterations", "10"});
  ASSERT_EQ(cfr.code, kExitOk) << cfr.err;
  EXPECT_NE(cfr.out.find("(stopped at a limit)"), std::string::npos) << cfr.out;
  EXPECT_NE(cfr.out.find("stopped at the iteration limit"), std::string::npos) << cfr.out;

  SolveRun lcp = Solve({Game("one_card_poker.efg"), "-m", "lcp", "--iterations", "1", "--json"});
  ASSERT_EQ(lcp.code, kExitOk) << lcp.err;
  parsed = nlohmann::json::parse(lcp.out);
  EXPECT_EQ(parsed["hit_limit"], true);
  EXPECT_EQ(parsed["equilibria"].size(), 0u);

  SolveRun enummixed =
      Solve({Game("coordination4.nfg"), "-m", "enummixed", "--iterations", "5", "--json"});
  ASSERT_EQ(enummixed.code, kExitOk) << enummixed.err;
  EXPECT_EQ(nlohmann::json::parse(enummixed.out)["hit_limit"], true);
  SolveRun full = Solve({Game("coordination4.nfg"), "-m", "enummixed", "--json"});
  ASSERT_EQ(full.code, kExitOk) << full.err;
  EXPECT_EQ(nlohmann::json::parse(full.out)["hit_limit"], false);
}

TEST(SolveFlagsTest, SeedAndToleranceReachTheSolver) {
  auto gambit = [](const std::string& seed) {
    return Solve({Game("one_card_poker.efg"), "-m", "mccfr", "--iterations", "200", "--seed", seed,
                  "--format", "gambit"})
        .out;
  };
  EXPECT_EQ(gambit("5"), gambit("5"));
  EXPECT_NE(gambit("5"), gambit("6"));
  SolveRun loose = Solve({Game("one_card_poker.efg"), "-m", "cfr", "--tolerance", "0.5", "--json"});
  ASSERT_EQ(loose.code, kExitOk) << loose.err;
  nlohmann::json parsed = nlohmann::json::parse(loose.out);
  EXPECT_EQ(parsed["converged"], true);
  EXPECT_LT(parsed["iterations"].get<int>(), 10000);
}

TEST(SolveFlagsTest, BadValuesExitTwoWithOneLine) {
  auto expect_bad = [](std::vector<std::string> args, const std::string& message) {
    SolveRun run = Solve(std::move(args));
    EXPECT_EQ(run.code, kExitBadInput) << message;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, message);
  };
  const std::string poker = Game("one_card_poker.efg");
  expect_bad({poker, "-m", "cfr", "--iterations", "0"},
             "--iterations: error: expected a whole number from 1 to 2e9, got '0'\n");
  expect_bad({poker, "-m", "cfr", "--iterations", "ten"},
             "--iterations: error: expected a whole number from 1 to 2e9, got 'ten'\n");
  expect_bad({poker, "-m", "cfr", "--tolerance", "-1"},
             "--tolerance: error: expected a number > 0, got '-1'\n");
  expect_bad({poker, "-m", "cfr", "--tolerance", "nan"},
             "--tolerance: error: expected a number > 0, got 'nan'\n");
  expect_bad({poker, "-m", "mccfr", "--seed", "-3"},
             "--seed: error: expected a whole number from 0 to 2^64-1, got '-3'\n");
  expect_bad({poker, "-m", "logit", "--max-lambda", "inf"},
             "--max-lambda: error: expected a number > 0, got 'inf'\n");
  expect_bad({poker, "-m", "cfr", "--seed", "4"},
             "--seed: error: does not apply to method 'cfr'\n");
  expect_bad({poker, "-m", "enumpure", "--lambda-out", TempFile("x.csv")},
             "--lambda-out: error: does not apply to method 'enumpure'\n");
  expect_bad({poker, "-m", "spe", "--iterations", "5"},
             "--iterations: error: does not apply to method 'spe'\n");
  expect_bad({poker, "-m", "logit", "--lambda-out", "/nonexistent/dir/branch.csv"},
             "/nonexistent/dir/branch.csv: error: cannot write the --lambda-out file\n");
}

}  // namespace
}  // namespace redline::cli
