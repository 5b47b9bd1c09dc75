#!/usr/bin/env bash
# End-to-end throughput of `redline run` on the shipped ukraine_2022 scenario: builds a
# Release tree, then times the program with 1 and 2 threads and prints runs/s.
#
#   bench/run_e2e.sh [RUNS] [BUILD_DIR]      (defaults: 100000, build-e2e; PGO=0: no PGO)
#
# Wall-clock runs/s is what a user sees, but on a shared machine it depends on the load, so
# the script also prints CPU time (user+sys) and runs per CPU-second; compare those when the
# machine is busy (`uptime` is printed). The program's own startup (load and compile the
# scenario) is included; it is about 15 ms.
set -euo pipefail

RUNS=${1:-100000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${2:-$ROOT/build-e2e}
SCENARIO=$ROOT/scenarios/ukraine_2022.yaml

# The build the README's setup makes: Release, profile-guided (scripts/build-pgo.sh); with
# PGO=0, a plain Release build (about 10 % slower, the same results).
if [[ ${PGO:-1} == 0 ]]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DREDLINE_PGO=OFF -DREDLINE_BUILD_TESTS=OFF > /dev/null
  cmake --build "$BUILD" -j"$(nproc)" --target redline > /dev/null
else
  bash "$ROOT/scripts/build-pgo.sh" "$BUILD" -DREDLINE_BUILD_TESTS=OFF > /dev/null
fi
BIN=$BUILD/src/redline

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "load:   $(uptime | sed 's/.*load average/load average/')"
echo "runs:   $RUNS of $SCENARIO"

for threads in 1 2; do
  # GNU time-like measurement with bash's TIMEFORMAT: real, user, sys seconds.
  TIMEFORMAT='%R %U %S'
  times=$( { time "$BIN" run "$SCENARIO" --runs "$RUNS" --threads "$threads" > /dev/null; } 2>&1 )
  read -r real user sys <<< "$times"
  awk -v t="$threads" -v n="$RUNS" -v r="$real" -v u="$user" -v s="$sys" 'BEGIN {
    printf "threads %d: %7.3f s wall, %7.3f s CPU -> %8.0f runs/s (wall), %8.0f runs per CPU-second\n",
           t, r, u + s, n / r, n / (u + s) }'
done
