// libFuzzer harness: --set overrides (and --variant) on a shipped scenario. Each input line
// is one "PATH=VALUE" argument; a first line "variant NAME" chooses a variant. Any input must
// give a Model or diagnostics: no crash, no sanitizer report, no hang.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "scenario/loader.h"

namespace {

const std::string& BaseScenario() {
  static const std::string text = [] {
    std::ifstream in(REDLINE_SOURCE_DIR "/scenarios/chicken.yaml", std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    if (out.str().empty()) std::abort();  // the harness needs the shipped scenario
    return out.str();
  }();
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return 0;  // a command line, not a file
  std::istringstream lines(std::string(reinterpret_cast<const char*>(data), size));
  redline::scenario::LoadOptions options;
  options.check_all_variants = false;  // the base scenario's variants are known to compile
  bool first = true;
  for (std::string line; std::getline(lines, line); first = false) {
    if (first && line.starts_with("variant ")) {
      options.variant = line.substr(8);
      continue;
    }
    options.overrides.push_back(line);
  }
  redline::Result<redline::scenario::LoadedScenario> loaded =
      redline::scenario::LoadScenarioText(BaseScenario(), "chicken.yaml", options);
  if (!loaded.ok() && loaded.errors().empty()) std::abort();
  return 0;
}
