#include "core/rng.h"

#include <cmath>
#include <numbers>

namespace redline {

std::uint64_t Mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}

namespace {
double BoxMuller(double u1, double u2) {
  // u1 in (0, 1]: avoid log(0).
  return std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(2.0 * std::numbers::pi * u2);
}
}  // namespace

double DrawSequence::Normal() {
  const double u1 = Uniform();
  const double u2 = Uniform();
  return BoxMuller(u1, u2);
}

RunRng::RunRng(std::uint64_t seed, std::uint64_t run)
    : base_(Mix64(Mix64(seed + 0x632BE59BD9B4E019ULL) ^ (run * 0x9E3779B97F4A7C15ULL))) {}

std::uint64_t RunRng::Bits(DrawPurpose purpose, std::uint32_t step, std::uint32_t slot) const {
  const std::uint64_t key =
      (static_cast<std::uint64_t>(purpose) << 48) ^ (static_cast<std::uint64_t>(step) << 24) ^ slot;
  return Mix64(base_ ^ Mix64(key + 0xD1B54A32D192ED03ULL));
}

double RunRng::Normal(DrawPurpose purpose, std::uint32_t step, std::uint32_t slot) const {
  DrawSequence sequence(Bits(purpose, step, slot));
  return sequence.Normal();
}

}  // namespace redline
