"""DESIGN "Replies to the mail client": what the client hears for each review
outcome, with the review answered by --decide scripts."""

import time
from email.header import Header

from conftest import EXTERNAL, INTERNAL, INTERNAL_SUB, SENDER, RawSmtp, dot_stuff, make_message, wait_until

EXT = [f"someone@{EXTERNAL}"]
MIXED = [f"hanako@{INTERNAL}", f"someone@{EXTERNAL}"]


def test_cancel_within_budget(make_upstream, make_app):
    up = make_upstream()
    app = make_app(upstream=up, review="external", decide="cancel:Wrong recipient")
    reply = app.smtplib(make_message("cancel", to=MIXED), MIXED)
    reply.check(550, "5.7.1", ["cancelled at review", "wrong recipient"])
    wait_until(lambda: app.spool() == [], 5, "the spool entry to be removed")
    up.assert_count_stays(0, 1.5)


def test_cancel_after_delay_within_budget(make_upstream, make_app):
    up = make_upstream()
    app = make_app(upstream=up, review="external", decide="cancel:1000:Not this one", client_wait=10)
    t0 = time.monotonic()
    reply = app.swaks(make_message("cancel later", to=EXT), EXT)
    elapsed = time.monotonic() - t0
    reply.check(550, "5.7.1", ["cancelled at review", "not this one"])
    assert elapsed >= 0.9, f"answered after {elapsed:.1f} s, before the review was decided"
    wait_until(lambda: app.spool() == [], 5, "the spool entry to be removed")
    up.assert_count_stays(0, 1)


def test_send_within_budget(make_upstream, make_app):
    up = make_upstream()
    app = make_app(upstream=up, review="external", decide="send:1000", client_wait=10)
    msg = make_message("confirmed", to=MIXED)
    app.msmtp(msg, MIXED).check(250, "2.0.0")
    m = up.wait_count(1)[0]
    assert sorted(m["rcpt_tos"]) == sorted(MIXED)
    up.assert_count_stays(1, 1)
    assert app.pending() == []


def test_budget_expires_then_send(make_upstream, make_app):
    up = make_upstream()
    # The review is answered 5 s after it opens; the client must hear back at
    # its 1 s budget. The bound below leaves 3 s for a slow (sanitizer) run.
    app = make_app(upstream=up, review="external", decide="send:5000", client_wait=1)
    msg = make_message("late send", to=EXT)
    t0 = time.monotonic()
    reply = app.smtplib(msg, EXT)
    elapsed = time.monotonic() - t0
    reply.check(250, "2.6.0", ["queued", "review"])
    assert 0.8 <= elapsed < 4.0, f"queued reply after {elapsed:.1f} s (budget 1 s, review answered at 5 s)"
    assert up.count() == 0, "delivered before the review was answered"
    states = [e["state"] for e in app.spool()]
    assert states == ["reviewing"], f"spool after the queued reply: {app.spool()}"
    up.wait_count(1, timeout=10)
    up.assert_count_stays(1, 2.5)
    wait_until(lambda: app.pending() == [], 5, "the spool entry to finish")


def test_budget_expires_then_cancel_holds(make_upstream, make_app):
    up = make_upstream()
    app = make_app(upstream=up, review="external", decide="cancel:3000:x", client_wait=1)
    reply = app.swaks(make_message("late cancel", to=EXT), EXT)
    reply.check(250, "2.6.0", ["queued", "review"])
    wait_until(lambda: [e["state"] for e in app.spool()] == ["held"], 8, "the message to be held")
    up.assert_count_stays(0, 2.5)
    # held survives a restart and is not delivered then either
    app.stop()
    app.start()
    assert [e["state"] for e in app.spool()] == ["held"]
    up.assert_count_stays(0, 2.5)


def test_client_disconnects_during_review(make_upstream, make_app):
    up = make_upstream()
    app = make_app(upstream=up, review="external", decide="wait", client_wait=30)
    msg = make_message("disconnect", to=EXT)
    c = RawSmtp(app.port)
    c.login()
    c.cmd(f"MAIL FROM:<{SENDER}>").check(250)
    c.cmd(f"RCPT TO:<{EXT[0]}>").check(250)
    c.cmd("DATA").check(354)
    c.send(dot_stuff(msg))
    wait_until(lambda: len(app.spool()) == 1, 5, "the message to be spooled")
    c.close()
    wait_until(lambda: app.spool() == [], 8, "the spool entry to be dropped after the disconnect")
    up.assert_count_stays(0, 2)
    app.noop_ok()


def test_all_internal_skips_review(make_upstream, make_app):
    up = make_upstream()
    app = make_app(upstream=up, review="external", decide="wait", client_wait=30)
    rcpts = [f"hanako@{INTERNAL}", f"jiro@{INTERNAL_SUB}", f"SABURO@{INTERNAL.upper()}"]
    msg = make_message("all recipients in the company", to=rcpts)
    t0 = time.monotonic()
    app.smtplib(msg, rcpts).check(250, "2.0.0")
    assert time.monotonic() - t0 < 10
    up.wait_count(1)


def test_all_internal_with_confidential_keyword_skips_review(make_upstream, make_app):
    """review=external: all-internal mail skips review, also when it is marked
    社外秘 / internal only (that marker is a reason to stop it going *out*)."""
    up = make_upstream()
    app = make_app(upstream=up, review="external", decide="wait", client_wait=5)
    rcpts = [f"hanako@{INTERNAL}", f"jiro@{INTERNAL_SUB}"]
    msg = make_message(Header("【社外秘】Q3 plan - internal only", "utf-8").encode(), to=rcpts)
    app.smtplib(msg, rcpts).check(250, "2.0.0")
    up.wait_count(1)


def test_mixed_recipients_are_reviewed(make_upstream, make_app):
    """One external recipient among internal ones makes the message wait for review."""
    up = make_upstream()
    app = make_app(upstream=up, review="external", decide="wait", client_wait=1)
    rcpts = [f"hanako@{INTERNAL}", f"x@{INTERNAL}.evil.example"]  # look-alike is external
    app.smtplib(make_message("mixed", to=rcpts), rcpts).check(250, "2.6.0", ["queued"])
    up.assert_count_stays(0, 2)
    assert [e["state"] for e in app.spool()] == ["reviewing"]


def test_review_always_applies_to_internal(make_upstream, make_app):
    up = make_upstream()
    app = make_app(upstream=up, review="always", decide="cancel:internal too")
    rcpts = [f"hanako@{INTERNAL}"]
    app.smtplib(make_message("always", to=rcpts), rcpts).check(550, "5.7.1", ["cancelled at review"])
    up.assert_count_stays(0, 1)


def test_zero_budget_always_queues(make_upstream, make_app):
    up = make_upstream()
    app = make_app(upstream=up, review="never", client_wait=0)
    msg = make_message("budget 0", to=[f"hanako@{INTERNAL}"])
    app.smtplib(msg, [f"hanako@{INTERNAL}"]).check(250, "2.6.0", ["queued"])
    m = up.wait_count(1)[0]
    assert m["eml"].endswith(msg)
    wait_until(lambda: app.pending() == [], 5, "the spool entry to finish")


def test_review_pending_across_restart(make_upstream, make_app):
    """A message queued for review is asked about again after a restart, and then sent."""
    up = make_upstream()
    app = make_app(upstream=up, review="external", decide="wait", client_wait=1)
    msg = make_message("review after restart", to=EXT)
    app.smtplib(msg, EXT).check(250, "2.6.0", ["queued"])
    assert [e["state"] for e in app.spool()] == ["reviewing"]
    app.stop()
    app.decide = "send"
    app.start()
    m = up.wait_count(1, timeout=15)[0]
    assert m["eml"].endswith(msg)
    wait_until(lambda: app.pending() == [], 5, "the spool entry to finish")
    up.assert_count_stays(1, 1)


def test_lookalike_domains_are_external(make_upstream, make_app):
    """Only the configured domains and their subdomains are internal: a
    look-alike waits for review (an internal one would be sent at once)."""
    up = make_upstream()
    app = make_app(upstream=up, review="external", decide="wait", client_wait=1)
    # recipient -> (stage, code, enhanced code) the client must hear
    expected = {
        f"a@evil{INTERNAL}": ("DATA", 250, "2.6.0"),
        f"b@{INTERNAL}.evil.example": ("DATA", 250, "2.6.0"),
        # A trailing dot is not domain syntax (RFC 5321 4.1.2): refused at RCPT.
        f"c@{INTERNAL}.": (f"RCPT c@{INTERNAL}.", 501, "5.1.3"),
        f"d@{INTERNAL.replace('.', '-', 1)}": ("DATA", 250, "2.6.0"),
        f"e@{INTERNAL.replace('.', '-')}.example": ("DATA", 250, "2.6.0"),
    }
    for rcpt, (stage, code, enhanced) in expected.items():
        reply = app.smtplib(make_message(f"lookalike {rcpt}", to=[rcpt]), [rcpt])
        assert reply.stage == stage, f"{rcpt}: expected the answer at {stage}, got {reply!r}"
        reply.check(code, enhanced, ["review"] if code == 250 else ["address"])
    up.assert_count_stays(0, 1)
    assert app.states() == ["reviewing"] * 4, app.spool()
