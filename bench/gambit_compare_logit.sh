#!/usr/bin/env bash
# Side-by-side timing of redline and Gambit on the same games (docs/performance.md, "Game
# solvers"): median wall time of RUNS interleaved runs each (redline, Gambit, redline, ...),
# the ratio of the medians, and the largest difference between the two profiles printed.
#
#   bench/gambit_compare_logit.sh GAMBIT_PREFIX [BUILD_DIR] [RUNS]
#
# GAMBIT_PREFIX is a Gambit install (its bin/ holds gambit-logit, ...); without one the
# script says so and exits 0. BUILD_DIR (default build) holds src/redline and
# bench/make_game (configure with -DREDLINE_BUILD_BENCH=ON). Games: generated ones (bench/make_game) and, when REDLINE_GAMBIT_CORPUS
# names Gambit's example folder, a few of its games. A run that takes longer than 120 s is
# stopped and reported as such.
set -u
gambit=${1:-}
build=${2:-build}
runs=${3:-5}
if [[ -z "$gambit" || ! -x "$gambit/bin/gambit-logit" ]]; then
  echo "gambit_compare_logit: skipped, no Gambit install given (expected PREFIX/bin/gambit-logit)"
  exit 0
fi
redline=$build/src/redline
make_game=$build/bench/make_game
for tool in "$redline" "$make_game"; do
  [[ -x $tool ]] || {
    echo "gambit_compare_logit: $tool not built (REDLINE_BUILD_BENCH=ON builds make_game)" >&2
    exit 2
  }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$make_game" bimatrix 30 > "$work/bimatrix30.nfg"
"$make_game" bimatrix 60 > "$work/bimatrix60.nfg"
"$make_game" tree 5 9 > "$work/tree689.efg"  # 689 nodes, imperfect information
games=("$work/bimatrix30.nfg" "$work/bimatrix60.nfg" "$work/tree689.efg")
if [[ -n "${REDLINE_GAMBIT_CORPUS:-}" ]]; then
  for name in loopback.nfg winkels.nfg artist2.efg bayes2a.efg montyhal.efg; do
    [[ -f "$REDLINE_GAMBIT_CORPUS/$name" ]] && games+=("$REDLINE_GAMBIT_CORPUS/$name")
  done
fi

# Wall seconds of one run (or "timeout"); the command's output goes to $2.
wall() {
  local out=$1
  shift
  local start end rc=0
  start=$(date +%s.%N)
  timeout 120 "$@" > "$out" 2> /dev/null || rc=$?
  end=$(date +%s.%N)
  if [[ $rc -eq 124 ]]; then
    echo timeout
    return
  fi
  awk -v a="$start" -v b="$end" 'BEGIN {printf "%.4f", b - a}'
}

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# Largest |difference| between the last NE,... lines of two files.
profile_gap() {
  awk -F, 'FNR == 1 {file++} /^NE/ {for (i = 2; i <= NF; ++i) v[file, i] = $i; n = NF}
           END {m = 0; for (i = 2; i <= n; ++i) {d = v[1, i] - v[2, i]; if (d < 0) d = -d;
                if (d > m) m = d}; printf "%.2g", m}' "$1" "$2"
}

printf '%-22s %-6s %12s %12s %8s %10s\n' game method redline_s gambit_s ratio max_gap
for game in "${games[@]}"; do
  name=$(basename "$game")
  r=() g=() slow=0
  for ((i = 0; i < runs; ++i)); do
    r+=("$(wall "$work/r.out" "$redline" solve "$game" --method logit --format gambit)")
    ((slow)) && continue
    g+=("$(wall "$work/g.out" "$gambit/bin/gambit-logit" -q -e -d 17 "$game")")
    [[ ${g[-1]} == timeout ]] && slow=1  # once is enough to know
  done
  rm=$(median "${r[@]}")
  if ((slow)); then
    printf '%-22s %-6s %12.3f %12s %8s %10s\n' "$name" logit "$rm" "> 120" "-" "-"
    continue
  fi
  gm=$(median "${g[@]}")
  printf '%-22s %-6s %12.3f %12.3f %8.1f %10s\n' "$name" logit "$rm" "$gm" \
    "$(awk -v a="$gm" -v b="$rm" 'BEGIN {print a / b}')" "$(profile_gap "$work/r.out" "$work/g.out")"
done
