"""The pass path: real clients -> yubisashi -> aiosmtpd, bytes unchanged."""

import base64
import os
import time
from email.header import Header
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import formatdate, make_msgid

import pytest

from conftest import (EXTERNAL, INTERNAL, INTERNAL_SUB, SENDER, UPSTREAM_USER, RawSmtp, assert_same_message, dot_stuff,
                      make_message)


@pytest.fixture
def hop(make_upstream, make_app):
    """Internal recipients pass without review; external ones are confirmed by the script."""
    up = make_upstream()
    app = make_app(upstream=up, review="external", decide="send")
    return app, up


def check_delivered(up, sent, rcpts, *, sender=SENDER, index=0, total=1):
    msgs = up.wait_count(total)
    assert len(msgs) == total, f"expected {total} message(s) at the upstream, got {len(msgs)}"
    m = msgs[index]
    assert_same_message(m["eml"], sent)
    assert m["mail_from"] == sender or (sender == "" and m["mail_from"] == "<>"), m["mail_from"]
    assert sorted(m["rcpt_tos"]) == sorted(rcpts)
    assert m.get("auth_user") == UPSTREAM_USER, m
    if up.mode != "plain":
        assert m.get("tls") is True, f"not sent over TLS: {m}"
    return m


@pytest.mark.parametrize("client", ["swaks", "msmtp", "smtplib"])
def test_client_delivers(hop, client):
    app, up = hop
    rcpts = [f"hanako@{INTERNAL}", f"jiro@{INTERNAL_SUB}"]
    msg = make_message(f"plain via {client}", to=rcpts)
    reply = getattr(app, client)(msg, rcpts)
    reply.check(250, "2.0.0")
    check_delivered(up, msg, rcpts)
    up.assert_count_stays(1, 0.5)
    assert app.pending() == [], f"spool not finished: {app.spool()}"


def test_reply_carries_upstream_text(hop):
    app, up = hop
    msg = make_message("upstream text")
    reply = app.smtplib(msg, [f"hanako@{INTERNAL}"])
    m = check_delivered(up, msg, [f"hanako@{INTERNAL}"])
    # upstream.py answers "250 2.0.0 Ok: queued as NNNNNN" (NNNNNN = its file name)
    reply.check(250, "2.0.0", [f"queued as {m['name']}"])


def test_external_recipient_confirmed_by_script(hop):
    app, up = hop
    rcpts = [f"hanako@{INTERNAL}", f"someone@{EXTERNAL}"]
    msg = make_message("external, confirmed", to=rcpts)
    app.swaks(msg, rcpts).check(250, "2.0.0")
    check_delivered(up, msg, rcpts)


def test_japanese_utf8_8bit_body(hop):
    app, up = hop
    rcpts = [f"hanako@{INTERNAL}"]
    body = ("山田様\r\n\r\nいつもお世話になっております。\r\n"
            "来週の打ち合わせの件、資料を添付いたします。\r\n"
            ".で始まる行\r\n㈱テスト ①②③ 髙﨑\r\n").encode("utf-8")
    subject = Header("打ち合わせの件", "utf-8").encode()
    msg = make_message(subject, to=rcpts, body=body, charset="UTF-8", cte="8bit")
    reply = app.smtplib(msg, rcpts, mail_options=["BODY=8BITMIME"])
    reply.check(250, "2.0.0")
    m = check_delivered(up, msg, rcpts)
    opts = [o.upper() for o in m.get("mail_options", [])]
    assert "BODY=8BITMIME" in opts, f"8-bit body forwarded without BODY=8BITMIME: {m.get('mail_options')}"


def test_iso_2022_jp_body(hop):
    app, up = hop
    rcpts = [f"hanako@{INTERNAL}"]
    body = "山田様\r\n\r\n本日はありがとうございました。\r\n今後ともよろしくお願いいたします。\r\n".encode("iso-2022-jp")
    assert b"\x1b$B" in body and max(body) < 0x80
    subject = Header("御礼", "iso-2022-jp").encode()
    msg = make_message(subject, to=rcpts, body=body, charset="ISO-2022-JP", cte="7bit")
    app.msmtp(msg, rcpts).check(250, "2.0.0")
    check_delivered(up, msg, rcpts)


def build_multipart(rcpts, attachment_bytes=300_000):
    m = EmailMessage(policy=SMTP_POLICY)
    m["From"] = f"Taro <{SENDER}>"
    m["To"] = ", ".join(rcpts)
    m["Subject"] = "資料送付"
    m["Date"] = formatdate()
    m["Message-ID"] = make_msgid(domain="e2e.yubisashi.test")
    m.set_content("資料をお送りします。\n.dot line\n", charset="utf-8", cte="base64")
    m.add_attachment(os.urandom(attachment_bytes), maintype="application", subtype="octet-stream",
                     filename="見積書.pdf")
    m.add_attachment(b"a,b\r\n1,2\r\n", maintype="text", subtype="csv", filename="data.csv")
    return m.as_bytes()


def test_attachments_multipart(hop):
    app, up = hop
    rcpts = [f"hanako@{INTERNAL}"]
    msg = build_multipart(rcpts)
    assert b"\r\n" in msg and b"multipart/mixed" in msg
    app.swaks(msg, rcpts).check(250, "2.0.0")
    check_delivered(up, msg, rcpts)


def test_ten_megabyte_message(hop):
    app, up = hop
    rcpts = [f"hanako@{INTERNAL}"]
    raw = base64.encodebytes(os.urandom(7_600_000)).replace(b"\n", b"\r\n")
    body = b"big attachment follows\r\n" + raw
    msg = make_message("10 MB", to=rcpts, body=body,
                       extra_headers=["Content-Type: application/octet-stream",
                                      "Content-Transfer-Encoding: base64"])
    assert len(msg) > 10_000_000
    app.smtplib(msg, rcpts, timeout=120).check(250, "2.0.0")
    m = up.wait_count(1, timeout=60)[0]
    assert_same_message(m["eml"], msg)


def test_two_hundred_recipients(hop):
    app, up = hop
    rcpts = [f"user{i:03d}@{INTERNAL if i % 2 else INTERNAL_SUB}" for i in range(200)]
    msg = make_message("200 recipients", to=rcpts[:3])
    app.smtplib(msg, rcpts).check(250, "2.0.0")
    m = check_delivered(up, msg, rcpts)
    assert len(m["rcpt_tos"]) == 200


def test_several_messages_on_one_connection(hop):
    import smtplib
    from conftest import LOCAL_PW, LOCAL_USER, send_smtplib
    app, up = hop
    rcpts = [f"hanako@{INTERNAL}"]
    sent = [make_message(f"one connection #{i}", to=rcpts) for i in range(5)]
    with smtplib.SMTP("127.0.0.1", app.port, local_hostname="e2e.test", timeout=60) as s:
        s.ehlo()
        s.login(LOCAL_USER, LOCAL_PW)
        for msg in sent:
            send_smtplib(app.port, msg, rcpts, smtp=s).check(250, "2.0.0")
        s.noop()
    msgs = up.wait_count(5)
    assert len(msgs) == 5
    got = sorted(m["eml"] for m in msgs)
    for msg in sent:
        assert sum(1 for g in got if g.endswith(msg)) == 1, "a message is missing or duplicated"
        assert_same_message(next(g for g in got if g.endswith(msg)), msg)


def test_pipelined_commands(hop):
    app, up = hop
    r1 = [f"a@{INTERNAL}", f"b@{INTERNAL_SUB}"]
    r2 = [f"c@{INTERNAL}"]
    m1 = make_message("pipelined 1", to=r1)
    m2 = make_message("pipelined 2", to=r2)
    with RawSmtp(app.port) as c:
        c.greeting.check(220)
        ehlo = c.ehlo()
        assert "PIPELINING" in c.extensions, ehlo
        c.auth().check(235)
        # MAIL, RCPT, RCPT, DATA in one packet
        c.send(f"MAIL FROM:<{SENDER}>\r\n" + "".join(f"RCPT TO:<{r}>\r\n" for r in r1) + "DATA\r\n")
        c.reply().check(250)
        c.reply().check(250)
        c.reply().check(250)
        c.reply().check(354)
        # end of the first message and the whole next transaction in one packet
        c.send(dot_stuff(m1) + f"MAIL FROM:<{SENDER}>\r\nRCPT TO:<{r2[0]}>\r\nDATA\r\n".encode())
        c.reply(timeout=30).check(250, "2.0.0")
        c.reply().check(250)
        c.reply().check(250)
        c.reply().check(354)
        c.send(dot_stuff(m2) + b"QUIT\r\n")
        c.reply(timeout=30).check(250, "2.0.0")
        c.reply().check(221)
    msgs = up.wait_count(2)
    by_subject = {b"pipelined 1": m1, b"pipelined 2": m2}
    for m in msgs:
        sent = next(v for k, v in by_subject.items() if k in m["eml"])
        assert_same_message(m["eml"], sent)
    assert sorted(sorted(m["rcpt_tos"]) for m in msgs) == sorted([sorted(r1), r2])


@pytest.mark.parametrize("mode", ["tls", "plain"])
def test_other_upstream_security(make_upstream, make_app, mode):
    """Implicit TLS (465 style) and an explicitly configured plain connection."""
    up = make_upstream(mode=mode)
    app = make_app(upstream=up, review="never")
    rcpts = [f"hanako@{INTERNAL}"]
    msg = make_message(f"upstream mode {mode}", to=rcpts)
    app.smtplib(msg, rcpts).check(250, "2.0.0")
    check_delivered(up, msg, rcpts)


def test_auth_login(hop):
    app, up = hop
    msg = make_message("AUTH LOGIN")
    app.swaks(msg, [f"hanako@{INTERNAL}"], auth="LOGIN").check(250, "2.0.0")
    check_delivered(up, msg, [f"hanako@{INTERNAL}"])


def test_smtputf8_address(hop):
    app, up = hop
    rcpts = [f"山田@{INTERNAL}"]
    sender = f"太郎@{INTERNAL}"
    msg = make_message("SMTPUTF8", sender=sender.encode("ascii", "replace").decode(), to=["yamada@" + INTERNAL],
                       body="本文\r\n".encode(), charset="UTF-8", cte="8bit")
    reply = app.smtplib(msg, rcpts, sender=sender, mail_options=["SMTPUTF8", "BODY=8BITMIME"])
    reply.check(250, "2.0.0")
    m = check_delivered(up, msg, rcpts, sender=sender)
    assert "SMTPUTF8" in [o.upper() for o in m["mail_options"]], m["mail_options"]


def test_upstream_without_8bitmime_gets_7bit(make_upstream, make_app):
    """DESIGN: 8-bit bodies are converted to 7-bit if the upstream lacks 8BITMIME."""
    import email
    from email.policy import default as default_policy
    up = make_upstream(extra_args=["--no-8bitmime"])
    app = make_app(upstream=up, review="never")
    rcpts = [f"hanako@{INTERNAL}"]
    text = "山田様\r\n8ビットの本文です。\r\n"
    msg = make_message("8bit to a 7bit upstream", to=rcpts, body=text.encode(), charset="UTF-8", cte="8bit")
    app.smtplib(msg, rcpts, mail_options=["BODY=8BITMIME"]).check(250, "2.0.0")
    m = up.wait_count(1)[0]
    assert max(m["eml"]) < 0x80, "8-bit bytes sent to an upstream that does not offer 8BITMIME"
    parsed = email.message_from_bytes(m["eml"], policy=default_policy)
    assert parsed.get_content().replace("\r\n", "\n") == text.replace("\r\n", "\n")


def test_null_sender(hop):
    app, up = hop
    msg = make_message("null sender (a notification)")
    app.smtplib(msg, [f"hanako@{INTERNAL}"], sender="").check(250, "2.0.0")
    check_delivered(up, msg, [f"hanako@{INTERNAL}"], sender="")


def test_data_in_tiny_packets(hop):
    """The end-of-data sequence split across packets is still found, and nothing else is."""
    import socket
    app, up = hop
    rcpts = [f"hanako@{INTERNAL}"]
    msg = make_message("tiny packets", to=rcpts, body=b"line\r\n.\r\n..\r\n.x\r\nend\r\n")
    with RawSmtp(app.port) as c:
        c.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        c.login()
        c.cmd(f"MAIL FROM:<{SENDER}>").check(250)
        c.cmd(f"RCPT TO:<{rcpts[0]}>").check(250)
        c.cmd("DATA").check(354)
        data = dot_stuff(msg)
        for i in range(0, len(data), 3):
            c.send(data[i:i + 3])
            time.sleep(0.001)
        c.reply(timeout=30).check(250, "2.0.0")
    check_delivered(up, msg, rcpts)
