"""Promises through the real binary (issue "Tests that fail when a promise
breaks"): an expired certificate never lets mail leave unsigned, the
administrator's locked policy holds in the hop and in `check`, blocked
domains are refused at RCPT, and a delivery through the hop teaches the
history (the next message to that address is no longer first-time).
"""

import json
import os
import subprocess
import time

import pytest

from conftest import EXTERNAL, INTERNAL, SANITIZER_MARKERS, SENDER, TOOLS, RawSmtp, dot_stuff, make_message, \
    wait_until

P12_PASSWORD = "test-pass"
PARTNER = f"someone@{EXTERNAL}"


@pytest.fixture(scope="session")
def smime_pki(tmp_path_factory):
    """The throwaway S/MIME PKI of tests/tools/smime-pki.sh (made with openssl):
    expired.p12 is taro@example.co.jp's certificate, valid 2020-2021."""
    d = tmp_path_factory.mktemp("promises-pki")
    p = subprocess.run(["bash", str(TOOLS / "smime-pki.sh"), str(d)], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, f"smime-pki.sh failed ({p.returncode}):\n{p.stdout}\n{p.stderr}"
    r = subprocess.run(["openssl", "pkcs12", "-in", str(d / "expired.p12"), "-passin", f"pass:{P12_PASSWORD}",
                        "-nokeys", "-clcerts"], capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr
    end = subprocess.run(["openssl", "x509", "-noout", "-enddate"], input=r.stdout, capture_output=True, timeout=60)
    assert b"2021" in end.stdout, f"expired.p12 is not the expired certificate: {end.stdout!r}"
    return d


def run_check(app, eml, *args, env=None):
    """`yubisashi check FILE --json` with the app's settings file (and its
    environment: the same policy file); returns (exit status, JSON)."""
    binary = os.environ["YUBISASHI_BIN"]
    p = subprocess.run([binary, "check", str(eml), "--json", "--config", str(app.config_path), *args],
                       capture_output=True, env=env or app.env, timeout=120)
    stderr = p.stderr.decode("utf-8", "replace")
    for marker in SANITIZER_MARKERS:
        assert marker not in stderr, stderr
    assert p.returncode in (0, 1, 2), f"check failed ({p.returncode}):\n{stderr}"
    return p.returncode, json.loads(p.stdout.decode("utf-8"))


def codes_for(review, address):
    """Finding codes on one recipient of a `check --json` review."""
    for r in review["recipients"]:
        if r["address"].lower() == address.lower():
            return set(r.get("findings") or [])
    raise AssertionError(f"{address} is not among the recipients: {review['recipients']}")


def wait_for_states(app, states, timeout):
    try:
        wait_until(lambda: [e["state"] for e in app.spool()] == states, timeout, f"the spool states {states}")
    except AssertionError as e:
        raise AssertionError(f"{e}; spool now: {app.spool()}\nlog tail:\n{app.current_log()[-2000:]}") from None


def finding_codes(review):
    return {f["code"] for f in review["findings"]}


# ---------------------------------------------------------------------------
# An expired certificate: never sent unsigned


def expired_smime_app(make_app, upstream, smime_pki, **kw):
    return make_app(upstream=upstream, review="never",
                    extra={"account.work": {"smime_p12": smime_pki / "expired.p12", "sign": "always"}},
                    secrets_extra={"work": {"smime_password": P12_PASSWORD}}, **kw)


def test_expired_certificate_refused_while_client_waits(make_upstream, make_app, smime_pki):
    up = make_upstream()
    app = expired_smime_app(make_app, up, smime_pki, client_wait=10)
    reply = app.smtplib(make_message("must be signed", to=[PARTNER]), [PARTNER])
    reply.check(550, "5.7.1", ["expired", "certificate"])
    up.assert_count_stays(0, 3)
    assert app.spool() == [], f"the client keeps the refused message, the spool must not: {app.spool()}"


def test_expired_certificate_held_after_client_left(make_upstream, make_app, smime_pki):
    """client_wait_seconds=0: the client hears 250 2.6.0 at once; the message
    is then held in the queue, and nothing reaches the upstream."""
    up = make_upstream()
    app = expired_smime_app(make_app, up, smime_pki, client_wait=0)
    reply = app.smtplib(make_message("must be signed, queued", to=[PARTNER]), [PARTNER])
    reply.check(250, "2.6.0", ["queued"])
    wait_for_states(app, ["held"], 20)
    up.assert_count_stays(0, 3)
    entry = app.spool()[0]
    error = str(entry.get("last_error") or entry)
    assert "expired" in error.lower(), f"the held message does not say why: {entry}"
    # Still held after a restart: nothing is sent unsigned later either.
    app.stop()
    app.start()
    up.assert_count_stays(0, 3)
    assert [e["state"] for e in app.spool()] == ["held"]


# ---------------------------------------------------------------------------
# The administrator's locked policy: in the hop and in `check`


def locked_policy_app(make_app, upstream, tmp_path, **kw):
    """The user's settings try to undo what the administrator locked:
    keyword=off and their own internal domains (the partner's among them)."""
    policy = tmp_path / "policy.ini"
    policy.write_text("[checks]\nkeyword=block\n\n"
                      f"[policy]\ninternal_domains={INTERNAL}, *.{INTERNAL}\n")
    app = make_app(upstream=upstream, review="external", internal_domains=f"{INTERNAL}, {EXTERNAL}",
                   extra={"checks": {"keyword": "off"}}, start=False, **kw)
    app.env["YUBISASHI_POLICY_FILE"] = str(policy)
    app.start()
    return app


def test_locked_keyword_block_holds_in_hop_and_check(make_upstream, make_app, tmp_path):
    up = make_upstream()
    app = locked_policy_app(make_app, up, tmp_path, decide="send")
    subject = "Price list (confidential)"
    msg = make_message(subject, to=[PARTNER])
    reply = app.smtplib(msg, [PARTNER])
    reply.check(550, "5.7.1", ["confidential"])
    up.assert_count_stays(0, 2)

    eml = tmp_path / "confidential.eml"
    eml.write_bytes(msg)
    status, review = run_check(app, eml)
    assert review["verdict"] == "block", review
    assert status == 2
    assert "keyword" in finding_codes(review), review["findings"]
    # The partner is not internal, whatever the user's file says.
    assert [r["internal"] for r in review["recipients"]] == [False], review["recipients"]

    # Without the keyword the same message is reviewed (external) and sent.
    plain = make_message("Price list", to=[PARTNER])
    app.smtplib(plain, [PARTNER]).check(250, "2.0.0")
    assert up.wait_count(1)[0]["eml"].endswith(plain)


def test_locked_internal_domains_hold_in_hop(make_upstream, make_app, tmp_path):
    """review=external: the user made the partner's domain internal to skip the
    review; the administrator's internal_domains win, so it is reviewed."""
    up = make_upstream()
    app = locked_policy_app(make_app, up, tmp_path, decide="cancel:not internal")
    reply = app.smtplib(make_message("to the partner", to=[PARTNER]), [PARTNER])
    reply.check(550, "5.7.1", ["cancelled at review", "not internal"])
    up.assert_count_stays(0, 1.5)
    # An address inside the administrator's domains still skips the review.
    inside = [f"hanako@{INTERNAL}"]
    app.smtplib(make_message("inside", to=inside), inside).check(250, "2.0.0")
    up.wait_count(1)


# ---------------------------------------------------------------------------
# Real wiring: RCPT-time refusal, history learned from a delivery


def test_blocked_domain_refused_at_rcpt(make_upstream, make_app):
    blocked = "rival.example"
    up = make_upstream()
    app = make_app(upstream=up, review="never", extra={"policy": {"blocked_domains": blocked}})
    good = [f"hanako@{INTERNAL}", f"jiro@{INTERNAL}"]
    msg = make_message("with one blocked recipient", to=[good[0], f"boss@{blocked}", good[1]])
    with RawSmtp(app.port) as c:
        c.login()
        c.cmd(f"MAIL FROM:<{SENDER}>").check(250)
        c.cmd(f"RCPT TO:<{good[0]}>").check(250)
        c.cmd(f"RCPT TO:<boss@{blocked}>").check(550, "5.7.1", [f"boss@{blocked}", "not allowed", blocked])
        c.cmd(f"RCPT TO:<{good[1]}>").check(250)
        c.cmd("DATA").check(354)
        c.send(dot_stuff(msg))
        c.reply(timeout=60).check(250, "2.0.0")
        c.cmd("QUIT")
    m = up.wait_count(1)[0]
    assert sorted(m["rcpt_tos"]) == sorted(good), f"envelope at the upstream: {m['rcpt_tos']}"
    up.assert_count_stays(1, 1)


def test_delivery_teaches_history(make_upstream, make_app, tmp_path):
    """After a delivery through the hop, the address and its domain are known:
    `check` on the same data folder no longer calls them first-time."""
    up = make_upstream()
    app = make_app(upstream=up, review="external", decide="send")
    newcomer = f"new-{os.urandom(3).hex()}@{EXTERNAL}"
    eml = tmp_path / "second.eml"
    eml.write_bytes(make_message("second message", to=[newcomer]))

    _, before = run_check(app, eml)
    assert {"first-time-recipient", "first-time-domain"} <= codes_for(before, newcomer), before

    first = make_message("first message", to=[newcomer])
    app.smtplib(first, [newcomer]).check(250, "2.0.0")
    assert up.wait_count(1)[0]["rcpt_tos"] == [newcomer]

    def learned():
        _, review = run_check(app, eml)
        return not ({"first-time-recipient", "first-time-domain"} & codes_for(review, newcomer)) and review
    after = wait_until(learned, 30, "the delivered address to be known to the history", interval=0.5)
    assert not ({"first-time-recipient", "first-time-domain"} & finding_codes(after)), after["findings"]
    # Another address at that domain is still a first-time recipient, but not a first-time domain.
    other = f"other-{os.urandom(3).hex()}@{EXTERNAL}"
    _, review = run_check(app, eml, "--rcpt", other)
    assert "first-time-recipient" in codes_for(review, other)
    assert "first-time-domain" not in codes_for(review, other)


def test_give_up_after_give_up_hours(make_upstream, make_app):
    """A message that has waited longer than give_up_hours (its arrival time
    moved back in the queue file while the app was stopped) is marked failed
    at its next attempt, kept, and not sent later."""
    up = make_upstream(start=False)
    app = make_app(upstream=up, review="never", client_wait=5, extra={"delivery": {"give_up_hours": 2}})
    msg = make_message("old message", to=[f"hanako@{INTERNAL}"])
    app.smtplib(msg, [f"hanako@{INTERNAL}"]).check(250, "2.6.0", ["queued"])
    app.stop()
    [entry] = app.spool()
    assert entry["state"] == "approved", entry
    env_file = app.spool_dir / f"{entry['id']}.env"
    data = json.loads(env_file.read_text())
    assert "received" in data, data
    received = time.gmtime(time.time() - 3 * 3600)
    data["received"] = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", received)
    data["next_attempt"] = None  # due now
    env_file.write_text(json.dumps(data))

    app.start()
    wait_for_states(app, ["failed"], 30)
    entry = app.spool()[0]
    assert "gave up" in str(entry.get("last_error", "")).lower(), entry
    assert (app.spool_dir / f"{entry['id']}.eml").exists(), "the failed message's content was not kept"
    up.start()
    up.assert_count_stays(0, 3)
