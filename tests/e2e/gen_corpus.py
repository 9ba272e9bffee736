"""Generates a corpus of varied messages for the differential test.

Each message is written as NNNN.eml with a sidecar NNNN.json holding what the
writer meant (the intended From, To, Cc, Subject and attachment names) and
tags naming any deliberate RFC corner in it, so the test can tell a parser bug
from a known, explained difference between Yubisashi and Python's email package.

Headers are written by hand (so that ISO-2022-JP, Shift_JIS and EUC-JP encoded
words, Outlook-style quoting and raw UTF-8 appear exactly as mailers write
them); MIME bodies come from Python's email package (policy=default).

    /usr/bin/python3 gen_corpus.py OUTDIR [COUNT]
"""

import base64
import json
import random
import sys
import urllib.parse
from email.message import EmailMessage
from email.policy import default as DEFAULT_POLICY
from pathlib import Path

NAMES_JA = ["山田 太郎", "佐藤花子", "鈴木 一郎", "高橋美咲", "田中（営業部）", "株式会社サンプル 渡辺",
            "伊藤・ジョン", "小林 健太郎", "加藤 さくら", "吉田 部長"]
NAMES_ASCII = ["John Smith", "Smith, John", "O'Brien", "Dr. Who", "Mary-Jane Watson", "ACME Support"]
NAMES_LATIN = ["José García", "Müller, Jürgen", "Zoë Faure"]
SUBJECTS_JA = ["お見積りのご依頼", "【重要】契約書の送付について", "Re: 打ち合わせ日程の件",
               "会議資料（第3回）を送付します", "請求書の件 2025年4月分", "社外秘：新製品の価格表",
               "ご確認のお願い ― 仕様書 v2", "週報 営業一課 山田", "Fwd: 採用面接のご案内",
               "長い件名のテストです。この件名は一行に収まらないので折り返されて複数の encoded-word に分かれます"]
SUBJECTS_ASCII = ["Quarterly report", "Re: meeting on Friday", "Invoice #4711 (April)", "hello, world"]
DOMAINS = ["example.co.jp", "sales.example.co.jp", "partner.example", "mail.example.com", "example.org"]
IDN_DOMAINS = ["例え.jp", "ドメイン.テスト", "bücher.example"]
FILENAMES_JA = ["見積書.pdf", "会議資料_第3回.pptx", "請求書（4月分）.xlsx", "議事録 2025-04-01.docx",
                "社員名簿.csv", "写真.jpg", "仕様書_最終版.pdf"]
FILENAMES_ASCII = ["report.pdf", "data 2025.csv", "photo.jpg", "notes.txt", "archive.zip"]

# Encodings used for encoded words, with Python codec names. Python's
# "shift_jis" and "euc_jp" are the strict JIS X 0208 tables: the generator only
# uses characters that they and CP932 agree on.
WORD_CHARSETS = [("UTF-8", "utf-8"), ("ISO-2022-JP", "iso2022_jp"), ("Shift_JIS", "shift_jis"),
                 ("EUC-JP", "euc_jp")]


def encoded_words(text, label, codec, rnd, encoding="B", max_chars=12):
    """RFC 2047 words, each a whole number of characters, folded with CRLF SP."""
    words = []
    pos = 0
    while pos < len(text):
        chunk = text[pos:pos + rnd.randint(3, max_chars)]
        pos += len(chunk)
        data = chunk.encode(codec)
        if encoding == "B":
            payload = base64.b64encode(data).decode("ascii")
        else:
            payload = "".join(
                "_" if b == 0x20 else chr(b) if (chr(b).isalnum() and b < 0x80) else "=%02X" % b for b in data)
        words.append(f"=?{label}?{encoding}?{payload}?=")
    return "\r\n ".join(words)


def split_multibyte_words(text):
    """UTF-8 B words split inside characters, each padded: not RFC 2047 (section 5), but written in the wild."""
    data = text.encode("utf-8")
    cuts = list(range(0, len(data), 4))
    return "\r\n ".join("=?UTF-8?B?" + base64.b64encode(data[c:c + 4]).decode() + "?=" for c in cuts)


class Builder:
    def __init__(self, rnd):
        self.rnd = rnd
        self.tags = set()
        self.utf8_headers = False

    def pick_name(self):
        kind = self.rnd.random()
        if kind < 0.55:
            return self.rnd.choice(NAMES_JA)
        if kind < 0.85:
            return self.rnd.choice(NAMES_ASCII)
        return self.rnd.choice(NAMES_LATIN)

    def encode_phrase(self, name):
        """A display name as some mailer would write it."""
        if all(ord(c) < 128 for c in name):
            if any(c in name for c in ',."\'()'):
                return '"' + name.replace('\\', '\\\\').replace('"', '\\"') + '"'
            return name
        style = self.rnd.random()
        if all(ord(c) < 256 for c in name):
            words = encoded_words(name, "ISO-8859-1", "latin-1", self.rnd, encoding="Q", max_chars=40)
            if "?=\r\n =?" in words:
                self.tags.add("adjacent-encoded-words-in-phrase")
            return words
        if style < 0.15 and self.utf8_headers:
            self.tags.add("raw-utf8-header")
            return '"' + name + '"'
        if style < 0.35:
            self.tags.add("encoded-word-in-quotes")  # what Outlook writes
            label, codec = self.rnd.choice(WORD_CHARSETS[:2])
            return '"' + encoded_words(name, label, codec, self.rnd, max_chars=40) + '"'
        label, codec = self.rnd.choice(WORD_CHARSETS)
        words = encoded_words(name, label, codec, self.rnd, encoding=self.rnd.choice("BBQ"))
        if "?=\r\n =?" in words:
            self.tags.add("adjacent-encoded-words-in-phrase")
        return words

    def address(self):
        local = self.rnd.choice(["taro", "hanako.sato", "j.smith", "info", "sales-team", "a+tag"])
        domain = self.rnd.choice(DOMAINS)
        r = self.rnd.random()
        if r < 0.06:
            domain = self.rnd.choice(IDN_DOMAINS).encode("idna").decode("ascii")
            self.tags.add("punycode-domain")
        elif r < 0.12 and self.utf8_headers:
            domain = self.rnd.choice(IDN_DOMAINS)
            self.tags.add("unicode-domain")
        elif r < 0.16 and self.utf8_headers:
            local = self.rnd.choice(["太郎", "営業"])
            self.tags.add("utf8-local-part")
        elif r < 0.20:
            local = '"john doe"'
        return local, domain

    def mailbox(self):
        """(header text, intended {name, address})."""
        local, domain = self.address()
        spec = f"{local}@{domain}"
        r = self.rnd.random()
        if r < 0.2:
            return spec, {"name": "", "address": spec}
        if r < 0.25:
            name = self.rnd.choice(NAMES_ASCII[:1] + NAMES_ASCII[4:])
            self.tags.add("comment-name")
            return f"{spec} ({name})", {"name": name, "address": spec}
        name = self.pick_name()
        return f"{self.encode_phrase(name)} <{spec}>", {"name": name, "address": spec}

    def address_list(self, count):
        texts, intended = [], []
        r = self.rnd.random()
        if r < 0.08:
            self.tags.add("group")
            return "undisclosed-recipients:;", []
        for _ in range(count):
            t, i = self.mailbox()
            texts.append(t)
            intended.append(i)
        if r < 0.16 and len(texts) > 1:
            self.tags.add("group")
            return "team: " + ",\r\n ".join(texts) + ";", intended
        return ",\r\n ".join(texts), intended

    def subject(self):
        r = self.rnd.random()
        if r < 0.15:
            text = self.rnd.choice(SUBJECTS_ASCII)
            return text, text
        text = self.rnd.choice(SUBJECTS_JA)
        if r < 0.22:
            self.tags.add("split-multibyte-words")
            return split_multibyte_words(text), text
        if r < 0.30 and self.utf8_headers:
            self.tags.add("raw-utf8-header")
            return text, text
        if text.startswith(("Re: ", "Fwd: ")) and r < 0.6:
            prefix, rest = text.split(" ", 1)
            label, codec = self.rnd.choice(WORD_CHARSETS)
            return prefix + " " + encoded_words(rest, label, codec, self.rnd), text
        label, codec = self.rnd.choice(WORD_CHARSETS)
        return encoded_words(text, label, codec, self.rnd, encoding=self.rnd.choice("BBBQ")), text


def filename_param(rnd, name, tags, utf8_headers):
    """A Content-Disposition filename parameter as different mailers write it."""
    if all(ord(c) < 128 for c in name):
        return f'filename="{name}"'
    r = rnd.random()
    if r < 0.3:
        # RFC 2231 continuations in ISO-2022-JP, split at arbitrary byte positions
        data = urllib.parse.quote_from_bytes(name.encode("iso2022_jp"), safe="")
        pieces, pos, n = [], 0, 0
        while pos < len(data):
            step = rnd.randint(9, 24)
            end = pos + step
            if data[end - 1:end] == "%":  # never split a %XX escape
                end += 2
            elif data[end - 2:end - 1] == "%":
                end += 1
            pieces.append(data[pos:end])
            pos = end
        if len(pieces) > 1:
            tags.add("rfc2231-iso2022-split")
        params = [f"filename*0*=ISO-2022-JP''{pieces[0]}"]
        params += [f"filename*{i}*={p}" for i, p in enumerate(pieces[1:], 1)]
        return ";\r\n ".join(params)
    if r < 0.5:
        tags.add("encoded-word-in-quotes")  # Outlook
        label, codec = rnd.choice(WORD_CHARSETS[:2])
        return f'filename="{encoded_words(name, label, codec, rnd, max_chars=40)}"'
    if r < 0.6 and utf8_headers:
        tags.add("raw-utf8-header")
        return f'filename="{name}"'
    if r < 0.7:
        return "filename*=Shift_JIS''" + urllib.parse.quote_from_bytes(name.encode("shift_jis"), safe="")
    return None  # let Python's email write it (RFC 2231, UTF-8)


def build_body(rnd, tags, utf8_headers, attachments_intended):
    text = rnd.choice(["お世話になっております。\n山田です。\n", "Hello,\nplease find the file attached.\n",
                       "本日の会議資料を送付いたします。\nよろしくお願いいたします。\n"])
    msg = EmailMessage(policy=DEFAULT_POLICY)
    charset = rnd.choice(["utf-8", "iso-2022-jp", "shift_jis"])
    if charset != "utf-8" and not all(ord(c) < 128 for c in text):
        msg.set_content(text.encode(charset.replace("-", "_").replace("iso_2022_jp", "iso2022_jp")),
                        "text", "plain", cte="7bit" if charset == "iso-2022-jp" else "base64")
        msg.set_param("charset", charset)
    else:
        msg.set_content(text)
    shape = rnd.random()
    if shape < 0.35:
        msg.add_alternative(f"<html><body><p>{text.replace(chr(10), '<br>')}</p></body></html>", subtype="html")
    if shape > 0.85:
        msg.add_alternative("<html><body><img src='cid:logo'></body></html>", subtype="html")
        html = msg.get_payload()[1] if msg.is_multipart() else msg
        html.add_related(b"\x89PNG\r\n\x1a\nfake", "image", "png", cid="<logo>")
    placeholders = {}
    for i in range(rnd.choice([0, 0, 1, 1, 2, 3])):
        name = rnd.choice(FILENAMES_JA if rnd.random() < 0.7 else FILENAMES_ASCII)
        data = bytes(rnd.getrandbits(8) for _ in range(rnd.randint(0, 3000)))
        custom = filename_param(rnd, name, tags, utf8_headers)
        if custom is None:
            msg.add_attachment(data, "application", "octet-stream", filename=name)
        else:
            token = f"PLACEHOLDER{i:04d}.bin"
            placeholders[f'filename="{token}"'] = custom
            msg.add_attachment(data, "application", "octet-stream", filename=token)
        attachments_intended.append(name)
    if rnd.random() < 0.1:
        inner = EmailMessage(policy=DEFAULT_POLICY)
        inner["Subject"] = "inner"
        inner.set_content("forwarded\n")
        msg.add_attachment(inner, filename="forwarded.eml")
        attachments_intended.append("forwarded.eml")
        tags.add("nested-message")
    return msg, placeholders


def generate(outdir, count=320, seed=20250401):
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(seed)
    paths = []
    for n in range(count):
        b = Builder(rnd)
        b.utf8_headers = rnd.random() < 0.2  # SMTPUTF8-style raw UTF-8 headers
        from_text, from_intended = b.mailbox()
        to_text, to_intended = b.address_list(rnd.randint(1, 4))
        cc_text, cc_intended = (b.address_list(rnd.randint(1, 3)) if rnd.random() < 0.5 else (None, []))
        subject_text, subject_intended = b.subject()
        attachments = []
        body, placeholders = build_body(rnd, b.tags, b.utf8_headers, attachments)
        body_bytes = body.as_bytes(policy=DEFAULT_POLICY.clone(linesep="\r\n"))
        for token, custom in placeholders.items():
            body_bytes = body_bytes.replace(token.encode(), custom.encode("utf-8"))
        headers = [f"From: {from_text}", f"To: {to_text}"]
        if cc_text is not None:
            headers.append(f"Cc: {cc_text}")
        headers += [f"Subject: {subject_text}", "Date: Tue, 01 Apr 2025 09:30:00 +0900",
                    f"Message-ID: <{n}.corpus@example.co.jp>"]
        data = ("\r\n".join(headers) + "\r\n").encode("utf-8") + body_bytes
        path = outdir / f"{n:04d}.eml"
        path.write_bytes(data)
        intended = {"from": from_intended, "to": to_intended, "cc": cc_intended, "subject": subject_intended,
                    "attachments": attachments, "tags": sorted(b.tags)}
        path.with_suffix(".json").write_text(json.dumps(intended, ensure_ascii=False, indent=1), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    generate(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 320)
