"""The desktop app (offscreen, no --headless): what it does on this computer
besides relaying mail, and the Bcc policy on the way through."""

import time

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
    time.sleep(1)
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
