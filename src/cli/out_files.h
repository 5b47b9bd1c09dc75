// Writing the files of `--out DIR` (run and compare): one place for how output files are
// created and written, and how failures are reported.
#pragma once

#include <string>

#include "core/status.h"

namespace redline::cli {

// Creates DIR (and parents) or says why not, located at `--out`.
Status PrepareOutDir(const std::string& dir);

// Writes `text` to `path` (replacing it), or says why not, located at `path`.
Status WriteFile(const std::string& path, const std::string& text);

}  // namespace redline::cli
