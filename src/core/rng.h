// Counter-based random numbers. Every draw of a run is a pure function of
// (seed, run, purpose, step, slot): no generator state is carried between draws, so a run's
// results do not depend on the thread that runs it, on the order of runs, or on which other
// draws happened before (common random numbers across variants: run r sees the same
// incident, vote and noise draws in every variant that reaches the same decision point).
//
// The mixing function is SplitMix64's finaliser applied to the key twice (Steele, Lea &
// Flood 2014); it passes BigCrush as a counter-mode generator.
#pragma once

#include <cstdint>

namespace redline {

// What a draw is for. Separate purposes never share draws.
enum class DrawPurpose : std::uint32_t {
  kParameter = 1,        // per-run sampling of distributions (slot = parameter id)
  kType = 2,             // each actor's private type (slot = actor)
  kChannel = 3,          // whether a channel is open (slot = channel)
  kHazard = 4,           // accident incidents (slot = lever)
  kAttribution = 5,      // whether an incident is perceived as deliberate (slot = lever)
  kDecision = 6,         // an actor's choice of move (slot = actor)
  kEnforce = 7,          // red-line enforcement decisions (slot = red line)
  kVote = 8,             // alliance votes (slot = alliance * 1024 + member)
  kWarNoise = 9,         // the war balance's noise (slot = theatre)
  kSettlement = 10,      // negotiated settlement (slot = theatre)
  kActHazard = 20,       // an act's own hazards, in the act's step (slot = as kHazard)
  kActAttribution = 21,  // their attribution (slot = as kHazard)
  kAmbiguity = 22,       // an ambiguous red line's true response, at the start (slot = red line)
  kAmbiguousThreshold = 23,  // an ambiguous red line's true threshold, at the start (slot = line)
  kWithdrawal = 24,          // whether an owner withdraws its red line this step (slot = red line)
  kTest = 100,               // reserved for tests
};

std::uint64_t Mix64(std::uint64_t x);

// Uniform double in [0, 1) from 64 random bits (53-bit mantissa).
inline double ToUnit(std::uint64_t bits) { return static_cast<double>(bits >> 11) * 0x1.0p-53; }

// A sequence of draws under one key, for samplers that need a variable number of draws
// (rejection sampling). Cheap to copy; deterministic.
class DrawSequence {
 public:
  explicit DrawSequence(std::uint64_t key) : key_(key) {}
  double Uniform() { return ToUnit(Mix64(key_ + 0x9E3779B97F4A7C15ULL * ++counter_)); }
  double Normal();  // standard normal (Box–Muller, uses two uniforms)

 private:
  std::uint64_t key_;
  std::uint64_t counter_ = 0;
};

// The random stream of one run.
class RunRng {
 public:
  RunRng(std::uint64_t seed, std::uint64_t run);

  std::uint64_t Bits(DrawPurpose purpose, std::uint32_t step, std::uint32_t slot) const;
  double Uniform(DrawPurpose purpose, std::uint32_t step, std::uint32_t slot) const {
    return ToUnit(Bits(purpose, step, slot));
  }
  double Normal(DrawPurpose purpose, std::uint32_t step, std::uint32_t slot) const;
  DrawSequence Sequence(DrawPurpose purpose, std::uint32_t step, std::uint32_t slot) const {
    return DrawSequence(Bits(purpose, step, slot));
  }

 private:
  std::uint64_t base_;
};

}  // namespace redline
