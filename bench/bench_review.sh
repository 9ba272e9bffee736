#!/bin/sh
# bench_review.sh — how fast the review window appears, and what the desktop app
# costs while idle (a benchmark, not a test: it prints numbers and never fails on them).
#
# Measures, against DESIGN.md "Performance targets":
#   1. end of DATA -> review window shown, typical mail (3 recipients, 1 external)  (target <= 150 ms)
#   2. end of DATA -> review window shown, 1,000 recipients in 200 domains          (target <= 500 ms)
#      median and p90 of 10 reviews each, plus the first window after start
#   3. start -> port accepting connections                                           (target <= 0.5 s)
#   4. idle after start and after the reviews: CPU time over 30 s, context switches,
#      poll-type system calls (strace -c -f, 10 s, if strace can attach), VmRSS      (target <= 60 MB)
# The GUI app (not --headless) runs in test mode under Xvfb (xvfb-run -a); the driver
# is bench/review_latency.py (see its --help). It times from the client's final ".\r\n"
# to the app's log line "review window shown <id>" and then closes the connection,
# which withdraws the review so the next one can open.
#
# Usage:  bench/bench_review.sh [--runs N] [--idle SECONDS] [--strace SECONDS] [--keep]
#   $YUBISASHI_BIN chooses the binary and skips the build; otherwise the Release binary is
#   built with `cmake --preset release` + `cmake --build build/release --target yubisashi`.
# Work files go to a folder under /var/tmp ($BENCH_TMPDIR) that is removed at the end.
# Takes about 2 minutes.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${YUBISASHI_BIN:-}" ]; then
    bin=$YUBISASHI_BIN
else
    cd "$here"
    [ -f build/release/build.ninja ] || cmake --preset release > /dev/null
    cmake --build build/release --target yubisashi > /tmp/bench_review_build.log 2>&1 || { cat /tmp/bench_review_build.log >&2; exit 2; }
    bin=$here/build/release/app/yubisashi
fi
[ -x "$bin" ] || { echo "no yubisashi binary at $bin" >&2; exit 2; }
command -v xvfb-run > /dev/null || { echo "xvfb-run is missing (scripts/deps.sh --test)" >&2; exit 2; }

exec xvfb-run -a -s "-screen 0 1920x1080x24" /usr/bin/python3 "$here/bench/review_latency.py" --bin "$bin" "$@"
