"""What real mail programs send gets through, byte for byte: 8-bit data without
BODY=8BITMIME (swaks, msmtp, smtplib.sendmail), lines ending in a bare LF
(read as CRLF), and dot lines that are not CRLF.CRLF (content, never the end
of the message). Real clients -> the yubisashi binary -> aiosmtpd (STARTTLS)."""

import smtplib
import subprocess

import pytest

from conftest import (INTERNAL, LOCAL_PW, LOCAL_USER, SENDER, UPSTREAM_USER, RawSmtp, assert_same_message,
                      make_message, send_msmtp, send_smtplib, send_swaks)

RCPTS = [f"hanako@{INTERNAL}"]
SUBJECT = "見積"  # raw UTF-8 in the header, as swaks --header and many scripts send it
UTF8_BODY = ("山田様\r\n\r\nいつもお世話になっております。\r\n御見積書をお送りします。\r\n"
             ".で始まる行\r\n㈱テスト ①②③ 髙﨑\r\n").encode("utf-8")


@pytest.fixture
def hop(make_upstream, make_app):
    up = make_upstream()  # STARTTLS, offers 8BITMIME
    app = make_app(upstream=up, review="never")
    return app, up


def with_subject(msg, subject):
    return msg.replace(b"Subject: placeholder\r\n", b"Subject: " + subject.encode("utf-8") + b"\r\n")


def eight_bit_message(subject=SUBJECT, body=UTF8_BODY, charset="UTF-8"):
    return with_subject(make_message("placeholder", to=RCPTS, body=body, charset=charset, cte="8bit"), subject)


def delivered(up, sent):
    """The one message at the upstream: bytes as sent, over TLS, flagged 8BITMIME when it is 8-bit."""
    msgs = up.wait_count(1)
    up.assert_count_stays(1, 0.5)
    m = msgs[0]
    assert_same_message(m["eml"], sent)
    assert sorted(m["rcpt_tos"]) == sorted(RCPTS)
    assert m.get("auth_user") == UPSTREAM_USER, m
    assert m.get("tls") is True, m
    if max(sent) >= 0x80:
        opts = [o.upper() for o in m.get("mail_options", [])]
        assert "BODY=8BITMIME" in opts, f"8-bit message forwarded without BODY=8BITMIME: {m.get('mail_options')}"
    return m


def mail_from_line(transcript):
    lines = [l for l in transcript.splitlines() if "MAIL FROM:" in l.upper()]
    assert lines, f"no MAIL FROM in the transcript:\n{transcript}"
    return lines[0]


def test_swaks_header_and_utf8_body_without_body_param(hop):
    """swaks --header 'Subject: 見積' on a UTF-8 body, no BODY= parameter."""
    app, up = hop
    data = app.dir / "clients" / "swaks-header.eml"
    data.parent.mkdir(parents=True, exist_ok=True)
    template = make_message("placeholder", to=RCPTS, body=UTF8_BODY, charset="UTF-8", cte="8bit")
    data.write_bytes(template[:-2])  # swaks adds the final CRLF
    p = subprocess.run(["swaks", "--server", "127.0.0.1", "--port", str(app.port), "--from", SENDER,
                        "--to", RCPTS[0], "--data", f"@{data}", "--header", f"Subject: {SUBJECT}",
                        "--auth", "PLAIN", "--auth-user", LOCAL_USER, "--auth-password", LOCAL_PW,
                        "--helo", "e2e.test", "--timeout", "60"],
                       capture_output=True, timeout=90)
    out = (p.stdout + p.stderr).decode("utf-8", "replace")
    assert p.returncode == 0, out
    assert "BODY=" not in mail_from_line(out).upper(), out
    assert "<~  250 2.0.0" in out or "<-  250 2.0.0" in out, out
    delivered(up, with_subject(template, SUBJECT))


def test_swaks_utf8_file_without_body_param(hop):
    app, up = hop
    msg = eight_bit_message()
    reply = send_swaks(app.port, msg, RCPTS, app.dir / "clients")
    reply.check(250, "2.0.0")
    assert "BODY=" not in mail_from_line(reply.transcript).upper()
    delivered(up, msg)


@pytest.mark.parametrize("charset,codec", [("UTF-8", "utf-8"), ("Shift_JIS", "shift_jis")])
def test_msmtp_japanese_8bit_body(hop, charset, codec):
    app, up = hop
    body = "山田様\r\n\r\n見積書を送付いたします。\r\nご査収のほどよろしくお願いいたします。\r\n".encode(codec)
    msg = eight_bit_message(subject="Re: estimate", body=body, charset=charset)
    reply = send_msmtp(app.port, msg, RCPTS, app.dir / "clients")
    reply.check(250, "2.0.0")
    assert "BODY=" not in mail_from_line(reply.transcript).upper(), reply.transcript
    delivered(up, msg)


@pytest.mark.parametrize("codec", ["utf-8", "shift_jis"])
def test_smtplib_sendmail_8bit_bytes(hop, codec):
    """smtplib.sendmail(bytes) sends 8-bit data without BODY=8BITMIME unless told."""
    app, up = hop
    body = "御見積の件、承知いたしました。\r\n".encode(codec)
    msg = eight_bit_message(subject="Re: mitsumori", body=body, charset=codec)
    with smtplib.SMTP("127.0.0.1", app.port, local_hostname="e2e.test", timeout=60) as s:
        s.set_debuglevel(0)
        s.login(LOCAL_USER, LOCAL_PW)
        refused = s.sendmail(SENDER, RCPTS, msg)
        assert refused == {}
    delivered(up, msg)


def test_undeclared_8bit_to_upstream_without_8bitmime_is_converted(make_upstream, make_app):
    """Taken as 8BITMIME means everything downstream acts as for declared 8BITMIME:
    an upstream without 8BITMIME gets a 7-bit copy that decodes to the same text."""
    import email
    from email.policy import default as default_policy
    up = make_upstream(extra_args=["--no-8bitmime"])
    app = make_app(upstream=up, review="never")
    text = "山田様\r\n8ビットの本文です。\r\n"
    msg = make_message("undeclared 8bit, 7bit upstream", to=RCPTS, body=text.encode(), charset="UTF-8",
                       cte="8bit")
    send_smtplib(app.port, msg, RCPTS).check(250, "2.0.0")
    m = up.wait_count(1)[0]
    assert max(m["eml"]) < 0x80, "8-bit bytes sent to an upstream that does not offer 8BITMIME"
    parsed = email.message_from_bytes(m["eml"], policy=default_policy)
    assert parsed.get_content().replace("\r\n", "\n") == text.replace("\r\n", "\n")


def raw_transaction(app, data):
    """Logs in, sends one transaction with data as the DATA bytes; returns the reply to the end of DATA
    and what the connection said after it (a QUIT's 221, and nothing else)."""
    with RawSmtp(app.port) as c:
        c.login()
        c.cmd(f"MAIL FROM:<{SENDER}>").check(250)
        c.cmd(f"RCPT TO:<{RCPTS[0]}>").check(250)
        c.cmd("DATA").check(354)
        c.send(data)
        reply = c.reply(timeout=60)
        c.send(b"QUIT\r\n")
        rest = c.read_until_closed(timeout=20)
    return reply, rest


def test_bare_lf_message_arrives_with_crlf(hop):
    app, up = hop
    lf = make_message("bare LF", to=RCPTS).replace(b"\r\n", b"\n")
    assert b"\r" not in lf and b"\n.a line" in lf
    # A bare-LF client still has to end with CRLF.CRLF; its dot lines are stuffed as usual.
    data = lf.replace(b"\n.", b"\n..")[:-1] + b"\r\n.\r\n"
    reply, rest = raw_transaction(app, data)
    reply.check(250, "2.0.0")
    assert rest.startswith(b"221 "), rest
    delivered(up, lf.replace(b"\n", b"\r\n"))


@pytest.mark.parametrize("fake_end", [b"\n.\n", b"\r\n.\n", b"\n.\r\n"], ids=["LF.LF", "CRLF.LF", "LF.CRLF"])
def test_fake_end_of_data_does_not_end_the_message(hop, fake_end):
    """Only CRLF.CRLF ends DATA: a smuggled second transaction after LF.LF (and the
    like) is content of the one message, and nothing of it runs as a command."""
    app, up = hop
    head = make_message("smuggling attempt", to=RCPTS, body=b"first part\r\n")[:-2]  # ends "first part"
    smuggled = (b"MAIL FROM:<evil@attacker.example>\r\nRCPT TO:<victim@" + INTERNAL.encode() + b">\r\n"
                b"DATA\r\nSubject: smuggled\r\n\r\nsmuggled body\r\n")
    data = head + fake_end + smuggled + b".\r\n"
    reply, rest = raw_transaction(app, data)
    reply.check(250, "2.0.0")
    # The QUIT is answered right after the message: no replies to smuggled commands.
    assert rest.startswith(b"221 ") and rest.count(b"\r\n") == 1, rest
    m = delivered(up, head + b"\r\n.\r\n" + smuggled)
    assert m["mail_from"] == SENDER, m
    assert "victim@" + INTERNAL not in m["rcpt_tos"], m
