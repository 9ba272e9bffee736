#!/bin/sh
# bench_check.sh — how fast `yubisashi check` judges a message (a benchmark,
# not a test: it prints numbers and never fails on them).
#
# Measures, against the targets in DESIGN.md "Performance targets":
#   1. check of a 25 MB message with attachments            (target <= 100 ms)
#   2. check of a message with 1,000 recipients in 200 domains (target <= 50 ms)
#   3. first-time and relationship lookups against 100,000 known recipients
#      (target <= 1 ms per message each);
#      the history is filled by `import-history` of a generated Sent mbox
#      (10,000 messages x 10 recipients in 5,000 domains), which is timed too.
# Each line gives the wall time of the whole process (best of 5), the time of
# the steps as `check --timings` reports them, and the peak RSS from
# /usr/bin/time -v.
#
# Usage:  bench/bench_check.sh [BINARY]
#   BINARY (or $YUBISASHI_BIN) is a yubisashi built with
#   -DCMAKE_BUILD_TYPE=Release -DYUBISASHI_SANITIZE=OFF; default build/bench/app/yubisashi.
# Work files go to a temporary folder that is removed at the end.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-${YUBISASHI_BIN:-$here/build/bench/app/yubisashi}}
[ -x "$bin" ] || { echo "no yubisashi binary at $bin (build a Release one or pass its path)" >&2; exit 2; }
py=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

cat > "$work/y.ini" <<INI
data_dir=$work/data
[policy]
internal_domains=example.co.jp, *.example.co.jp
INI

"$py" - "$work" <<'PY'
import os, sys, mailbox
from email.message import EmailMessage
work = sys.argv[1]

def msg(to, cc=(), attachments=(), subject="bench", body="Hello,\n\nthe numbers.\n", msgid=None):
    m = EmailMessage()
    m["From"] = "Taro Yamada <taro@example.co.jp>"
    m["To"] = ", ".join(to)
    if cc:
        m["Cc"] = ", ".join(cc)
    m["Subject"] = subject
    m["Message-ID"] = msgid or f"<{os.urandom(8).hex()}@example.co.jp>"
    m.set_content(body)
    for name, data in attachments:
        m.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return m

def write(name, m):
    with open(os.path.join(work, name), "wb") as f:
        f.write(m.as_bytes(policy=m.policy.clone(linesep="\r\n")))

# 1. about 25 MB on the wire: three attachments of 6 MB (base64 makes 8 MB each) and a long body.
body = ("お世話になっております。見積書を送ります。\n" * 20000)
write("big.eml", msg(["bob@partner.example"], attachments=[(f"data{i}.bin", os.urandom(6 * 1024 * 1024)) for i in range(3)], body=body))
# 2. 1,000 recipients in 200 domains.
rcpts = [f"user{i}@company{i % 200}.example" for i in range(1000)]
write("many.eml", msg(rcpts[:500], rcpts[500:]))
# 3. A Sent mbox teaching 100,000 recipients in 5,000 domains.
box = mailbox.mbox(os.path.join(work, "Sent"))
n = 0
for k in range(10000):
    to = [f"person{n + j}@org{(n + j) % 5000}.example" for j in range(10)]
    n += 10
    box.add(msg(to, msgid=f"<sent{k}@example.co.jp>"))
box.close()
# ... and one message to 5 known and 5 new recipients.
write("known.eml", msg([f"person{i}@org{i % 5000}.example" for i in range(0, 50000, 10000)] +
                       [f"new{i}@fresh{i}.example" for i in range(5)]))
PY

# best wall time of 5 runs in ms, and the --timings line of the best run
measure() {
    label=$1; shift
    best=""
    for i in 1 2 3 4 5; do
        start=$(date +%s%N)
        "$bin" "$@" --config "$work/y.ini" --json --timings > /dev/null 2> "$work/err" || true
        end=$(date +%s%N)
        ms=$(( (end - start) / 1000000 ))
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; cp "$work/err" "$work/best"; fi
    done
    /usr/bin/time -v "$bin" "$@" --config "$work/y.ini" --json > /dev/null 2> "$work/time" || true
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
    printf '%-44s %6s ms wall  %7s KB peak RSS\n' "$label" "$best" "$rss"
    grep -E 'timings|first-time|relationship' "$work/best" | sed 's/^/    /'
}

size=$(wc -c < "$work/big.eml")
echo "yubisashi check benchmark ($bin)"
measure "check, $((size / 1048576)) MB message with attachments" check "$work/big.eml"
measure "check, 1,000 recipients in 200 domains" check "$work/many.eml"

start=$(date +%s%N)
/usr/bin/time -v "$bin" import-history "$work/Sent" --config "$work/y.ini" 2> "$work/import" > /dev/null
end=$(date +%s%N)
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/import")
printf '%-44s %6s ms wall  %7s KB peak RSS\n' "import-history, 10,000 messages" $(( (end - start) / 1000000 )) "$rss"
grep -E 'learned' "$work/import" | tr '\r' '\n' | tail -1 | sed 's/^/    /'
measure "check, 10 recipients, 100,000 known" check "$work/known.eml"
