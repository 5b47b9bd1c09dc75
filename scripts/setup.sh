#!/usr/bin/env bash
# Installs redline's dependencies (Debian 12 packages), builds it (Release, profile-guided with
# GCC: scripts/build-pgo.sh) into build/,
# and runs the default scenario. Usage: bash scripts/setup.sh [--no-run]; PGO=0 builds a plain
# Release tree instead (the same results, about 7 % slower).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake git pkg-config libyaml-cpp-dev nlohmann-json3-dev libcli11-dev
          libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev libgmp-dev libqd-dev clang-format)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "installing: ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

jobs=$(nproc 2>/dev/null || echo 2)
if [[ ${PGO:-1} == 0 ]]; then
  # PGO=0: a plain Release build (the same numbers, about 7 % slower; CI uses it for time).
  echo "building into build/ with $jobs jobs, plain Release (compiler output: build/build.log)"
  mkdir -p build
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DREDLINE_PGO=OFF -DREDLINE_BUILD_BENCH=ON \
    >build/build.log
  if ! cmake --build build -j "$jobs" >>build/build.log 2>&1; then
    tail -n 60 build/build.log
    echo "$0: the build failed; the whole log is build/build.log" >&2
    exit 1
  fi
else
  echo "building into build/ with $jobs jobs, profile-guided (compiler output: build/build.log)"
  bash scripts/build-pgo.sh build -DREDLINE_BUILD_BENCH=ON
fi

if [ "${1:-}" != "--no-run" ]; then
  ./build/src/redline run scenarios/ukraine_2022.yaml --runs 100000
fi
