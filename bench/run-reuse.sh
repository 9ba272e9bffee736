#!/usr/bin/env bash
# Burst benchmark through a distant upstream (not a test: it prints numbers and
# does not fail on them): 300 small messages via smtp-source -> {Yubisashi with
# kept-open upstream connections | Yubisashi with a new connection per message |
# a private Postfix relay} -> tests/tools/upstream.py answering each command
# after 100 ms and each TLS handshake after 300 ms. Numbers: docs/BENCHMARKS.md.
#
# Usage: bench/run-reuse.sh [reuse_burst.py options]
#   e.g.  bench/run-reuse.sh --runs 3 --json /tmp/reuse.json
#         bench/run-reuse.sh --messages 50 --paths yubisashi-new   (a quick look)
#   YUBISASHI_BIN=path/to/yubisashi skips the build and uses that binary.
# Needs root for the private Postfix instance.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

"$root/scripts/deps.sh" --test

bin=${YUBISASHI_BIN:-}
if [ -z "$bin" ]; then
    cmake --preset release >/dev/null
    cmake --build build/release --target yubisashi -j"$(nproc)" >&2
    bin=$root/build/release/app/yubisashi
fi

work=$(mktemp -d "${BENCH_TMPDIR:-/var/tmp}/yubisashi-reuse.XXXXXX")
status=0
keep=0
for a in "$@"; do [ "$a" = --keep ] && keep=1; done

# The Python driver stops its servers itself; this is the safety net for when it
# could not (killed, crashed). It reads the servers it registered in $work/servers.
# shellcheck disable=SC2317  # called through the trap
cleanup() {
    trap - EXIT INT TERM HUP
    if [ -f "$work/servers" ]; then
        while read -r pid kind conf; do
            case $kind in
            postfix)
                pidfile=$(dirname "$conf")/queue/pid/master.pid
                if [ -s "$pidfile" ] && kill -0 "$(tr -d ' ' <"$pidfile")" 2>/dev/null; then
                    echo "stopping leftover Postfix ($conf)" >&2
                    postfix -c "$conf" stop >/dev/null 2>&1 || kill "$(tr -d ' ' <"$pidfile")" 2>/dev/null || true
                fi
                ;;
            *)
                # Only a process that is still the one we started (pids get reused).
                if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$kind"; then
                    echo "stopping leftover $kind ($pid)" >&2
                    kill "$pid" 2>/dev/null || true
                fi
                ;;
            esac
        done <"$work/servers"
    fi
    if [ "$status" -eq 1 ] || [ "$keep" -eq 1 ]; then
        echo "work folder kept: $work (*/yubisashi.log, postfix-*/postfix/maillog, upstream/upstream.log)" >&2
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT
trap 'status=130; exit 130' INT TERM HUP

/usr/bin/python3 "$root/bench/reuse_burst.py" --yubisashi "$bin" --workdir "$work" "$@" || status=$?
exit "$status"
