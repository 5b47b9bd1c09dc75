// A numeric scenario parameter's distribution. A constant is a degenerate distribution.
// Values are sampled once per run (epistemic uncertainty), from the run's own stream.
#pragma once

#include <string>

#include "core/rng.h"

namespace redline {

enum class DistributionKind {
  kConstant,    // x
  kUniform,     // {dist: uniform, low, high}
  kNormal,      // {dist: normal, mean, sd, [low], [high]} — truncated to [low, high] if given
  kTriangular,  // {dist: triangular, low, mode, high}
  kBeta,        // {dist: beta, a, b} on [0, 1]
  kBernoulli,   // {dist: bernoulli, p}: 1 with probability p, else 0
};

struct Distribution {
  DistributionKind kind = DistributionKind::kConstant;
  double a = 0;         // constant value | low | mean | low | alpha | p
  double b = 0;         // high | sd | mode | beta
  double c = 0;         // (normal) unused | high (triangular)
  double low = -1e300;  // truncation bounds (normal)
  double high = 1e300;

  static Distribution Constant(double value) { return {DistributionKind::kConstant, value}; }

  // Smallest and largest value the distribution can produce (for range validation).
  double SupportMin() const;
  double SupportMax() const;
  double Mean() const;

  // Draws one value; uses as many draws of `draws` as it needs.
  double Sample(DrawSequence& draws) const;

  // The distribution as it would be written in a scenario ("0.3", "uniform(0.1, 0.5)").
  std::string ToString() const;
};

}  // namespace redline
