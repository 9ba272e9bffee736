#!/usr/bin/env bash
# Builds the libFuzzer targets (the inbound SMTP session and the message
# parser) and runs each of them.
#   scripts/fuzz.sh [SECONDS] [TARGET...]   (default 60 seconds per target, all targets)
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
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(smtp_session message_view)
for t in "${targets[@]}"; do
  cmake --build "$build" --target "fuzz_$t" -j "$jobs"
done

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export QT_LOGGING_RULES="${QT_LOGGING_RULES:-*.debug=false;smtp.info=false}"

for t in "${targets[@]}"; do
  # Seeds: tests/fuzz/corpus/{smtp,mime}/ (inputs that once failed among them) and tests/data/mime/. The fuzzer adds what it finds to a
  # working corpus in the build folder; the committed seeds stay as they are.
  short=${t%%_*}
  maxlen=65536
  if [ "$t" = message_view ]; then short=mime; maxlen=262144; fi
  work="$build/corpus/$short"
  artifacts="$build/artifacts/$t/"
  mkdir -p "$work" "$artifacts"
  seeds=()
  [ -d "$root/tests/fuzz/corpus/$short" ] && seeds=("$root/tests/fuzz/corpus/$short")
  [ "$t" = message_view ] && seeds+=("$root/tests/data/mime")
  echo "== fuzz_$t for $seconds s"
  "$build/tests/fuzz/fuzz_$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$maxlen" \
    -artifact_prefix="$artifacts" -print_final_stats=1 \
    "$work" "${seeds[@]}"
done
