#!/bin/sh
# misdirect.sh — the labelled mis-send benchmark (bench/misdirect/): recall of
# the checks on realistic mistakes (the wrong person, typo and look-alike
# domains, a private address, a file or greeting meant for someone else) and
# acknowledgements per 100 legitimate messages, after importing one
# organisation's generated sent mail. See docs/BENCHMARKS.md.
#
# Usage:  bench/misdirect.sh [--small] [--keep] [--seed N] [--json FILE]
#   The binary is $YUBISASHI_BIN, else build/asan/app/yubisashi, else
#   build/release/app/yubisashi; nothing is built here.
#   --small: a small seed that runs in well under a minute, and fails (exit 1)
#   when recall on the covered mistakes or the acknowledgement rate regress
#   (scripts/test.sh runs it as a regression guard).
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
bin=${YUBISASHI_BIN:-}
if [ -z "$bin" ]; then
    for b in "$here/build/asan/app/yubisashi" "$here/build/release/app/yubisashi"; do
        if [ -x "$b" ]; then bin=$b; break; fi
    done
fi
[ -n "$bin" ] && [ -x "$bin" ] || { echo "no yubisashi binary (set YUBISASHI_BIN or build build/asan)" >&2; exit 2; }

size=full
guard=""
args=""
for a in "$@"; do
    case $a in
        --small) size=small ;;
        *) args="$args $a" ;;
    esac
done
if [ "$size" = small ]; then
    # Measured on this seed (docs/BENCHMARKS.md); a drop below either fails.
    guard="--min-recall 100 --max-acks 2"
fi
# ASan: leaks are errors in tests, but every check is its own short process here.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
# shellcheck disable=SC2086
exec /usr/bin/python3 "$here/bench/misdirect/run.py" "$bin" --size "$size" $guard $args
