"""The local listener under bad input, and what it exposes. One app serves the
whole module; every test ends by checking that it still answers NOOP."""

import base64
import re
import socket
import stat
import subprocess
import time

import pytest

from conftest import (EXTERNAL, INTERNAL, LOCAL_PW, SENDER, App, RawSmtp, Upstream, dot_stuff, finish_apps,
                      make_message)

GOOD = f"hanako@{INTERNAL}"


@pytest.fixture(scope="module")
def hop(tmp_path_factory, pki):
    base = tmp_path_factory.mktemp("security")
    up = Upstream(base, pki).start()
    app = App(base, upstream=up, review="external", decide="wait", client_wait=1)
    try:
        app.start()
        yield app, up
    finally:
        try:
            finish_apps([app])
        finally:
            up.stop()


@pytest.fixture
def app(hop):
    app, up = hop
    yield app
    app.noop_ok()  # still healthy after the abuse


@pytest.fixture
def session(app):
    c = RawSmtp(app.port)
    c.greeting.check(220)
    yield c
    c.close()


def authed(app):
    c = RawSmtp(app.port)
    c.login()
    return c


def test_mail_before_auth(session):
    session.ehlo()
    session.cmd(f"MAIL FROM:<{SENDER}>").check(530, "5.7.0")
    r = session.cmd(f"RCPT TO:<{GOOD}>")
    assert r.code in (503, 530), r
    session.auth().check(235)
    session.cmd(f"MAIL FROM:<{SENDER}>").check(250)
    session.cmd("RSET").check(250)


def test_wrong_password(session):
    session.ehlo()
    t0 = time.monotonic()
    r = session.auth(password="wrong-" + LOCAL_PW)
    assert r.code == 535, r
    assert time.monotonic() - t0 >= 0.5, "failed AUTH answered without delay"
    session.auth().check(235)


def test_no_starttls_on_loopback(session):
    session.ehlo()
    assert "STARTTLS" not in session.extensions
    for ext in ("AUTH", "SIZE", "8BITMIME", "PIPELINING", "ENHANCEDSTATUSCODES"):
        assert ext in session.extensions, f"{ext} not advertised: {session.extensions}"


def _cross_protocol_payload(first_line, port):
    """An HTTP request whose body is a whole SMTP transaction, all in one packet."""
    token = base64.b64encode(("\0work\0" + LOCAL_PW).encode()).decode()
    smtp = (f"EHLO evil\r\nAUTH PLAIN {token}\r\n"
            f"MAIL FROM:<{SENDER}>\r\nRCPT TO:<{GOOD}>\r\nDATA\r\nSubject: from a web page\r\n\r\nhi\r\n.\r\n"
            "QUIT\r\n").encode()
    return (f"{first_line}\r\nHost: 127.0.0.1:{port}\r\nContent-Type: text/plain\r\n"
            f"Content-Length: {len(smtp)}\r\n\r\n").encode() + smtp


def _replies_in(data):
    return [l for l in data.decode("utf-8", "replace").split("\r\n") if re.match(r"^\d{3}", l)]


@pytest.mark.parametrize("first_line", ["GET / HTTP/1.1", "POST /send HTTP/1.1", "CONNECT 127.0.0.1:25 HTTP/1.1"])
def test_http_request_ends_session(app, hop, first_line):
    forwarded = hop[1].count()
    spooled = len(app.spool())
    c = RawSmtp(app.port)
    c.greeting.check(220)
    c.send(_cross_protocol_payload(first_line, app.port))
    replies = _replies_in(c.read_until_closed(timeout=10))
    c.close()
    assert not [r for r in replies if r[:1] in "23"], f"commands after the HTTP line were executed: {replies}"
    assert len(replies) <= 1, f"more than one reply after an HTTP request line: {replies}"
    time.sleep(0.5)
    assert len(app.spool()) == spooled
    assert hop[1].count() == forwarded


def test_http_request_before_greeting(app, hop):
    """A browser does not wait for the greeting: input before it is refused too."""
    forwarded = hop[1].count()
    spooled = len(app.spool())
    c = RawSmtp(app.port, read_greeting=False)
    c.send(_cross_protocol_payload("POST / HTTP/1.1", app.port))
    replies = _replies_in(c.read_until_closed(timeout=10))
    c.close()
    assert not [r for r in replies if r[:1] == "2" and not r.startswith("220")] and \
        not [r for r in replies if r[:1] == "3"], f"commands were executed: {replies}"
    time.sleep(0.5)
    assert len(app.spool()) == spooled
    assert hop[1].count() == forwarded


def test_overlong_command_line(session):
    session.ehlo()
    session.cmd("NOOP " + "A" * 5000).check(500, "5.5.6")
    session.cmd("NOOP").check(250)
    session.send(b"NOOP " + b"B" * 200_000 + b"\r\n")
    session.reply().check(500, "5.5.6")
    session.cmd("NOOP").check(250)


def test_nul_in_command(session):
    session.ehlo()
    session.send(b"NO\x00OP\r\n")
    session.reply().check(500, "5.5.2")
    session.cmd("NOOP").check(250)


@pytest.mark.parametrize("bad", [b"NOOP\n", b"NOOP\rNOOP\r\n"], ids=["bare-LF", "bare-CR"])
def test_bare_line_end_in_command(session, bad):
    session.ehlo()
    session.send(bad)
    session.reply().check(500, "5.5.2")
    session.cmd("NOOP").check(250)


def _transaction(c, body, mail_params=""):
    c.cmd(f"MAIL FROM:<{SENDER}>{mail_params}").check(250)
    c.cmd(f"RCPT TO:<{GOOD}>").check(250)
    c.cmd("DATA").check(354)
    c.send(body)
    return c.reply(timeout=30)


def test_bare_cr_in_data(app):
    """A bare CR stays refused (bare LF is read as CRLF: test_intake.py)."""
    with authed(app) as c:
        r = _transaction(c, b"Subject: bare CR\r\n\r\nline one\rline two\r\n.\r\n")
        r.check(554, "5.6.0")
        # the session is usable afterwards (2.0.0 delivered, or 2.6.0 if the
        # upstream takes longer than this module's 1 s budget)
        msg = make_message("after bare CR", to=[GOOD])
        _transaction(c, dot_stuff(msg)).check(250, ("2.0.0", "2.6.0"))


def test_8bit_without_8bitmime(app):
    """8-bit data without BODY=8BITMIME is accepted, as Postfix does (real clients send it)."""
    body = make_message("8bit", to=[GOOD], body="本文\r\n".encode(), charset="UTF-8", cte="8bit")
    with authed(app) as c:
        _transaction(c, dot_stuff(body)).check(250, ("2.0.0", "2.6.0"))
        _transaction(c, dot_stuff(body), " BODY=8BITMIME").check(250, ("2.0.0", "2.6.0"))


def test_long_line_in_data(session):
    """RFC 5321 limits text lines to 1000 octets: refused at the end of DATA, not truncated."""
    session.ehlo()
    session.auth().check(235)
    r = _transaction(session, b"Subject: long\r\n\r\n" + b"x" * 5000 + b"\r\n.\r\n")
    assert 500 <= r.code < 600, r
    session.cmd("NOOP").check(250)


@pytest.mark.parametrize("cmd", ["RCPT TO:<user@>", "RCPT TO:<a@@example.co.jp>", "RCPT TO:<a b@example.co.jp>",
                                 "RCPT TO:<@example.co.jp>", "RCPT TO:<user@exa mple.co.jp>",
                                 "RCPT TO:<user@example.co.jp"])
def test_malformed_recipient(session, cmd):
    session.ehlo()
    session.auth().check(235)
    session.cmd(f"MAIL FROM:<{SENDER}>").check(250)
    session.cmd(cmd).check(501, ("5.1.3", "5.5.2", "5.5.4"))
    session.cmd(f"RCPT TO:<{GOOD}>").check(250)
    session.cmd("RSET").check(250)


@pytest.mark.parametrize("cmd", ["MAIL FROM:<a b@example.co.jp>", "MAIL FROM:<user@>", "MAIL FROM:<a@@b.example>"])
def test_malformed_sender(session, cmd):
    session.ehlo()
    session.auth().check(235)
    session.cmd(cmd).check(501, ("5.1.3", "5.1.7"))
    session.cmd(f"MAIL FROM:<{SENDER}>").check(250)


def test_ten_thousand_recipients(app):
    accepted = refused = 0
    first_refusal = None
    closed = False
    with authed(app) as c:
        c.cmd(f"MAIL FROM:<{SENDER}>").check(250)
        t0 = time.monotonic()
        for start in range(0, 10_000, 250):
            try:
                c.send("".join(f"RCPT TO:<r{i:05d}@{INTERNAL}>\r\n" for i in range(start, start + 250)))
                for _ in range(250):
                    r = c.reply(timeout=20)
                    if r.code == 250:
                        accepted += 1
                    else:
                        refused += 1
                        first_refusal = first_refusal or r
            except (ConnectionError, BrokenPipeError):
                closed = True
                break
        elapsed = time.monotonic() - t0
    print(f"accepted {accepted}, refused {refused}, closed early {closed}, {elapsed:.1f} s")
    assert accepted == 1000, f"max_recipients is 1000 by default; accepted {accepted}"
    assert first_refusal is not None
    assert (first_refusal.code, first_refusal.enhanced) in ((452, "4.5.3"), (552, "5.5.3")), first_refusal
    assert elapsed < 60


def test_over_size(session):
    size = next((l.split()[1] for l in session.ehlo().lines if l.upper().startswith("SIZE ")), None)
    assert size and int(size) > 0, "SIZE not advertised with a limit"
    session.auth().check(235)
    session.cmd(f"MAIL FROM:<{SENDER}> SIZE={int(size) + 1}").check(552, "5.3.4")
    session.cmd(f"MAIL FROM:<{SENDER}> SIZE=1000").check(250)
    session.cmd("RSET").check(250)


def test_many_idle_connections(app):
    """Idle connections beyond the session cap (a stuck program, a port scan)
    must not lock out the mail program: while all 60 are still open, a new
    client is greeted and can log in and send."""
    conns = []
    try:
        for _ in range(60):
            s = socket.create_connection(("127.0.0.1", app.port), timeout=5)
            conns.append(s)
        with RawSmtp(app.port, timeout=15) as c:
            c.greeting.check(220)
            c.login()
            _transaction(c, dot_stuff(make_message("past idle connections", to=[GOOD]))).check(
                250, ("2.0.0", "2.6.0"))
        assert app.alive(), "the app died with 60 idle connections open"
    finally:
        for s in conns:
            s.close()


def test_spool_permissions(app):
    rcpts = [f"someone@{EXTERNAL}"]  # waits for a review that never comes (decide=wait)
    app.smtplib(make_message("perm", to=rcpts), rcpts).check(250, "2.6.0")
    files = [p for p in app.spool_dir.rglob("*") if p.is_file()]
    assert any(p.suffix == ".env" for p in files) and any(p.suffix == ".eml" for p in files), files
    assert stat.S_IMODE(app.spool_dir.stat().st_mode) == 0o700, oct(app.spool_dir.stat().st_mode)
    for d in [p for p in app.spool_dir.rglob("*") if p.is_dir()]:
        assert stat.S_IMODE(d.stat().st_mode) == 0o700, f"{d}: {oct(d.stat().st_mode)}"
    for f in files:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f"{f}: {oct(f.stat().st_mode)}"


def _listening(pid):
    out = subprocess.run(["ss", "-Hltnp"], capture_output=True, text=True, timeout=10).stdout
    return [l.split()[3] for l in out.splitlines() if f"pid={pid}," in l]


def test_listens_on_loopback_only(app):
    addrs = _listening(app.proc.pid)
    assert addrs, "ss shows no listening socket for the app"
    for a in addrs:
        host = a.rsplit(":", 1)[0].strip("[]")
        assert host in ("127.0.0.1", "::1"), f"listening on {a}"
    assert f"127.0.0.1:{app.port}" in addrs


def _machine_addresses():
    out = subprocess.run(["ip", "-o", "addr", "show"], capture_output=True, text=True, timeout=10).stdout
    found = []
    for line in out.splitlines():
        m = re.search(r"\sinet6?\s+([0-9a-fA-F.:]+)/\d+", line)
        if not m:
            continue
        addr = m.group(1)
        if addr.startswith("127.") or addr == "::1" or addr.lower().startswith("fe80"):
            continue
        found.append(addr)
    return found


def test_not_reachable_on_other_addresses(app):
    others = _machine_addresses()
    if not others:
        pytest.skip("the machine has no non-loopback address")
    for addr in others:
        fam = socket.AF_INET6 if ":" in addr else socket.AF_INET
        with socket.socket(fam, socket.SOCK_STREAM) as s:
            s.settimeout(3)
            try:
                s.connect((addr, app.port))
            except OSError:
                continue
            pytest.fail(f"the listener accepted a connection on {addr}:{app.port}")


def _machine_has_ipv6_loopback():
    """Whether this machine can use ::1 at all, asked without the app: a
    program's own socket bound to [::1]:0 (the app's failing to bind is what
    the test below is for, so it cannot be the reason to skip)."""
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


def test_ipv6_loopback(app):
    """Mail programs that resolve "localhost" to ::1 first reach the app there too."""
    if not _machine_has_ipv6_loopback():
        pytest.skip("this machine has no ::1 (a socket of the test's own cannot bind [::1]:0)")
    assert f"[::1]:{app.port}" in _listening(app.proc.pid), \
        f"the app does not listen on [::1]:{app.port}; ss shows {_listening(app.proc.pid)}"
    with RawSmtp(app.port, host="::1", family=socket.AF_INET6) as c:
        c.greeting.check(220)
        c.cmd("NOOP").check(250)


def test_data_over_size_limit(make_upstream, make_app):
    """A client that announces no SIZE (or lies) is stopped by the real byte count."""
    up = make_upstream()
    app = make_app(upstream=up, review="never", extra={"listener": {"max_message_size": 100_000}})
    big = make_message("too big", to=[GOOD], body=b"0123456789abcdef" * 10 + b"\r\n" * 1 + (b"x" * 76 + b"\r\n") * 2600)
    assert len(big) > 200_000
    with authed(app) as c:
        r = _transaction(c, dot_stuff(big), " SIZE=1000")
        r.check(552, "5.3.4")
        ok = make_message("small", to=[GOOD])
        _transaction(c, dot_stuff(ok)).check(250, "2.0.0")
    up.wait_count(1)
    up.assert_count_stays(1, 0.5)
    assert up.messages()[0]["eml"].endswith(ok)


def test_max_recipients_setting(make_upstream, make_app):
    up = make_upstream()
    app = make_app(upstream=up, review="never", extra={"listener": {"max_recipients": 10}})
    with authed(app) as c:
        c.cmd(f"MAIL FROM:<{SENDER}>").check(250)
        for i in range(10):
            c.cmd(f"RCPT TO:<r{i}@{INTERNAL}>").check(250)
        r = c.cmd(f"RCPT TO:<r10@{INTERNAL}>")
        assert (r.code, r.enhanced) in ((452, "4.5.3"), (552, "5.5.3")), r
        c.cmd("DATA").check(354)
        c.send(dot_stuff(make_message("ten", to=[f"r0@{INTERNAL}"])))
        c.reply(timeout=30).check(250)
    m = up.wait_count(1)[0]
    assert len(m["rcpt_tos"]) == 10
    app.noop_ok()


def test_unknown_local_user(session):
    session.ehlo()
    r = session.auth(user="nobody")
    assert r.code == 535, r
    session.auth().check(235)


def test_auth_with_challenges(session):
    session.ehlo()
    r = session.cmd("AUTH PLAIN")
    r.check(334)
    session.cmd(base64.b64encode(f"\0work\0{LOCAL_PW}".encode()).decode()).check(235)


def test_auth_login_with_challenges(session):
    session.ehlo()
    session.cmd("AUTH LOGIN").check(334)
    session.cmd(base64.b64encode(b"work").decode()).check(334)
    session.cmd(base64.b64encode(LOCAL_PW.encode()).decode()).check(235)


def test_command_order(session):
    session.ehlo()
    session.auth().check(235)
    r = session.cmd("DATA")
    assert r.code == 503, r
    session.cmd(f"MAIL FROM:<{SENDER}>").check(250)
    r = session.cmd("DATA")
    assert r.code in (503, 554), r  # no valid recipients
    r = session.cmd(f"MAIL FROM:<{SENDER}>")
    assert r.code == 503, r  # nested MAIL
    session.cmd("RSET").check(250)
    session.cmd("VRFY hanako").check(252)
