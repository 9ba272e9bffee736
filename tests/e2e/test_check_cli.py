"""`yubisashi check` and `yubisashi import-history` on real files: the review
the policy would produce, as JSON and as text, the exit status, and a history
learned from mbox, Maildir and .eml files.

Messages are built with Python's email package (real MIME: encoded words,
attachments in base64), so the whole path from bytes to verdict is exercised.
"""

import json
import re
import mailbox
import os
import subprocess
from email.message import EmailMessage
from email.utils import formataddr

import pytest

SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "runtime error:")


@pytest.fixture
def cli(tmp_path):
    binary = os.environ.get("YUBISASHI_BIN")
    if not binary:
        pytest.fail("YUBISASHI_BIN is not set (ctest sets it)")
    data = tmp_path / "data"
    config = tmp_path / "yubisashi.ini"

    def write_config(extra=""):
        config.write_text(
            f"data_dir={data}\n"
            "[policy]\n"
            "internal_domains=example.co.jp, *.example.co.jp\n"
            "review=external\n" + extra, encoding="utf-8")

    write_config()

    def run(*args, check_stderr=True):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        p = subprocess.run([binary, *args, "--config", str(config)], capture_output=True, env=env, timeout=120)
        stderr = p.stderr.decode("utf-8", "replace")
        for marker in SANITIZER_MARKERS:
            assert marker not in stderr, stderr
        return p.returncode, p.stdout, stderr

    run.write_config = write_config
    run.tmp = tmp_path
    return run


def message(to=(), cc=(), subject="Meeting", body="Hello,\n\nsee you.\n", attachments=(), msgid=None,
            in_reply_to=None):
    m = EmailMessage()
    m["From"] = formataddr(("Taro Yamada", "taro@example.co.jp"))
    if to:
        m["To"] = ", ".join(formataddr(a) if isinstance(a, tuple) else a for a in to)
    if cc:
        m["Cc"] = ", ".join(formataddr(a) if isinstance(a, tuple) else a for a in cc)
    m["Subject"] = subject
    m["Message-ID"] = msgid or f"<{os.urandom(6).hex()}@example.co.jp>"
    if in_reply_to:
        m["In-Reply-To"] = in_reply_to
        m["References"] = in_reply_to
    m.set_content(body)
    for name, ctype, data in attachments:
        maintype, subtype = ctype.split("/")
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return m


def write_eml(path, msg):
    path.write_bytes(msg.as_bytes(policy=msg.policy.clone(linesep="\r\n")))
    return str(path)


def check_json(cli, eml, *extra):
    code, out, err = cli("check", eml, "--json", *extra)
    assert code in (0, 1, 2), err
    text = out.decode("utf-8")
    return code, json.loads(text), text


def codes(review):
    return {f["code"] for f in review["findings"]}


def test_all_internal_passes(cli):
    eml = write_eml(cli.tmp / "a.eml", message(to=[("花子", "hanako@example.co.jp")], cc=["x@osaka.example.co.jp"]))
    code, review, _ = check_json(cli, eml)
    assert code == 0
    assert review["verdict"] == "pass"
    assert review["from"] == {"address": "taro@example.co.jp", "name": "Taro Yamada"}
    assert [(r["address"], r["field"], r["internal"]) for r in review["recipients"]] == [
        ("hanako@example.co.jp", "to", True), ("x@osaka.example.co.jp", "cc", True)]
    assert review["recipients"][0]["name"] == "花子"


def test_external_recipient_needs_review(cli):
    eml = write_eml(cli.tmp / "a.eml", message(to=[("Bob", "bob@partner.example")]))
    code, review, _ = check_json(cli, eml)
    assert code == 1
    assert review["verdict"] == "review"
    bob = review["recipients"][0]
    assert bob["domain"] == "partner.example" and bob["internal"] is False
    assert {"external-recipient", "first-time-recipient", "first-time-domain"} <= set(bob["findings"])
    for f in review["findings"]:
        assert f["severity"] in ("info", "warn", "block")
        assert f["message"]


def test_blocked_domain_blocks(cli):
    cli.write_config("blocked_domains=free-mail.example\n")
    eml = write_eml(cli.tmp / "a.eml", message(to=["someone@free-mail.example"]))
    code, review, _ = check_json(cli, eml)
    assert code == 2
    assert review["verdict"] == "block"
    blocked = [f for f in review["findings"] if f["code"] == "blocked-domain"]
    assert blocked and blocked[0]["severity"] == "block"
    assert blocked[0]["recipients"] == ["someone@free-mail.example"]


def test_policy_off_and_block_per_check(cli):
    cli.write_config("[checks]\nexternal-recipient=off\nfirst-time-recipient=off\nfirst-time-domain=off\n"
                     "keyword=block\n")
    eml = write_eml(cli.tmp / "a.eml", message(to=["bob@partner.example"], subject="【社外秘】価格表"))
    code, review, _ = check_json(cli, eml)
    assert "external-recipient" not in codes(review)
    assert code == 2 and review["verdict"] == "block"


def test_envelope_is_the_truth(cli):
    eml = write_eml(cli.tmp / "a.eml", message(to=["hanako@example.co.jp", "gone@partner.example"]))
    code, review, _ = check_json(cli, eml, "--rcpt", "hanako@example.co.jp", "--rcpt", "boss@example.co.jp")
    fields = {r["address"]: r["field"] for r in review["recipients"]}
    assert fields == {"hanako@example.co.jp": "to", "boss@example.co.jp": "bcc"}
    assert [a["address"] for a in review["not_receiving"]] == ["gone@partner.example"]
    assert "envelope-header-mismatch" in codes(review)


def test_attachments_listed_and_risky_names(cli):
    eml = write_eml(cli.tmp / "a.eml", message(
        to=["bob@partner.example"],
        attachments=[("見積書.pdf", "application/pdf", b"%PDF-1.4 " + b"x" * 2000),
                     ("invoice.pdf.exe", "application/octet-stream", b"MZ" + b"\0" * 100)]))
    code, review, _ = check_json(cli, eml)
    assert [(a["filename"], a["content_type"], a["size"]) for a in review["attachments"]] == [
        ("見積書.pdf", "application/pdf", 2009), ("invoice.pdf.exe", "application/octet-stream", 102)]
    risky = [f for f in review["findings"] if f["code"] == "attachment" and f["severity"] != "info"]
    assert [f["attachments"] for f in risky] == [["invoice.pdf.exe"]]


def test_json_is_utf8_not_escaped(cli):
    eml = write_eml(cli.tmp / "a.eml", message(to=[("山田 太郎", "yamada@partner.example")], subject="社外秘の件"))
    _, review, text = check_json(cli, eml)
    assert "社外秘の件" in text and "\\u" not in text
    assert review["subject"] == "社外秘の件"
    assert "keyword" in codes(review)


def test_personal_data_and_greeting(cli):
    body = "鈴木様\n\nいつもお世話になっております。\nマイナンバー: 1234 5678 9018\n"
    eml = write_eml(cli.tmp / "a.eml", message(to=[("山田 太郎", "yamada@partner.example")], body=body))
    _, review, _ = check_json(cli, eml)
    assert {"personal-data", "greeting-mismatch"} <= codes(review)
    pd = [f for f in review["findings"] if f["code"] == "personal-data"][0]
    assert "1234 5678" not in pd["message"]


def test_text_report(cli):
    eml = write_eml(cli.tmp / "a.eml", message(to=["bob@partner.example", "hanako@example.co.jp"]))
    code, out, _ = cli("check", eml)
    text = out.decode("utf-8")
    assert code == 1
    assert "bob@partner.example" in text and "partner.example" in text
    assert "external-recipient" in text
    assert "review" in text.lower()
    # Internal domains first.
    assert text.index("example.co.jp (") < text.index("partner.example (")


def test_unreadable_file_and_usage_errors(cli):
    code, out, err = cli("check", str(cli.tmp / "missing.eml"))
    assert code == 3
    assert "missing.eml" in err and out == b""
    code, _, err = cli("check")
    assert code == 3 and "Usage" in err
    code, _, err = cli("check", "a.eml", "--no-such-option")
    assert code == 3 and "no-such-option" in err


def test_import_history_from_mbox_maildir_and_eml(cli):
    tmp = cli.tmp
    box = mailbox.mbox(str(tmp / "Sent"))
    first = message(to=[("山田 太郎", "yamada@partner.co.jp")], msgid="<t1@example.co.jp>",
                    attachments=[("price.xlsx", "application/octet-stream", b"prices 2024")])
    box.add(first)
    box.add(message(to=["From@partner.co.jp"], body="From the start\n>From here\n"))
    box.close()
    md = mailbox.Maildir(str(tmp / "Maildir"))
    md.add(message(to=["md@maildir.example"]))
    md.close()
    write_eml(tmp / "one.eml", message(to=["eml@eml.example"]))

    code, _, err = cli("import-history", str(tmp / "Sent"), str(tmp / "Maildir"), str(tmp / "one.eml"))
    assert code == 0, err
    assert re.search(r"\b4 message", err) and "4 recipients learned" in err, err

    # A known recipient is no longer first-time; a look-alike of a known domain is caught.
    eml = write_eml(tmp / "known.eml", message(to=[("山田 太郎", "yamada@partner.co.jp")]))
    _, review, _ = check_json(cli, eml)
    assert "first-time-recipient" not in codes(review)
    assert "first-time-domain" not in codes(review)
    eml = write_eml(tmp / "lookalike.eml", message(to=["yamada@partnar.co.jp"]))
    _, review, _ = check_json(cli, eml)
    assert "look-alike-domain" in codes(review)
    # Same display name, other address.
    eml = write_eml(tmp / "name.eml", message(to=[("山田 太郎", "yamada.taro@gmail.example")]))
    _, review, _ = check_json(cli, eml)
    assert "name-address-mismatch" in codes(review)
    # A reply in the learned thread that adds another company, with the same file.
    eml = write_eml(tmp / "reply.eml", message(
        to=["yamada@partner.co.jp", "x@other.example"], in_reply_to="<t1@example.co.jp>",
        attachments=[("price.xlsx", "application/octet-stream", b"prices 2024")]))
    _, review, _ = check_json(cli, eml)
    assert {"thread-new-domain", "attachment-new-domain"} <= codes(review)

    # Importing again does not count twice.
    code, _, err = cli("import-history", str(tmp / "Sent"))
    assert code == 0
    assert "0 recipients learned" in err and "learned before" in err


def test_import_history_missing_path(cli):
    code, _, err = cli("import-history", str(cli.tmp / "nope"))
    assert code == 1 and "nope" in err
    code, _, err = cli("import-history")
    assert code == 3
