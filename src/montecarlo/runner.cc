#include "montecarlo/runner.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "agents/factory.h"
#include "core/rng.h"
#include "sim/simulator.h"

namespace redline {

namespace {

// Everything one chunk of runs produced.
struct ChunkResult {
  std::vector<Tally> tallies;                    // per variant
  std::vector<std::vector<std::int64_t>> sum_d;  // [variant][outcome]
  std::vector<std::vector<std::int64_t>> sum_d2;
  std::vector<std::vector<RunRecord>> records;  // [variant][run in chunk], if sinks
};

class Job {
 public:
  Job(std::span<const Model* const> models, std::vector<Simulator> simulators,
      const RunOptions& options, const std::function<void(int, const RunRecord&)>& variant_sink)
      : models_(models),
        simulators_(std::move(simulators)),
        options_(options),
        variant_sink_(variant_sink),
        total_(ChunkResultFor()) {
    chunks_ = (options.runs + options.chunk_size - 1) / options.chunk_size;
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    window_ = 4 * std::clamp(options.threads, 1, cores);
  }

  void Run() {
    const int threads = std::max(1, options_.threads);
    std::vector<std::thread> workers;
    for (int i = 1; i < threads; ++i) workers.emplace_back([this] { Work(); });
    Work();
    for (std::thread& worker : workers) worker.join();
  }

  Comparison Finish() const {
    Comparison result;
    const double n = static_cast<double>(std::max<std::int64_t>(1, options_.runs));
    for (std::size_t v = 0; v < models_.size(); ++v) {
      result.variants.push_back(total_.tallies[v].Finish(options_.seed));
      std::vector<PairedDifference> paired;
      for (std::size_t o = 0; o < models_[0]->outcomes.size(); ++o) {
        const double mean = static_cast<double>(total_.sum_d[v][o]) / n;
        const double variance =
            n > 1 ? (static_cast<double>(total_.sum_d2[v][o]) - n * mean * mean) / (n - 1) : 0;
        const double half = 1.959963984540054 * std::sqrt(std::max(0.0, variance) / n);
        paired.push_back({mean, {mean - half, mean + half}});
      }
      result.paired.push_back(std::move(paired));
    }
    return result;
  }

 private:
  bool WantRecords() const { return options_.record_sink || variant_sink_; }

  ChunkResult ChunkResultFor() const {
    ChunkResult chunk;
    const std::size_t outcomes = models_[0]->outcomes.size();
    for (const Model* model : models_) {
      assert(model->outcomes.size() == outcomes);
      chunk.tallies.emplace_back(*model);
    }
    chunk.sum_d.assign(models_.size(), std::vector<std::int64_t>(outcomes, 0));
    chunk.sum_d2 = chunk.sum_d;
    chunk.records.resize(models_.size());
    return chunk;
  }

  void Work() {
    std::vector<State> states(models_.size());
    for (std::size_t v = 0; v < models_.size(); ++v) states[v].Allocate(*models_[v]);
    std::vector<RunRecord> scratch(models_.size());
    std::vector<int> outcome(models_.size());
    for (;;) {
      const std::int64_t c = Claim();
      if (c < 0) return;
      auto chunk = std::make_unique<ChunkResult>(ChunkResultFor());
      const std::int64_t begin = c * options_.chunk_size;
      const std::int64_t end = std::min(options_.runs, begin + options_.chunk_size);
      for (std::int64_t r = begin; r < end; ++r) {
        const RunRng rng(options_.seed, static_cast<std::uint64_t>(r));
        for (std::size_t v = 0; v < models_.size(); ++v) {
          const OutcomeId o = simulators_[v].Run(states[v], rng);
          outcome[v] = o.index;
          FillRecord(*models_[v], states[v], r, o, scratch[v]);
          chunk->tallies[v].Add(scratch[v]);
          if (WantRecords()) chunk->records[v].push_back(scratch[v]);
        }
        for (std::size_t v = 0; v < models_.size(); ++v)
          for (std::size_t o = 0; o < chunk->sum_d[v].size(); ++o) {
            const int d = (outcome[v] == static_cast<int>(o)) - (outcome[0] == static_cast<int>(o));
            chunk->sum_d[v][o] += d;
            chunk->sum_d2[v][o] += d * d;
          }
      }
      Deliver(c, std::move(chunk));
    }
  }

  // The next chunk to run, or -1 when none is left. Bounds the reorder buffer: a chunk is
  // handed out only while fewer than window_ chunks separate it from the next chunk to merge,
  // so finished-but-unmerged chunks (and their records) never exceed window_ however many
  // threads run; other threads wait here. The chunk to merge next has always been handed out
  // and is running, so this cannot deadlock.
  std::int64_t Claim() {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] { return next_chunk_ >= chunks_ || next_chunk_ < merged_ + window_; });
    if (next_chunk_ >= chunks_) {
      room_.notify_all();  // let every waiting thread see that nothing is left
      return -1;
    }
    return next_chunk_++;
  }

  // Merges finished chunks in index order and feeds the callbacks.
  void Deliver(std::int64_t c, std::unique_ptr<ChunkResult> chunk) {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::int64_t merged_before = merged_;
    pending_[c] = std::move(chunk);
    while (!pending_.empty() && pending_.begin()->first == merged_) {
      ChunkResult& ready = *pending_.begin()->second;
      for (std::size_t v = 0; v < models_.size(); ++v) {
        total_.tallies[v].Merge(ready.tallies[v]);
        for (std::size_t o = 0; o < ready.sum_d[v].size(); ++o) {
          total_.sum_d[v][o] += ready.sum_d[v][o];
          total_.sum_d2[v][o] += ready.sum_d2[v][o];
        }
        for (const RunRecord& record : ready.records[v]) {
          if (v == 0 && options_.record_sink) options_.record_sink(record);
          if (variant_sink_) variant_sink_(static_cast<int>(v), record);
        }
      }
      pending_.erase(pending_.begin());
      ++merged_;
      if (options_.progress)
        options_.progress(std::min(options_.runs, merged_ * options_.chunk_size), options_.runs);
    }
    // Each merged chunk frees one place in the window: wake one waiting thread for each.
    for (std::int64_t k = merged_before; k < merged_; ++k) room_.notify_one();
  }

  std::span<const Model* const> models_;
  std::vector<Simulator> simulators_;
  const RunOptions& options_;
  const std::function<void(int, const RunRecord&)>& variant_sink_;
  std::int64_t chunks_ = 0;
  std::int64_t next_chunk_ = 0;  // guarded by mutex_
  std::int64_t window_ = 4;      // most chunks started beyond the next one to merge
  std::mutex mutex_;
  std::condition_variable room_;
  std::map<std::int64_t, std::unique_ptr<ChunkResult>> pending_;
  std::int64_t merged_ = 0;
  ChunkResult total_;
};

}  // namespace

Comparison CompareVariants(std::span<const Model* const> variants, const RunOptions& options,
                           const std::function<void(int, const RunRecord&)>& variant_sink) {
  assert(!variants.empty() && options.chunk_size > 0 && options.runs >= 0);
  std::vector<Simulator> simulators;
  for (const Model* model : variants) simulators.emplace_back(*model, MakeDecisionModels(*model));
  Job job(variants, std::move(simulators), options, variant_sink);
  job.Run();
  return job.Finish();
}

Summary RunMonteCarlo(const Model& model, const RunOptions& options) {
  const Model* models[] = {&model};
  return std::move(CompareVariants(models, options).variants[0]);
}

}  // namespace redline
