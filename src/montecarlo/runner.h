// Monte Carlo over a compiled Model: N runs over K std::threads sharing one `const Model&`.
//
// Determinism: run r always draws from RunRng(seed, r). Runs are grouped in fixed chunks of
// `chunk_size` consecutive indices (independent of the thread count); each chunk is tallied on
// its own and the chunk tallies are merged in index order, so every Summary field — counts and
// floating-point means alike — is bit-identical for any `threads`.
//
// Threading: callbacks (progress, record sinks) are called one at a time, from worker threads,
// in run-index order; they must not call back into the runner. Cost: one State per thread and
// per variant is allocated up front; the per-run loop allocates nothing (records reuse their
// buffers). Memory does not grow with the run count: at most 4 chunks per usable core (the
// smaller of `threads` and the hardware threads) wait to be merged in order, and a thread that
// would start a chunk beyond that waits. Never fails: a compiled Model is always runnable
// (model/limits.h).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "core/status.h"
#include "model/model.h"
#include "montecarlo/run_record.h"
#include "montecarlo/statistics.h"

namespace redline {

struct RunOptions {
  std::int64_t runs = 10000;
  std::uint64_t seed = 1;
  int threads = 1;                // >= 1
  std::int64_t chunk_size = 256;  // runs per chunk; part of the result's identity
  // Called after every finished chunk with the number of runs done so far (in order).
  std::function<void(std::int64_t done, std::int64_t total)> progress;
  // Receives every run's record in index order (runs.csv). Optional; costs a copy per run.
  std::function<void(const RunRecord&)> record_sink;
};

// Runs `options.runs` runs of `model` and summarises them.
Summary RunMonteCarlo(const Model& model, const RunOptions& options);

// Paired difference of one outcome's probability between a variant and the first variant.
struct PairedDifference {
  double difference = 0;  // p_variant - p_first
  Interval ci;            // 95%, normal approximation on the per-run differences
  bool operator==(const PairedDifference&) const = default;
};

struct Comparison {
  std::vector<Summary> variants;                      // per variant, as RunMonteCarlo
  std::vector<std::vector<PairedDifference>> paired;  // [variant][outcome]; variant 0 is zero
  bool operator==(const Comparison&) const = default;
};

// The same runs (common random numbers: run r uses RunRng(seed, r) in every variant) under
// several Models. All variants must have the same outcomes list (asserted). A record sink, if
// given, receives the records of the first variant; `variant_sink` of all variants.
Comparison CompareVariants(
    std::span<const Model* const> variants, const RunOptions& options,
    const std::function<void(int variant, const RunRecord&)>& variant_sink = nullptr);

}  // namespace redline
