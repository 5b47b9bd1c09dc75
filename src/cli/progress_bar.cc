#include "cli/progress_bar.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

namespace redline::cli {

ProgressBar::ProgressBar(std::ostream& out, bool enabled, std::uint64_t total, std::string unit)
    : out_(out),
      enabled_(enabled && total > 0),
      total_(total),
      unit_(std::move(unit)),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_ - std::chrono::seconds(1)) {}

ProgressBar::~ProgressBar() { Finish(); }

std::string ProgressBar::Render(std::uint64_t done, std::uint64_t total, double seconds,
                                const std::string& unit) {
  constexpr int kWidth = 30;
  const double fraction = total ? std::min(1.0, static_cast<double>(done) / total) : 1.0;
  const int filled = static_cast<int>(fraction * kWidth);
  const double rate = seconds > 0 ? done / seconds : 0.0;
  std::string eta = "--";
  if (rate > 0 && done < total) {
    // Whole seconds first, so that 179.6 s reads 3m00s, not 3m60s.
    const auto remaining = static_cast<std::uint64_t>((total - done) / rate + 0.5);
    eta = remaining < 120 ? fmt::format("{}s", remaining)
                          : fmt::format("{}m{:02}s", remaining / 60, remaining % 60);
  } else if (done >= total) {
    eta = "0s";
  }
  return fmt::format("[{}{}] {}/{} {}  {:.0f} {}/s  ETA {}", std::string(filled, '#'),
                     std::string(kWidth - filled, '.'), done, total, unit, rate, unit, eta);
}

void ProgressBar::Update(std::uint64_t done) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mutex_);
  if (now - last_draw_ < std::chrono::milliseconds(100) && done < total_) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  out_ << "\r" << Render(done, total_, seconds, unit_) << "\x1b[K" << std::flush;
  drawn_ = true;
}

void ProgressBar::Finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (enabled_ && drawn_) out_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace redline::cli
