// `redline game`, run in-process through cli::Main with string streams.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/test_util.h"
#include "games/game_file.h"
#include "games/library.h"

namespace redline::cli {
namespace {

using testing::RunCli;

// The game printed on stdout, read back with the .efg reader.
games::ExtensiveGame ParseBack(const std::string& text) {
  Result<games::AnyGame> parsed = games::ParseGame(text, "stdout");
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.errors()[0].ToString());
  if (!parsed.ok() || !games::IsExtensive(*parsed)) return games::ExtensiveGame{};
  return std::get<games::ExtensiveGame>(std::move(parsed).value());
}

TEST(GameCommandTest, EveryLibraryGameIsWrittenAndReadsBack) {
  for (const std::string& name : games::LibraryGameNames()) {
    testing::CliResult run = RunCli({"game", name});
    ASSERT_EQ(run.code, kExitOk) << name << ": " << run.err;
    EXPECT_EQ(run.err, "");
    EXPECT_EQ(run.out.rfind("EFG 2 R", 0), 0u) << name;
    const games::ExtensiveGame parsed = ParseBack(run.out);
    Result<games::ExtensiveGame> built = games::MakeLibraryGame(name, {});
    ASSERT_TRUE(built.ok());
    EXPECT_EQ(games::DescribeDifference(parsed, *built), "") << name;
  }
}

TEST(GameCommandTest, ParametersChangeTheGame) {
  testing::CliResult run =
      RunCli({"game", "deterrence", "--param", "prior_resolute=0.25", "-p", "audience_cost=3/2"});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  EXPECT_NE(run.out.find("1/4"), std::string::npos) << run.out;  // chance probability, exact
  const games::ExtensiveGame parsed = ParseBack(run.out);
  Result<games::ExtensiveGame> expected =
      games::MakeLibraryGame("deterrence", {{"prior_resolute", "1/4"}, {"audience_cost", "1.5"}});
  ASSERT_TRUE(expected.ok());
  EXPECT_EQ(games::DescribeDifference(parsed, *expected), "");

  testing::CliResult short_game = RunCli({"game", "risk_taking", "--param", "rounds=2"});
  testing::CliResult long_game = RunCli({"game", "risk_taking", "--param", "rounds=6"});
  ASSERT_EQ(short_game.code, kExitOk);
  ASSERT_EQ(long_game.code, kExitOk);
  EXPECT_GT(ParseBack(long_game.out).num_nodes(), ParseBack(short_game.out).num_nodes());
}

TEST(GameCommandTest, ListShowsEveryGameAndParameter) {
  testing::CliResult run = RunCli({"game", "--list"});
  ASSERT_EQ(run.code, kExitOk);
  for (const games::LibraryGame& game : games::LibraryGames()) {
    EXPECT_NE(run.out.find(game.name + ": "), std::string::npos) << game.name;
    for (const games::GameParameter& p : game.parameters) {
      EXPECT_NE(run.out.find("  " + p.name + " = "), std::string::npos) << p.name;
    }
  }
}

TEST(GameCommandTest, BadInputsExitTwo) {
  auto expect_bad = [](std::vector<std::string> args, const std::string& message) {
    args.insert(args.begin(), "game");
    testing::CliResult run = RunCli(args);
    EXPECT_EQ(run.code, kExitBadInput) << message;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, message);
  };
  expect_bad({"chiken"},
             "error: unknown game 'chiken'; did you mean 'chicken'? (games: chicken, deterrence, "
             "audience_cost, brinkmanship, risk_taking)\n");
  expect_bad({"deterrence", "--param", "prior_resolut=0.3"},
             "error: game 'deterrence' has no parameter 'prior_resolut'; did you mean "
             "'prior_resolute'?\n");
  expect_bad({"deterrence", "--param", "prior_resolute=1.5"},
             "error: parameter 'prior_resolute' = 1.5 must be a probability in [0, 1]\n");
  expect_bad({"deterrence", "--param", "prior_resolute=abc"},
             "error: parameter 'prior_resolute': 'abc' is not a number\n");
  expect_bad({"deterrence", "--param", "foo"}, "error: --param expects KEY=VALUE, got 'foo'\n");
  expect_bad({"risk_taking", "--param", "rounds=2.5"},
             "error: parameter 'rounds' = 2.5 must be an integer in [1, 1000]\n");
  testing::CliResult nameless = RunCli({"game"});
  EXPECT_EQ(nameless.code, kExitBadInput);
  EXPECT_EQ(nameless.err.rfind("error: name a game", 0), 0u) << nameless.err;
}

TEST(GameCommandTest, WrittenGameSolvesFromAFile) {
  testing::TempDir dir;
  testing::CliResult run = RunCli({"game", "deterrence", "--param", "prior_resolute=0.1"});
  ASSERT_EQ(run.code, kExitOk);
  const std::string file = dir / "deterrence.efg";
  { std::ofstream(file) << run.out; }
  testing::CliResult spe = RunCli({"solve", file, "-m", "spe", "--format", "gambit"});
  testing::CliResult logit = RunCli({"solve", file, "-m", "logit", "--json"});
  ASSERT_EQ(spe.code, kExitOk) << spe.err;
  ASSERT_EQ(logit.code, kExitOk) << logit.err;
  EXPECT_EQ(spe.out, "NE,0,1,1,0,0,1\n");  // challenge; resolute resists, irresolute concedes
  const auto json = testing::ParseJson(logit.out);
  EXPECT_NEAR(json["equilibria"][0]["profile"][1]["probability"].get<double>(), 1.0, 1e-6);
}

}  // namespace
}  // namespace redline::cli
