#!/usr/bin/env bash
# Makes a throwaway S/MIME PKI for the tests of core/smime:
#   ca.pem / ca.key            root "Yubisashi SMIME Test Root"
#   sub.pem / sub.key          issuing CA signed by the root (so "full chain" means something)
#   taro-rsa.pem/.key          RSA-2048, SAN taro@example.co.jp, emailProtection
#   taro-ec.pem/.key           ECDSA P-256, address only in the subject (emailAddress=Taro@Example.co.jp)
#   expired.pem/.key           taro@example.co.jp, valid 2020-2021
#   future.pem/.key            taro@example.co.jp, valid from 2090
#   noeku.pem/.key             taro@example.co.jp, extendedKeyUsage=clientAuth only
#   hanako.pem/.key            RSA-2048, hanako@example.co.jp (another address; also an encryption recipient)
#   jiro-ec.pem/.key           ECDSA P-256, jiro@partner.example (an ECDH encryption recipient)
#   *.p12                      PKCS#12 files, password "test-pass" unless noted:
#     taro-rsa-aes.p12 (AES-256-CBC/PBKDF2, OpenSSL 3 default), taro-rsa-3des.p12 (PBE-SHA1-3DES),
#     taro-rsa-rc2.p12 (-legacy: RC2-40 certs), taro-ec.p12, taro-nochain.p12 (leaf only),
#     taro-utf8.p12 (password "日本語パス"), expired.p12, future.p12, noeku.p12, hanako-3des.p12,
#     jiro-ec.p12, mismatch.p12 (hanako's key next to taro's certificate)
#   chain.pem                  sub.pem + ca.pem;  hanako.der, hanako.p7c (certs-only PKCS#7)
# Usage: smime-pki.sh DIR. Idempotent: when the last file is there, nothing is done. Tests running in
# parallel call it for the same DIR: a lock lets one of them make the files while the others wait, so
# two runs never mix the keys of two different CAs.
set -euo pipefail

dir=${1:?usage: smime-pki.sh DIR}
mkdir -p "$dir"
[ -s "$dir/.complete" ] && exit 0
exec 9>"$dir/.lock"
flock 9
[ -s "$dir/.complete" ] && exit 0

umask 077
tmp=$(mktemp -d "$dir/.smime-pki.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

rsakey() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null; }
eckey() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

mkdir -p db
: >db/index.txt
cat >ca.cnf <<'CNF'
[ca]
default_ca = testca
[testca]
database = db/index.txt
serial = db/serial
new_certs_dir = db
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
email_in_dn = yes
[anything]
commonName = optional
emailAddress = optional
organizationName = optional
[root_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[sub_ext]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[smime_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation,keyEncipherment
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = email:${ENV::SAN_EMAIL}
[smime_ec_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyAgreement
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[smime_ec_san_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyAgreement
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = email:${ENV::SAN_EMAIL}
[noeku_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = email:${ENV::SAN_EMAIL}
CNF
export SAN_EMAIL=unused@example.invalid

serial() { openssl rand -hex 16; }
# issue NAME KEYFILE SUBJECT EXT START END  (dates as YYYYMMDDHHMMSSZ, or "" for now / +5 years)
issue() {
    local name=$1 key=$2 subj=$3 ext=$4 start=${5:-} end=${6:-}
    local dates=(-days 1825)
    [ -n "$start" ] && dates=(-startdate "$start" -enddate "$end")
    openssl req -new -key "$key" -subj "$subj" -out "$name.csr"
    serial >db/serial
    openssl ca -batch -config ca.cnf -cert sub.pem -keyfile sub.key -notext -preserveDN \
        -extensions "$ext" "${dates[@]}" -in "$name.csr" -out "$name.pem" 2>/dev/null
}

rsakey ca.key
openssl req -x509 -new -key ca.key -sha256 -days 3650 -subj "/O=Yubisashi tests/CN=Yubisashi SMIME Test Root" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out ca.pem
rsakey sub.key
openssl req -new -key sub.key -subj "/O=Yubisashi tests/CN=Yubisashi SMIME Test Issuing CA" -out sub.csr
openssl x509 -req -in sub.csr -CA ca.pem -CAkey ca.key -set_serial "0x$(serial)" -days 3000 -sha256 \
    -extfile ca.cnf -extensions sub_ext -out sub.pem 2>/dev/null
cat sub.pem ca.pem >chain.pem

rsakey taro-rsa.key
SAN_EMAIL=taro@example.co.jp issue taro-rsa taro-rsa.key "/O=Example/CN=Yamada Taro" smime_ext
eckey taro-ec.key
issue taro-ec taro-ec.key "/O=Example/CN=Yamada Taro/emailAddress=Taro@Example.co.jp" smime_ec_ext
rsakey expired.key
SAN_EMAIL=taro@example.co.jp issue expired expired.key "/CN=Yamada Taro (old)" smime_ext 20200101000000Z 20210101000000Z
rsakey future.key
SAN_EMAIL=taro@example.co.jp issue future future.key "/CN=Yamada Taro (next)" smime_ext 20900101000000Z 20950101000000Z
rsakey noeku.key
SAN_EMAIL=taro@example.co.jp issue noeku noeku.key "/CN=Yamada Taro (VPN)" noeku_ext
rsakey hanako.key
SAN_EMAIL=hanako@example.co.jp issue hanako hanako.key "/O=Example/CN=Suzuki Hanako" smime_ext
eckey jiro-ec.key
SAN_EMAIL=jiro@partner.example issue jiro-ec jiro-ec.key "/O=Partner/CN=Jiro" smime_ec_san_ext

openssl x509 -in hanako.pem -outform DER -out hanako.der
openssl crl2pkcs7 -nocrl -certfile hanako.pem -certfile sub.pem -outform DER -out hanako.p7c

pw=pass:test-pass
p12() { # OUT KEY CERT [extra args...]
    local out=$1 key=$2 cert=$3
    shift 3
    openssl pkcs12 -export -inkey "$key" -in "$cert" -name "$(basename "$out" .p12)" -passout "$pw" -out "$out" "$@"
}
p12 taro-rsa-aes.p12 taro-rsa.key taro-rsa.pem -certfile chain.pem
p12 taro-rsa-3des.p12 taro-rsa.key taro-rsa.pem -certfile chain.pem \
    -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1
p12 taro-rsa-rc2.p12 taro-rsa.key taro-rsa.pem -certfile chain.pem -legacy -certpbe PBE-SHA1-RC2-40
p12 taro-ec.p12 taro-ec.key taro-ec.pem -certfile chain.pem
p12 taro-nochain.p12 taro-rsa.key taro-rsa.pem
openssl pkcs12 -export -inkey taro-rsa.key -in taro-rsa.pem -certfile chain.pem -passout "pass:日本語パス" \
    -out taro-utf8.p12
p12 expired.p12 expired.key expired.pem -certfile chain.pem
p12 future.p12 future.key future.pem -certfile chain.pem
p12 noeku.p12 noeku.key noeku.pem -certfile chain.pem
p12 hanako-3des.p12 hanako.key hanako.pem -certfile chain.pem \
    -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1
p12 jiro-ec.p12 jiro-ec.key jiro-ec.pem -certfile chain.pem
openssl pkcs12 -export -inkey hanako.key -nocerts -certfile taro-rsa.pem -passout "$pw" -out mismatch.p12 2>/dev/null

rm -rf db ./*.csr ca.cnf
for f in *; do
    mv -f "$f" "$dir/$f"
done
date >"$dir/.complete"
