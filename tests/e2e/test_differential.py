"""Differential test: Yubisashi's message parser against Python's email package.

A generated corpus (gen_corpus.py: >= 300 messages in UTF-8, ISO-2022-JP,
Shift_JIS and EUC-JP, RFC 2231 and Outlook-style file names, groups, IDN,
multipart/alternative, related and nested messages) is read by
`$YUBISASHI_BIN check --json FILE` (or, before the command line existed, by the
test tool named in $MIME_DUMP) and by Python's email package (policy=default).

From, To, Cc, Subject and attachment file names must agree. Where they do not,
the difference must be one listed in EXPLAINED below, with the RFC that decides
it, and then Yubisashi must show exactly what the writer meant.
"""

import email
import json
import os
import subprocess
from email.policy import default as DEFAULT_POLICY
from pathlib import Path

import pytest

import gen_corpus
from conftest import yubisashi_bin

CORPUS_SIZE = 320

# tag -> why Yubisashi and Python may differ for messages carrying it.
EXPLAINED = {
    "adjacent-encoded-words-in-phrase":
        "RFC 2047 section 6.2: whitespace between adjacent encoded-words is ignored. Python 3.11 keeps it "
        "inside display names of address headers (CPython gh-128110, fixed after 3.11), so it shows "
        "'佐藤花 子' where the writer wrote '佐藤花子'.",
    "split-multibyte-words":
        "RFC 2047 section 5 requires every encoded-word to hold whole characters; mailers still split "
        "UTF-8 characters across words. Python decodes each word alone (U+FFFD); Yubisashi joins the bytes "
        "of adjacent words in the same charset first (RFC 2047 section 6.2 drops the space between them), "
        "which recovers the text the writer meant.",
    "rfc2231-iso2022-split":
        "RFC 2231 section 4.1: the charset in the first section applies to the whole value, so the sections' "
        "octets are concatenated before decoding. Python 3.11 decodes each ISO-2022-JP section on its own and "
        "loses the shift state across sections.",
    "comment-name":
        "RFC 5322 section 3.2.2 makes comments semantically invisible, so Python gives no display name for "
        "'addr (Name)'. Yubisashi shows the comment as the name, as mail readers do, because the reviewer "
        "must see what the recipient's mail program will display.",
    "raw-utf8-header":
        "RFC 6532 section 3.2 allows raw UTF-8 in headers (SMTPUTF8). Python 3.11 with policy.default reads "
        "undeclared 8-bit header bytes as unknown-8bit and cannot show them; Yubisashi decodes them as UTF-8.",
    "unicode-domain":
        "Same as raw-utf8-header: a UTF-8 domain in a raw header (RFC 6532) is not decoded by Python.",
    "utf8-local-part":
        "Same as raw-utf8-header: a UTF-8 local part (RFC 6531/6532) is not decoded by Python.",
}


def tool_command(path, config):
    if os.environ.get("MIME_DUMP") and not os.environ.get("YUBISASHI_BIN"):
        return [os.environ["MIME_DUMP"], str(path)]
    return [yubisashi_bin(), "check", "--json", str(path), "--config", str(config)]


def run_tool(path, config):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    proc = subprocess.run(tool_command(path, config), capture_output=True, timeout=60, env=env)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "ERROR: AddressSanitizer" not in stderr and "runtime error:" not in stderr, stderr
    # check: 0/1/2 are verdicts, 3 is an input error; the dump tool exits 0.
    assert proc.returncode in (0, 1, 2), f"{path}: exit {proc.returncode}: {stderr}"
    return json.loads(proc.stdout.decode("utf-8"))


def unicode_domain(address):
    """RFC 5890: an A-label and its U-label name the same domain; domains are case-insensitive (RFC 5321 2.4)."""
    local, _, domain = address.rpartition("@")
    if not local:
        return address
    labels = []
    for label in domain.split("."):
        if label.lower().startswith("xn--"):
            label = label.encode("ascii").decode("idna")
        labels.append(label.lower())
    return local + "@" + ".".join(labels)


def recipients_once(to, cc):
    """`check` lists each recipient once, the first header naming it deciding the field (To before Cc)."""
    seen = set()
    out = {"to": [], "cc": []}
    for field, boxes in (("to", to), ("cc", cc)):
        for box in boxes:
            key = box["address"].lower()
            if key not in seen:
                seen.add(key)
                out[field].append({"name": box["name"].strip(), "address": box["address"]})
    return out["to"], out["cc"]


def python_view(path):
    msg = email.message_from_bytes(path.read_bytes(), policy=DEFAULT_POLICY)

    def boxes(name):
        header = msg[name]
        if header is None:
            return []
        return [{"name": a.display_name, "address": unicode_domain(a.addr_spec)} for a in header.addresses]

    attachments = []
    for part in msg.walk():
        if part.get_content_maintype() == "multipart":
            continue
        try:
            filename = part.get_filename()
        except (UnicodeError, LookupError) as e:
            filename = f"<python failed: {e.__class__.__name__}>"  # Python 3.11 raises on some RFC 2231 splits
        if filename:
            attachments.append(filename)
    froms = boxes("From")
    to, cc = recipients_once(boxes("To"), boxes("Cc"))
    return {"from": froms[0] if froms else None, "to": to, "cc": cc,
            "subject": str(msg["Subject"] or ""), "attachments": attachments}


def our_view(result):
    def boxes(field):
        return [{"name": r["name"], "address": unicode_domain(r["address"])}
                for r in result["recipients"] if r["field"].lower() == field]

    to, cc = recipients_once(boxes("to"), boxes("cc"))
    return {"from": {"name": result["from"]["name"], "address": unicode_domain(result["from"]["address"])},
            "to": to, "cc": cc, "subject": result["subject"],
            "attachments": [a["filename"] for a in result["attachments"] if a["filename"]]}


def intended_view(meta):
    def norm(box):
        return {"name": box["name"], "address": unicode_domain(box["address"])}

    to, cc = recipients_once([norm(b) for b in meta["to"]], [norm(b) for b in meta["cc"]])
    return {"from": norm(meta["from"]), "to": to, "cc": cc, "subject": meta["subject"],
            "attachments": meta["attachments"]}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    if not yubisashi_bin() and not os.environ.get("MIME_DUMP"):
        pytest.fail("no yubisashi binary: build one (cmake --preset asan && cmake --build build/asan), or set "
                    "YUBISASHI_BIN (yubisashi) or MIME_DUMP (build/.../tests/core/mime_dump)")
    return gen_corpus.generate(tmp_path_factory.mktemp("corpus"), CORPUS_SIZE)


def test_corpus_is_varied(corpus):
    assert len(corpus) >= 300
    tags = set()
    for path in corpus:
        tags.update(json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["tags"])
    for wanted in ("group", "encoded-word-in-quotes", "split-multibyte-words", "rfc2231-iso2022-split",
                   "punycode-domain", "raw-utf8-header", "nested-message"):
        assert wanted in tags


def test_matches_python_email(corpus, tmp_path):
    config = tmp_path / "yubisashi.ini"  # only read by `yubisashi check`
    config.write_text(f"data_dir={tmp_path / 'data'}\n[policy]\ninternal_domains=example.co.jp\n", encoding="utf-8")
    unexplained = []
    explained_count = 0
    for path in corpus:
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        ours = our_view(run_tool(path, config))
        python = python_view(path)
        intended = intended_view(meta)
        for key in ("from", "to", "cc", "subject", "attachments"):
            # What the writer meant is the ground truth for us, always.
            if ours[key] != intended[key]:
                unexplained.append(f"{path.name} {key}: ours {ours[key]!r} != intended {intended[key]!r}")
                continue
            if ours[key] == python[key]:
                continue
            reasons = [t for t in meta["tags"] if t in EXPLAINED]
            if reasons:
                explained_count += 1
            else:
                unexplained.append(f"{path.name} {key}: ours {ours[key]!r} != python {python[key]!r}")
    assert not unexplained, "\n".join(unexplained[:40])
    print(f"{len(corpus)} messages, {explained_count} explained differences")
