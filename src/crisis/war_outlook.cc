#include "crisis/war_outlook.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

namespace redline {

namespace {

constexpr double kSqrtHalf = 0.70710678118654752440;
constexpr double kLogSqrtTwoPi = 0.91893853320467274178;
// exp(x) is 0 in doubles below this.
constexpr double kExpUnderflow = -746.0;
// A single-barrier probability whose barrier is further than this many sigma sqrt(H) (after
// the drift over H) is below 1e-5: Phi(-4.75) = 1.0e-6, phi(4.75) = 5.1e-6 (see FarAt). It
// is neglected: it would move the war's value by at most 1e-5 times the decisive value.
constexpr double kFarSigmas = 4.75;

}  // namespace

double NormalCdf(double z) { return 0.5 * std::erfc(-z * kSqrtHalf); }

double LogNormalCdf(double z) {
  if (z > -30.0) return std::log(NormalCdf(z));
  // Asymptotic expansion of the lower tail: phi(z)/|z| * (1 - 1/z^2 + 3/z^4 - 15/z^6).
  const double r = 1.0 / (z * z);
  return -0.5 * z * z - std::log(-z) - kLogSqrtTwoPi +
         std::log1p(r * (-1.0 + r * (3.0 - 15.0 * r)));
}

double UpCrossingProbability(double x, double mu, double sigma, double horizon, double barrier) {
  if (x >= barrier) return 1.0;
  if (sigma <= 0) return x + mu * horizon >= barrier ? 1.0 : 0.0;
  const double b = barrier + kDiscreteBarrierShift * sigma;
  const double a = b - x;  // > 0
  const double s = sigma * std::sqrt(horizon);
  // Out of reach (see FarAt): below 1e-5, neglected — and two erfc and an exp saved.
  if (a >= kFarSigmas * s + std::max(0.0, mu * horizon)) return 0.0;
  const double first = NormalCdf((-a + mu * horizon) / s);
  const double exponent = 2.0 * mu * a / (sigma * sigma);
  const double z2 = (-a - mu * horizon) / s;
  double second;
  if (exponent < 700.0 && z2 > -30.0) {  // no overflow: the plain product
    second = std::exp(exponent) * NormalCdf(z2);
  } else {
    const double log_second = exponent + LogNormalCdf(z2);
    second = log_second < kExpUnderflow ? 0.0 : std::exp(log_second);
  }
  return std::min(1.0, first + second);
}

namespace {

WarProspect ComputeProspect(double x, double mu, double sigma, double horizon, double band) {
  WarProspect prospect;
  if (!(band > 0)) {
    prospect.standing = x + mu * horizon;
    return prospect;
  }
  prospect.p_up = UpCrossingProbability(x, mu, sigma, horizon, band);
  prospect.p_down = UpCrossingProbability(-x, -mu, sigma, horizon, band);
  const double total = prospect.p_up + prospect.p_down;
  if (total > 1.0) {
    prospect.p_up /= total;
    prospect.p_down /= total;
  }
  prospect.standing = std::clamp(x + mu * horizon, -band, band);
  return prospect;
}

}  // namespace

WarProspect ProspectOf(double x, double mu, double sigma, double horizon, double band) {
  // The last prospect computed on this thread, by the bit patterns of its inputs: the actors
  // deciding in one step share the balance, the drift and their lookahead, so all but the first
  // of their views (and the current values their candidates compare with) are found here. A
  // pure function's cached result: the same numbers, without two erfc and an exp per barrier.
  struct Memo {
    std::uint64_t key[5] = {0, 0, 0, 0, 0};
    bool valid = false;
    WarProspect prospect;
  };
  thread_local Memo memo;
  const std::uint64_t key[5] = {std::bit_cast<std::uint64_t>(x), std::bit_cast<std::uint64_t>(mu),
                                std::bit_cast<std::uint64_t>(sigma),
                                std::bit_cast<std::uint64_t>(horizon),
                                std::bit_cast<std::uint64_t>(band)};
  if (memo.valid && std::equal(key, key + 5, memo.key)) return memo.prospect;
  const WarProspect prospect = ComputeProspect(x, mu, sigma, horizon, band);
  std::copy(key, key + 5, memo.key);
  memo.valid = true;
  memo.prospect = prospect;
  return prospect;
}

double ProspectValue(const WarProspect& prospect, int direction, double band, double defeat) {
  const double undecided = 1.0 - prospect.p_up - prospect.p_down;
  if (direction > 0)
    return band * prospect.p_up - defeat * prospect.p_down + undecided * prospect.standing;
  if (direction < 0)
    return band * prospect.p_down - defeat * prospect.p_up - undecided * prospect.standing;
  return 0.0;
}

namespace {
double ValueAt(const WarView& view, double net_power) {
  const WarProspect prospect =
      ProspectOf(view.balance, view.drift * net_power, view.sigma, view.horizon, view.band);
  return ProspectValue(prospect, view.direction, view.band, view.defeat);
}
// Neither barrier within reach from the balance x with drift mu = drift * net_power: both
// single-barrier probabilities below 1e-5 and x + mu H strictly inside the band. For the upper
// barrier b (distance a = b - x, s = sigma sqrt H): a >= 4.75 s + max(0, mu H) gives
// Phi(z1) <= Phi(-4.75) and, by the identity exp(2 mu a / sigma^2) phi(z2) = phi(z1) with
// Mills' ratio, a second term below phi(4.75) when z2 <= -1, and below exp(-2 * 3.75 * 4.75)
// otherwise. The reach 4.75 s and the shifted barrier are the view's (computed once).
bool FarAt(const WarView& view, double net_power) {
  if (!(view.band > 0)) return true;
  const double x = view.balance;
  const double drift = view.drift * net_power * view.horizon;
  if (view.sigma <= 0) return x + drift < view.band && x + drift > -view.band;
  const double b = view.shifted_band;
  return b - x >= view.reach + std::max(0.0, drift) && x + b >= view.reach + std::max(0.0, -drift);
}
}  // namespace

WarView MakeWarView(double balance, double drift, double sigma, double band, double defeat,
                    double horizon, double net_power, int direction) {
  WarView view;
  view.balance = balance;
  view.drift = drift;
  view.sigma = sigma;
  view.band = band;
  view.defeat = std::max(band, defeat);
  view.horizon = horizon;
  view.net_power = net_power;
  view.direction = direction;
  if (sigma > 0) {
    view.reach = kFarSigmas * sigma * std::sqrt(horizon);
    view.shifted_band = band + kDiscreteBarrierShift * sigma;
  }
  view.far = direction == 0 || FarAt(view, net_power);
  if (!view.far) {
    view.value = ValueAt(view, net_power);
    view.has_value = true;
    view.lazy_value = view.value;
  }
  return view;
}

double WarValue(const WarView& view, double net_power_change) {
  if (view.direction == 0 || net_power_change == 0.0) return 0.0;
  const double moved = view.net_power + net_power_change;
  if (view.far && FarAt(view, moved))
    return view.direction * view.drift * net_power_change * view.horizon;
  if (!view.has_value) {
    view.lazy_value = ValueAt(view, view.net_power);
    view.has_value = true;
  }
  return ValueAt(view, moved) - view.lazy_value;
}

}  // namespace redline
