#!/usr/bin/env bash
# Builds the libFuzzer target for the inbound SMTP session and runs it.
#   scripts/fuzz.sh [SECONDS]      (default 60)
# Exits non-zero when the fuzzer finds a crash, a sanitizer report, a leak or
# runaway memory; the reproducer is left in build/fuzz/artifacts/.
# Environment: BUILD_DIR (default build/fuzz), JOBS (default: nproc).
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build/fuzz}"
jobs="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DYUBISASHI_FUZZ=ON -DYUBISASHI_GUI=OFF -DYUBISASHI_TESTS=OFF
fi
cmake --build "$build" --target fuzz_smtp_session -j "$jobs"

# The fuzzer adds what it finds to a working corpus; the committed seeds stay as they are.
work="$build/corpus/smtp"
artifacts="$build/artifacts/"
mkdir -p "$work" "$artifacts"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export QT_LOGGING_RULES="${QT_LOGGING_RULES:-*.debug=false;smtp.info=false}"

"$build/tests/fuzz/fuzz_smtp_session" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="$artifacts" -print_final_stats=1 \
  "$work" "$root/tests/fuzz/corpus/smtp"
