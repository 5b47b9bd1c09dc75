#!/usr/bin/env bash
# Throughput of two redline binaries on the same scenario, measured alternately (A B A B ...)
# so that both see the same machine load: the median over REPEATS runs of each of
#   - wall-clock runs/s with THREADS threads,
#   - runs per CPU-second (user + sys of the whole process, start-up included),
# and the load average before and after. For a before/after comparison on a shared machine.
#
#   bench/compare_e2e.sh BINARY_A BINARY_B [RUNS] [REPEATS] [THREADS] [SCENARIO]
#   (defaults: 200000 runs, 5 repeats, 2 threads, scenarios/ukraine_2022.yaml)
#
# A binary of an earlier commit: `git worktree add /tmp/old COMMIT`, configure and build it
# there (Release), then pass /tmp/old/build/src/redline.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 BINARY_A BINARY_B [RUNS] [REPEATS] [THREADS] [SCENARIO]" >&2
  exit 2
fi
A=$1
B=$2
RUNS=${3:-200000}
REPEATS=${4:-5}
THREADS=${5:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCENARIO=${6:-$ROOT/scenarios/ukraine_2022.yaml}
for bin in "$A" "$B"; do
  [[ -x $bin ]] || { echo "$0: not an executable: $bin" >&2; exit 2; }
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "runs: $RUNS of $SCENARIO, $THREADS threads, $REPEATS alternating repeats"

TIMEFORMAT='%R %U %S'
results_a=()
results_b=()
for ((i = 0; i < REPEATS; ++i)); do
  for which in a b; do
    bin=$A
    [[ $which == b ]] && bin=$B
    times=$( { time "$bin" run "$SCENARIO" --runs "$RUNS" --threads "$THREADS" > /dev/null; } 2>&1 )
    read -r real user sys <<< "$times"
    line=$(awk -v n="$RUNS" -v r="$real" -v u="$user" -v s="$sys" \
      'BEGIN { printf "%.0f %.0f %.3f %.3f", n / r, n / (u + s), r, u + s }')
    echo "  $which: $line   (runs/s wall, runs per CPU-second, wall s, CPU s)"
    if [[ $which == a ]]; then results_a+=("$line"); else results_b+=("$line"); fi
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() {  # column $1 of the lines on stdin
  sort -n -k"$1","$1" | awk -v c="$1" '{ v[NR] = $c } END {
    if (NR % 2) print v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
for which in a b; do
  if [[ $which == a ]]; then bin=$A; lines=("${results_a[@]}"); else bin=$B; lines=("${results_b[@]}"); fi
  wall=$(printf '%s\n' "${lines[@]}" | median 1)
  cpu=$(printf '%s\n' "${lines[@]}" | median 2)
  echo "$which ($bin): median $wall runs/s wall, $cpu runs per CPU-second (x2 = $((cpu * 2)) per 2 cores)"
done
