"""OAuth 2.0 (auth=xoauth2) end to end: `yubisashi sign-in` against a local
authorization server (tests/tools/oauth_server.py), then the running app
delivers with AUTH XOAUTH2 to aiosmtpd, which accepts only tokens the OAuth
server calls current. A revoked sign-in keeps mail queued, never failed; a new
sign-in lets it go.

Needs from the app: `yubisashi sign-in ACCOUNT --no-browser --config FILE`
(prints the authorization URL, waits for the loopback redirect, stores the
refresh token, exits 0) and UpstreamTransport getting its access token from
OAuth::TokenManager."""

import json
import os
import re
import signal
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import INTERNAL, LOCAL_USER, PYTHON, SENDER, TOOLS, make_message, wait_until

OAUTH_USER = SENDER
CLIENT_ID = "yubisashi-e2e"


class OAuthServer:
    def __init__(self, base, *args):
        self.dir = Path(base) / "oauth"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.ready = self.dir / "ready"
        self.tokens_file = self.dir / "tokens"
        self.log_path = self.dir / "oauth.log"
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [PYTHON, str(TOOLS / "oauth_server.py"), "--ready-file", str(self.ready), "--client-id", CLIENT_ID,
             "--user", OAUTH_USER, "--tokens-file", str(self.tokens_file), "--rotate-refresh", *args],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_until(self._ready, 20, "oauth_server.py's ready file")
        self.port = int(self.ready.read_text())
        self.base = f"http://127.0.0.1:{self.port}"

    def _ready(self):
        if self.proc.poll() is not None:
            raise AssertionError(f"oauth_server.py exited:\n{self.log_path.read_text()}")
        return self.ready.exists()

    def account_keys(self):
        return {"oauth_client_id": CLIENT_ID, "oauth_authorize_url": f"{self.base}/authorize",
                "oauth_token_url": f"{self.base}/token", "oauth_device_url": f"{self.base}/devicecode",
                "oauth_scopes": "https://outlook.office.com/SMTP.Send offline_access"}

    def admin(self, what, **form):
        data = urllib.parse.urlencode(form).encode()
        with urllib.request.urlopen(f"{self.base}/admin/{what}", data=data, timeout=10) as r:
            return json.load(r)

    def stats(self):
        with urllib.request.urlopen(f"{self.base}/admin/stats", timeout=10) as r:
            return json.load(r)

    def issued(self):
        """Every access and refresh token the server has issued."""
        with urllib.request.urlopen(f"{self.base}/admin/issued", timeout=10) as r:
            body = json.load(r)
        return body["access"] + body["refresh"]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)
        self.log.close()


@pytest.fixture
def oauth(tmp_path):
    server = OAuthServer(tmp_path)
    yield server
    server.stop()


@pytest.fixture
def oauth_hop(oauth, make_upstream, make_app):
    up = make_upstream(auth=(), extra_args=["--xoauth2-validate", f"{oauth.base}/admin/valid"])
    app = make_app(upstream=up, auth="xoauth2", upstream_user=OAUTH_USER, review="never", start=False,
                   extra={f"account.{LOCAL_USER}": oauth.account_keys()})
    return app, up


def sign_in(app, *, extra_args=()):
    """Runs `yubisashi sign-in work --no-browser` and plays the browser with the URL it prints."""
    binary = os.environ.get("YUBISASHI_BIN")
    if not binary:
        pytest.fail("YUBISASHI_BIN is not set")
    p = subprocess.Popen([binary, "sign-in", LOCAL_USER, "--no-browser", "--config", str(app.config_path),
                          *extra_args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=app.env, cwd=app.dir, start_new_session=True, text=True)
    try:
        url = None
        lines = []
        deadline = time.monotonic() + 30
        while url is None and time.monotonic() < deadline:
            line = p.stdout.readline()
            if not line:
                break
            lines.append(line)
            m = re.search(r"(http://127\.0\.0\.1:\d+/authorize\?\S+)", line)
            if m:
                url = m.group(1)
        if url is None:
            p.kill()
            out, err = p.communicate(timeout=10)
            pytest.fail("`yubisashi sign-in ACCOUNT --no-browser` did not print the authorization URL "
                        f"(exit {p.returncode}).\nstdout:\n{''.join(lines)}{out}\nstderr:\n{err}")
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
        assert query["code_challenge_method"] == ["S256"], query
        redirect = urllib.parse.urlsplit(query["redirect_uri"][0])
        assert (redirect.scheme, redirect.hostname) == ("http", "127.0.0.1"), query["redirect_uri"]
        # The browser: the server redirects to the loopback listener of `sign-in`, which answers with a page.
        with urllib.request.urlopen(url, timeout=20) as r:
            page = r.read().decode("utf-8", "replace")
        assert "close this window" in page, page
        out, err = p.communicate(timeout=30)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait(10)
    assert p.returncode == 0, f"sign-in exited {p.returncode}\nstdout:\n{out}\nstderr:\n{err}"
    assert f"Signed in as {OAUTH_USER}" in out, out
    # The listener is gone with the process.
    return out + err


def secrets_text(app):
    return app.secrets_path.read_text()


def assert_no_tokens(oauth, texts):
    secrets = oauth.issued()
    assert len(secrets) >= 4, secrets
    for secret in secrets:
        for name, text in texts.items():
            assert secret not in text, f"a token appears in {name}"


@pytest.mark.slow
def test_sign_in_then_deliver_then_revoke_then_sign_in_again(oauth_hop, oauth):
    app, up = oauth_hop

    # Sign in from the command line; only the refresh token is kept, in the secret store.
    cli_output = sign_in(app)
    assert "refresh_token=" in secrets_text(app)
    stats = oauth.stats()
    assert stats["authorization_code"] == 1, stats

    app.start()
    first = make_message("oauth 1", to=(f"hanako@{INTERNAL}",))
    app.smtplib(first, [f"hanako@{INTERNAL}"]).check(250)
    msgs = up.wait_count(1)
    assert msgs[0]["auth_user"] == OAUTH_USER, msgs[0]

    # The sign-in is revoked (password changed) and the access tokens end.
    oauth.admin("revoke", access="1")
    second = make_message("oauth 2", to=(f"hanako@{INTERNAL}",))
    reply = app.smtplib(second, [f"hanako@{INTERNAL}"])
    reply.check(250, "2.6.0", ["queued"])
    wait_until(lambda: "needs a new sign-in" in app.current_log() and len(app.pending()) == 1, 20,
               "the app to report that the account needs a sign-in, with the message queued")
    up.assert_count_stays(1, 3)
    assert [e.get("state") for e in app.pending()] != ["failed"], app.pending()

    # Signing in again (the app keeps running) sends the queued message.
    sign_in(app)
    msgs = up.wait_count(2, timeout=30)
    assert msgs[1]["auth_user"] == OAUTH_USER
    wait_until(lambda: not app.pending(), 10, "the queue to empty")

    app.stop()
    assert_no_tokens(oauth, {"the app's log": app.all_logs(), "the settings file": app.config_path.read_text(),
                                  "the sign-in output": cli_output})


def test_expired_access_token_is_renewed(make_upstream, make_app, tmp_path):
    # Access tokens live 3 s: every later delivery needs a renewal first.
    short = OAuthServer(tmp_path / "short", "--access-ttl", "3")
    try:
        up = make_upstream(auth=(), extra_args=["--xoauth2-validate", f"{short.base}/admin/valid"])
        app = make_app(upstream=up, auth="xoauth2", upstream_user=OAUTH_USER, review="never", start=False,
                       extra={f"account.{LOCAL_USER}": short.account_keys()})
        sign_in(app)
        app.start()
        for i in range(2):
            msg = make_message(f"renewal {i}", to=(f"hanako@{INTERNAL}",))
            app.smtplib(msg, [f"hanako@{INTERNAL}"]).check(250)
            up.wait_count(i + 1)
            time.sleep(3.5)
        assert short.stats()["refresh_token"] >= 1
    finally:
        short.stop()


def test_sign_in_with_the_client_id_from_the_policy(oauth, make_upstream, make_app):
    """The administrator's policy sets the sign-in for every account ([accounts]); the person's own
    settings file names none of it. Sign-in and delivery use the policy's client ID and endpoints
    (the local OAuth server refuses any other client ID)."""
    up = make_upstream(auth=(), extra_args=["--xoauth2-validate", f"{oauth.base}/admin/valid"])
    app = make_app(upstream=up, auth="xoauth2", upstream_user=OAUTH_USER, review="never", start=False)
    assert "oauth_" not in app.config_path.read_text()
    policy = app.dir / "policy.ini"
    policy.write_text("[accounts]\n" + "".join(f"{k}={v}\n" for k, v in oauth.account_keys().items()))
    app.env["YUBISASHI_POLICY_FILE"] = str(policy)
    sign_in(app)
    assert oauth.stats()["authorization_code"] == 1
    app.start()
    app.smtplib(make_message("policy sign-in", to=(f"hanako@{INTERNAL}",)), [f"hanako@{INTERNAL}"]).check(250)
    msgs = up.wait_count(1)
    assert msgs[0]["auth_user"] == OAUTH_USER, msgs[0]
