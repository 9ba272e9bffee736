#!/usr/bin/env bash
# Pass-path benchmark (not a test: it prints numbers and does not fail on them).
# smtp-source -> {smtp-sink directly | a private Postfix relay | Yubisashi} -> smtp-sink,
# all in one run: throughput until every message reached the sink, and p50/p99
# latency from the final "." to the reply. Targets and how to read the output:
# docs/BENCHMARKS.md.
#
# Usage: bench/run-pass-path.sh [pass_path.py options]
#   e.g.  bench/run-pass-path.sh --runs 5 --json /tmp/pass-path.json
#         bench/run-pass-path.sh --messages 500 --runs 1      (a quick look)
#   YUBISASHI_BIN=path/to/yubisashi skips the build and uses that binary.
#
# Installs missing packages (scripts/deps.sh --test), builds the Release binary
# in build/release, and stops every server it started (smtp-sink, Postfix,
# Yubisashi) on success, failure, Ctrl-C or kill of the Python driver.
# Needs root for the private Postfix instance (its daemons switch to user postfix).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

"$root/scripts/deps.sh" --test

bin=${YUBISASHI_BIN:-}
if [ -z "$bin" ]; then
    # Build output to stderr: stdout carries only the report.
    cmake --preset release >/dev/null
    cmake --build build/release --target yubisashi -j"$(nproc)" >&2
    bin=$root/build/release/app/yubisashi
fi

# /var/tmp, not /tmp: /tmp is often tmpfs, where fsync costs nothing and the queues would look free.
work=$(mktemp -d "${BENCH_TMPDIR:-/var/tmp}/yubisashi-pass-path.XXXXXX")
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
        echo "work folder kept: $work (yubisashi/yubisashi.log, postfix/maillog, smtp-sink.log)" >&2
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT
trap 'status=130; exit 130' INT TERM HUP

/usr/bin/python3 "$root/bench/pass_path.py" --yubisashi "$bin" --workdir "$work" "$@" || status=$?
exit "$status"
