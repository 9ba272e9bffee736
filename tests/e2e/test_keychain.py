"""The system keychain as the secret store ([secrets] store=keychain, the
default), for real: a private D-Bus session bus with gnome-keyring-daemon
(unlocked, secrets component only), the binary storing its local password
there at first run through QtKeychain, and a mail delivered with the local
password and the upstream password both read from the keychain.

Needs dbus-daemon, gnome-keyring and libsecret-tools (scripts/deps.sh --test).
"""

import os
import re
import shutil
import signal
import smtplib
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import INTERNAL, LOCAL_USER, UPSTREAM_PW, make_message, wait_until

SERVICE = "Yubisashi"  # KeychainSecretStore's QtKeychain service name


def _stop(proc):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


class Keyring:
    """A session bus of its own (dbus-daemon) and an unlocked gnome-keyring
    on it, with HOME and XDG folders under base; env is what a program needs
    to use them."""

    def __init__(self, base, env):
        for tool in ("dbus-daemon", "gnome-keyring-daemon", "secret-tool"):
            if not shutil.which(tool):
                pytest.fail(f"{tool} is missing: run scripts/deps.sh --test")
        self.env = dict(env)
        self.dir = Path(tempfile.mkdtemp(prefix="kr-", dir="/tmp"))  # short: a socket lives here
        self.procs = []
        self.log = open(Path(base) / "keyring.log", "wb")
        bus = self.dir / "bus"
        dbus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--nopidfile",
                                 f"--address=unix:path={bus}", "--print-address=1"],
                                stdout=subprocess.PIPE, stderr=self.log, env=self.env, start_new_session=True)
        self.procs.append(dbus)
        address = dbus.stdout.readline().decode().strip()
        assert address.startswith("unix:"), f"dbus-daemon did not start: {address!r}"
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address
        # The login keyring is created with an empty password and left unlocked.
        keyring = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                                   stdin=subprocess.PIPE, stdout=self.log, stderr=self.log, env=self.env,
                                   start_new_session=True)
        self.procs.append(keyring)
        keyring.stdin.write(b"\n")
        keyring.stdin.close()
        wait_until(self._owns_secrets, 30, "gnome-keyring-daemon on the session bus", interval=0.2)

    def _owns_secrets(self):
        for p in self.procs:
            assert p.poll() is None, f"{p.args[0]} exited with {p.returncode}"
        r = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                            "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                            "string:org.freedesktop.secrets"], capture_output=True, env=self.env, timeout=20)
        return r.returncode == 0 and b"boolean true" in r.stdout

    def store(self, key, value):
        """An entry as QtKeychain's libsecret backend writes one for (SERVICE, key)."""
        r = subprocess.run(["secret-tool", "store", f"--label={SERVICE}/{key}", "user", key, "server", SERVICE,
                            "type", "plaintext"], input=value.encode(), capture_output=True, env=self.env,
                           timeout=30)
        assert r.returncode == 0, f"secret-tool store failed: {r.stderr.decode(errors='replace')}"

    def lookup(self, key):
        r = subprocess.run(["secret-tool", "lookup", "user", key, "server", SERVICE], capture_output=True,
                           env=self.env, timeout=30)
        return r.stdout.decode() if r.returncode == 0 else None

    def close(self):
        for p in reversed(self.procs):
            _stop(p)
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def keychain_app(make_app, upstream, tmp_path):
    """An app whose secrets live only in the keychain: the secrets file the
    App helper writes is removed before the first start."""
    app = make_app(upstream=upstream, review="never", extra={"secrets": {"store": "keychain"}}, start=False)
    app.secrets_path.unlink()
    keyring = Keyring(tmp_path, app.env)
    app.env = keyring.env
    app.keyring = keyring
    yield app
    app.stop()
    keyring.close()


def client_setup(app):
    binary = os.environ["YUBISASHI_BIN"]
    p = subprocess.run([binary, "client-setup", "--config", str(app.config_path)], capture_output=True,
                       env=app.env, timeout=120)
    out = p.stdout.decode("utf-8", "replace")
    assert p.returncode == 0, f"client-setup failed ({p.returncode}):\n{out}\n{p.stderr.decode(errors='replace')}"
    m = re.search(rf"User name: {LOCAL_USER}\s+Password: (\S+)", out)
    assert m, f"no password for {LOCAL_USER} in:\n{out}"
    return m.group(1)


def test_delivery_with_secrets_from_the_keychain(keychain_app, upstream):
    app = keychain_app
    # The upstream password as QtKeychain keeps it (Settings would write it so).
    app.keyring.store(f"{LOCAL_USER}/password", UPSTREAM_PW)
    assert app.keyring.lookup(f"{LOCAL_USER}/password") == UPSTREAM_PW

    # First run: the app makes the local password and keeps it in the keychain.
    app.start()
    stored = app.keyring.lookup(f"{LOCAL_USER}/local_password")
    assert stored and len(stored) >= 16, f"no local password in the keychain: {stored!r}"
    assert "secrets: Secret Service keyring" in app.current_log(), app.current_log()[-2000:]
    assert client_setup(app) == stored
    assert not app.secrets_path.exists(), "a secrets file was written although store=keychain"

    rcpt = [f"hanako@{INTERNAL}"]
    msg = make_message("secrets from the keychain", to=rcpt)
    with pytest.raises(smtplib.SMTPAuthenticationError):
        app.smtplib(msg, rcpt, password="not-the-password")
    reply = app.smtplib(msg, rcpt, password=stored)
    reply.check(250, "2.0.0")
    m = upstream.wait_count(1)[0]
    assert m["eml"].endswith(msg)
    assert m["rcpt_tos"] == rcpt

    # The next start reads the same password back instead of making a new one.
    app.stop()
    app.start()
    assert app.keyring.lookup(f"{LOCAL_USER}/local_password") == stored
    msg2 = make_message("after a restart", to=rcpt)
    app.smtplib(msg2, rcpt, password=stored).check(250, "2.0.0")
    assert upstream.wait_count(2)[1]["eml"].endswith(msg2)
    assert not app.secrets_path.exists()
