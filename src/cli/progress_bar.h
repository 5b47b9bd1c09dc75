// A progress bar for long work (runs done, rate, ETA), drawn on a terminal only. When the
// stream is not a terminal it prints nothing. Update() may be called from any thread; it
// redraws at most ten times a second.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <mutex>
#include <string>

namespace redline::cli {

class ProgressBar {
 public:
  ProgressBar(std::ostream& out, bool enabled, std::uint64_t total, std::string unit = "runs");
  ~ProgressBar();

  void Update(std::uint64_t done);
  void Finish();  // clears the bar's line

  // The bar's text for `done` of `total` after `seconds` (exposed for tests).
  static std::string Render(std::uint64_t done, std::uint64_t total, double seconds,
                            const std::string& unit);

 private:
  std::ostream& out_;
  bool enabled_;
  std::uint64_t total_;
  std::string unit_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  std::mutex mutex_;
  bool drawn_ = false;
};

}  // namespace redline::cli
