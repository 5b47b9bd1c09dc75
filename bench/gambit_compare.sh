#!/usr/bin/env bash
# Side-by-side wall time of redline and Gambit on the exact two-player methods
# (docs/performance.md, "Game solvers"): Lemke–Howson and enummixed on random bimatrix
# games, sequence-form lcp on trees. Each case runs the two tools in turn (A B A B ...),
# RUNS times each, and prints the median wall time of each, their ratio and whether the
# printed equilibria (`NE,...` lines) are identical. gambit-lcp on a strategic game is run
# with -e 1 (one equilibrium, as redline's lcp; without it Gambit follows Lemke–Howson from
# every label to list all accessible equilibria).
#
# Usage: bench/gambit_compare.sh GAMBIT_PREFIX [BUILD_DIR] [RUNS] [TIMEOUT_S]
#   GAMBIT_PREFIX  a Gambit install (GAMBIT_PREFIX/bin/gambit-lcp ...); absent: skipped
#   BUILD_DIR      redline's build directory (default build; needs the targets redline and
#                  bench_games)
# The generated games come from BUILD_DIR/bench/bench_games (fixed seeds); bayes2a.efg and
# poker.efg from REDLINE_SHARED_DIR/data/games/gambit (default ../shared) when present.
# REDLINE_COMPARE_ONLY (an extended regular expression) keeps only the cases whose name
# matches, e.g. REDLINE_COMPARE_ONLY='enummixed random 1[02]|bayes2a'.
# REDLINE_COMPARE_TIMER=hyperfine times each case with hyperfine (Debian package hyperfine:
# `hyperfine -N`, no shell, RUNS runs of each command after 3 warm-up runs; the median) instead
# of the default `date` around `timeout`, whose own process start-up (milliseconds) is in both
# tools' figures. REDLINE_COMPARE_TIMER=interleaved also uses hyperfine -N, but one run of
# each tool in turn (each after one warm-up run), RUNS times: a slow period of the machine
# then weighs on both tools instead of on whichever hyperfine was timing.
# A case where either tool exceeds TIMEOUT_S on its first run is not timed again.
set -euo pipefail

gambit=${1:?usage: bench/gambit_compare.sh GAMBIT_PREFIX [BUILD_DIR] [RUNS] [TIMEOUT_S]}
build=${2:-build}
runs=${3:-5}
limit=${4:-120}
if [[ ! -x "$gambit/bin/gambit-lcp" || ! -x "$gambit/bin/gambit-enummixed" ]]; then
  echo "skipped: no Gambit at $gambit (want $gambit/bin/gambit-lcp and gambit-enummixed)"
  exit 0
fi
redline=$build/src/redline
for tool in "$redline" "$build/bench/bench_games"; do
  [[ -x $tool ]] || { echo "error: $tool not built" >&2; exit 2; }
done
timer=${REDLINE_COMPARE_TIMER:-date}
if [[ $timer != date && $timer != hyperfine && $timer != interleaved ]]; then
  echo "error: REDLINE_COMPARE_TIMER must be date, hyperfine or interleaved, not '$timer'" >&2
  exit 2
fi
if [[ $timer != date ]] && ! command -v hyperfine >/dev/null; then
  echo "error: REDLINE_COMPARE_TIMER=$timer, but hyperfine is not installed (apt-get install hyperfine)" >&2
  exit 2
fi
corpus=${REDLINE_SHARED_DIR:-../shared}/data/games/gambit
games=$(mktemp -d)
trap 'rm -rf "$games"' EXIT
"$build/bench/bench_games" "$games"

# Wall seconds of one run (or "timeout"); the NE lines go to $1.
wall() {
  local out=$1
  shift
  local start end rc=0
  start=$(date +%s%N)
  timeout "$limit" "$@" >"$out.raw" 2>/dev/null || rc=$?
  end=$(date +%s%N)
  grep '^NE' "$out.raw" >"$out" || true
  if [[ $rc -eq 124 ]]; then
    echo timeout
  else
    awk -v ns=$((end - start)) 'BEGIN { printf "%.4f\n", ns / 1e9 }'
  fi
}

median() { grep -v timeout | sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print "timeout" }'; }

# Median wall times of the two commands from hyperfine (no shell, 3 warm-up runs each).
hyperfine_medians() {
  local gambit_cmd=$1 redline_cmd=$2
  hyperfine -N --warmup 3 --runs "$runs" --export-csv "$games/times.csv" \
    "$gambit_cmd" "$redline_cmd" >/dev/null 2>&1
  # CSV: command,mean,stddev,median,... in seconds; row 2 is Gambit, row 3 redline.
  awk -F, 'NR > 1 { printf "%.4f\n", $4 }' "$games/times.csv"
}

# The same, one run of each in turn, RUNS times (each run after one warm-up run).
interleaved_medians() {
  local gambit_cmd=$1 redline_cmd=$2 i
  local g_runs=() r_runs=()
  for ((i = 0; i < runs; ++i)); do
    hyperfine -N --warmup 1 --runs 1 --export-csv "$games/times.csv" \
      "$gambit_cmd" "$redline_cmd" >/dev/null 2>&1
    mapfile -t pair < <(awk -F, 'NR > 1 { printf "%.4f\n", $4 }' "$games/times.csv")
    g_runs+=("${pair[0]}")
    r_runs+=("${pair[1]}")
  done
  printf '%s\n' "${g_runs[@]}" | median
  printf '%s\n' "${r_runs[@]}" | median
}

compare() {
  local name=$1 gambit_cmd=$2 redline_cmd=$3
  if [[ -n ${REDLINE_COMPARE_ONLY:-} && ! $name =~ $REDLINE_COMPARE_ONLY ]]; then return; fi
  local g_times=() r_times=() g r
  if [[ $timer != date ]]; then
    # One run each for the NE lines (and to see whether Gambit finishes at all), then hyperfine.
    # shellcheck disable=SC2086
    g=$(wall "$games/gambit.out" $gambit_cmd)
    # shellcheck disable=SC2086
    r=$(wall "$games/redline.out" $redline_cmd)
    if [[ $g != timeout && $r != timeout ]]; then
      if [[ $timer == hyperfine ]]; then
        mapfile -t medians < <(hyperfine_medians "$gambit_cmd" "$redline_cmd")
      else
        mapfile -t medians < <(interleaved_medians "$gambit_cmd" "$redline_cmd")
      fi
      g=${medians[0]}
      r=${medians[1]}
    fi
  else
    for ((i = 0; i < runs; ++i)); do
      # shellcheck disable=SC2086
      g_times+=("$(wall "$games/gambit.out" $gambit_cmd)")
      # shellcheck disable=SC2086
      r_times+=("$(wall "$games/redline.out" $redline_cmd)")
    done
    g=$(printf '%s\n' "${g_times[@]}" | median)
    r=$(printf '%s\n' "${r_times[@]}" | median)
  fi
  local same ratio
  same=$(cmp -s "$games/gambit.out" "$games/redline.out" && echo same || echo different)
  if [[ $g == timeout ]]; then
    ratio=">$(awk -v r="$r" -v l="$limit" 'BEGIN { printf "%.0f", l / r }')"
  else
    ratio=$(awk -v g="$g" -v r="$r" 'BEGIN { printf "%.1f", g / r }')
  fi
  printf '%-34s gambit %9s s  redline %8s s  %7s×  NE lines %s\n' "$name" "$g" "$r" "$ratio" "$same"
}

echo "median wall of $runs runs each ($timer); Gambit $("$gambit/bin/gambit-lcp" -v 2>&1 | head -1 || true)"
echo "start: $(uptime)"
if [[ $timer != date ]]; then
  # What starting a process costs on this machine: no run of either tool can be faster.
  hyperfine -N --warmup 3 --runs "$runs" --export-csv "$games/times.csv" true \
    "$redline --version" "$gambit/bin/gambit-lcp -v" >/dev/null 2>&1
  awk -F, 'NR > 1 { printf "process start-up: %-40s %.4f s\n", $1, $4 }' "$games/times.csv"
fi
trap 'echo "end: $(uptime)"; rm -rf "$games"' EXIT
for n in 30 60; do
  compare "lcp (Lemke–Howson) random ${n}x${n}" "$gambit/bin/gambit-lcp -e 1 $games/random_$n.nfg" \
    "$redline solve $games/random_$n.nfg -m lcp --format gambit"
done
for n in 8 10 12; do
  compare "enummixed random ${n}x${n}" "$gambit/bin/gambit-enummixed $games/random_$n.nfg" \
    "$redline solve $games/random_$n.nfg -m enummixed --format gambit"
done
if [[ -f $corpus/bayes2a.efg ]]; then
  compare "lcp (sequence form) bayes2a.efg" "$gambit/bin/gambit-lcp $corpus/bayes2a.efg" \
    "$redline solve $corpus/bayes2a.efg -m lcp --format gambit"
  compare "enummixed poker.efg" "$gambit/bin/gambit-enummixed $corpus/poker.efg" \
    "$redline solve $corpus/poker.efg -m enummixed --format gambit"
fi
compare "lcp (sequence form) tree_ii (364)" "$gambit/bin/gambit-lcp $games/tree_ii.efg" \
  "$redline solve $games/tree_ii.efg -m lcp --format gambit"
for h in 50 100 200; do
  compare "lcp (sequence form) risk_taking $((4 * h + 1))" \
    "$gambit/bin/gambit-lcp $games/risk_taking_$h.efg" \
    "$redline solve $games/risk_taking_$h.efg -m lcp --format gambit"
done
