#!/usr/bin/env bash
# Installs a build tree into a temporary prefix and checks what lands there: bin/redline, which
# runs and prints its version, and share/man/man1/redline.1, which man renders (when man is
# installed). Usage: scripts/check-install.sh CMAKE BUILD_DIR (a ctest test, `install`).
set -euo pipefail
cmake=$1
build=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
"$cmake" --install "$build" --prefix "$prefix" >/dev/null
fail() {
  echo "install: $1"
  exit 1
}
[[ -x $prefix/bin/redline ]] || fail "no executable bin/redline under the prefix"
version=$("$prefix/bin/redline" --version) || fail "bin/redline --version failed"
[[ $version =~ ^redline\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "bin/redline --version printed '$version'"
manual=$prefix/share/man/man1/redline.1
[[ -f $manual ]] || fail "no share/man/man1/redline.1 under the prefix"
if command -v man >/dev/null; then
  rendered=$(MANWIDTH=100 man -l "$manual" 2>/dev/null) || fail "man cannot render redline.1"
  [[ $rendered == *"redline validate FILE"* ]] || fail "the rendered manual has no synopsis"
fi
echo "installed $version: bin/redline, share/man/man1/redline.1"
