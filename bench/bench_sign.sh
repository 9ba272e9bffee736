#!/usr/bin/env bash
# Sign + assemble a 25 MB message with Smime::Signer (bench/bench_sign) and with
# `openssl cms -sign -binary` over the same entity bytes, in the same run:
# wall time and peak RSS (/usr/bin/time -v), median of RUNS runs, and ratios.
# Target (DESIGN.md): time <= 1.2x openssl; peak RSS <= 3x the message size.
#
# Usage: bench/bench_sign.sh [BUILD_DIR]   (default build/bench-release)
#   BUILD_DIR is configured as a Release build of core + bench if it has no bench_sign yet.
#   SIZE_MB=25 RUNS=5 KIND=base64|8bit  may be set in the environment.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/bench-release}
size_mb=${SIZE_MB:-25}
runs=${RUNS:-5}
kind=${KIND:-base64}
work=$build/bench-sign
mkdir -p "$work"

bin=$(find "$build" -name bench_sign -type f -perm -u+x 2>/dev/null | head -n1 || true)
if [ -z "$bin" ]; then
    # bench/ may not be part of the top-level build: a small wrapper project adds it.
    wrap=$build/wrapper
    mkdir -p "$wrap"
    cat >"$wrap/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(YubisashiBench LANGUAGES CXX)
add_subdirectory("$root" yubisashi)
if(NOT TARGET bench_sign)
  add_subdirectory("$root/bench" bench)
endif()
CMAKE
    cmake -S "$wrap" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DYUBISASHI_SANITIZE=OFF \
        -DYUBISASHI_GUI=OFF -DYUBISASHI_TESTS=OFF >/dev/null
    cmake --build "$build" --target bench_sign -j2 >/dev/null
    bin=$(find "$build" -name bench_sign -type f -perm -u+x | head -n1)
fi

bash "$root/tests/tools/smime-pki.sh" "$work/pki" >/dev/null
pki=$work/pki

# The message: a short text part and one attachment, CRLF throughout.
msg=$work/message.eml
/usr/bin/python3 - "$msg" "$size_mb" "$kind" <<'PY'
import base64, os, sys
path, size_mb, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3]
target = size_mb * 1024 * 1024
head = (b"From: Taro <taro@example.co.jp>\r\nTo: hanako@example.co.jp\r\nSubject: bench\r\n"
        b"Date: Thu, 26 Nov 2026 10:00:00 +0900\r\nMessage-ID: <bench@example.co.jp>\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + "添付します。\r\n".encode() + b"--b1\r\n")
if kind == "base64":  # the common case: already 7-bit, signed as it is
    raw = os.urandom(target * 3 // 4 - 4096)
    b = base64.encodebytes(raw).replace(b"\n", b"\r\n")
    part = (b"Content-Type: application/pdf; name=\"big.pdf\"\r\nContent-Transfer-Encoding: base64\r\n"
            b"Content-Disposition: attachment; filename=\"big.pdf\"\r\n\r\n" + b)
else:  # 8-bit text that must be re-encoded to quoted-printable first
    line = ("日本語の本文、" * 20 + "\r\n").encode()
    part = (b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + line * (target // len(line)))
with open(path, "wb") as f:
    f.write(head + part + b"\r\n--b1--\r\n")
PY
msg_bytes=$(stat -c %s "$msg")

# Once, to get the exact entity our signer signs; openssl signs those bytes.
"$bin" "$msg" "$pki/taro-rsa-aes.p12" test-pass "$work/ours.eml" 2>/dev/null
/usr/bin/python3 - "$work/ours.eml" "$work/entity.bin" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
head, _, _ = data.partition(b"\r\n\r\n")
b = re.search(rb'boundary="([^"]+)"', head).group(1)
d = b"\r\n--" + b + b"\r\n"
start = data.index(d) + len(d)
end = data.index(d, start)
open(sys.argv[2], "wb").write(data[start:end])
PY
entity_bytes=$(stat -c %s "$work/entity.bin")

measure() { # label cmd... -> "seconds maxrss_kb"
    local label=$1
    shift
    local times=() rss=0
    for _ in $(seq "$runs"); do
        /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/$label.err"
        local s r
        s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); t=0; for(i=1;i<=n;i++) t=t*60+a[i]; print t}' "$work/time.txt")
        r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
        times+=("$s")
        [ "$r" -gt "$rss" ] && rss=$r
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "$median $rss"
}

read -r ours_s ours_kb < <(measure ours "$bin" "$msg" "$pki/taro-rsa-aes.p12" test-pass "$work/ours.eml")
# openssl: same entity, same key (PEM, no PKCS#12 decryption), full chain, S/MIME output with the content.
read -r ossl_s ossl_kb < <(measure openssl openssl cms -sign -binary -md sha256 -in "$work/entity.bin" \
    -signer "$pki/taro-rsa.pem" -inkey "$pki/taro-rsa.key" -certfile "$pki/chain.pem" -out "$work/openssl.eml")

# Both results must verify, or the numbers mean nothing.
/usr/bin/python3 - "$work/ours.eml" "$work/sig.der" <<'PY'
import base64, re, sys
data = open(sys.argv[1], "rb").read()
b = re.search(rb'boundary="([^"]+)"', data.partition(b"\r\n\r\n")[0]).group(1)
d = b"\r\n--" + b + b"\r\n"
p2 = data[data.index(d, data.index(d) + 1) + len(d):data.index(b"\r\n--" + b + b"--")]
open(sys.argv[2], "wb").write(base64.b64decode(p2.partition(b"\r\n\r\n")[2]))
PY
openssl cms -verify -binary -crlfeol -CAfile "$pki/ca.pem" -content "$work/entity.bin" -inform DER \
    -in "$work/sig.der" -out /dev/null 2>/dev/null
# (openssl frames its own output with LF, so its result is checked without -crlfeol.)
openssl cms -verify -binary -CAfile "$pki/ca.pem" -in "$work/openssl.eml" -out /dev/null 2>/dev/null

awk -v mb="$msg_bytes" -v eb="$entity_bytes" -v os="$ours_s" -v ok="$ours_kb" -v ss="$ossl_s" -v sk="$ossl_kb" \
    -v runs="$runs" -v kind="$kind" 'BEGIN {
    printf "message %.1f MB (%s), entity %.1f MB, median of %d runs\n", mb/1048576, kind, eb/1048576, runs
    printf "%-28s %8.3f s  peak RSS %7.1f MB\n", "Smime::Signer (bench_sign)", os, ok/1024
    printf "%-28s %8.3f s  peak RSS %7.1f MB\n", "openssl cms -sign -binary", ss, sk/1024
    printf "time ratio ours/openssl: %.2f (target <= 1.2)\n", (ss > 0 ? os/ss : 0)
    printf "peak RSS / message size: %.2f (target <= 3.0); openssl: %.2f\n", ok*1024/mb, sk*1024/mb
}'
echo "phases (last run): $(cat "$work/ours.err")"
