// The command that reproduces one run: `redline replay FILE --run N --seed S [--variant V]
// [--set PATH=VALUE]...`, quoted for a POSIX shell so that it works as written.
#pragma once

#include <cstdint>
#include <string>

#include "report/run_info.h"

namespace redline::report {

// `text` as one POSIX shell word: unchanged if it holds only characters the shell takes
// literally, else in single quotes (a ' inside becomes '\'').
std::string ShellQuote(const std::string& text);

// `redline replay ...` for run `run` of the runs described by `info`.
std::string ReplayCommand(const RunInfo& info, std::int64_t run);

}  // namespace redline::report
