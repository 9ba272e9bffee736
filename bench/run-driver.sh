#!/usr/bin/env bash
# The part every server benchmark shares (bench/run-pass-path.sh, bench/run-reuse.sh):
# installs missing packages (scripts/deps.sh --test), builds the Release binary in
# build/release unless YUBISASHI_BIN names one, runs bench/DRIVER.py in a fresh work
# folder, and stops every server the driver registered in $work/servers (smtp-sink,
# Postfix, Yubisashi, the upstream) on success, failure, Ctrl-C or a kill of the driver.
#   bench/run-driver.sh DRIVER LOG-HINT [DRIVER options]
set -euo pipefail

driver=$1 # bench/DRIVER.py
logs=$2   # where to look in a kept work folder
shift 2

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
work=$(mktemp -d "${BENCH_TMPDIR:-/var/tmp}/yubisashi-$driver.XXXXXX")
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
        echo "work folder kept: $work ($logs)" >&2
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT
trap 'status=130; exit 130' INT TERM HUP

/usr/bin/python3 "$root/bench/$driver.py" --yubisashi "$bin" --workdir "$work" "$@" || status=$?
exit "$status"
