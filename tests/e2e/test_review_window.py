"""The shipped review window, end to end: the desktop binary (no --decide, no
--headless) on an X server of its own (Xvfb), a mail client (swaks) waiting
for its answer, and a person at the keyboard (xdotool): the real review window
opens, the person ticks the recipient and each finding that needs it with
Down/Tab/Space and presses Enter for Send, or cancels with a reason.

Needs Xvfb, xdotool and imagemagick (scripts/deps.sh --test). No window
manager: Qt gives a window the input focus itself when there is none.
A screenshot of each review is left in the test's tmp folder.
"""

import json
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

from conftest import EXTERNAL, SANITIZER_MARKERS, make_message, wait_until

TITLE = "Review before sending"
PARTNER = f"someone@{EXTERNAL}"
CLIENT_WAIT = 120  # the person takes their time; the client waits (swaks --timeout is longer)


class Xvfb:
    """An X server on a free display number (Xvfb -displayfd picks it)."""

    def __init__(self, base):
        for tool in ("Xvfb", "xdotool", "import"):
            if not shutil.which(tool):
                pytest.fail(f"{tool} is missing: run scripts/deps.sh --test")
        self.log = open(Path(base) / "xvfb.log", "wb")
        r, w = os.pipe()
        self.proc = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", "1600x1200x24", "-nolisten",
                                      "tcp", "-noreset"], pass_fds=(w,), stdout=self.log, stderr=self.log,
                                     start_new_session=True)
        os.close(w)
        number = b""
        deadline = time.monotonic() + 30
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            chunk = os.read(r, 16)
            if not chunk:
                break
            number += chunk
        os.close(r)
        assert number.strip().isdigit(), f"Xvfb did not report its display: {number!r}"
        self.display = f":{number.strip().decode()}"
        self.env = dict(os.environ, DISPLAY=self.display)

    def tool(self, *args, timeout=30, check=True):
        r = subprocess.run(list(args), capture_output=True, env=self.env, timeout=timeout)
        if check:
            assert r.returncode == 0, f"{args} failed ({r.returncode}): {r.stderr.decode(errors='replace')}"
        return r.stdout.decode(errors="replace")

    def screenshot(self, path):
        self.tool("import", "-window", "root", str(path), timeout=60, check=False)

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.log.close()


@pytest.fixture
def xserver(tmp_path):
    x = Xvfb(tmp_path)
    yield x
    x.close()


@pytest.fixture
def desktop_app(make_app, upstream, xserver):
    """The desktop app (tray or main window, review windows) on the test's X server."""
    app = make_app(upstream=upstream, review="external", client_wait=CLIENT_WAIT, headless=False, start=False)
    app.env.update({"QT_QPA_PLATFORM": "xcb", "DISPLAY": xserver.display})
    app.start(timeout=120)
    yield app
    app.stop()  # before its X server goes away (make_app checks its output afterwards)


def acknowledgements(app, message, tmp_path):
    """How many findings need their own tick at the bottom of the window, as
    `check` says with the app's settings: those about a recipient are
    acknowledged by ticking that recipient's row."""
    eml = tmp_path / "review.eml"
    eml.write_bytes(message)
    p = subprocess.run([os.environ["YUBISASHI_BIN"], "check", str(eml), "--json", "--config",
                        str(app.config_path)], capture_output=True, env=dict(app.env, QT_QPA_PLATFORM="offscreen"),
                       timeout=120)
    for marker in SANITIZER_MARKERS:
        assert marker.encode() not in p.stderr, p.stderr.decode(errors="replace")
    review = json.loads(p.stdout)
    assert review["verdict"] == "review", review
    on_rows = {code for r in review["recipients"] for code in r["findings"]}
    return sum(1 for f in review["findings"]
               if f["needs_acknowledgement"] and not (f.get("recipients") and f["code"] in on_rows))


class Client(threading.Thread):
    """swaks in the background: it waits for its answer while the person reviews."""

    def __init__(self, app, message, rcpts):
        super().__init__(daemon=True)
        self.app, self.message, self.rcpts = app, message, rcpts
        self.reply = None
        self.error = None

    def run(self):
        try:
            self.reply = self.app.swaks(self.message, self.rcpts, timeout=CLIENT_WAIT + 60)
        except Exception as e:  # reported by result()
            self.error = e

    def result(self, timeout):
        self.join(timeout)
        assert not self.is_alive(), "swaks did not finish"
        if self.error:
            raise self.error
        return self.reply


def review_window(xserver, app):
    """The id of the visible review window (waits for it to appear)."""
    def find():
        assert app.alive(), f"the app died:\n{app.current_log()[-3000:]}"
        r = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", TITLE], capture_output=True,
                           env=xserver.env, timeout=30)
        ids = r.stdout.split()
        return ids[-1].decode() if ids else None
    window = wait_until(find, 90, f"a visible window titled '{TITLE}'", interval=0.2)
    # Focus as the window manager would; Qt has also asked for it itself.
    def focused():
        xserver.tool("xdotool", "windowfocus", "--sync", window, timeout=30, check=False)
        return xserver.tool("xdotool", "getwindowfocus").strip() == window
    wait_until(focused, 30, "the review window to have the keyboard focus", interval=0.3)
    time.sleep(1.0)  # the window's first paint and its focus widget (ASan is slow)
    return window


def keys(xserver, *names):
    for name in names:
        xserver.tool("xdotool", "key", "--delay", "150", name)
        time.sleep(0.3)


def test_send_from_the_review_window(desktop_app, upstream, xserver, tmp_path):
    app = desktop_app
    msg = make_message("Quotation for the partner", to=[PARTNER])
    n_ack = acknowledgements(app, msg, tmp_path)
    client = Client(app, msg, [PARTNER])
    client.start()
    window = review_window(xserver, app)
    assert upstream.count() == 0, "sent before the person decided"

    # The recipient list has the focus on its first row (the domain): Down to
    # the recipient, Space ticks it; Tab to each finding that needs a tick.
    keys(xserver, "Down", "space")
    for _ in range(n_ack):
        keys(xserver, "Tab", "space")
    xserver.screenshot(tmp_path / "review-send.png")
    keys(xserver, "Return")  # Send is the default button

    client.result(CLIENT_WAIT + 90).check(250, "2.0.0")
    m = upstream.wait_count(1, timeout=30)[0]
    assert m["eml"].endswith(msg)
    assert m["rcpt_tos"] == [PARTNER]
    wait_until(lambda: subprocess.run(["xdotool", "search", "--onlyvisible", "--name", TITLE],
                                      capture_output=True, env=xserver.env, timeout=30).stdout.strip() == b"",
               30, "the review window to close")
    assert window  # (the id, for the record)


def test_cancel_with_reason_from_the_review_window(desktop_app, upstream, xserver, tmp_path):
    """Enter before the recipient is ticked does not send; cancelling with a
    reason gives the waiting client 550 with that reason, and nothing is sent."""
    app = desktop_app
    msg = make_message("Not for them", to=[PARTNER])
    client = Client(app, msg, [PARTNER])
    client.start()
    review_window(xserver, app)

    keys(xserver, "Return")  # nothing ticked: Send is not enabled
    upstream.assert_count_stays(0, 4)
    assert client.is_alive(), f"the client got its answer before anyone decided: {client.reply}"

    keys(xserver, "alt+c")  # Cancel: the reason field opens with the focus
    reason = "Wrong customer, do not send"
    xserver.tool("xdotool", "type", "--delay", "60", reason, timeout=60)
    time.sleep(0.5)
    xserver.screenshot(tmp_path / "review-cancel.png")
    keys(xserver, "Return")  # "Cancel message" is the default button now

    client.result(CLIENT_WAIT + 90).check(550, "5.7.1", ["cancelled at review", reason])
    upstream.assert_count_stays(0, 2)
    wait_until(lambda: app.spool() == [], 10, "the spool entry to be removed")


def _eml(to, subject):
    """A sent message for import-history: To as (name, address) pairs, CRLF."""
    from email.message import EmailMessage
    from email.utils import formataddr
    m = EmailMessage()
    m["From"] = formataddr(("Taro", "taro@example.co.jp"))
    m["To"] = ", ".join(formataddr(a) for a in to)
    m["Subject"] = subject
    m["Message-ID"] = f"<{os.urandom(6).hex()}@example.co.jp>"
    m.set_content("Hello,\n")
    return m.as_bytes(policy=m.policy.clone(linesep="\r\n"))


def test_probably_meant_replaced_from_the_review_window(make_app, upstream, xserver, tmp_path):
    """unusual-recipient's suggestion taken in the real review window by
    keyboard (Ctrl+R on the row): the upstream receives the message with the
    new person in To and RCPT TO changed, and nothing reaches the old address."""
    suzuki = ("鈴木 一郎", "suzuki@acme.co.jp")
    ken = ("田中 健", "ken.tanaka@acme.co.jp")
    kenji = ("田中 健二", "kenji.tanaka@acme-trading.co.jp")
    app = make_app(upstream=upstream, review="external", client_wait=CLIENT_WAIT, headless=False, start=False)
    # The history: 田中 健 is usually written to with 鈴木; 田中 健二 is known, never with them.
    sent = tmp_path / "Sent"
    sent.mkdir()
    for i in range(3):
        (sent / f"{i}.eml").write_bytes(_eml([suzuki, ken], f"Meeting {i}"))
    (sent / "other.eml").write_bytes(_eml([kenji], "Order"))
    p = subprocess.run([os.environ["YUBISASHI_BIN"], "import-history", str(sent), "--config", str(app.config_path)],
                       capture_output=True, env=app.env, timeout=120)
    assert p.returncode == 0, p.stderr.decode(errors="replace")
    app.env.update({"QT_QPA_PLATFORM": "xcb", "DISPLAY": xserver.display})
    app.start(timeout=120)
    try:
        from email.utils import formataddr
        from email.header import Header
        to = ", ".join(formataddr((str(Header(n, "utf-8")), a)) for n, a in (suzuki, kenji))
        msg = make_message("Minutes", to=[to])
        assert acknowledgements(app, msg, tmp_path) == 0
        client = Client(app, msg, [suzuki[1], kenji[1]])
        client.start()
        review_window(xserver, app)
        # The first group is the flagged one (田中 健二's): Down to his row, Ctrl+R
        # replaces him, Space ticks the new address (outside recipients are
        # ticked row by row); Down twice to 鈴木's row, Space.
        keys(xserver, "Down", "ctrl+r", "space", "Down", "Down", "space")
        xserver.screenshot(tmp_path / "review-replaced.png")
        keys(xserver, "Return")
        client.result(CLIENT_WAIT + 90).check(250, "2.0.0")
        m = upstream.wait_count(1, timeout=30)[0]
        assert m["rcpt_tos"] == [suzuki[1], ken[1]]
        head = m["eml"].split(b"\r\n\r\n", 1)[0]
        assert b"kenji" not in m["eml"], head
        assert b"=?UTF-8?B?55Sw5LitIOWBpQ==?= <ken.tanaka@acme.co.jp>" in head, head
        upstream.assert_count_stays(1, 2)
    finally:
        app.stop()
