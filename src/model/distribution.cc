#include "model/distribution.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace redline {

namespace {

// Marsaglia & Tsang (2000) gamma sampler for shape >= 1; boosted for shape < 1.
double SampleGamma(double shape, DrawSequence& draws) {
  if (shape < 1.0) {
    const double u = draws.Uniform();
    return SampleGamma(shape + 1.0, draws) * std::pow(1.0 - u, 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (int attempt = 0; attempt < 1000; ++attempt) {
    double x = draws.Normal();
    double v = 1.0 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const double u = draws.Uniform();
    if (std::log(1.0 - u) < 0.5 * x * x + d - d * v + d * std::log(v)) return d * v;
  }
  return d;  // practically unreachable; keeps sampling bounded
}

}  // namespace

double Distribution::SupportMin() const {
  switch (kind) {
    case DistributionKind::kConstant:
      return a;
    case DistributionKind::kUniform:
      return a;
    case DistributionKind::kNormal:
      return low;
    case DistributionKind::kTriangular:
      return a;
    case DistributionKind::kBeta:
      return 0.0;
    case DistributionKind::kBernoulli:
      return 0.0;
  }
  return a;
}

double Distribution::SupportMax() const {
  switch (kind) {
    case DistributionKind::kConstant:
      return a;
    case DistributionKind::kUniform:
      return b;
    case DistributionKind::kNormal:
      return high;
    case DistributionKind::kTriangular:
      return c;
    case DistributionKind::kBeta:
      return 1.0;
    case DistributionKind::kBernoulli:
      return 1.0;
  }
  return a;
}

double Distribution::Mean() const {
  switch (kind) {
    case DistributionKind::kConstant:
      return a;
    case DistributionKind::kUniform:
      return 0.5 * (a + b);
    case DistributionKind::kNormal:
      return a;  // untruncated mean
    case DistributionKind::kTriangular:
      return (a + b + c) / 3.0;
    case DistributionKind::kBeta:
      return a / (a + b);
    case DistributionKind::kBernoulli:
      return a;
  }
  return a;
}

double Distribution::Sample(DrawSequence& draws) const {
  switch (kind) {
    case DistributionKind::kConstant:
      return a;
    case DistributionKind::kUniform:
      return a + (b - a) * draws.Uniform();
    case DistributionKind::kNormal: {
      // Rejection from the untruncated normal, bounded; falls back to clamping.
      double x = a;
      for (int attempt = 0; attempt < 64; ++attempt) {
        x = a + b * draws.Normal();
        if (x >= low && x <= high) return x;
      }
      return std::clamp(x, low, high);
    }
    case DistributionKind::kTriangular: {
      const double u = draws.Uniform();
      const double split = (b - a) / (c - a);
      if (c == a) return a;
      return u < split ? a + std::sqrt(u * (c - a) * (b - a))
                       : c - std::sqrt((1 - u) * (c - a) * (c - b));
    }
    case DistributionKind::kBeta: {
      const double x = SampleGamma(a, draws);
      const double y = SampleGamma(b, draws);
      return x + y > 0 ? x / (x + y) : 0.5;
    }
    case DistributionKind::kBernoulli:
      return draws.Uniform() < a ? 1.0 : 0.0;
  }
  return a;
}

std::string Distribution::ToString() const {
  switch (kind) {
    case DistributionKind::kConstant:
      return fmt::format("{}", a);
    case DistributionKind::kUniform:
      return fmt::format("uniform({}, {})", a, b);
    case DistributionKind::kNormal:
      if (low > -1e300 || high < 1e300)
        return fmt::format("normal({}, {}) in [{}, {}]", a, b, low, high);
      return fmt::format("normal({}, {})", a, b);
    case DistributionKind::kTriangular:
      return fmt::format("triangular({}, {}, {})", a, b, c);
    case DistributionKind::kBeta:
      return fmt::format("beta({}, {})", a, b);
    case DistributionKind::kBernoulli:
      return fmt::format("bernoulli({})", a);
  }
  return "?";
}

}  // namespace redline
