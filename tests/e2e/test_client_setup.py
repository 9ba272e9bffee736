"""`yubisashi client-setup --format json|msmtprc`: what scripts and mail
programs read, from the real binary, used by a real msmtp against a running
Yubisashi and the real upstream (tests/tools/upstream.py)."""

import base64
import json
import subprocess
from pathlib import Path

from conftest import (INTERNAL, LOCAL_PW, LOCAL_USER, SENDER, UPSTREAM_PW, UPSTREAM_USER, assert_same_message,
                      make_message, yubisashi_bin)


def client_setup(app, *args):
    p = subprocess.run([yubisashi_bin(), "client-setup", "--config", str(app.config_path), *args],
                       capture_output=True, env=app.env, timeout=120)
    assert p.returncode == 0, (f"client-setup {' '.join(args)} failed ({p.returncode}):\n"
                               f"{p.stdout.decode(errors='replace')}\n{p.stderr.decode(errors='replace')}")
    return p.stdout


def test_json_is_valid_with_stable_keys(make_app, upstream):
    # A Japanese desktop: the text for people is Japanese, the JSON is not.
    app = make_app(upstream=upstream, start=False, extra={"general": {"language": "ja"}})
    out = client_setup(app, "--format", "json")
    data = json.loads(out.decode("utf-8"))
    assert {k: data.get(k) for k in ("host", "port", "user", "password", "security", "auth")} == {
        "host": "127.0.0.1", "port": app.port, "user": LOCAL_USER, "password": LOCAL_PW,
        "security": "none", "auth": "plain"}, data
    assert data["accounts"] == [LOCAL_USER]
    assert data["test_mode"] is False

    text = client_setup(app).decode("utf-8")
    assert LOCAL_PW in text and "Password:" not in text, f"the text for people is not in Japanese:\n{text}"


def test_json_unknown_account_is_a_usage_error(make_app, upstream):
    app = make_app(upstream=upstream, start=False)
    p = subprocess.run([yubisashi_bin(), "client-setup", "--config", str(app.config_path), "--format", "json",
                        "--account", "nobody"], capture_output=True, env=app.env, timeout=120)
    assert p.returncode == 3 and p.stdout == b"", p
    assert b'no account "nobody"' in p.stderr, p.stderr


def test_msmtp_from_msmtprc_delivers(make_app, upstream, tmp_path):
    app = make_app(upstream=upstream, review="never", start=False)
    # The SMTP dialogues at debug level, both ways: the AUTH lines are logged (masked).
    app.env["QT_LOGGING_RULES"] = "upstream.debug=true;smtp.debug=true;yubisashi.oauth.debug=true"
    app.start()
    rc_text = client_setup(app, "--format", "msmtprc").decode("utf-8")
    assert "passwordeval" in rc_text and LOCAL_PW not in rc_text, rc_text
    rc = tmp_path / "msmtprc"
    rc.write_text(rc_text)
    rc.chmod(0o600)
    msg = make_message("configured by client-setup")
    rcpts = [f"hanako@{INTERNAL}"]
    # msmtp runs the passwordeval command (yubisashi client-setup --format json
    # | grep | cut) itself, in the app's environment (its secrets file).
    p = subprocess.run(["msmtp", "--debug", "-C", str(rc), "-f", SENDER, "--", *rcpts], input=msg,
                       capture_output=True, env=app.env, timeout=180)
    out = (p.stdout + p.stderr).decode("utf-8", "replace")
    assert p.returncode == 0, f"msmtp failed ({p.returncode}):\n{out}"
    assert "<-- 235" in out, f"no successful AUTH in msmtp's dialogue:\n{out}"
    msgs = upstream.wait_count(1)
    assert_same_message(msgs[0]["eml"], msg)
    assert msgs[0]["rcpt_tos"] == rcpts
    assert msgs[0].get("auth_user") == UPSTREAM_USER

    # The log file (AppLocalDataLocation/logs) has the session, and no password
    # in any form the two AUTH exchanges carried it.
    log = Path(app.env["XDG_DATA_HOME"]) / "Yubisashi" / "yubisashi" / "logs" / "yubisashi.log"
    assert log.exists(), f"no log file at {log}"
    text = log.read_text(encoding="utf-8")
    assert "listening on 127.0.0.1" in text and "C: <credentials>" in text, text[-3000:]
    secrets = [LOCAL_PW, UPSTREAM_PW, base64.b64encode(LOCAL_PW.encode()).decode(),
               base64.b64encode(f"\0{LOCAL_USER}\0{LOCAL_PW}".encode()).decode(),
               base64.b64encode(f"\0{UPSTREAM_USER}\0{UPSTREAM_PW}".encode()).decode()]
    for secret in secrets:
        assert secret not in text, f"{secret} in the log file:\n{text[-3000:]}"
        assert secret not in app.current_log(), f"{secret} on stderr"
