// Helpers for the command-line tests: run `redline` in-process through cli::Main with string
// streams, or run the built program (REDLINE_BINARY) through the shell; temporary directories
// under testing::TempDir() that remove themselves. The tests run with the repository root as
// working directory, so scenario paths are relative to it.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command.h"

namespace redline::cli::testing {

struct CliResult {
  int code = -1;
  std::string out, err;
};

// `redline ARGS...` in-process.
inline CliResult RunCli(std::vector<std::string> args) {
  args.insert(args.begin(), "redline");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  Io io{out, err};
  CliResult result;
  result.code = Main(static_cast<int>(argv.size()), argv.data(), io);
  result.out = out.str();
  result.err = err.str();
  return result;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A fresh directory under testing::TempDir(), removed with everything in it on destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "redline_cli_";
    if (info != nullptr) name += std::string(info->test_suite_name()) + "_" + info->name();
    for (char& c : name)
      if (c == '/') c = '_';
    path_ = std::filesystem::path(::testing::TempDir()) /
            (name + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string operator/(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Runs shell text `command` with stdin from /dev/null, capturing stdout, stderr and the exit
// code (128 + signal when killed by one).
// RunBinary runs the built program: `REDLINE_BINARY ARGS` through the shell (ARGS is shell
// text), with a 120 s timeout so that a hang fails instead of blocking the suite.
inline CliResult RunShellText(const std::string& command) {
  TempDir dir;
  const std::string err_path = dir / "stderr";
  CliResult result;
  FILE* pipe = ::popen(("(" + command + ") </dev/null 2>" + err_path).c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    result.out.append(buffer, n);
  const int status = ::pclose(pipe);
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.err = ReadFile(err_path);
  return result;
}

inline CliResult RunBinary(const std::string& args) {
  return RunShellText("timeout 120 " + std::string(REDLINE_BINARY) + " " + args);
}

// Parses one JSON object that must make up all of `text` (a trailing newline allowed).
inline nlohmann::ordered_json ParseJson(const std::string& text) {
  return nlohmann::ordered_json::parse(text);  // throws on trailing garbage
}

// The JSON text with the wall-clock key removed (the only part that may vary between runs).
inline std::string WithoutElapsed(const std::string& text) {
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(text);
  json.erase("elapsed_s");
  return json.dump(2);
}

// --- Bad input: exit code 2, nothing on stdout, one clear line per problem on stderr. ---

struct BadCase {
  std::string name;
  std::vector<std::string> args;
  std::vector<std::string> expected_lines;  // each stderr line contains the matching text
};

inline void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

// Runs `c.args` and checks exit code 2, an empty stdout, and exactly one stderr line per
// expected problem, each of the form "WHERE: error: WHAT" (a problem in the input) or
// "error: WHAT (run 'redline --help' for usage)" (a problem in the command line's shape).
inline void ExpectOneLinePerProblem(const BadCase& c) {
  CliResult run = RunCli(c.args);
  EXPECT_EQ(run.code, kExitBadInput) << run.err;
  EXPECT_EQ(run.out, "");
  const std::vector<std::string> lines = Lines(run.err);
  ASSERT_EQ(lines.size(), c.expected_lines.size()) << run.err;
  const std::regex form(R"(^([^ ].*: error: .+|error: .+ \(run 'redline --help' for usage\))$)");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_NE(lines[i].find(c.expected_lines[i]), std::string::npos)
        << "line " << i << ": " << lines[i] << "\nexpected to contain: " << c.expected_lines[i];
    EXPECT_TRUE(std::regex_match(lines[i], form)) << lines[i];
  }
}

// Runs `args` plus `--threads 1|2|3`, as text and as --json, and checks that the outputs do
// not depend on the thread count (elapsed_s aside).
inline void ExpectSameOutputForAnyThreadCount(const std::vector<std::string>& base) {
  std::vector<std::string> texts, jsons;
  for (const char* threads : {"1", "2", "3"}) {
    SCOPED_TRACE(threads);
    std::vector<std::string> args = base;
    args.insert(args.end(), {"--threads", threads});
    CliResult text = RunCli(args);
    ASSERT_EQ(text.code, kExitOk) << text.err;
    texts.push_back(text.out);
    args.push_back("--json");
    CliResult json = RunCli(args);
    ASSERT_EQ(json.code, kExitOk) << json.err;
    jsons.push_back(WithoutElapsed(json.out));
  }
  EXPECT_EQ(texts[0], texts[1]);
  EXPECT_EQ(texts[0], texts[2]);
  EXPECT_EQ(jsons[0], jsons[1]);
  EXPECT_EQ(jsons[0], jsons[2]);
}

}  // namespace redline::cli::testing
