"""After a 250, a message is never lost: concurrent clients, SIGKILL at random
moments, restart on the same data folder, and every 250'd message arrives."""

import collections
import os
import random
import re
import smtplib
import threading
import time

from conftest import INTERNAL, LOCAL_PW, LOCAL_USER, SENDER, make_message, wait_until

N_MESSAGES = 100
N_CLIENTS = 4
MSGID = re.compile(rb"^Message-ID: (<[^>\r\n]+>)", re.MULTILINE | re.IGNORECASE)


def dropped(exc):
    """Whether exc is a failure a stopped or killed app can cause its client:
    the connection refused, reset or closed, or 421 (service closing, or too
    many connections). Anything else (a refused AUTH, a 5xx, a timeout) is a
    bug and fails the test."""
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return True
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code == 421
    return isinstance(exc, ConnectionError)


def send_once(port, helo, rcpt, msg):
    """One SMTP session sending msg to rcpt; (code, text) of the final reply, (421, ...)
    when the session was dropped (see dropped()). Raises on anything else."""
    try:
        with smtplib.SMTP("127.0.0.1", port, local_hostname=helo, timeout=60) as s:
            s.login(LOCAL_USER, LOCAL_PW)
            code, text = s.mail(SENDER)
            if code == 250:
                code, text = s.rcpt(rcpt)
            if code != 250:
                return code, f"before DATA: {text.decode('utf-8', 'replace')}"
            code, text = s.data(msg)
            text = text.decode("utf-8", "replace")
            try:
                s.quit()
            except (smtplib.SMTPException, OSError):
                pass
            return code, text
    except (smtplib.SMTPException, OSError) as e:
        if dropped(e):
            return 421, f"dropped: {e!r}"
        raise


def message_ids(up):
    ids = []
    for p in sorted(up.maildir.glob("*.json")):
        m = MSGID.search(p.with_suffix(".eml").read_bytes())
        ids.append(m.group(1).decode() if m else None)
    return ids


def test_sigkill_loses_nothing(make_upstream, make_app):
    seed = int(os.environ.get("E2E_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    print(f"seed {seed} (set E2E_SEED to repeat)")

    up = make_upstream()
    app = make_app(upstream=up, review="never", client_wait=10)

    rcpt = [f"crash@{INTERNAL}"]
    todo = collections.deque()
    for i in range(N_MESSAGES):
        mid = f"<crash-{i:03d}-{os.urandom(4).hex()}@e2e.yubisashi.test>"
        todo.append((mid, make_message(f"crash {i}", to=rcpt, msgid=mid)))
    lock = threading.Lock()
    acked = {}              # Message-ID -> reply
    rejected = {}           # Message-ID -> reply or exception (anything but 250 or a dropped session)
    not_there_at_2_0_0 = []  # "250 2.0.0" claims delivery: the upstream must have it then
    attempts = collections.Counter()
    stop = threading.Event()

    def client(n):
        crng = random.Random(seed * 31 + n)
        while not stop.is_set():
            with lock:
                if not todo:
                    return
                mid, msg = todo.popleft()
            while not stop.is_set():
                with lock:
                    attempts[mid] += 1
                try:
                    code, text = send_once(app.port, f"client{n}", rcpt[0], msg)
                except (smtplib.SMTPException, OSError) as e:
                    with lock:
                        rejected[mid] = repr(e)
                    break
                if code == 250:
                    if text.startswith("2.0.0") and mid not in message_ids(up):
                        not_there_at_2_0_0.append(mid)
                    with lock:
                        acked[mid] = f"{code} {text}"
                    break
                if code != 421:
                    with lock:
                        rejected[mid] = f"{code} {text}"
                    break
                time.sleep(0.1)  # the app is down or went down: send the same message again
            time.sleep(crng.uniform(0.05, 0.15))

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(N_CLIENTS)]
    for t in threads:
        t.start()

    # Kill at spread-out points of the flow: when the number of acknowledged
    # messages reaches each of 3-5 random thresholds, plus a random delay, so
    # kills land while messages are being received, spooled and delivered.
    thresholds = sorted(rng.sample(range(3, N_MESSAGES - 10), rng.randint(3, 5)))
    kills = []
    try:
        for threshold in thresholds:
            wait_until(lambda: len(acked) >= threshold or not any(t.is_alive() for t in threads), 90,
                       f"{threshold} acknowledged messages (have {len(acked)})", interval=0.01)
            time.sleep(rng.uniform(0.0, 0.25))
            with lock:
                progress = len(acked)
            app.kill9()
            kills.append(progress)
            time.sleep(rng.uniform(0.0, 0.3))
            app.start()
        for t in threads:
            t.join(timeout=120)
        assert not any(t.is_alive() for t in threads), "clients did not finish within 120 s"
    finally:
        stop.set()

    print(f"kills after {kills} acknowledged messages; client attempts: {sum(attempts.values())}")
    assert not rejected, f"messages refused or failed other than by a kill: {rejected}"
    assert len(acked) == N_MESSAGES

    def all_arrived():
        return set(acked) <= set(message_ids(up))
    try:
        wait_until(all_arrived, 60, "every acknowledged message at the upstream")
    except AssertionError:
        missing = sorted(set(acked) - set(message_ids(up)))
        raise AssertionError(f"{len(missing)} acknowledged message(s) never arrived: {missing[:10]}; "
                             f"spool: {app.spool()[:5]}\nlog tail:\n{app.current_log()[-3000:]}")
    wait_until(lambda: app.pending() == [], 20, f"the spool to finish (left: {app.pending()[:3]})")
    time.sleep(2)  # nothing more trickles in

    counts = collections.Counter(message_ids(up))
    duplicates = {m: c for m, c in counts.items() if c > 1}
    n_dup = sum(c - 1 for c in duplicates.values())
    print(f"{len(counts)} distinct messages at the upstream, {n_dup} duplicate deliveries: {duplicates}")
    # A duplicate can only come from a message in flight at a kill: one per
    # client (250 lost on the way back) plus one per upstream delivery under way.
    allowed = len(kills) * N_CLIENTS * 2
    assert n_dup <= allowed, f"{n_dup} duplicates for {len(kills)} kills (at most {allowed} expected)"
    assert not not_there_at_2_0_0, f"250 2.0.0 before the upstream had the message: {not_there_at_2_0_0}"
    assert None not in counts, "a message without its Message-ID arrived"


def test_unreadable_spool_file_is_quarantined(make_upstream, make_app):
    """A spool file that fails to load is moved aside and reported, never dropped,
    and does not stop the app or the other messages."""
    up = make_upstream()
    app = make_app(upstream=up, review="never", start=False)
    app.spool_dir.mkdir(parents=True, mode=0o700)
    bad_env = app.spool_dir / "20200101T000000000Z-000000-deadbeef.env"
    app.expect_broken_spool(bad_env.stem)
    bad_env.write_bytes(b"{ this is not json")
    bad_eml = bad_env.with_suffix(".eml")
    bad_eml.write_bytes(b"Subject: orphan\r\n\r\nx\r\n")
    for p in (bad_env, bad_eml):
        p.chmod(0o600)
    app.start()
    quarantined = [p.name for p in (app.spool_dir / "quarantine").rglob("*") if p.is_file()] \
        if (app.spool_dir / "quarantine").is_dir() else []
    assert any(n.startswith(bad_env.stem) for n in quarantined), \
        f"not quarantined; spool: {[p.name for p in app.spool_dir.rglob('*')]}"
    assert not bad_env.exists()
    assert "quarantine" in app.current_log().lower(), "the quarantined file is not reported in the log"
    msg = make_message("after quarantine", to=[f"hanako@{INTERNAL}"])
    app.smtplib(msg, [f"hanako@{INTERNAL}"]).check(250, "2.0.0")
    assert up.wait_count(1)[0]["eml"].endswith(msg)


def test_many_concurrent_clients_no_duplicates(make_upstream, make_app):
    """More concurrent sessions than max_sessions (16): every 250 is delivered
    exactly once (no kills here, so no duplicate is allowed)."""
    up = make_upstream()
    app = make_app(upstream=up, review="never", client_wait=20)
    rcpt = [f"load@{INTERNAL}"]
    lock = threading.Lock()
    acked, busy, rejected = [], [], []

    def client(n):
        for k in range(3):
            mid = f"<load-{n:02d}-{k}-{os.urandom(3).hex()}@e2e.yubisashi.test>"
            msg = make_message(f"load {n}/{k}", to=rcpt, msgid=mid)
            for _ in range(50):
                try:
                    code, text = send_once(app.port, f"c{n}", rcpt[0], msg)
                except (smtplib.SMTPException, OSError) as e:
                    with lock:
                        rejected.append(repr(e))
                    return
                if code == 250:
                    with lock:
                        acked.append(mid)
                    break
                if code != 421:
                    with lock:
                        rejected.append(f"{code} {text}")
                    return
                with lock:
                    busy.append(text)  # over max_sessions: 421, try again as a mail client would
                time.sleep(0.2)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=180)
    assert not any(t.is_alive() for t in threads)
    print(f"{len(acked)} acknowledged; {len(busy)} sessions turned away (421), e.g. {busy[:3]}")
    assert not rejected, f"refused or failed other than by 421: {rejected[:5]}"
    assert len(acked) == 90
    wait_until(lambda: set(acked) <= set(message_ids(up)), 60, "every acknowledged message at the upstream")
    wait_until(lambda: app.pending() == [], 20, "the spool to finish")
    time.sleep(1)
    counts = collections.Counter(message_ids(up))
    assert {m: c for m, c in counts.items() if c > 1} == {}, "duplicates without any crash"
    assert len(counts) == 90
