// Throughput of the simulation kernel and the Monte Carlo runner on the shipped scenario
// scenarios/ukraine_2022.yaml (6 actors + 1 observer, 24 levers, 10 red lines, 1 alliance,
// horizon 26), and on the kernel's small test crisis (testing/test_models.h) for comparison.
// docs/performance.md ("Simulation throughput") records the figures and how to reproduce them.
//
//   ./build/bench/sim_bench --benchmark_filter=Ukraine
//
// BM_UkraineRunsPerSecond/threads: the runner's runs/s (wall clock: Arg 2 only shows the
// scaling on an otherwise idle machine). BM_UkraineStep: ns per simulated step, one thread.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "agents/factory.h"
#include "montecarlo/runner.h"
#include "scenario/loader.h"
#include "sim/simulator.h"
#include "testing/test_models.h"

namespace redline {
namespace {

// The compiled ukraine_2022 scenario, loaded once (REDLINE_SOURCE_DIR comes from the build).
const Model& Ukraine() {
  static const Model model = [] {
    const std::string path = std::string(REDLINE_SOURCE_DIR) + "/scenarios/ukraine_2022.yaml";
    Result<scenario::LoadedScenario> loaded = scenario::LoadScenario(path);
    if (!loaded.ok()) {
      std::fprintf(stderr, "sim_bench: cannot load %s\n", path.c_str());
      std::exit(1);
    }
    return std::move(loaded.value().model);
  }();
  return model;
}

// Runs per second with the Monte Carlo runner; Arg = threads.
void RunsPerSecond(benchmark::State& bench, const Model& model, std::int64_t runs) {
  RunOptions options;
  options.runs = runs;
  options.threads = static_cast<int>(bench.range(0));
  for (auto _ : bench) {
    const Summary summary = RunMonteCarlo(model, options);
    benchmark::DoNotOptimize(summary.runs);
  }
  bench.counters["runs/s"] = benchmark::Counter(
      static_cast<double>(options.runs) * static_cast<double>(bench.iterations()),
      benchmark::Counter::kIsRate);
}

// Nanoseconds per simulated step, single thread, no observer (runs restart when they end, so
// the resets are included in proportion).
void NsPerStep(benchmark::State& bench, const Model& model) {
  const Simulator sim(model, MakeDecisionModels(model));
  State state;
  state.Allocate(model);
  std::uint64_t run = 0;
  RunRng rng(1, run);
  sim.Reset(state, rng);
  for (auto _ : bench) {
    if (state.done) {
      rng = RunRng(1, ++run);
      sim.Reset(state, rng);
    }
    sim.Step(state, rng);
  }
  bench.SetItemsProcessed(bench.iterations());
}

void BM_UkraineRunsPerSecond(benchmark::State& bench) { RunsPerSecond(bench, Ukraine(), 20000); }
BENCHMARK(BM_UkraineRunsPerSecond)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_UkraineStep(benchmark::State& bench) { NsPerStep(bench, Ukraine()); }
BENCHMARK(BM_UkraineStep);

void BM_TestCrisisRunsPerSecond(benchmark::State& bench) {
  static const Model model = testing::CrisisModel();
  RunsPerSecond(bench, model, 20000);
}
BENCHMARK(BM_TestCrisisRunsPerSecond)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_TestCrisisStep(benchmark::State& bench) {
  static const Model model = testing::CrisisModel();
  NsPerStep(bench, model);
}
BENCHMARK(BM_TestCrisisStep);

}  // namespace
}  // namespace redline

BENCHMARK_MAIN();
