#!/usr/bin/env bash
# Makes a throwaway PKI for tests that talk TLS to a local upstream:
#   ca.pem / ca.key              a test CA (the tests pass ca.pem as caFile)
#   server.pem / server.key      "localhost" (DNS:localhost, IP:127.0.0.1), issued by the test CA
#   untrusted.pem / untrusted.key  a self-signed certificate for the same names, trusted by nobody
# Usage: pki.sh DIR. Idempotent: when every file is already there, nothing is done.
# The files are made in a private temporary folder and moved into DIR one by
# one, so two concurrent runs never leave a key next to a foreign certificate.
set -euo pipefail

dir=${1:?usage: pki.sh DIR}
files=(ca.pem ca.key server.pem server.key untrusted.pem untrusted.key)

complete() {
    local f
    for f in "${files[@]}"; do
        [ -s "$dir/$f" ] || return 1
    done
}

mkdir -p "$dir"
if complete; then
    exit 0
fi
# Tests running in parallel may ask for the same DIR: one makes the files, the others wait for it,
# so a CA and the certificates it signed always come from the same run.
exec 9>"$dir/.lock"
flock 9
if complete; then
    exit 0
fi

umask 077
tmp=$(mktemp -d "$dir/.pki.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

# EC P-256 keys: generated in milliseconds, accepted by OpenSSL, Qt and Python.
newkey() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
names="subjectAltName=DNS:localhost,IP:127.0.0.1"

newkey ca.key
openssl req -x509 -new -key ca.key -sha256 -days 3650 -subj "/O=Yubisashi tests/CN=Yubisashi Test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out ca.pem

newkey server.key
openssl req -new -key server.key -subj "/O=Yubisashi tests/CN=localhost" -out server.csr
cat >server.ext <<EOF
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
$names
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
EOF
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -set_serial "0x$(openssl rand -hex 16)" \
    -days 825 -sha256 -extfile server.ext -out server.pem 2>/dev/null

newkey untrusted.key
openssl req -x509 -new -key untrusted.key -sha256 -days 825 -subj "/O=Untrusted/CN=localhost" \
    -addext "basicConstraints=critical,CA:FALSE" -addext "keyUsage=critical,digitalSignature" \
    -addext "extendedKeyUsage=serverAuth" -addext "$names" -out untrusted.pem

chmod 600 ./*.key
chmod 644 ./*.pem
# Keys before certificates: a reader that sees a certificate also finds its key.
for f in ca.key ca.pem server.key server.pem untrusted.key untrusted.pem; do
    mv -f "$f" "$dir/$f"
done
