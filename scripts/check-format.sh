#!/usr/bin/env bash
# Fails (and names the files) if any C++ source is not formatted per .clang-format.
# Fix with: git ls-files 'src/*.cc' 'src/*.h' 'bench/*.cc' 'fuzz/*.cc' | xargs clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find src bench fuzz -name '*.cc' -o -name '*.h' | sort)
bad=()
for f in "${files[@]}"; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if ((${#bad[@]})); then
  echo "not formatted (clang-format): ${bad[*]}"
  exit 1
fi
echo "${#files[@]} files formatted"
