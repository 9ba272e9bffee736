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
exec "$(dirname "$0")/run-driver.sh" reuse_burst "*/yubisashi.log, postfix-*/postfix/maillog, upstream/upstream.log" "$@"
