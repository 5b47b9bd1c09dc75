// What a report says about how its runs were made. Nothing here may depend on the thread
// count: reports are byte-identical for any --threads (elapsed time aside).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace redline::report {

struct RunInfo {
  std::string scenario_file;
  std::string variant;                 // empty: none
  std::vector<std::string> overrides;  // --set arguments, in order
  std::int64_t runs = 0;
  std::uint64_t seed = 0;
  double elapsed_s = 0;  // wall time of the runs (JSON only)
};

}  // namespace redline::report
