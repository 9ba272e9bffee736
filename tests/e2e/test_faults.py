"""Upstream faults: what the client hears, what stays in the spool, and what
the upstream finally has (nothing lost, nothing duplicated)."""

import collections
import shutil
import time

import pytest

from conftest import EXTERNAL, INTERNAL, UPSTREAM_USER, free_port, make_message, wait_until

GOOD = f"hanako@{INTERNAL}"
BAD = f"nobody@{INTERNAL}"
RCPTS = [GOOD, BAD]


def per_recipient(up):
    """recipient -> how many times the upstream accepted a message for it"""
    c = collections.Counter()
    for m in up.messages():
        c.update(r.lower() for r in m["rcpt_tos"])
    return c


def assert_exactly_once(up, msg, rcpts):
    counts = per_recipient(up)
    assert counts == collections.Counter(r.lower() for r in rcpts), \
        f"recipients at the upstream (want each exactly once): {dict(counts)}"
    for m in up.messages():
        assert m["eml"].endswith(msg)


# --- temporary failures: queued, retried, delivered once --------------------

@pytest.mark.parametrize("fault", ["greeting-421", f"rcpt-451:{BAD}", f"rcpt-452:{BAD}", "data-451",
                                   "data-disconnect"])
def test_temporary_failure_is_queued_and_retried(make_upstream, make_app, fault):
    up = make_upstream(faults=[fault])
    app = make_app(upstream=up, review="never", client_wait=10)
    msg = make_message(f"temporary {fault}", to=RCPTS)
    reply = app.smtplib(msg, RCPTS)
    reply.check(250, "2.6.0", ["queued"])
    # All or none: a temporary refusal of one recipient sends the message to nobody yet.
    assert up.count() == 0, f"delivered despite {fault}: {up.messages()}"
    pending = app.pending()
    assert len(pending) == 1, f"spool after the queued reply: {app.spool()}"
    # At least one retry with the fault still there.
    wait_until(lambda: up.log_count(" fault ") >= 2, 20, f"a second attempt that meets {fault}")
    assert up.count() == 0, f"delivered despite {fault} on a retry: {up.messages()}"
    assert len(app.pending()) == 1
    up.set_faults([])
    wait_until(lambda: per_recipient(up)[BAD.lower()] >= 1, 15, "delivery after the fault was removed")
    wait_until(lambda: app.pending() == [], 5, "the spool entry to finish")
    time.sleep(2.5)  # no further attempts after success
    assert_exactly_once(up, msg, RCPTS)


def test_upstream_down_then_up(make_upstream, make_app):
    port = free_port()
    up = make_upstream(port=port, start=False)
    app = make_app(upstream=up, review="never", client_wait=5)
    msg = make_message("upstream down", to=[GOOD])
    app.swaks(msg, [GOOD]).check(250, "2.6.0", ["queued"])
    assert len(app.pending()) == 1
    time.sleep(2)
    up.start()
    up.wait_count(1, timeout=15)
    wait_until(lambda: app.pending() == [], 5, "the spool entry to finish")
    time.sleep(2.5)
    assert_exactly_once(up, msg, [GOOD])


def test_slow_upstream_beyond_budget_delivers_once(make_upstream, make_app):
    # The upstream answers the end of DATA after 6 s; the client must hear
    # back at its 1 s budget (the bound leaves 3 s for a slow sanitizer run).
    up = make_upstream(faults=["slow-data:6"])
    app = make_app(upstream=up, review="never", client_wait=1)
    msg = make_message("slow upstream", to=[GOOD])
    t0 = time.monotonic()
    app.smtplib(msg, [GOOD]).check(250, "2.6.0", ["queued"])
    elapsed = time.monotonic() - t0
    assert elapsed < 4.0, f"queued reply after {elapsed:.1f} s (budget 1 s, upstream answers at 6 s)"
    up.wait_count(1, timeout=15)
    up.set_faults([])
    wait_until(lambda: app.pending() == [], 15, "the spool entry to finish")
    time.sleep(3)
    assert_exactly_once(up, msg, [GOOD])


# --- permanent failures while the client waits: the upstream's 5xx ----------

def test_recipient_refused_aborts_whole_transaction(make_upstream, make_app):
    up = make_upstream(faults=[f"rcpt-550:{BAD}"])
    app = make_app(upstream=up, review="never")
    reply = app.smtplib(make_message("one refused", to=RCPTS), RCPTS)
    # upstream.py: "550 5.1.1 <ADDR>: Recipient address rejected: User unknown"
    reply.check(550, "5.1.1", [BAD, "user unknown"])
    up.assert_count_stays(0, 2)
    assert app.spool() == [], f"spool after a permanent failure: {app.spool()}"


@pytest.mark.parametrize("fault,code,enhanced,words", [
    ("data-552", 552, "5.3.4", ["size exceeds"]),
    ("data-554", 554, "5.7.1", ["looks like spam"]),
])
def test_data_refused_is_passed_on(make_upstream, make_app, fault, code, enhanced, words):
    up = make_upstream(faults=[fault])
    app = make_app(upstream=up, review="never")
    reply = app.swaks(make_message(fault, to=RCPTS), RCPTS)
    reply.check(code, enhanced, words)
    up.assert_count_stays(0, 2)
    assert app.spool() == [], f"spool after a permanent failure: {app.spool()}"


def test_permanent_failure_after_budget_is_failed(make_upstream, make_app):
    """The client already heard 250 2.6.0: the message is kept as failed, with the upstream's text."""
    up = make_upstream(faults=[f"rcpt-550:{BAD}"])
    app = make_app(upstream=up, review="external", decide="send:2000", client_wait=1)
    rcpts = [BAD, f"x@{EXTERNAL}"]
    app.smtplib(make_message("late refusal", to=rcpts), rcpts).check(250, "2.6.0", ["queued"])
    wait_until(lambda: [e["state"] for e in app.spool()] == ["failed"], 10, "the message to be failed")
    entry = app.spool()[0]
    error = str(entry.get("lastError") or entry.get("last_error") or entry)
    assert "550" in error and BAD in error, f"failed entry does not carry the upstream's reply: {entry}"
    up.assert_count_stays(0, 3)


# --- configuration problems while the client waits: 451 saying what ---------

@pytest.mark.parametrize("problem,words", [
    ("untrusted-certificate", ["certificate"]),
    ("no-starttls", ["starttls"]),
    ("wrong-password", [("password", "authentication", "credentials")]),
])
def test_configuration_problem(make_upstream, make_app, problem, words):
    if problem == "untrusted-certificate":
        up = make_upstream(cert="untrusted")
    elif problem == "no-starttls":
        up = make_upstream(faults=["no-starttls"])
    else:
        up = make_upstream(auth=[(UPSTREAM_USER, "not-the-password")])
    app = make_app(upstream=up, review="never", client_wait=10)
    reply = app.msmtp(make_message(problem, to=[GOOD]), [GOOD])
    reply.check(451, words=words)
    assert reply.enhanced and reply.enhanced.startswith("4."), reply
    up.assert_count_stays(0, 1.5)
    assert app.spool() == [], f"spool after a configuration problem: {app.spool()}"


# --- the spool cannot be written: 451 4.3.0 ---------------------------------

def test_spool_write_failure(make_upstream, make_app):
    up = make_upstream()
    app = make_app(upstream=up, review="never")
    # As root, permissions do not stop writes: replace the spool folder by a
    # plain file, so every create inside it fails with ENOTDIR.
    shutil.rmtree(app.spool_dir)
    app.spool_dir.write_bytes(b"not a folder\n")
    try:
        reply = app.smtplib(make_message("no spool", to=[GOOD]), [GOOD])
        reply.check(451, "4.3.0")
        up.assert_count_stays(0, 1)
        app.noop_ok()
    finally:
        app.spool_dir.unlink()
        app.spool_dir.mkdir(mode=0o700)
    msg = make_message("spool back", to=[GOOD])
    app.smtplib(msg, [GOOD]).check(250, "2.0.0")
    up.wait_count(1)
    assert_exactly_once(up, msg, [GOOD])


def test_queued_message_survives_graceful_restart(make_upstream, make_app):
    port = free_port()
    up = make_upstream(port=port, start=False)
    app = make_app(upstream=up, review="never", client_wait=2)
    msg = make_message("queued across a restart", to=[GOOD])
    app.smtplib(msg, [GOOD]).check(250, "2.6.0", ["queued"])
    app.stop()
    assert len(app.pending()) == 1
    up.start()
    app.start()  # the spool resumes at start-up
    up.wait_count(1, timeout=15)
    wait_until(lambda: app.pending() == [], 5, "the spool entry to finish")
    assert_exactly_once(up, msg, [GOOD])


def test_upstream_size_limit_checked_before_sending(make_upstream, make_app):
    """DESIGN: SIZE checked before sending; a message over the upstream's limit is a permanent failure."""
    up = make_upstream(size=2000)
    app = make_app(upstream=up, review="never")
    msg = make_message("over the upstream's SIZE", to=[GOOD], body=b"x" * 70 + b"\r\n" * 1 + (b"y" * 70 + b"\r\n") * 60)
    assert len(msg) > 2000
    reply = app.smtplib(msg, [GOOD])
    reply.check(552, "5.3.4", ["size"])
    up.assert_count_stays(0, 1)
    assert app.spool() == []


def test_retry_backoff_pace(make_upstream, make_app):
    """With retry_initial_seconds=1 and retry_max_seconds=2 the app tries at
    about 0, 1, 3, 5, 7 s: it neither hammers the server nor stalls."""
    up = make_upstream(faults=["greeting-421"])
    app = make_app(upstream=up, review="never", client_wait=5)
    app.smtplib(make_message("backoff", to=[GOOD]), [GOOD]).check(250, "2.6.0", ["queued"])
    time.sleep(6.5)
    attempts = up.log_text().count("fault greeting-421")
    up.set_faults([])
    assert 3 <= attempts <= 6, f"{attempts} connection attempts in about 6.5 s (expected about 4-5)"
    up.wait_count(1, timeout=10)
