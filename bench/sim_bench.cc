// Throughput of the simulation kernel and the Monte Carlo runner on the kernel's test crisis
// (sim/test_models.h: 5 actors, 5 levers, 2 red lines, 1 alliance, horizon 26). The lead adds
// the shipped ukraine scenario once the scenario compiler is in.
#include <benchmark/benchmark.h>

#include "montecarlo/runner.h"
#include "sim/simulator.h"
#include "sim/test_models.h"

namespace redline {
namespace {

// Runs per second with the Monte Carlo runner; Arg = threads.
void BM_RunsPerSecond(benchmark::State& bench) {
  const Model model = testing::CrisisModel();
  RunOptions options;
  options.runs = 20000;
  options.threads = static_cast<int>(bench.range(0));
  for (auto _ : bench) {
    Result<Summary> summary = RunMonteCarlo(model, options);
    benchmark::DoNotOptimize(summary.ok());
  }
  bench.counters["runs/s"] = benchmark::Counter(
      static_cast<double>(options.runs) * static_cast<double>(bench.iterations()),
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RunsPerSecond)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// Nanoseconds per simulated step, single thread, no observer.
void BM_Step(benchmark::State& bench) {
  const Model model = testing::CrisisModel();
  const Simulator sim = Simulator::Create(model).value();
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
BENCHMARK(BM_Step);

}  // namespace
}  // namespace redline

BENCHMARK_MAIN();
