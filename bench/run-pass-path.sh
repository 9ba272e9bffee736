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
exec "$(dirname "$0")/run-driver.sh" pass_path "yubisashi/yubisashi.log, postfix/maillog, smtp-sink.log" "$@"
