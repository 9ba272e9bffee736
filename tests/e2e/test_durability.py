"""After a 250, a message is never lost (DESIGN "Replies to the mail client"):
queued mail and mail waiting for review survive a SIGKILL of the app, and
arrive exactly once after the restart."""

import collections
import re
import time

from conftest import EXTERNAL, INTERNAL, make_message, wait_until

MSGID = re.compile(rb"^Message-ID: (<[^>\r\n]+>)", re.MULTILINE | re.IGNORECASE)


def upstream_ids(up):
    """Message-ID -> how many times the upstream accepted it."""
    ids = collections.Counter()
    for m in up.messages():
        found = MSGID.search(m["eml"])
        ids[found.group(1).decode() if found else None] += 1
    return ids


def settle(predicate, timeout, what, app, up):
    """wait_until, and on a timeout say what the spool and the upstream hold then."""
    try:
        wait_until(predicate, timeout, what)
    except AssertionError as e:
        raise AssertionError(f"{e}; upstream has {dict(upstream_ids(up))}; spool: {app.spool()}\n"
                             f"log tail:\n{app.current_log()[-2000:]}") from None


def test_queued_mail_survives_sigkill(make_upstream, make_app):
    """Upstream down: N messages answered 250 2.6.0, the app is killed, the
    upstream comes back, the app restarts: each arrives exactly once, and a
    further kill and restart does not send any of them again."""
    n = 5
    up = make_upstream(start=False)  # nothing listens on its port yet
    app = make_app(upstream=up, review="never", client_wait=5)
    rcpt = [f"hanako@{INTERNAL}"]
    sent = {}
    for i in range(n):
        mid = f"<durable-{i}-{time.monotonic_ns()}@e2e.yubisashi.test>"
        msg = make_message(f"durable {i}", to=rcpt, msgid=mid)
        app.smtplib(msg, rcpt).check(250, "2.6.0", ["queued"])
        sent[mid] = msg
    assert len(app.pending()) == n, f"spool before the kill: {app.spool()}"
    assert up.count() == 0

    app.kill9()
    up.start()
    app.start()
    settle(lambda: set(sent) <= set(upstream_ids(up)), 60, f"all {n} queued messages at the upstream", app, up)
    settle(lambda: app.pending() == [], 20, "the spool to finish", app, up)
    up.assert_count_stays(n, 2.5)

    # What was sent stays sent: another kill and restart delivers nothing again.
    app.kill9()
    app.start()
    up.assert_count_stays(n, 4)
    ids = upstream_ids(up)
    assert ids == collections.Counter({mid: 1 for mid in sent}), f"want each exactly once, got {dict(ids)}"
    for m in up.messages():
        mid = MSGID.search(m["eml"]).group(1).decode()
        assert m["eml"].endswith(sent[mid]), f"{mid} changed in transit"
        assert m["rcpt_tos"] == rcpt


def test_message_waiting_for_review_survives_sigkill(make_upstream, make_app):
    """Answered 250 2.6.0 after the client-wait budget while the review is
    open, then the app is killed: after the restart it still waits for the
    review (nothing sent), and once confirmed it arrives exactly once."""
    up = make_upstream()
    app = make_app(upstream=up, review="external", decide="wait", client_wait=1)
    rcpt = [f"someone@{EXTERNAL}"]
    mid = f"<review-kill-{time.monotonic_ns()}@e2e.yubisashi.test>"
    msg = make_message("waiting for review", to=rcpt, msgid=mid)
    app.smtplib(msg, rcpt).check(250, "2.6.0", ["queued", "review"])
    entries = app.spool()
    assert [e["state"] for e in entries] == ["reviewing"], f"spool after the queued reply: {entries}"
    entry_id = entries[0]["id"]

    app.kill9()
    app.start()  # still nobody answers reviews
    wait_until(lambda: f"{entry_id} waiting for review" in app.current_log(), 30,
               "the restarted app to ask for the review again")
    assert [(e["id"], e["state"]) for e in app.spool()] == [(entry_id, "reviewing")], app.spool()
    up.assert_count_stays(0, 2)

    app.kill9()
    app.decide = "send"
    app.start()
    settle(lambda: upstream_ids(up)[mid] >= 1, 30, "the confirmed message at the upstream", app, up)
    settle(lambda: app.pending() == [], 20, "the spool to finish", app, up)
    up.assert_count_stays(1, 2.5)
    assert upstream_ids(up) == collections.Counter({mid: 1})
    m = up.messages()[0]
    assert m["eml"].endswith(msg)
    assert m["rcpt_tos"] == rcpt
