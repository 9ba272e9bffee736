"""Administrator locks that must hold against the real binary: while the
policy file locks [policy] review, answering reviews by script (--decide) is
refused at start, unless the policy itself allows it
(allow_scripted_decisions=true). The policy file is handed over with
YUBISASHI_POLICY_FILE, which only builds made for testing honour
(YUBISASHI_TEST_HOOKS, on in the asan preset these tests run against)."""

import os
import subprocess
from pathlib import Path

from conftest import EXTERNAL, make_message, port_open, wait_until

EXT = [f"someone@{EXTERNAL}"]


def with_policy(app, text):
    """Writes the administrator's policy file for app and points the app at it."""
    path = app.dir / "policy.ini"
    path.write_text(text)
    app.env["YUBISASHI_POLICY_FILE"] = str(path)
    return path


def exits_at_start(app, timeout=60):
    app.start(wait_ready=False)
    try:
        status = app.proc.wait(timeout)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"yubisashi kept running:\n{app.current_log()[-3000:]}")
    app.expect_own_exit()  # the exit status is asserted by the caller
    return status, app.current_log()


def test_decide_refused_while_review_is_locked(make_upstream, make_app):
    up = make_upstream()
    app = make_app(upstream=up, decide="send", start=False)
    policy = with_policy(app, "[policy]\nreview=always\n")
    status, log = exits_at_start(app)
    assert status == 2, f"exit status {status}, expected 2 (a start error):\n{log[-3000:]}"
    for words in ("--decide", "administrator", "allow_scripted_decisions=true", str(policy)):
        assert words in log, f"{words!r} missing from the start error:\n{log[-3000:]}"
    assert f"listening on 127.0.0.1:{app.port}" not in log
    assert not port_open(app.port)


def test_user_cannot_allow_scripts_against_a_locked_review(make_upstream, make_app):
    up = make_upstream()
    app = make_app(upstream=up, decide="send", start=False,
                   extra={"policy": {"allow_scripted_decisions": "true"}})
    with_policy(app, "[policy]\nreview=always\n")
    status, log = exits_at_start(app)
    assert status == 2, f"exit status {status}, expected 2:\n{log[-3000:]}"
    assert "allow_scripted_decisions=true" in log, log[-3000:]


def test_decide_allowed_by_the_policy(make_upstream, make_app):
    up = make_upstream()
    app = make_app(upstream=up, decide="send", review="never", start=False)
    with_policy(app, "[policy]\nreview=always\nallow_scripted_decisions=true\n")
    app.start()
    # The locked review=always wins over the user's review=never: the script answers it.
    app.smtplib(make_message("scripted review", to=EXT), EXT).check(250, "2.0.0")
    up.wait_count(1)
    assert "reviews are answered by the script" in app.current_log()
    wait_until(lambda: app.pending() == [], 5, "the spool entry to finish")


def test_locked_review_without_decide_starts(make_upstream, make_app):
    """Only the way around the review is refused; a person (or the queue) still reviews."""
    up = make_upstream()
    app = make_app(upstream=up, client_wait=2, start=False)
    with_policy(app, "[policy]\nreview=always\n")
    app.start()
    reply = app.smtplib(make_message("waits for a person", to=EXT), EXT)
    reply.check(250, "2.6.0", ["review"])
    assert [e["state"] for e in app.spool()] == ["reviewing"]
    up.assert_count_stays(0, 1)


def run_admin_check(path):
    binary = os.environ["YUBISASHI_BIN"]
    return subprocess.run([binary, "admin", "--check", str(path)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, stdin=subprocess.DEVNULL)


def test_admin_check_reports_lines_and_encodings(tmp_path):
    """`yubisashi admin --check FILE`: 0 for a valid policy (UTF-8 with a byte-order mark included),
    1 with the file's line for a wrong value, and a plain word about Shift_JIS."""
    good = tmp_path / "good.ini"
    good.write_bytes("\ufeff[policy]\nkeywords=社外秘, 極秘\n\n[recommended/delivery]\ncountdown_seconds=5\n"
                     "\n[accounts]\noauth_client_id=abc\n".encode("utf-8"))
    r = run_admin_check(good)
    assert r.returncode == 0, r
    assert "is valid: it locks 2 and recommends 1 settings" in r.stdout, r.stdout

    bad = tmp_path / "bad.ini"
    bad.write_text("[listener]\nport=10600\n\n[policy]\nreview=sometimes\n[account.work]\npassword=x\n")
    r = run_admin_check(bad)
    assert r.returncode == 1, r
    assert f"{bad}, line 5" in r.stderr and "policy/review" in r.stderr, r.stderr
    assert f"{bad}, line 7" in r.stderr and "password" in r.stderr, r.stderr

    sjis = tmp_path / "sjis.ini"
    sjis.write_bytes("[policy]\nkeywords=社外秘\n".encode("shift_jis"))
    r = run_admin_check(sjis)
    assert r.returncode == 1, r
    assert "not saved as UTF-8" in r.stderr and "Shift_JIS" in r.stderr and "line 2" in r.stderr, r.stderr


def test_sample_policies_are_valid():
    root = Path(__file__).resolve().parents[2]
    for sample in (root / "deploy/linux/policy.ini", root / "deploy/windows/yubisashi-sample.reg"):
        r = run_admin_check(sample)
        assert r.returncode == 0, (sample, r.stdout, r.stderr)


def test_admin_window_needs_a_desktop(tmp_path):
    """`yubisashi admin [FILE]` opens the administrator's window; without a desktop it says what to
    run instead and exits 3 (it never waits for a window nobody can see). Two files: a usage error."""
    binary = os.environ["YUBISASHI_BIN"]
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    r = subprocess.run([binary, "admin"], capture_output=True, text=True, timeout=60, env=env,
                       stdin=subprocess.DEVNULL)
    assert r.returncode == 3, r
    assert "needs a desktop" in r.stderr and "admin --check FILE" in r.stderr, r.stderr
    r = subprocess.run([binary, "admin", "a.ini", "b.ini"], capture_output=True, text=True, timeout=60,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, stdin=subprocess.DEVNULL)
    assert r.returncode == 3, r
    assert "Usage: yubisashi admin [FILE]" in r.stderr, r.stderr
