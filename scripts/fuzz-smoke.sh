#!/usr/bin/env bash
# Fuzz smoke run: builds the libFuzzer harnesses of fuzz/ with clang (address and undefined-
# behaviour sanitizers) in build-fuzz/, then runs each for SECONDS (default 60):
#   fuzz_scenario   scenario YAML text -> compiled model (seeds: scenarios/*.yaml)
#   fuzz_overrides  --set PATH=VALUE lines and --variant on scenarios/chicken.yaml
#   fuzz_gambit     .efg/.nfg text -> game -> written -> read again (seeds: written by redline)
# Exits non-zero when a harness finds a crash, a sanitizer report, a hang (> 30 s on one input)
# or memory over 2 GB; the input is kept as build-fuzz/artifacts/<harness>-*. Skips (exit 0,
# with a message) when clang or libFuzzer is missing. Usage: scripts/fuzz-smoke.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || ((seconds < 1)); then
  echo "usage: scripts/fuzz-smoke.sh [SECONDS per harness, default 60]" >&2
  exit 2
fi

if ! command -v clang++ >/dev/null; then
  echo "fuzz-smoke: skipped: clang++ is not installed (apt-get install clang)"
  exit 0
fi
probe="$(mktemp -d)"
trap 'rm -rf "$probe"' EXIT
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' \
  >"$probe/probe.cc"
if ! clang++ -fsanitize=fuzzer "$probe/probe.cc" -o "$probe/probe" 2>"$probe/log"; then
  echo "fuzz-smoke: skipped: clang++ cannot link -fsanitize=fuzzer (libFuzzer missing):"
  head -3 "$probe/log"
  exit 0
fi

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
# -O1 with line tables (-g1): libFuzzer's recommended optimisation, and a shorter build for CI.
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
  -DREDLINE_FUZZ=ON -DREDLINE_BUILD_TESTS=OFF -DREDLINE_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
cmake --build build-fuzz -j2 --target fuzz_scenario fuzz_overrides fuzz_gambit fuzz_seed_games

seeds=build-fuzz/seeds
rm -rf "$seeds"
mkdir -p "$seeds/scenario" "$seeds/overrides" "$seeds/gambit" build-fuzz/artifacts
cp scenarios/*.yaml "$seeds/scenario/"
cp fuzz/corpus/overrides/* "$seeds/overrides/"
build-fuzz/fuzz/fuzz_seed_games "$seeds/gambit"

failed=()
for harness in scenario overrides gambit; do
  corpus="build-fuzz/corpus/$harness"  # grows across runs; new inputs land here
  mkdir -p "$corpus"
  echo "fuzz-smoke: fuzz_$harness for ${seconds} s"
  if ! "build-fuzz/fuzz/fuzz_$harness" "$corpus" "$seeds/$harness" -max_total_time="$seconds" \
    -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="build-fuzz/artifacts/$harness-" >"build-fuzz/fuzz_$harness.log" 2>&1; then
    failed+=("$harness")
    tail -40 "build-fuzz/fuzz_$harness.log"
  else
    grep -E '^stat::number_of_executed_units|^Done' "build-fuzz/fuzz_$harness.log" || true
  fi
done
if ((${#failed[@]})); then
  echo "fuzz-smoke: FAILED: ${failed[*]} (inputs in build-fuzz/artifacts/)"
  exit 1
fi
echo "fuzz-smoke: ok (3 harnesses, ${seconds} s each)"
