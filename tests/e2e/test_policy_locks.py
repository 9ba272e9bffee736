"""Administrator locks that must hold against the real binary: while the
policy file locks [policy] review, answering reviews by script (--decide) is
refused at start, unless the policy itself allows it
(allow_scripted_decisions=true). The policy file is handed over with
YUBISASHI_POLICY_FILE, which only builds made for testing honour
(YUBISASHI_TEST_HOOKS, on in the asan preset these tests run against)."""

import subprocess

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
