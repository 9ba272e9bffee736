"""Upstream connection reuse end to end: the running app keeps its signed-in
connection to the upstream (tests/tools/upstream.py) open between messages,
replaces it when the server closed it or no longer accepts its sign-in, and
never sends a message twice. Connections are counted in the upstream's log
(one "connection:" line per TCP connection)."""

import time

from conftest import INTERNAL, LOCAL_USER, make_message, wait_until
from test_oauth import OAUTH_USER, OAuthServer, sign_in

RCPT = f"hanako@{INTERNAL}"


def connections(up):
    return up.log_count("connection: mode")


def send(app, subject):
    app.smtplib(make_message(subject, to=(RCPT,)), [RCPT]).check(250)


def subjects(up):
    out = []
    for m in up.messages():
        for line in m["eml"].split(b"\r\n"):
            if line.startswith(b"Subject: "):
                out.append(line[9:].decode())
    return out


def test_messages_in_a_row_share_one_connection(make_upstream, make_app):
    up = make_upstream()
    app = make_app(upstream=up, review="never")
    for i in range(5):
        send(app, f"in a row {i}")
    assert subjects(up) == [f"in a row {i}" for i in range(5)]
    assert connections(up) == 1, up.log_text()
    assert up.log_count(">> b'AUTH") == 1, up.log_text()


def test_server_closes_between_messages(make_upstream, make_app):
    # The server answers the second MAIL FROM on a connection with 421 and closes it.
    up = make_upstream(faults=["mail-421:2"])
    app = make_app(upstream=up, review="never")
    send(app, "first")
    send(app, "second")  # 250 to the mail client: delivered at once on a new connection
    assert subjects(up) == ["first", "second"]
    assert connections(up) == 2, up.log_text()
    time.sleep(1.5)
    assert subjects(up) == ["first", "second"], "sent twice"
    assert app.pending() == []


def test_idle_connection_closed_by_the_server(make_upstream, make_app):
    up = make_upstream(extra_args=["--timeout", "2"])
    app = make_app(upstream=up, review="never")
    send(app, "before the idle close")
    wait_until(lambda: "timeout" in up.log_text().lower() or up.log_count("Connection lost") >= 1, 15,
               "the upstream to close the idle connection")
    time.sleep(0.5)
    send(app, "after the idle close")
    assert subjects(up) == ["before the idle close", "after the idle close"]
    assert connections(up) == 2, up.log_text()


def test_no_reuse_when_switched_off(make_upstream, make_app):
    up = make_upstream()
    app = make_app(upstream=up, review="never", extra={"delivery": {"upstream_connections": 0}})
    for i in range(3):
        send(app, f"one each {i}")
    assert len(subjects(up)) == 3
    assert connections(up) == 3, up.log_text()
    wait_until(lambda: up.log_count(">> b'QUIT'") >= 3, 10, "a QUIT after each message")


def test_oauth_token_renewal_and_refused_session(make_upstream, make_app, tmp_path):
    # Access tokens live 3 s: a connection signed in with one is not used past it.
    short = OAuthServer(tmp_path / "short", "--access-ttl", "3")
    try:
        up = make_upstream(auth=(), extra_args=["--xoauth2-validate", f"{short.base}/admin/valid"])
        app = make_app(upstream=up, auth="xoauth2", upstream_user=OAUTH_USER, review="never", start=False,
                       extra={f"account.{LOCAL_USER}": short.account_keys()})
        sign_in(app)
        app.start()
        send(app, "token one")
        time.sleep(3.5)
        send(app, "token two")  # renewed token: new connection, new sign-in
        assert connections(up) == 2, up.log_text()
        assert up.log_count(">> b'AUTH XOAUTH2") == 2, up.log_text()
        # The kept session's sign-in is refused at MAIL FROM (530): a new connection, delivered once.
        up.set_faults(["mail-530:2"])
        send(app, "token three")
        assert subjects(up) == ["token one", "token two", "token three"]
        assert connections(up) == 3, up.log_text()
    finally:
        short.stop()
