// docs/scenario-format.md documents every key the compiler accepts: each key of each key set of
// scenario/schema.h appears, backquoted, in the section of the page that describes that part of
// the file. A key counts as documented when a backquoted span in the section is the key itself
// (`horizon`), names it as a segment of a dotted path (`types.T.prior`, `levels[].cost`), or
// writes it as a key of a flow mapping (`{dist: beta, a: A, b: B}`, `{step, lever, level}`).
// Distribution names are values, documented as `dist: NAME` inside a backquoted span.
//
// Checked when written: on the doc as it stood, it named the three keys missing then (channels:
// label; variants: description, set); deleting the `accuracy_closed` row of the channels table (or
// renaming a key in the doc) makes DocumentsEveryKey fail and name `channels: accuracy_closed`; a
// key set added to schema.h without a row in kSets below makes CoversEveryKeySet fail.
//
// Tests run from the repository root (gtest_discover_tests WORKING_DIRECTORY).
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "scenario/schema.h"

namespace redline::scenario {
namespace {

constexpr const char* kDoc = "docs/scenario-format.md";
constexpr const char* kSchema = "src/scenario/schema.h";

struct KeySet {
  const char* name;  // the variable in schema.h
  const schema::Keys* keys;
  const char* heading;  // the "## " heading of the doc section that documents it
  bool values = false;  // distribution names: documented as `dist: NAME`
};

const std::vector<KeySet> kSets = {
    {"kTopLevel", &schema::kTopLevel, "Conventions"},
    {"kScenario", &schema::kScenario, "scenario"},
    {"kHorizon", &schema::kHorizon, "scenario"},
    {"kRung", &schema::kRung, "Ladder and thresholds"},
    {"kActor", &schema::kActor, "actors"},
    {"kType", &schema::kType, "actors"},
    {"kDecision", &schema::kDecision, "actors"},
    {"kScheduleEntry", &schema::kScheduleEntry, "actors"},
    {"kLever", &schema::kLever, "levers"},
    {"kLevel", &schema::kLevel, "levers"},
    {"kHazard", &schema::kHazard, "levers"},
    {"kRedLine", &schema::kRedLine, "red lines"},
    {"kRedLineResponse", &schema::kRedLineResponse, "red lines"},
    {"kAmbiguous", &schema::kAmbiguous, "red lines"},
    {"kAmbiguousAlternative", &schema::kAmbiguousAlternative, "red lines"},
    {"kWithdrawal", &schema::kWithdrawal, "red lines"},
    {"kAmbiguousThreshold", &schema::kAmbiguousThreshold, "red lines"},
    {"kAlliance", &schema::kAlliance, "alliances"},
    {"kIndividualResponse", &schema::kIndividualResponse, "alliances"},
    {"kAllianceResponse", &schema::kAllianceResponse, "alliances"},
    {"kChannel", &schema::kChannel, "channels"},
    {"kWar", &schema::kWar, "war"},
    {"kWarSides", &schema::kWarSides, "war"},
    {"kWarSide", &schema::kWarSide, "war"},
    {"kBargaining", &schema::kBargaining, "war"},
    {"kTermsPackage", &schema::kTermsPackage, "war"},
    {"kOptimism", &schema::kOptimism, "war"},
    {"kMediator", &schema::kMediator, "war"},
    {"kPowerShift", &schema::kPowerShift, "war"},
    {"kObserver", &schema::kObserver, "observers"},
    {"kOutcome", &schema::kOutcome, "outcomes"},
    {"kVariant", &schema::kVariant, "Variants and overrides"},
    {"kDistributionNames", &schema::kDistributionNames, "Parameters and distributions", true},
    {"kUniform", &schema::kUniform, "Parameters and distributions"},
    {"kNormal", &schema::kNormal, "Parameters and distributions"},
    {"kTriangular", &schema::kTriangular, "Parameters and distributions"},
    {"kBeta", &schema::kBeta, "Parameters and distributions"},
    {"kBernoulli", &schema::kBernoulli, "Parameters and distributions"},
    {"kConditionForms", &schema::kConditionForms, "Conditions"},
    {"kConditionCompanions", &schema::kConditionCompanions, "Conditions"},
};

std::string ReadFile(const char* path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The text under "## heading", up to the next "## " heading ("" if there is no such heading).
std::string Section(const std::string& doc, const std::string& heading) {
  const std::string start = "\n## " + heading + "\n";
  const std::size_t begin = doc.find(start);
  if (begin == std::string::npos) return "";
  const std::size_t end = doc.find("\n## ", begin + start.size());
  return doc.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// The backquoted spans of `text` (inline code; fenced blocks are skipped).
std::vector<std::string> Spans(const std::string& text) {
  std::vector<std::string> spans;
  std::istringstream lines(text);
  std::string line;
  bool fenced = false;
  while (std::getline(lines, line)) {
    if (line.rfind("```", 0) == 0) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    for (std::size_t open = line.find('`'); open != std::string::npos;) {
      const std::size_t close = line.find('`', open + 1);
      if (close == std::string::npos) break;
      spans.push_back(line.substr(open + 1, close - open - 1));
      open = line.find('`', close + 1);
    }
  }
  return spans;
}

std::string Trim(const std::string& s) {
  const std::size_t begin = s.find_first_not_of(' ');
  if (begin == std::string::npos) return "";
  return s.substr(begin, s.find_last_not_of(' ') - begin + 1);
}

// The keys a backquoted span documents: itself, its dotted-path segments, its flow-mapping keys.
std::set<std::string> Documented(const std::vector<std::string>& spans) {
  std::set<std::string> keys;
  for (const std::string& span : spans) {
    keys.insert(span);
    std::string path = span;
    for (std::size_t at = path.find("[]"); at != std::string::npos; at = path.find("[]"))
      path.erase(at, 2);
    std::istringstream segments(path);
    for (std::string segment; std::getline(segments, segment, '.');) keys.insert(segment);
    if (!span.empty() && span.front() == '{') {
      static const std::regex kFlowKey(R"([{,]\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?=[:,}]))");
      for (auto it = std::sregex_iterator(span.begin(), span.end(), kFlowKey);
           it != std::sregex_iterator(); ++it) {
        keys.insert(Trim((*it)[1].str()));
      }
    }
  }
  return keys;
}

TEST(SchemaDocs, DocumentsEveryKey) {
  const std::string doc = ReadFile(kDoc);
  ASSERT_FALSE(doc.empty()) << kDoc << " is missing or empty (tests run at the repository root)";
  std::string missing;
  for (const KeySet& set : kSets) {
    const std::string section = Section(doc, set.heading);
    if (section.empty()) {
      missing += std::string("  ") + set.name + ": no section '## " + set.heading + "'\n";
      continue;
    }
    const std::vector<std::string> spans = Spans(section);
    const std::set<std::string> documented = Documented(spans);
    for (const std::string& key : *set.keys) {
      bool found = false;
      if (set.values) {
        for (const std::string& span : spans)
          found = found || span.find("dist: " + key) != std::string::npos;
      } else {
        found = documented.count(key) > 0;
      }
      if (!found) missing += "  " + std::string(set.heading) + ": " + key + " (" + set.name + ")\n";
    }
  }
  EXPECT_TRUE(missing.empty()) << kDoc << " does not document these keys (as `key` in the section "
                               << "named):\n"
                               << missing;
}

// Every key set declared in schema.h is checked above.
TEST(SchemaDocs, CoversEveryKeySet) {
  const std::string header = ReadFile(kSchema);
  ASSERT_FALSE(header.empty()) << kSchema << " is missing or empty";
  static const std::regex kDeclaration(R"(inline const Keys (k[A-Za-z]+) =)");
  std::set<std::string> checked;
  for (const KeySet& set : kSets) checked.insert(set.name);
  std::string unchecked;
  int declared = 0;
  for (auto it = std::sregex_iterator(header.begin(), header.end(), kDeclaration);
       it != std::sregex_iterator(); ++it) {
    ++declared;
    if (checked.count((*it)[1].str()) == 0) unchecked += " " + (*it)[1].str();
  }
  EXPECT_EQ(declared, static_cast<int>(kSets.size()));
  EXPECT_TRUE(unchecked.empty()) << "key sets of " << kSchema
                                 << " not checked against the doc:" << unchecked;
}

}  // namespace
}  // namespace redline::scenario
