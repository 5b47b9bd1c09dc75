// Malformed Gambit files give one precise "FILE:LINE:COL: error: ..." diagnostic each.
#include <gtest/gtest.h>

#include <string>

#include "games/game_file.h"

namespace redline::games {
namespace {

std::string FirstError(const std::string& text) {
  Result<AnyGame> game = ParseGame(text, "bad.efg");
  if (game.ok()) return "(parsed without error)";
  return game.errors().front().ToString();
}

const char* const kGoodEfgHeader = "EFG 2 R \"g\" { \"A\" \"B\" }\n\"\"\n";

TEST(FormatErrorsTest, NotAGameFile) {
  EXPECT_EQ(FirstError("hello world"),
            "bad.efg:1:1: error: expected 'EFG' or 'NFG' at the start of a Gambit game file, "
            "found 'hello'");
  EXPECT_EQ(FirstError(""),
            "bad.efg:1:1: error: expected 'EFG' or 'NFG' at the start of a Gambit game file, "
            "found end of file");
  EXPECT_EQ(FirstError(std::string("EFG\0\1\2", 6)),
            "bad.efg: error: not a text file (it contains NUL bytes)");
}

TEST(FormatErrorsTest, BadHeader) {
  EXPECT_EQ(FirstError("EFG 3 R \"g\" { }"),
            "bad.efg:1:5: error: expected format version 2, found number '3'");
  EXPECT_EQ(FirstError("EFG 2 X \"g\" { }"),
            "bad.efg:1:7: error: expected number type 'R' or 'D', found 'X'");
  EXPECT_EQ(FirstError("EFG 2 R g { }"),
            "bad.efg:1:9: error: expected the game title (a quoted string), found 'g'");
  EXPECT_EQ(FirstError("EFG 2 R \"g\" { \"A\" 3 }"),
            "bad.efg:1:19: error: expected a player name or '}', found number '3'");
}

TEST(FormatErrorsTest, UnterminatedString) {
  EXPECT_EQ(FirstError("EFG 2 R \"g\" { \"A\" \"B }\n"),
            "bad.efg:1:19: error: expected a player name or '}', found unterminated string");
}

TEST(FormatErrorsTest, BadNodes) {
  const std::string header = kGoodEfgHeader;
  EXPECT_EQ(FirstError(header + "x \"\" 1 1"),
            "bad.efg:3:1: error: expected a node ('c', 'p' or 't'), found 'x'");
  EXPECT_EQ(FirstError(header + "p \"\" 3 1 \"\" { \"L\" } 0\nt \"\" 0\n"),
            "bad.efg:3:6: error: expected a player number from 1 to 2, found number '3'");
  EXPECT_EQ(FirstError(header + "p \"\" 1 1 { \"L\" } 0\n"),
            "bad.efg:3:10: error: expected the label and actions of infoset 1, which is used "
            "here for the first time, found '{'");
  EXPECT_EQ(FirstError(header + "p \"\" 1 1 \"\" { \"L\" \"R\" } 0\nt \"\" 0\n"),
            "bad.efg:5:1: error: expected a node ('c', 'p' or 't'), found end of file");
  EXPECT_EQ(FirstError(header + "t \"\" 0\nt \"\" 0\n"),
            "bad.efg:4:1: error: expected end of file after the last node of the tree, found 't'");
}

TEST(FormatErrorsTest, BadOutcomes) {
  const std::string header = kGoodEfgHeader;
  EXPECT_EQ(FirstError(header + "t \"\" 1 \"o\" { 1 }\n"),
            "bad.efg:3:16: error: expected a payoff for player 2, found '}'");
  EXPECT_EQ(FirstError(header + "t \"\" 1 \"o\" { 1 2 3 }\n"),
            "bad.efg:3:18: error: expected '}' after 2 payoffs (one per player), found number '3'");
  EXPECT_EQ(FirstError(header + "t \"\" 2\n"),
            "bad.efg:4:1: error: expected the label and payoffs of outcome 2, which is used here "
            "for the first time, found end of file");
  EXPECT_EQ(FirstError(header + "t \"\" 0 \"o\" { 1 2 }\n"),
            "bad.efg:3:8: error: outcome 0 means 'no outcome' and cannot have a label or payoffs");
  EXPECT_EQ(FirstError(header + "t \"\" 1 \"o\" { 1 1/0 }\n"),
            "bad.efg:3:16: error: expected a payoff for player 2, found number '1/0'");
  EXPECT_EQ(
      FirstError(
          header +
          "p \"\" 1 1 \"\" { \"L\" \"R\" } 0\nt \"\" 1 \"o\" { 1 2 }\nt \"\" 1 \"o\" { 1 3 }\n"),
      "bad.efg:5:8: error: outcome 1 is redefined differently from its first definition");
}

TEST(FormatErrorsTest, BadChance) {
  const std::string header = kGoodEfgHeader;
  EXPECT_EQ(FirstError(header + "c \"\" 1 \"\" { \"H\" 1/2 \"T\" 1/3 } 0\nt \"\" 0\nt \"\" 0\n"),
            "bad.efg:3:29: error: chance probabilities sum to 5/6, expected 1");
  EXPECT_EQ(FirstError(header + "c \"\" 1 \"\" { \"H\" 3/2 \"T\" -1/2 } 0\n"),
            "bad.efg:3:17: error: chance probability 3/2 is not between 0 and 1");
  EXPECT_EQ(FirstError(header + "c \"\" 1 \"\" { \"H\" \"T\" } 0\n"),
            "bad.efg:3:17: error: expected the probability of action 'H', found string \"T\"");
}

TEST(FormatErrorsTest, BadNfg) {
  auto error = [](const std::string& text) {
    Result<AnyGame> game = ParseGame(text, "bad.nfg");
    return game.ok() ? std::string("(parsed)") : game.errors().front().ToString();
  };
  EXPECT_EQ(error("NFG 1 R \"g\" { \"A\" \"B\" } { 2 2 }\n1 2 3 4 5 6 7"),
            "bad.nfg:2:14: error: expected a payoff for cell 4 of 4, found end of file");
  EXPECT_EQ(error("NFG 1 R \"g\" { \"A\" \"B\" } { 2 2 }\n1 2 3 4 5 6 7 8 9"),
            "bad.nfg:2:17: error: expected end of file after 4 cells, found number '9'");
  EXPECT_EQ(error("NFG 1 R \"g\" { \"A\" \"B\" } { 2 0 }\n"),
            "bad.nfg:1:29: error: expected the number of strategies of player 'B' (a whole "
            "number >= 1), found number '0'");
  EXPECT_EQ(error("NFG 1 R \"g\" { \"A\" \"B\" } { 2 2 }\n{ { \"x\" 1, 2 } }\n1 1 3 1"),
            "bad.nfg:3:5: error: expected the outcome of cell 3 of 4 (a number from 0 to 1), "
            "found number '3'");
  EXPECT_EQ(error("NFG 1 R \"g\" { \"A\" \"B\" } { { \"a\" } }\n"),
            "bad.nfg:1:35: error: expected '{' before the strategies of player 'B', found '}'");
  EXPECT_EQ(error("NFG 1 R \"g\" { \"A\" } { 100000 100000 }"),
            "bad.nfg:1:30: error: expected '}' after the strategies of 1 players, found number "
            "'100000'");
  EXPECT_EQ(error("NFG 1 R \"g\" { \"A\" \"B\" } { 100000 100000 }"),
            "bad.nfg:1:34: error: the payoff table would have more than 1000000 cells");
}

// Limits are checked while reading: the first token past one stops the reader.
TEST(FormatErrorsTest, LimitsStopReadingAtTheFirstTokenPastThem) {
  std::string text = "EFG 2 R \"g\" {";  // a header naming two million players
  text.reserve(text.size() + 4 * 2'000'001);
  for (int i = 0; i < 2'000'001; ++i) text += " \"A\"";
  const std::string error = FirstError(text);
  EXPECT_NE(error.find("more than 2000000 numbers, names and braces (the limit for a game file)"),
            std::string::npos)
      << error;
  EXPECT_EQ(FirstError("NFG 1 R \"g\" { \"A\" \"B\" } { 2 1 }\n1 -1e101 0 0\n"),
            "bad.efg:2:3: error: expected a payoff for cell 1 of 2, found number '-1e101' "
            "(beyond the magnitude 1e100 games accept)");
  EXPECT_EQ(FirstError("NFG 1 R \"g\" { \"A\" \"B\" } { 2 1 }\n1 -1e100 0 0\n"),
            "(parsed without error)");
}

TEST(FormatErrorsTest, TextMustBeUtf8) {
  EXPECT_EQ(FirstError("NFG 1 R \"g\" { \"A\" \"B\" } { 2 1 }\n\"caf\xe9\" 1 1 0 0\n"),
            "bad.efg:2:5: error: not a text file: this byte is not valid UTF-8 (titles and labels "
            "must be UTF-8 text)");
}

TEST(FormatErrorsTest, FileProblems) {
  Result<AnyGame> missing = ReadGameFile("/nonexistent/game.efg");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.errors().front().ToString(), "/nonexistent/game.efg: error: no such file");
  Result<AnyGame> directory = ReadGameFile(REDLINE_SOURCE_DIR "/tests/games");
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.errors().front().message, "is a directory, not a game file");
}

TEST(FormatErrorsTest, QuotesAndNumbersAreRead) {
  const std::string text = std::string(kGoodEfgHeader) +
                           "p \"say \\\"hi\\\"\" 1 1 \"\" { \"L\" \"R\" } 0\n"
                           "t \"\" 1 \"o\" { 1.5e1, -.25 }\nt \"\" 2 \"p\" { +3 2/4 }\n";
  Result<AnyGame> game = ParseGame(text, "ok.efg");
  ASSERT_TRUE(game.ok()) << game.errors().front().ToString();
  const ExtensiveGame& efg = *AsExtensive(*game);
  EXPECT_EQ(efg.node(0).label, "say \"hi\"");
  EXPECT_EQ(efg.outcomes()[0].payoffs[0].ToString(), "15");
  EXPECT_EQ(efg.outcomes()[0].payoffs[1].ToString(), "-1/4");
  EXPECT_EQ(efg.outcomes()[1].payoffs[1].ToString(), "1/2");
  EXPECT_DOUBLE_EQ(efg.outcomes()[1].payoffs[0].real(), 3.0);
}

TEST(FormatErrorsTest, HugeExponentIsRejectedNotExpanded) {
  const std::string text = std::string(kGoodEfgHeader) + "t \"\" 1 \"o\" { 1e999999999 0 }\n";
  EXPECT_EQ(FirstError(text),
            "bad.efg:3:14: error: expected a payoff for player 1, found number "
            "'1e999999999'");
}

}  // namespace
}  // namespace redline::games
