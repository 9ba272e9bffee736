"""The desktop app (offscreen, no --headless): what it does on this computer
besides relaying mail, and the Bcc policy on the way through."""

import os
import shutil
import subprocess

from conftest import INTERNAL, make_message, wait_until


def autostart_entry(app):
    return app.home / ".config" / "autostart" / "yubisashi.desktop"


def test_start_at_login_writes_the_entry(make_app):
    app = make_app(test_mode=True, headless=False, review="never",
                   extra={"general": {"start_at_login": "true"}})
    entry = autostart_entry(app)
    wait_until(entry.exists, 10, f"{entry} written at start")
    text = entry.read_text()
    assert "[Desktop Entry]" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    # It starts this program with these settings, not some other one.
    assert app.config_path.name in exec_line, exec_line
    assert "--config" in exec_line, exec_line
    assert "Hidden=true" not in text


def test_a_try_with_other_settings_keeps_the_entry(make_app):
    # A person's entry, then a run whose settings do not ask for it: the
    # entry stays (only Save in Settings removes it).
    app = make_app(test_mode=True, headless=False, review="never", start=False)
    entry = autostart_entry(app)
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text("[Desktop Entry]\nType=Application\nName=Yubisashi\nExec=/usr/bin/yubisashi\n")
    app.start()
    # The start-up step that writes the entry runs before the app logs that it
    # listens (what start() waits for); after a stop nothing more can change it.
    assert entry.read_text().endswith("Exec=/usr/bin/yubisashi\n")
    assert app.stop() == 0
    assert entry.read_text().endswith("Exec=/usr/bin/yubisashi\n")


def test_policy_moves_many_visible_external_to_bcc(make_app, upstream):
    # many_external_bcc=always: no review is needed for it, and the partners
    # receive a header that shows only the colleague.
    app = make_app(upstream=upstream, review="never",
                   extra={"policy": {"many_external_bcc": "always", "many_external_threshold": 3}})
    partners = [f"guest{i}@partner{i % 2}.example" for i in range(5)]
    colleague = f"kimura@{INTERNAL}"
    rcpts = [colleague] + partners
    msg = make_message("invitation", to=rcpts)
    app.smtplib(msg, rcpts).check(250, "2.0.0")
    got = upstream.wait_count(1)[0]
    assert sorted(got["rcpt_tos"]) == sorted(rcpts)
    header = got["eml"].split(b"\r\n\r\n", 1)[0]
    assert b"partner" not in header, header
    assert f"To: {colleague}".encode() in header, header


def test_moves_into_the_tray_when_it_appears(make_app):
    # Started at login before the panel: the main window stands in, and when
    # a tray appears (trayer, a real XEmbed tray host) Yubisashi moves there.
    for tool in ("Xvfb", "trayer"):
        assert shutil.which(tool), f"{tool} is not installed (scripts/deps.sh --test installs it)"
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    tray = None
    try:
        with os.fdopen(read_fd) as f:
            display = ":" + f.readline().strip()
        app = make_app(test_mode=True, headless=False, review="never", start=False)
        app.env.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"})
        app.start()
        wait_until(lambda: "no system tray" in app.current_log(), 10, "the main window without a tray")
        tray = subprocess.Popen(["trayer"], env=dict(os.environ, DISPLAY=display),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(lambda: "the system tray appeared" in app.current_log(), 15, "the move into the tray")
        assert app.alive()
        # Still relaying mail after the move.
        msg = make_message("after the move", to=[f"hanako@{INTERNAL}"])
        app.smtplib(msg, [f"hanako@{INTERNAL}"]).check(250)
        assert app.stop() == 0
    finally:
        for p in (tray, xvfb):
            if p is not None:
                p.terminate()
                p.wait(10)
