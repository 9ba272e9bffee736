"""Test mode (no account configured): messages are saved as .eml files instead of being sent."""

import time

from conftest import EXTERNAL, INTERNAL, assert_same_message, make_message, wait_until


def saved(app):
    return sorted(app.test_mode_dir.glob("*.eml")) if app.test_mode_dir.is_dir() else []


def test_msmtp_message_saved(make_app):
    app = make_app(test_mode=True, review="never")
    rcpts = [f"hanako@{INTERNAL}", f"someone@{EXTERNAL}"]
    msg = make_message("test mode", to=rcpts, body="テストモードの本文\r\n".encode("iso-2022-jp"),
                       charset="ISO-2022-JP", cte="7bit")
    app.msmtp(msg, rcpts).check(250, "2.0.0")
    files = wait_until(lambda: saved(app), 10, "a .eml file in the test-mode folder")
    assert len(files) == 1, files
    assert_same_message(files[0].read_bytes(), msg)
    time.sleep(0.5)
    assert len(saved(app)) == 1
    assert app.pending() == []


def test_reviewed_then_saved(make_app):
    app = make_app(test_mode=True, review="always", decide="send")
    rcpts = [f"someone@{EXTERNAL}"]
    msg = make_message("test mode reviewed", to=rcpts)
    app.msmtp(msg, rcpts).check(250, "2.0.0")
    files = wait_until(lambda: saved(app), 10, "a .eml file in the test-mode folder")
    assert_same_message(files[0].read_bytes(), msg)


def test_cancel_saves_nothing(make_app):
    app = make_app(test_mode=True, review="always", decide="cancel:no")
    rcpts = [f"someone@{EXTERNAL}"]
    app.msmtp(make_message("test mode cancelled", to=rcpts), rcpts).check(550, "5.7.1", ["cancelled at review"])
    time.sleep(1)
    assert saved(app) == []
