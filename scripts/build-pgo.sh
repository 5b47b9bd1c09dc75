#!/usr/bin/env bash
# Builds a Release tree with profile-guided optimisation (GCC), in two stages:
#   1. configure with REDLINE_PGO=GENERATE and build the program alone (instrumented);
#   2. train: run every shipped scenario (and the default one longer) so that the profile sees
#      the simulator's hot loop, then replay, compare and solve briefly;
#   3. reconfigure with REDLINE_PGO=USE and build every target with the profile.
# The results are the same numbers as a plain build (only inlining and code layout change);
# the simulator is about 7 % faster (docs/performance.md). With a compiler other than GCC it
# builds without PGO and says so.
#
#   scripts/build-pgo.sh BUILD_DIR [extra cmake arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -lt 1 ]]; then
  echo "usage: $0 BUILD_DIR [cmake arguments...]" >&2
  exit 2
fi
build=$1
shift
jobs=$(nproc 2>/dev/null || echo 2)
log=$build/build.log
mkdir -p "$build"
: >"$log"
run_build() {  # run_build ARGS...: cmake --build with the output in the log, its tail on failure
  if ! cmake --build "$build" -j "$jobs" "$@" >>"$log" 2>&1; then
    tail -n 60 "$log"
    echo "$0: the build failed; the whole log is $log" >&2
    exit 1
  fi
}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DREDLINE_PGO=OFF "$@" >>"$log"
compiler=$(sed -n 's/^set(CMAKE_CXX_COMPILER_ID "\(.*\)")$/\1/p' \
  "$build"/CMakeFiles/*/CMakeCXXCompiler.cmake | head -n 1)
if [[ $compiler != GNU ]]; then
  echo "build-pgo: the compiler is not GCC ($compiler): building without PGO"
  run_build
  exit 0
fi
profile=$build/pgo-profile
rm -rf "$profile"
echo "build-pgo: 1/3 instrumented build of redline"
cmake -S . -B "$build" -DREDLINE_PGO=GENERATE -DREDLINE_PGO_DIR="$profile" >>"$log"
run_build --target redline
echo "build-pgo: 2/3 training run"
bin=$build/src/redline
for scenario in scenarios/*.yaml; do
  "$bin" run "$scenario" --runs 2000 --threads 2 >/dev/null
done
"$bin" run scenarios/ukraine_2022.yaml --runs 5000 --threads 2 >/dev/null
"$bin" compare scenarios/ukraine_2022.yaml --variant base --variant hotline_closed --runs 1000 \
  --threads 2 >/dev/null
"$bin" replay scenarios/ukraine_2022.yaml --run 1 >/dev/null
echo "build-pgo: 3/3 optimised build of every target"
cmake -S . -B "$build" -DREDLINE_PGO=USE -DREDLINE_PGO_DIR="$profile" >>"$log"
run_build
