#include "cli/progress_bar.h"

#include <gtest/gtest.h>

#include <sstream>

namespace redline::cli {
namespace {

TEST(ProgressBar, RendersCountRateAndEta) {
  const std::string text = ProgressBar::Render(500, 1000, 2.0, "runs");
  EXPECT_NE(text.find("500/1000 runs"), std::string::npos) << text;
  EXPECT_NE(text.find("250 runs/s"), std::string::npos) << text;
  EXPECT_NE(text.find("ETA 2s"), std::string::npos) << text;
  EXPECT_NE(text.find("[###############..............."), std::string::npos) << text;
}

TEST(ProgressBar, LongEtaInMinutesAndWholeSeconds) {
  // 996 runs left at 1 run/s.
  EXPECT_NE(ProgressBar::Render(4, 1000, 4.0, "runs").find("ETA 16m36s"), std::string::npos);
  // 898 runs left at 5 runs/s = 179.6 s: 3m00s (this used to read 3m60s).
  const std::string text = ProgressBar::Render(10, 908, 2.0, "runs");
  EXPECT_NE(text.find("ETA 3m00s"), std::string::npos) << text;
}

TEST(ProgressBar, SilentWhenNotATerminal) {
  std::ostringstream out;
  {
    ProgressBar bar(out, /*enabled=*/false, 100);
    bar.Update(50);
    bar.Update(100);
  }
  EXPECT_TRUE(out.str().empty());
}

TEST(ProgressBar, DrawsAndClearsOnATerminal) {
  std::ostringstream out;
  {
    ProgressBar bar(out, /*enabled=*/true, 100);
    bar.Update(100);
  }
  EXPECT_NE(out.str().find("100/100 runs"), std::string::npos);
  EXPECT_NE(out.str().rfind("\r\x1b[K"), std::string::npos);
}

}  // namespace
}  // namespace redline::cli
