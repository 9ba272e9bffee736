"""S/MIME end to end: a mail client -> the real yubisashi binary (signing at
delivery time with a PKCS#12 identity) -> aiosmtpd. What arrives is checked
with two independent verifiers, openssl cms and gpgsm, against the throwaway
test CA of tests/tools/smime-pki.sh, the same way tests/core/TestSigner.cpp does.
Encryption is decided apart from signing, its envelope (read with openssl cms
-cmsout -print) names only the To/Cc recipients and the sender, and Bcc header
fields never reach the upstream.
"""

import base64
import email
import email.policy
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import INTERNAL, TOOLS, assert_same_message, make_message, wait_until

P12_PASSWORD = "test-pass"
RECIPIENT = f"hanako@{INTERNAL}"
JAPANESE = "こんにちは。見積書をお送りします。\r\n山田 太郎\r\n"


def _run(args, **kw):
    return subprocess.run(args, capture_output=True, timeout=120, **kw)


@pytest.fixture(scope="session")
def smime_pki(tmp_path_factory):
    d = tmp_path_factory.mktemp("smime-pki")
    p = _run(["bash", str(TOOLS / "smime-pki.sh"), str(d)], text=True)
    assert p.returncode == 0, f"smime-pki.sh failed ({p.returncode}):\n{p.stdout}\n{p.stderr}"
    for name in ("ca.pem", "taro-rsa-aes.p12", "hanako.pem", "hanako.key"):
        assert (d / name).exists(), f"smime-pki.sh did not make {name}"
    return d


class Gpgsm:
    """A throwaway GNUPGHOME trusting only the test root (as SmimeTestSupport.h)."""

    def __init__(self, ca):
        # short path: gpg-agent's sockets live in the home folder
        self.home = Path(tempfile.mkdtemp(prefix="gs-", dir="/tmp"))
        self.home.chmod(0o700)
        (self.home / "gpgsm.conf").write_text("disable-crl-checks\n")
        (self.home / "gpg-agent.conf").write_text("allow-loopback-pinentry\n")
        r = self.gpgsm("--import", str(ca))
        assert r.returncode == 0, f"gpgsm --import failed:\n{r.stderr.decode(errors='replace')}"
        fp = _run(["openssl", "x509", "-in", str(ca), "-noout", "-fingerprint", "-sha1"], text=True)
        assert fp.returncode == 0, fp.stderr
        (self.home / "trustlist.txt").write_text(fp.stdout.strip().split("=", 1)[1] + " S\n")

    def gpgsm(self, *args):
        return _run(["gpgsm", "--homedir", str(self.home), "--batch", "--disable-dirmngr",
                     "--pinentry-mode", "loopback", *args])

    def verify(self, content, signature):
        """(ok, log): exit 0 and a good signature, no BAD one."""
        with tempfile.TemporaryDirectory() as tmp:
            c, s = Path(tmp) / "content.bin", Path(tmp) / "sig.der"
            c.write_bytes(content)
            s.write_bytes(signature)
            r = self.gpgsm("--verify", str(s), str(c))
        log = r.stderr.decode("utf-8", "replace")
        return r.returncode == 0 and "Good signature" in log and "BAD signature" not in log, log

    def close(self):
        _run(["gpgconf", "--homedir", str(self.home), "--kill", "all"])
        shutil.rmtree(self.home, ignore_errors=True)


@pytest.fixture(scope="session")
def gpgsm(smime_pki):
    g = Gpgsm(smime_pki / "ca.pem")
    yield g
    g.close()


def openssl_verify(content, signature, ca):
    """(ok, stderr) of openssl cms -verify -binary -crlfeol on the detached parts."""
    with tempfile.TemporaryDirectory() as tmp:
        c, s = Path(tmp) / "content.bin", Path(tmp) / "sig.der"
        c.write_bytes(content)
        s.write_bytes(signature)
        r = _run(["openssl", "cms", "-verify", "-binary", "-crlfeol", "-CAfile", str(ca), "-content", str(c),
                  "-inform", "DER", "-in", str(s), "-out", "/dev/null"])
    return r.returncode == 0, r.stderr.decode("utf-8", "replace")


def split_signed(message):
    """(headers, first part, DER signature) of a multipart/signed message, cut
    at the boundary exactly as RFC 2046 says (as splitSigned() in SmimeTestSupport.h)."""
    end = message.find(b"\r\n\r\n")
    assert end > 0, f"no header/body separator: {message[:300]!r}"
    headers = message[: end + 2]
    m = re.search(rb'boundary="([^"]+)"', headers)
    assert m, f"no quoted boundary in the header:\n{headers.decode(errors='replace')}"
    dash = b"--" + m.group(1)
    delimiter = b"\r\n" + dash + b"\r\n"
    first = message.find(delimiter, end)
    assert first >= 0, "first delimiter not found"
    start = first + len(delimiter)
    second = message.find(delimiter, start)
    close = message.find(b"\r\n" + dash + b"--", second + 1)
    assert second >= 0 and close >= 0, "second delimiter or close delimiter not found"
    part2 = message[second + len(delimiter): close]
    body = part2.find(b"\r\n\r\n")
    assert body > 0, f"signature part has no body: {part2[:300]!r}"
    assert b"application/pkcs7-signature" in part2[:body], part2[:body]
    signature = base64.b64decode(part2[body + 4:])
    assert signature, "empty signature"
    return headers, message[start:second], signature


def assert_seven_bit(data, what):
    for i, line in enumerate(data.split(b"\r\n")):
        assert b"\n" not in line and b"\r" not in line, f"{what}: bare CR/LF in line {i + 1}"
        assert len(line) <= 998, f"{what}: line {i + 1} has {len(line)} octets"
        assert all(b < 0x80 and b != 0 for b in line), f"{what}: 8-bit or NUL in line {i + 1}: {line[:100]!r}"


def assert_verifies(message, ca, gpgsm):
    """Checks the signed message with both tools, and that one changed byte of
    the first part fails both. Returns (headers, first part)."""
    headers, part, sig = split_signed(message)
    ok, err = openssl_verify(part, sig, ca)
    assert ok, f"openssl cms -verify failed:\n{err}"
    ok, log = gpgsm.verify(part, sig)
    assert ok, f"gpgsm --verify failed:\n{log}"
    tampered = bytearray(part)
    at = len(tampered) - 5
    tampered[at] = ord("y") if tampered[at] == ord("x") else ord("x")
    tampered = bytes(tampered)
    ok, err = openssl_verify(tampered, sig, ca)
    assert not ok, "openssl verified a tampered first part"
    ok, log = gpgsm.verify(tampered, sig)
    assert not ok, f"gpgsm verified a tampered first part:\n{log}"
    return headers, part


def text_of(entity):
    """The decoded text of a text/plain entity (CRLF or LF), LF line ends."""
    msg = email.message_from_bytes(entity, policy=email.policy.default)
    assert msg.get_content_type() == "text/plain", msg.get_content_type()
    return msg.get_content().replace("\r\n", "\n")


def header_lines(headers):
    return headers.decode("ascii").replace("\r\n ", " ").replace("\r\n\t", " ").split("\r\n")


def smime_app(make_app, upstream, smime_pki, *, sign="always", encrypt="never", **kw):
    return make_app(upstream=upstream, review="never",
                    extra={"account.work": {"smime_p12": smime_pki / "taro-rsa-aes.p12", "sign": sign,
                                            "encrypt": encrypt}},
                    secrets_extra={"work": {"smime_password": P12_PASSWORD}}, **kw)


def upstream_message(upstream):
    msgs = upstream.wait_count(1, timeout=30)
    assert len(msgs) == 1, f"{len(msgs)} messages at the upstream"
    return msgs[0]


# ---------------------------------------------------------------------------


def test_signed_and_verifies_with_two_tools(make_upstream, make_app, smime_pki, gpgsm, tmp_path):
    upstream = make_upstream()
    app = smime_app(make_app, upstream, smime_pki)
    sent = make_message("signed e2e", to=(RECIPIENT,))
    app.swaks(sent, [RECIPIENT]).check(250, "2.0.0")
    m = upstream_message(upstream)
    eml = m["eml"]
    assert m["rcpt_tos"] == [RECIPIENT]

    headers, part = assert_verifies(eml, smime_pki / "ca.pem", gpgsm)
    lines = header_lines(headers)
    ctype = [l for l in lines if l.lower().startswith("content-type:")]
    assert len(ctype) == 1 and "multipart/signed" in ctype[0] and "micalg=sha-256" in ctype[0] \
        and 'protocol="application/pkcs7-signature"' in ctype[0], ctype
    # The message header stays readable outside the signature, as sent.
    for name in ("From:", "To:", "Subject:", "Message-ID:", "Date:"):
        original = [l for l in header_lines(sent[: sent.find(b"\r\n\r\n") + 2]) if l.startswith(name)]
        assert original and original[0] in lines, f"{name} changed or missing:\n{headers.decode()}"
    assert_seven_bit(eml, "the message")
    # What is signed is the body the client sent, dot lines included.
    assert text_of(part) == ("Hello,\n.a line starting with a dot\n..two dots\n\n-- \nTaro\n")

    # openssl's own S/MIME parser finds the same signed part in the whole message.
    whole = tmp_path / "whole.eml"
    whole.write_bytes(eml)
    r = _run(["openssl", "cms", "-verify", "-binary", "-crlfeol", "-CAfile", str(smime_pki / "ca.pem"),
              "-in", str(whole)])
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    assert r.stdout == part


def test_japanese_8bit_body_signed_as_7bit(make_upstream, make_app, smime_pki, gpgsm):
    upstream = make_upstream()
    app = smime_app(make_app, upstream, smime_pki)
    sent = make_message("Japanese", to=(RECIPIENT,), body=JAPANESE.encode("utf-8"), charset="utf-8", cte="8bit")
    app.smtplib(sent, [RECIPIENT], mail_options=["BODY=8BITMIME"]).check(250, "2.0.0")
    eml = upstream_message(upstream)["eml"]
    assert_seven_bit(eml, "the message")
    _, part = assert_verifies(eml, smime_pki / "ca.pem", gpgsm)
    assert text_of(part) == JAPANESE.replace("\r\n", "\n")


def test_external_mode_internal_recipient_unsigned(make_upstream, make_app, smime_pki):
    upstream = make_upstream()
    app = smime_app(make_app, upstream, smime_pki, sign="external")
    sent = make_message("internal only", to=(RECIPIENT, f"jiro@sales.{INTERNAL}"))
    app.swaks(sent, [RECIPIENT, f"jiro@sales.{INTERNAL}"]).check(250, "2.0.0")
    eml = upstream_message(upstream)["eml"]
    assert b"multipart/signed" not in eml and b"pkcs7" not in eml
    # untouched: at most a trace header added at the top
    assert_same_message(eml, sent)


def test_certificate_not_matching_from_is_refused(make_upstream, make_app, smime_pki):
    upstream = make_upstream()
    app = smime_app(make_app, upstream, smime_pki)
    other = "hanako@other.example"
    sent = make_message("wrong sender", sender=other, to=(RECIPIENT,))
    reply = app.swaks(sent, [RECIPIENT], sender=other)
    reply.check(550, "5.7.1", words=["certificate", other, "taro@example.co.jp"])
    upstream.assert_count_stays(0, 3)
    assert not app.pending(), f"refused message left in the queue: {app.spool()}"


def test_encrypted_when_recipient_certificate_known(make_upstream, make_app, smime_pki, gpgsm, tmp_path):
    upstream = make_upstream()
    app = smime_app(make_app, upstream, smime_pki, encrypt="when-possible", start=False)
    # CertificateStore reads every *.pem in DATA_DIR/certificates.
    store = app.data_dir / "certificates"
    store.mkdir(parents=True, exist_ok=True)
    shutil.copy(smime_pki / "hanako.pem", store / "hanako.pem")
    app.start()

    sent = make_message("secret e2e", to=(RECIPIENT,), body=b"The secret number is 4711-0815.\r\n")
    app.swaks(sent, [RECIPIENT]).check(250, "2.0.0")
    eml = upstream_message(upstream)["eml"]
    assert b"4711-0815" not in eml, "the body left in clear text"
    end = eml.find(b"\r\n\r\n")
    lines = header_lines(eml[: end + 2])
    ctype = [l for l in lines if l.lower().startswith("content-type:")]
    assert len(ctype) == 1 and "application/pkcs7-mime" in ctype[0] and "enveloped-data" in ctype[0], ctype
    assert any(l.startswith("Subject: secret e2e") for l in lines), lines
    assert_seven_bit(eml, "the message")

    der = tmp_path / "env.der"
    der.write_bytes(base64.b64decode(eml[end + 4:]))
    for cert, key in (("hanako.pem", "hanako.key"), ("taro-rsa.pem", "taro-rsa.key")):  # recipient and sender
        r = _run(["openssl", "cms", "-decrypt", "-binary", "-inform", "DER", "-in", str(der),
                  "-recip", str(smime_pki / cert), "-inkey", str(smime_pki / key)])
        assert r.returncode == 0, f"{cert}: {r.stderr.decode(errors='replace')}"
        inner = r.stdout
        assert inner.startswith(b"Content-Type: multipart/signed;"), inner[:200]
        _, part, sig = split_signed(inner)
        ok, err = openssl_verify(part, sig, smime_pki / "ca.pem")
        assert ok, f"inner signature does not verify:\n{err}"
        ok, log = gpgsm.verify(part, sig)
        assert ok, f"gpgsm: inner signature does not verify:\n{log}"
        assert text_of(part) == "The secret number is 4711-0815.\n"


# --- encryption decided on its own, Bcc recipients never named -------------

PARTNER = "jiro@partner.example"  # jiro-ec.pem: an ECDH recipient outside the organisation


def encrypting_app(make_app, upstream, smime_pki, *, sign, encrypt, extra=None):
    """An account that signs and encrypts by policy (partner.example must be
    encrypted); hanako's and jiro's certificates are known."""
    app = make_app(upstream=upstream, review="never", start=False,
                   extra={"account.work": {"smime_p12": smime_pki / "taro-rsa-aes.p12", "sign": sign,
                                           "encrypt": encrypt, "encrypt_domains": "partner.example"},
                          **(extra or {})},
                   secrets_extra={"work": {"smime_password": P12_PASSWORD}})
    # CertificateStore reads every *.pem in DATA_DIR/certificates.
    store = app.data_dir / "certificates"
    store.mkdir(parents=True, exist_ok=True)
    for name in ("hanako", "jiro-ec"):
        shutil.copy(smime_pki / f"{name}.pem", store / f"{name}.pem")
    app.start()
    return app


def serial_of(pem):
    r = _run(["openssl", "x509", "-in", str(pem), "-noout", "-serial"], text=True)
    assert r.returncode == 0, r.stderr
    return int(r.stdout.strip().split("=", 1)[1], 16)


def envelope_of(eml, tmp_path):
    """The DER EnvelopedData of an application/pkcs7-mime message, or None when it is not one."""
    end = eml.find(b"\r\n\r\n")
    ctype = [l for l in header_lines(eml[: end + 2]) if l.lower().startswith("content-type:")]
    if not ctype or "application/pkcs7-mime" not in ctype[0]:
        return None
    assert "enveloped-data" in ctype[0], ctype
    der = tmp_path / f"env-{len(list(tmp_path.glob('env-*')))}.der"
    der.write_bytes(base64.b64decode(eml[end + 4:]))
    return der


def recipient_serials(der):
    """The serial numbers of the certificates the RecipientInfos name, from openssl's own parse."""
    r = _run(["openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", str(der)], text=True)
    assert r.returncode == 0, r.stderr
    serials = [int(s, 16) if s.lower().startswith("0x") else int(s)
               for s in re.findall(r"serialNumber: (\S+)", r.stdout)]
    # every RecipientInfo names its certificate by issuer and serial (none by key identifier)
    assert len(serials) == r.stdout.count("d.issuerAndSerialNumber:"), r.stdout
    return set(serials)


def decrypt(der, smime_pki, who):
    r = _run(["openssl", "cms", "-decrypt", "-binary", "-inform", "DER", "-in", str(der),
              "-recip", str(smime_pki / f"{who}.pem"), "-inkey", str(smime_pki / f"{who}.key")])
    assert r.returncode == 0, f"{who} cannot decrypt: {r.stderr.decode(errors='replace')}"
    return r.stdout


def test_required_encryption_without_signing(make_upstream, make_app, smime_pki, tmp_path):
    # The case: sign=never, and mail to a domain that must be encrypted
    # went out in plain text. It is encrypted, and not signed.
    upstream = make_upstream()
    app = encrypting_app(make_app, upstream, smime_pki, sign="never", encrypt="required-for-domains")
    sent = make_message("quote", to=(PARTNER,), body=b"The price is 4711 yen.\r\n")
    app.swaks(sent, [PARTNER]).check(250, "2.0.0")
    eml = upstream_message(upstream)["eml"]
    assert b"The price is" not in eml, "the body left in clear text"
    der = envelope_of(eml, tmp_path)
    assert der, f"not encrypted:\n{eml[:600].decode(errors='replace')}"
    # to the recipient and to the sender (the account has a certificate), nobody else
    assert recipient_serials(der) == {serial_of(smime_pki / "jiro-ec.pem"), serial_of(smime_pki / "taro-rsa.pem")}
    for who in ("jiro-ec", "taro-rsa"):
        inner = decrypt(der, smime_pki, who)
        assert b"pkcs7-signature" not in inner, "signed although sign=never"
        assert text_of(inner) == "The price is 4711 yen.\n"


def test_required_encryption_impossible_is_refused(make_upstream, make_app, smime_pki):
    upstream = make_upstream()
    app = encrypting_app(make_app, upstream, smime_pki, sign="never", encrypt="required-for-domains")
    nobody = "saburo@partner.example"  # no certificate known
    reply = app.swaks(make_message("quote", to=(nobody,)), [nobody])
    reply.check(550, "5.7.1", words=["must be encrypted", nobody, "certificate"])
    # about encryption, not a signing certificate (sign=never)
    assert "should be signed" not in reply.text, reply
    upstream.assert_count_stays(0, 3)
    assert not app.pending(), f"refused message left in the queue: {app.spool()}"


def test_bcc_recipient_not_named_in_the_envelope(make_upstream, make_app, smime_pki, gpgsm, tmp_path):
    # hanako reads To; jiro gets a Bcc copy (envelope only, as mail programs
    # send it). Both certificates are known. One envelope for both would show
    # jiro's certificate (issuer and serial) to hanako: it is signed, not encrypted.
    upstream = make_upstream()
    app = encrypting_app(make_app, upstream, smime_pki, sign="always", encrypt="when-possible")
    sent = make_message("quote", to=(RECIPIENT,), body=b"The price is 4711 yen.\r\n")
    app.swaks(sent, [RECIPIENT, PARTNER]).check(250, "2.0.0")
    m = upstream_message(upstream)
    assert m["rcpt_tos"] == [RECIPIENT, PARTNER]
    eml = m["eml"]
    der = envelope_of(eml, tmp_path)
    if der:
        assert serial_of(smime_pki / "jiro-ec.pem") not in recipient_serials(der), \
            "the Bcc recipient's certificate is named in the copy To recipients read"
    assert der is None, "encrypted although there is a Bcc recipient"
    assert_verifies(eml, smime_pki / "ca.pem", gpgsm)
    assert "Not encrypted: it has Bcc recipients (jiro@partner.example)" in app.current_log()


def test_required_encryption_with_bcc_is_refused(make_upstream, make_app, smime_pki):
    upstream = make_upstream()
    app = encrypting_app(make_app, upstream, smime_pki, sign="always", encrypt="required-for-domains")
    sent = make_message("quote", to=(PARTNER,))
    reply = app.swaks(sent, [PARTNER, RECIPIENT])
    reply.check(550, "5.7.1", words=["Encrypted messages cannot have Bcc recipients here",
                                     "Send a separate message to the Bcc recipients", RECIPIENT])
    assert "should be signed" not in reply.text, reply  # the own certificate is fine
    upstream.assert_count_stays(0, 3)
    assert not app.pending(), f"refused message left in the queue: {app.spool()}"


def test_moved_to_bcc_at_review_then_required_encryption_refuses(make_upstream, make_app, smime_pki):
    # The policy moves the visible partners to Bcc: they are Bcc recipients
    # now, so the encrypted message that was required cannot be made.
    upstream = make_upstream()
    app = encrypting_app(make_app, upstream, smime_pki, sign="always", encrypt="required-for-domains",
                         extra={"policy": {"many_external_bcc": "always", "many_external_threshold": 1}})
    other = "shiro@partner.example"
    rcpts = [RECIPIENT, PARTNER, other]
    reply = app.swaks(make_message("quote", to=rcpts), rcpts)
    reply.check(550, "5.7.1", words=["Encrypted messages cannot have Bcc recipients here", PARTNER, other])
    upstream.assert_count_stays(0, 3)


def test_own_bcc_copy_keeps_encryption(make_upstream, make_app, smime_pki, gpgsm, tmp_path):
    # A Bcc copy to oneself reveals nothing (the sender is an encryption
    # recipient anyway): encrypted to exactly the To recipient and the sender.
    upstream = make_upstream()
    app = encrypting_app(make_app, upstream, smime_pki, sign="always", encrypt="required-for-domains")
    sent = make_message("quote", to=(PARTNER,), body=b"The price is 4711 yen.\r\n")
    app.swaks(sent, [PARTNER, "taro@example.co.jp"]).check(250, "2.0.0")
    eml = upstream_message(upstream)["eml"]
    der = envelope_of(eml, tmp_path)
    assert der, "not encrypted"
    assert recipient_serials(der) == {serial_of(smime_pki / "jiro-ec.pem"), serial_of(smime_pki / "taro-rsa.pem")}
    _, part = assert_verifies(decrypt(der, smime_pki, "taro-rsa"), smime_pki / "ca.pem", gpgsm)
    assert text_of(part) == "The price is 4711 yen.\n"


# --- Bcc: and Resent-Bcc: never go upstream ---------------------------------

BCC_FIELDS = ("Bcc: Boss <boss@example.co.jp>,\r\n\tkacho@example.co.jp", "bcc: third@example.co.jp",
              "Resent-Bcc: archive@example.co.jp")


def without_bcc(message):
    """The message with the Bcc fields of BCC_FIELDS (and their folded lines) taken out, byte for byte."""
    for field in BCC_FIELDS:
        assert field.encode() + b"\r\n" in message
        message = message.replace(field.encode() + b"\r\n", b"", 1)
    return message


def assert_no_bcc_field(eml):
    header = eml[: eml.find(b"\r\n\r\n") + 2]
    for line in header.split(b"\r\n"):
        assert not line.lower().startswith((b"bcc:", b"resent-bcc:")), header.decode(errors="replace")
    for address in (b"boss@", b"kacho@", b"third@", b"archive@"):
        assert address not in eml, f"{address!r} is visible in what was sent"


def test_bcc_fields_removed_signature_covers_what_is_sent(make_upstream, make_app, smime_pki, gpgsm):
    upstream = make_upstream()
    app = smime_app(make_app, upstream, smime_pki)
    sent = make_message("with Bcc", to=(RECIPIENT,), extra_headers=BCC_FIELDS)
    rcpts = [RECIPIENT, "boss@example.co.jp", "kacho@example.co.jp"]
    app.swaks(sent, rcpts).check(250, "2.0.0")
    m = upstream_message(upstream)
    assert m["rcpt_tos"] == rcpts  # the envelope still delivers to the Bcc recipients
    eml = m["eml"]
    assert_no_bcc_field(eml)
    headers, part = assert_verifies(eml, smime_pki / "ca.pem", gpgsm)
    # every other header field as the mail program wrote it
    lines = header_lines(headers)
    expected = without_bcc(sent)
    for line in header_lines(expected[: expected.find(b"\r\n\r\n") + 2]):
        if line and not line.lower().startswith(("content-", "mime-version")):
            assert line in lines, f"{line!r} changed or missing:\n{headers.decode()}"
    # openssl's own S/MIME parser agrees on the whole message as sent
    r = _run(["openssl", "cms", "-verify", "-binary", "-crlfeol", "-CAfile", str(smime_pki / "ca.pem")],
             input=eml)
    assert r.returncode == 0, r.stderr.decode(errors="replace")


def test_bcc_fields_removed_unsigned(make_upstream, make_app):
    upstream = make_upstream()
    app = make_app(upstream=upstream, review="never")
    sent = make_message("with Bcc", to=(RECIPIENT,), extra_headers=BCC_FIELDS)
    rcpts = [RECIPIENT, "third@example.co.jp"]
    app.smtplib(sent, rcpts).check(250, "2.0.0")
    m = upstream_message(upstream)
    assert m["rcpt_tos"] == rcpts
    assert_no_bcc_field(m["eml"])
    assert_same_message(m["eml"], without_bcc(sent))  # nothing else changed by a byte


def test_bcc_fields_removed_in_test_mode(make_app):
    # Test mode shows what would be sent: without them too.
    app = make_app(test_mode=True, review="never")
    sent = make_message("with Bcc", to=(RECIPIENT,), extra_headers=BCC_FIELDS)
    app.smtplib(sent, [RECIPIENT, "boss@example.co.jp"]).check(250, "2.0.0")
    folder = app.test_mode_dir
    files = wait_until(lambda: sorted(folder.glob("*.eml")) if folder.is_dir() else [], 10, "a saved .eml")
    assert_same_message(files[0].read_bytes(), without_bcc(sent))
