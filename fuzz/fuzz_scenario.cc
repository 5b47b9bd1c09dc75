// libFuzzer harness: scenario text -> YAML tree -> compiled Model (scenario::LoadScenarioText),
// with every variant the text defines. Any input must give a Model or diagnostics: no crash,
// no sanitizer report, no hang, bounded memory. Seeds: scenarios/*.yaml.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "scenario/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  redline::Result<redline::scenario::LoadedScenario> loaded =
      redline::scenario::LoadScenarioText(text, "fuzz.yaml");
  // Every failure is reported as diagnostics, each with a message.
  if (!loaded.ok()) {
    if (loaded.errors().empty()) std::abort();
    for (const redline::Diagnostic& error : loaded.errors()) {
      if (error.message.empty()) std::abort();
    }
  }
  return 0;
}
