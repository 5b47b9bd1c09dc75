// Reading YAML: positions, quoting, hostile input (aliases that expand, deep nesting,
// duplicate keys), and writing it back.
#include "scenario/yaml_source.h"

#include <gtest/gtest.h>

#include <string>

#include "scenario/loader.h"
#include "scenario/test_util.h"

namespace redline::scenario {
namespace {

TEST(ParseYaml, KeepsOneBasedPositions) {
  Result<YamlNode> root = ParseYaml("a:\n  b: [1, 'x']\n", "f.yaml", true);
  ASSERT_TRUE(root.ok());
  const YamlNode* list = root->Find("a")->Find("b");
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(list->where.line, 2);
  EXPECT_EQ(list->where.column, 6);
  EXPECT_EQ(list->items[1].where.column, 10);
  EXPECT_FALSE(list->items[0].quoted);
  EXPECT_TRUE(list->items[1].quoted);
  EXPECT_EQ(root->entries[0].key_where.line, 1);
}

TEST(ParseYaml, WithoutPositionsEverythingIsAtTheSource) {
  Result<YamlNode> root = ParseYaml("{a: 1}", "--set x={a: 1}", false);
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(root->Find("a")->where.file, "--set x={a: 1}");
  EXPECT_EQ(root->Find("a")->where.line, 0);
}

TEST(ParseYaml, DuplicateKeysAreKeptAndReported) {
  Result<LoadedScenario> loaded = LoadScenarioText("scenario: {name: a, name: b}\n", "dup.yaml");
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(
      testing::Joined(loaded.errors())
          .find("dup.yaml:1:21: error: scenario: key 'name' is given twice (first at line 1)"),
      std::string::npos)
      << testing::Joined(loaded.errors());
}

TEST(ParseYaml, ExpandingAliasesAreRefused) {
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 8; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev + ", " + prev +
            ", " + prev + ", " + prev + ", " + prev + ", " + prev + ", " + prev + ", " + prev +
            ", " + prev + ", " + prev + "]\n";
  }
  Result<YamlNode> root = ParseYaml(text, "laughs.yaml", true);
  ASSERT_FALSE(root.ok());
  EXPECT_NE(root.errors()[0].message.find("more than"), std::string::npos);
}

TEST(ParseYaml, DeepNestingIsAnErrorNotACrash) {
  const std::string text = std::string(100000, '[') + std::string(100000, ']');
  Result<YamlNode> root = ParseYaml(text, "deep.yaml", true);
  ASSERT_FALSE(root.ok());
  EXPECT_EQ(root.errors()[0].where.file, "deep.yaml");
}

TEST(ParseYaml, NonScalarKeysAreRefused) {
  Result<YamlNode> root = ParseYaml("? [a, b]\n: 1\n", "k.yaml", true);
  ASSERT_FALSE(root.ok());
  EXPECT_EQ(root.errors()[0].ToString(),
            "k.yaml:1:3: error: a mapping key must be a plain name, not a collection");
}

// yaml-cpp's LoadAll returned empty documents forever on a stray ',' (upstream #1040).
TEST(ParseYaml, StrayCommaIsASyntaxErrorNotAnEndlessLoop) {
  for (const char* text : {",\n", ",", "a: 1\n...\n,\n", "]", "}\n"}) {
    SCOPED_TRACE(text);
    Result<YamlNode> root = ParseYaml(text, "c.yaml", true);
    ASSERT_FALSE(root.ok());
    EXPECT_NE(root.errors()[0].message.find("YAML syntax error"), std::string::npos)
        << root.errors()[0].ToString();
  }
  Result<YamlNode> comma = ParseYaml(",\n", "c.yaml", true);
  ASSERT_FALSE(comma.ok());
  EXPECT_EQ(comma.errors()[0].ToString(), "c.yaml:1:1: error: YAML syntax error: unexpected ','");
}

TEST(ParseYaml, SecondDocumentIsReportedWhereItStarts) {
  Result<YamlNode> root = ParseYaml("a: 1\n---\nb: 2\n", "two.yaml", true);
  ASSERT_FALSE(root.ok());
  EXPECT_EQ(root.errors()[0].ToString(),
            "two.yaml:3:1: error: a scenario is one YAML document, but a second one starts here "
            "(remove the '---')");
}

// The limits stop reading at the first value past them, so memory is bounded while reading.
TEST(ParseYaml, ValueLimitStopsReadingAtTheFirstValuePastIt) {
  std::string text = "list:\n";
  for (int i = 0; i < 250'000; ++i) text += "- 1\n";
  Result<YamlNode> root = ParseYaml(text, "long.yaml", true);
  ASSERT_FALSE(root.ok());
  // Values: the mapping, the key, the list, then the items: item k (on line k + 1) is value
  // k + 3, so value 200,001 is on line 199,999.
  EXPECT_EQ(root.errors()[0].ToString(),
            "long.yaml:199999:3: error: more than 200000 values (scalars, lists and mappings; an "
            "alias counts as a copy): the limit for a scenario");
}

TEST(ParseYaml, NestingDeeperThan64LevelsIsNamed) {
  const std::string ok = std::string(64, '[') + std::string(64, ']');
  EXPECT_TRUE(ParseYaml(ok, "deep.yaml", true).ok());
  const std::string deep = std::string(65, '[') + std::string(65, ']');
  Result<YamlNode> root = ParseYaml(deep, "deep.yaml", true);
  ASSERT_FALSE(root.ok());
  EXPECT_EQ(root.errors()[0].ToString(),
            "deep.yaml:1:65: error: nested more than 64 levels deep; a scenario is limited to 64");
}

TEST(ParseYaml, EscapesThatWouldMakeInvalidUtf8AreRefused) {
  Result<YamlNode> root = ParseYaml("a: \"\\ud800\"\n", "u.yaml", true);
  ASSERT_FALSE(root.ok());
  EXPECT_EQ(root.errors()[0].ToString(),
            "u.yaml:1:11: error: YAML syntax error: invalid unicode: 55296");
  Result<YamlNode> valid = ParseYaml("a: \"\\u00e9\\xff\"\n", "u.yaml", true);
  ASSERT_TRUE(valid.ok());
  EXPECT_EQ(valid->Find("a")->text, "\u00e9\u00ff");
}

TEST(ReadTextFile, InvalidUtf8IsReportedAtItsPosition) {
  // Written by the golden set too; here the position of a byte in the middle of a line.
  const std::string path = ::testing::TempDir() + "/latin1.yaml";
  {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    ASSERT_NE(file, nullptr);
    std::fputs("a: 1\nlabel: caf\xE9\n", file);
    std::fclose(file);
  }
  Result<std::string> text = ReadTextFile(path);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.errors()[0].where.line, 2);
  EXPECT_EQ(text.errors()[0].where.column, 11);
}

TEST(EmitYaml, RoundTripsQuotingAndStructure) {
  const std::string source =
      "name: 'true'\nlist: [1, two, 'three: 3']\nnested:\n  deep: {x: 1}\n  text: |\n    two\n    "
      "lines\n";
  Result<YamlNode> root = ParseYaml(source, "r.yaml", true);
  ASSERT_TRUE(root.ok());
  Result<YamlNode> again = ParseYaml(EmitYaml(*root, "header"), "r2.yaml", true);
  ASSERT_TRUE(again.ok()) << EmitYaml(*root);
  EXPECT_TRUE(again->Find("name")->quoted);
  EXPECT_EQ(again->Find("name")->text, "true");
  EXPECT_EQ(again->Find("list")->items[2].text, "three: 3");
  EXPECT_EQ(again->Find("nested")->Find("deep")->Find("x")->text, "1");
  EXPECT_EQ(again->Find("nested")->Find("text")->text, "two\nlines\n");
}

}  // namespace
}  // namespace redline::scenario
