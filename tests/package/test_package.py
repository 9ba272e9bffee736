"""The Debian package as a user's machine gets it (scripts/package.sh builds it first).

Unpacks build/package/yubisashi_*.deb with dpkg-deb, runs the unpacked program
(--version, check), and validates the installed desktop entry, AppStream
metadata and manual page with Debian's own tools.
"""
import glob
import json
import os
import re
import subprocess

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEB_GLOB = os.environ.get("YUBISASHI_DEB") or os.path.join(ROOT, "build", "package", "yubisashi_*.deb")
APP_ID = "org.yubisashi.Yubisashi"


def _deb():
    debs = sorted(glob.glob(DEB_GLOB))
    assert debs, f"no package at {DEB_GLOB}: run scripts/package.sh first (scripts/test.sh does)"
    return debs[-1]


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory):
    root = tmp_path_factory.mktemp("deb")
    subprocess.run(["dpkg-deb", "-x", _deb(), str(root)], check=True)
    return root


def _run(unpacked, tmp_path, *args, **kw):
    env = dict(os.environ)
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    env.pop("YUBISASHI_POLICY_FILE", None)
    return subprocess.run([str(unpacked / "usr/bin/yubisashi"), *args], env=env, capture_output=True,
                          text=True, timeout=60, **kw)


def test_control_fields():
    info = subprocess.run(["dpkg-deb", "-f", _deb()], check=True, capture_output=True, text=True).stdout
    fields = dict(re.findall(r"^(\S+): (.*)$", info, re.M))
    assert fields["Package"] == "yubisashi"
    assert fields["Section"] == "mail"
    # Found by dpkg-shlibdeps from the binary itself, not written by hand.
    for lib in ("libqt6widgets6", "libgmime-3.0-0", "libssl3", "libicu72", "libqt6keychain1"):
        assert lib in fields["Depends"], fields["Depends"]
    # Plugins no linker sees.
    assert "libqt6sql6-sqlite" in fields["Depends"]


def test_installed_files(unpacked):
    expected = [
        "usr/bin/yubisashi",
        f"usr/share/applications/{APP_ID}.desktop",
        f"usr/share/metainfo/{APP_ID}.metainfo.xml",
        "usr/share/icons/hicolor/scalable/apps/yubisashi.svg",
        "usr/share/icons/hicolor/48x48/apps/yubisashi.png",
        "usr/share/icons/hicolor/256x256/apps/yubisashi.png",
        "usr/share/man/man1/yubisashi.1.gz",
        "usr/share/doc/yubisashi/copyright",
        "usr/share/doc/yubisashi/changelog.gz",
        "usr/share/doc/yubisashi/THIRD-PARTY-NOTICES.md",
        "usr/share/doc/yubisashi/CONFIG.md",
    ]
    missing = [p for p in expected if not (unpacked / p).is_file()]
    assert not missing, missing
    # The autostart entry and the desktop entry name this icon.
    desktop = (unpacked / f"usr/share/applications/{APP_ID}.desktop").read_text()
    assert "\nIcon=yubisashi\n" in desktop
    mode = (unpacked / "usr/bin/yubisashi").stat().st_mode & 0o777
    assert mode == 0o755, oct(mode)


def test_version(unpacked, tmp_path):
    r = _run(unpacked, tmp_path, "--version")
    assert r.returncode == 0, r.stderr
    version = re.search(r"project\(Yubisashi VERSION (\S+)", open(os.path.join(ROOT, "CMakeLists.txt")).read())[1]
    assert r.stdout.strip() == f"yubisashi {version}"


def test_check_command(unpacked, tmp_path):
    config = tmp_path / "yubisashi.ini"
    config.write_text("[policy]\ninternal_domains=example.co.jp\nreview=external\n"
                      f"[general]\ndata_dir={tmp_path / 'data'}\n")
    eml = tmp_path / "m.eml"
    eml.write_bytes("From: 山田 太郎 <taro@example.co.jp>\r\nTo: partner@example.com\r\n"
                    "Subject: =?UTF-8?B?6KaL56mN5pu4?=\r\n\r\nhello\r\n".encode())
    r = _run(unpacked, tmp_path, "--config", str(config), "check", str(eml), "--json")
    assert r.returncode == 1, (r.stdout, r.stderr)  # review: an outside recipient
    review = json.loads(r.stdout)
    assert review["verdict"] == "review"
    assert review["subject"] == "見積書"
    [rcpt] = review["recipients"]
    assert rcpt["address"] == "partner@example.com" and rcpt["internal"] is False


def test_desktop_entry_validates(unpacked):
    r = subprocess.run(["desktop-file-validate", str(unpacked / f"usr/share/applications/{APP_ID}.desktop")],
                       capture_output=True, text=True)
    assert r.returncode == 0 and "error" not in r.stdout, r.stdout + r.stderr


def test_metainfo_validates(unpacked):
    r = subprocess.run(["appstreamcli", "validate", "--no-net", "--explain",
                        str(unpacked / f"usr/share/metainfo/{APP_ID}.metainfo.xml")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_manual_page_covers_help(unpacked, tmp_path):
    man = subprocess.run(["man", "-l", "-Tutf8", str(unpacked / "usr/share/man/man1/yubisashi.1.gz")],
                         capture_output=True, text=True, env={**os.environ, "MANWIDTH": "200"})
    assert man.returncode == 0, man.stderr
    page = re.sub(r".\x08", "", man.stdout)
    helptext = _run(unpacked, tmp_path, "--help").stdout
    options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", helptext))
    assert {"--config", "--help", "--version"} <= options, helptext
    commands = set(re.findall(r"\b(client-setup|check|import-history|sign-in|admin)\b", helptext))
    assert {"client-setup", "check", "import-history", "sign-in"} <= commands
    missing = sorted(w for w in options | commands if w not in page)
    assert not missing, f"yubisashi --help names {missing}, the manual page does not"


def test_lintian_has_no_errors():
    r = subprocess.run(["lintian", "--allow-root", "--suppress-tags",
                        "no-manual-page,initial-upload-closes-no-bugs", _deb()],
                       capture_output=True, text=True)
    errors = [line for line in r.stdout.splitlines() if line.startswith("E: ")]
    assert not errors, "\n".join(errors)
