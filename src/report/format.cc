#include "report/format.h"

#include <fmt/format.h>

#include <cmath>

namespace redline::report {

std::string Probability(double p) {
  if (p > 0 && p < 0.001) return fmt::format("{:.1e}", p);
  return fmt::format("{:.4f}", p);
}

std::string SignedProbability(double d) {
  if (d != 0 && std::fabs(d) < 0.001) return fmt::format("{:+.1e}", d);
  return fmt::format("{:+.4f}", d);
}

}  // namespace redline::report
