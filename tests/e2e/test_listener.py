"""Who gets a session on the local listener: idle and half-open connections
never lock the mail program out, and programs of another user of the same
computer are refused before the greeting. Real sockets -> the yubisashi
binary -> aiosmtpd."""

import os
import shutil
import socket
import subprocess

import pytest

from conftest import INTERNAL, make_message, wait_until

RCPTS = [f"hanako@{INTERNAL}"]


@pytest.fixture
def hop(make_upstream, make_app):
    up = make_upstream()
    app = make_app(upstream=up, review="never")  # max_sessions: the default (16)
    return app, up


def open_idle(port, n, say=b"", family=socket.AF_INET, host="127.0.0.1"):
    conns = []
    for _ in range(n):
        s = socket.socket(family, socket.SOCK_STREAM)
        s.settimeout(10)
        s.connect((host, port))
        if say:
            s.sendall(say)
        conns.append(s)
    return conns


def test_idle_connections_do_not_lock_out_the_mail_program(hop):
    """45 connections that never log in (silent, after EHLO, half-way through a
    line) are all open; while they are, real clients still deliver."""
    app, up = hop
    conns = []
    try:
        conns += open_idle(app.port, 15)
        conns += open_idle(app.port, 15, b"EHLO idle.example\r\n")
        conns += open_idle(app.port, 15, b"EHLO idle.example\r\nAUTH PL")
        for i, client in enumerate(("smtplib", "msmtp", "swaks")):
            msg = make_message(f"through {len(conns)} idle connections ({client})", to=RCPTS)
            getattr(app, client)(msg, RCPTS).check(250, "2.0.0")
            up.wait_count(i + 1)
        # The idle ones were made room for with a reason, oldest first.
        first = conns[0]
        first.settimeout(10)
        said = b""
        while True:
            chunk = first.recv(4096)
            if not chunk:
                break
            said += chunk
        assert said.startswith(b"220 ") and b"421 4.3.2 Too many connections that have not logged in" in said, said
    finally:
        for s in conns:
            s.close()
    assert "closed to make room" in app.current_log()
    app.noop_ok()


# ---------------------------------------------------------------------------
# another user of the same computer

CLIENT = r"""
import socket, sys
host, port = sys.argv[1], int(sys.argv[2])
family = socket.AF_INET6 if ":" in host else socket.AF_INET
s = socket.socket(family, socket.SOCK_STREAM)
s.settimeout(20)
s.connect((host, port))
data = b""
while b"\r\n" not in data:
    chunk = s.recv(4096)
    if not chunk:
        break
    data += chunk
sys.stdout.write(data.decode("utf-8", "replace"))
"""


@pytest.fixture
def other_user():
    """A throwaway local account, removed at teardown."""
    if os.geteuid() != 0:
        pytest.skip("needs root to create a second local user (useradd); CI runs as root")
    for tool in ("useradd", "userdel", "runuser"):
        if not shutil.which(tool):
            pytest.skip(f"{tool} is not installed")
    name = "ys" + os.urandom(4).hex()
    subprocess.run(["useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
                    "--shell", "/usr/sbin/nologin", name], check=True, capture_output=True)
    try:
        yield name
    finally:
        subprocess.run(["userdel", name], capture_output=True)


def run_as(user, host, port):
    p = subprocess.run(["runuser", "-u", user, "--", "/usr/bin/python3", "-c", CLIENT, host, str(port)],
                       capture_output=True, text=True, timeout=60, cwd="/")
    return p


def ipv6_loopback():
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.parametrize("host", ["127.0.0.1", "::1"])
def test_other_user_is_refused_before_the_greeting(hop, other_user, host):
    if host == "::1" and not ipv6_loopback():
        pytest.skip("no IPv6 loopback on this machine")
    app, up = hop
    uid = int(subprocess.run(["id", "-u", other_user], capture_output=True, text=True, check=True).stdout)
    assert uid != os.geteuid()

    # Control: the other user can reach loopback ports at all (a plain listener answers it).
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        probe.listen(1)
        proc = subprocess.Popen(["runuser", "-u", other_user, "--", "/usr/bin/python3", "-c", CLIENT, host,
                                 str(probe.getsockname()[1])], stdout=subprocess.PIPE, text=True, cwd="/")
        conn, _ = probe.accept()
        conn.sendall(b"hello from a plain listener\r\n")
        conn.close()
        assert proc.communicate(timeout=60)[0].startswith("hello"), "the other user cannot reach loopback at all"

    p = run_as(other_user, host, app.port)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("554 5.7.1 "), p.stdout
    assert "another user of this computer" in p.stdout, p.stdout
    assert "220" not in p.stdout, p.stdout
    wait_until(lambda: "belongs to another user" in app.current_log(), 10, "the refusal in the app's log")
    line = next(l for l in app.current_log().splitlines() if "belongs to another user" in l)
    assert f"uid {uid}" in line, line

    # The person's own mail program still delivers.
    msg = make_message(f"same user after a refusal on {host}", to=RCPTS)
    app.smtplib(msg, RCPTS).check(250, "2.0.0")
    up.wait_count(1)
    up.assert_count_stays(1, 0.5)
