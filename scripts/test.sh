#!/usr/bin/env bash
# Installs what is missing, builds with ASan+UBSan and runs every test: unit,
# widget (offscreen), end-to-end against real clients and a real upstream,
# a short fuzzing run, the core-only build, the format check and the Windows
# syntax check.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jobs=$(nproc)

scripts/deps.sh --test

echo "== format check"
files=$(git ls-files -- '*.cpp' '*.h' 2>/dev/null || find core ui app tests bench -name '*.cpp' -o -name '*.h')
clang-format --dry-run --Werror $files

echo "== module layers, SQL only in core/store, check codes only in their checks"
/usr/bin/python3 scripts/check-layers.py

echo "== Windows syntax check (MinGW-w64, the _win files)"
scripts/check-windows.sh

echo "== core builds alone (no Gui, no Widgets)"
cmake --preset core-only >/dev/null
cmake --build build/core-only --target yubisashi_core -j"$jobs"

echo "== build with ASan and UBSan"
cmake --preset asan >/dev/null
cmake --build build/asan -j"$jobs"

echo "== Debian package (release build, lintian; checked by the package_deb test below)"
scripts/package.sh

echo "== translations are current"
scripts/check-translations.sh

echo "== short fuzzing run"
scripts/fuzz.sh "${FUZZ_SECONDS:-30}"

echo "== tests"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build/asan --output-on-failure --timeout 900 -j"$jobs"

echo "== mis-send benchmark, small seed: fails when recall or false acknowledgements regress"
YUBISASHI_BIN=build/asan/app/yubisashi bench/misdirect.sh --small
