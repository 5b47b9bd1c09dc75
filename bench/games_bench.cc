// Equilibrium methods against problem size (docs/performance.md, "Game solvers").
//  - Random bimatrix games n × n (integer payoffs 0..99 from a fixed-seed generator):
//    enumpure, enummixed, lcp (Lemke–Howson), logit.
//  - The library's risk_taking game at growing horizons (perfect information with chance,
//    ~3 nodes per round): spe, enumpure (reduced strategic form), lcp (sequence form), logit
//    (agent QRE), cfr (1 000 iterations), mccfr (10 000 iterations).
//  - One-card poker (tests/games/one_card_poker.efg, Arg 0) and Gambit's Monty Hall (Arg 1,
//    read from the folder REDLINE_GAMBIT_CORPUS names; skipped without it): lcp, logit, cfr.
// Counters: nodes, infosets (player infosets), actions or strategies per player.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>

#include "games/game_file.h"
#include "games/library.h"
#include "games/solvers.h"

namespace redline::games {
namespace {

AnyGame RandomBimatrix(int n) {
  std::uint64_t state = 0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(n);
  std::string text = "NFG 1 R \"random " + std::to_string(n) + "x" + std::to_string(n) +
                     "\" { \"1\" \"2\" } { " + std::to_string(n) + " " + std::to_string(n) +
                     " }\n\n";
  for (int cell = 0; cell < n * n; ++cell) {
    for (int player = 0; player < 2; ++player) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      text += std::to_string((state >> 33) % 100) + " ";
    }
  }
  return std::move(ParseGame(text, "random").value());
}

AnyGame RiskTaking(int rounds) {
  return AnyGame(
      std::move(MakeLibraryGame("risk_taking", {{"rounds", std::to_string(rounds)}})).value());
}

// A game file, or an error message when it does not load.
Result<AnyGame> PokerGame(int which) {
  if (which == 0) return ReadGameFile(REDLINE_SOURCE_DIR "/tests/games/one_card_poker.efg");
  const char* corpus = std::getenv("REDLINE_GAMBIT_CORPUS");
  if (corpus == nullptr || *corpus == '\0') {
    return Result<AnyGame>(
        Diagnostic{{}, "REDLINE_GAMBIT_CORPUS is not set (Gambit's montyhal.efg)"});
  }
  return ReadGameFile(std::string(corpus) + "/montyhal.efg");
}

void SetCounters(benchmark::State& bench, const AnyGame& game) {
  if (const ExtensiveGame* tree = AsExtensive(game)) {
    int infosets = 0;
    for (const Player& player : tree->players())
      infosets += static_cast<int>(player.infosets.size());
    bench.counters["nodes"] = tree->num_nodes();
    bench.counters["infosets"] = infosets;
    bench.counters["actions"] = tree->num_actions();
  } else {
    bench.counters["strategies"] = AsNormalForm(game)->num_strategies(0);
  }
}

void Solve(benchmark::State& bench, const AnyGame& game, const std::string& method,
           SolverOptions options = {}) {
  const SolverInfo* solver = FindSolver(method);
  if (!solver->applies(game).ok()) {
    bench.SkipWithError("method does not apply");
    return;
  }
  long iterations = 0;
  for (auto _ : bench) {
    Result<Solution> solution = solver->solve(game, options);
    if (!solution.ok()) {
      bench.SkipWithError(solution.errors()[0].message.c_str());
      return;
    }
    iterations = solution->iterations;
    benchmark::DoNotOptimize(solution->equilibria.size());
  }
  SetCounters(bench, game);
  bench.counters["solver_iterations"] = static_cast<double>(iterations);
}

void BM_Bimatrix(benchmark::State& bench, const std::string& method) {
  Solve(bench, RandomBimatrix(static_cast<int>(bench.range(0))), method);
}
BENCHMARK_CAPTURE(BM_Bimatrix, enumpure, "enumpure")
    ->RangeMultiplier(2)
    ->Range(4, 64)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Bimatrix, enummixed, "enummixed")
    ->DenseRange(4, 10, 2)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Bimatrix, lcp, "lcp")
    ->RangeMultiplier(2)
    ->Range(4, 64)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Bimatrix, logit, "logit")
    ->RangeMultiplier(2)
    ->Range(4, 32)
    ->Unit(benchmark::kMillisecond);

void BM_RiskTaking(benchmark::State& bench, const std::string& method) {
  SolverOptions options;
  if (method == "cfr") options.max_iterations = 1000;
  if (method == "mccfr") options.max_iterations = 10000;
  if (method == "cfr" || method == "mccfr") options.tolerance = 1e-12;  // fixed work
  Solve(bench, RiskTaking(static_cast<int>(bench.range(0))), method, options);
}
BENCHMARK_CAPTURE(BM_RiskTaking, spe, "spe")
    ->RangeMultiplier(4)
    ->Range(4, 256)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_RiskTaking, enumpure, "enumpure")
    ->RangeMultiplier(2)
    ->Range(4, 32)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_RiskTaking, lcp, "lcp")
    ->RangeMultiplier(2)
    ->Range(4, 256)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_RiskTaking, logit, "logit")
    ->RangeMultiplier(2)
    ->Range(4, 64)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_RiskTaking, cfr, "cfr")
    ->RangeMultiplier(4)
    ->Range(4, 256)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_RiskTaking, mccfr, "mccfr")
    ->RangeMultiplier(4)
    ->Range(4, 256)
    ->Unit(benchmark::kMillisecond);

void BM_Poker(benchmark::State& bench, const std::string& method) {
  SolverOptions options;
  if (method == "cfr") options.max_iterations = 1000;
  if (method == "cfr") options.tolerance = 1e-12;
  Result<AnyGame> game = PokerGame(static_cast<int>(bench.range(0)));
  if (!game.ok()) {
    bench.SkipWithError(game.errors()[0].ToString().c_str());
    return;
  }
  Solve(bench, *game, method, options);
}
BENCHMARK_CAPTURE(BM_Poker, lcp, "lcp")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Poker, logit, "logit")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Poker, cfr, "cfr")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace redline::games

BENCHMARK_MAIN();
