"""End-to-end fixtures: real mail clients -> the real yubisashi binary -> a real
aiosmtpd upstream (tests/tools/upstream.py).

Every process a test starts is owned by a factory fixture that stops it at
teardown, also when the test failed. The app fixture fails the test at teardown
when the app's output shows a sanitizer report (ASan, LeakSanitizer, UBSan),
when a run stopped with SIGTERM did not exit with status 0, when a run ended
by itself, and when the spool holds an unreadable envelope, content without
its envelope or a quarantined file the test did not put there on purpose.
"""

import base64
import json
import os
import re
import shutil
import signal
import smtplib
import socket
import subprocess
import tempfile
import time
from email.utils import formatdate
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
TOOLS = REPO / "tests" / "tools"
PYTHON = "/usr/bin/python3"

LOCAL_USER = "work"
LOCAL_PW = "local-Pw-4711"
UPSTREAM_USER = "upuser"
UPSTREAM_PW = "Upstream-Pw-0815"
TEST_MODE_USER = "test"

INTERNAL = "example.co.jp"                     # matches internal_domains below
INTERNAL_SUB = "sales.example.co.jp"           # matches *.example.co.jp
EXTERNAL = "partner.example"                   # external to the policy
SENDER = f"taro@{INTERNAL}"

SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:")


# ---------------------------------------------------------------------------
# small utilities

def yubisashi_bin():
    """The app binary, as an absolute path: $YUBISASHI_BIN (ctest sets it; a
    relative path counts from where pytest was started), else the build tree's
    build/asan/app/yubisashi (scripts/test.sh builds it), else the newest
    build/*/app/yubisashi. None when there is none."""
    env = os.environ.get("YUBISASHI_BIN")
    if env:
        return str(Path(env).resolve())
    asan = REPO / "build" / "asan" / "app" / "yubisashi"
    if asan.is_file():
        return str(asan)
    built = sorted(REPO.glob("build/*/app/yubisashi"), key=lambda p: p.stat().st_mtime, reverse=True)
    return str(built[0]) if built else None


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout, what, interval=0.05):
    """Polls predicate until it returns something truthy; fails after timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


def port_open(port, host="127.0.0.1", timeout=0.5):
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def make_message(subject="e2e", *, sender=SENDER, to=(f"hanako@{INTERNAL}",), body=None, msgid=None,
                 extra_headers=(), charset=None, cte=None):
    """A plain RFC 5322 message with CRLF line endings, From/Date/Message-ID
    present (so no client adds its own), ending with CRLF, and containing a
    line that starts with '.' to exercise dot-stuffing."""
    msgid = msgid or f"<{os.urandom(8).hex()}@e2e.yubisashi.test>"
    if body is None:
        body = (b"Hello,\r\n"
                b".a line starting with a dot\r\n"
                b"..two dots\r\n"
                b"\r\n"
                b"-- \r\nTaro\r\n")
    headers = [
        f"From: Taro <{sender}>",
        f"To: {', '.join(to)}",
        f"Subject: {subject}",
        f"Date: {formatdate(localtime=False)}",
        f"Message-ID: {msgid}",
        "MIME-Version: 1.0",
    ]
    if charset:
        headers.append(f"Content-Type: text/plain; charset={charset}")
    if cte:
        headers.append(f"Content-Transfer-Encoding: {cte}")
    headers.extend(extra_headers)
    head = "\r\n".join(headers).encode("ascii") + b"\r\n\r\n"
    if not body.endswith(b"\r\n"):
        body += b"\r\n"
    return head + body


_FIELD_START = re.compile(rb"^[!-9;-~]+:")


def assert_same_message(received, sent):
    """received must be sent, byte for byte, except at most one header field
    (folded continuation lines allowed) added at the top, e.g. a Received: trace line."""
    assert isinstance(received, bytes) and isinstance(sent, bytes)
    if received == sent:
        return None
    assert received.endswith(sent), (
        f"message changed in transit (sent {len(sent)} bytes, received {len(received)} bytes);"
        f" first difference near: {_first_difference(received, sent)}")
    prefix = received[: len(received) - len(sent)]
    assert prefix.endswith(b"\r\n"), f"added prefix does not end with CRLF: {prefix[:200]!r}"
    lines = prefix[:-2].split(b"\r\n")
    assert _FIELD_START.match(lines[0]), f"added prefix is not a header field: {prefix[:200]!r}"
    for cont in lines[1:]:
        assert cont[:1] in (b" ", b"\t"), f"more than one header field added at the top: {prefix[:400]!r}"
    assert b"\n" not in prefix[:-2].replace(b"\r\n", b""), f"bare LF in added header: {prefix!r}"
    return prefix


def _first_difference(a, b):
    # compare from the end (a header may have been prepended)
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return f"{n} identical trailing bytes; received ...{a[max(0, len(a)-n-40):len(a)-n+10]!r}" \
           f" vs sent ...{b[max(0, len(b)-n-40):len(b)-n+10]!r}"


# ---------------------------------------------------------------------------
# replies

_ENHANCED = re.compile(r"^([245]\.\d{1,3}\.\d{1,3})(?:\s+|$)")


class Reply:
    """One SMTP reply as a client saw it."""

    def __init__(self, code, lines, stage="DATA", transcript=""):
        self.code = int(code) if code is not None else None
        self.lines = list(lines)
        self.stage = stage
        self.transcript = transcript
        self.enhanced = None
        texts = []
        for line in self.lines:
            m = _ENHANCED.match(line)
            if m:
                self.enhanced = self.enhanced or m.group(1)
                line = line[m.end():]
            texts.append(line)
        self.text = "\n".join(texts)

    def __repr__(self):
        return f"<Reply to {self.stage}: {self.code} {self.enhanced or ''} {self.text!r}>"

    def check(self, code, enhanced=None, words=()):
        ctx = f"{self!r}\n--- transcript ---\n{self.transcript[-3000:]}"
        assert self.code == code, f"expected {code}, got {ctx}"
        if enhanced is not None:
            if isinstance(enhanced, str):
                enhanced = (enhanced,)
            assert self.enhanced in enhanced, f"expected enhanced code {enhanced}, got {ctx}"
        for w in words:
            alternatives = w if isinstance(w, (tuple, list)) else (w,)
            assert any(a.lower() in self.text.lower() for a in alternatives), \
                f"expected one of {alternatives} in the reply text, got {ctx}"
        return self


def parse_reply_lines(raw_lines):
    """['250-a', '250 b'] -> Reply"""
    code = int(raw_lines[-1][:3])
    return Reply(code, [l[4:] for l in raw_lines])


# ---------------------------------------------------------------------------
# raw SMTP over a socket

class RawSmtp:
    """A byte-level SMTP client for pipelining and abuse tests."""

    def __init__(self, port, host="127.0.0.1", timeout=15, read_greeting=True, family=socket.AF_INET):
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect((host, port))
        self.buf = b""
        self.closed = False
        self.greeting = self.reply() if read_greeting else None

    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.sock.sendall(data)

    def _fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            self.closed = True
            raise ConnectionError(f"connection closed by the app; unparsed: {self.buf[:200]!r}")
        self.buf += chunk

    def line(self):
        while b"\r\n" not in self.buf:
            self._fill()
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line.decode("utf-8", "replace")

    def reply(self, timeout=None):
        if timeout is not None:
            self.sock.settimeout(timeout)
        lines = []
        while True:
            line = self.line()
            assert re.match(r"^\d{3}[ -]", line) or re.match(r"^\d{3}$", line), f"not an SMTP reply line: {line!r}"
            lines.append(line)
            if len(line) == 3 or line[3] == " ":
                return parse_reply_lines(lines)

    def cmd(self, line):
        self.send(line.encode() + b"\r\n" if isinstance(line, str) else line + b"\r\n")
        return self.reply()

    def ehlo(self, name="e2e.test"):
        r = self.cmd(f"EHLO {name}")
        r.check(250)
        self.extensions = [l.split()[0].upper() for l in r.lines[1:] if l.split()]
        return r

    def auth(self, user=LOCAL_USER, password=LOCAL_PW):
        token = base64.b64encode(f"\0{user}\0{password}".encode()).decode()
        return self.cmd(f"AUTH PLAIN {token}")

    def login(self, user=LOCAL_USER, password=LOCAL_PW):
        self.ehlo()
        self.auth(user, password).check(235)

    def read_until_closed(self, timeout=10):
        """All bytes until the peer closes; raises if it does not close in time."""
        self.sock.settimeout(timeout)
        data = self.buf
        self.buf = b""
        deadline = time.monotonic() + timeout
        while True:
            try:
                chunk = self.sock.recv(65536)
            except ConnectionResetError:
                chunk = b""
            if not chunk:
                self.closed = True
                return data
            data += chunk
            if time.monotonic() > deadline:
                raise AssertionError(f"connection not closed after {timeout} s; got {data[-500:]!r}")

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def dot_stuff(content):
    """content (CRLF, ending with CRLF) -> the DATA bytes including the terminator."""
    out = re.sub(rb"(?m)^\.", b"..", content)
    return out + b".\r\n"


# ---------------------------------------------------------------------------
# the mail clients

def send_smtplib(port, content, rcpts, *, sender=SENDER, user=LOCAL_USER, password=LOCAL_PW,
                 mail_options=(), timeout=60, smtp=None):
    """Sends one message with smtplib; returns the Reply to the stage that
    ended the transaction (normally DATA). With smtp= reuses an open session."""
    own = smtp is None
    s = smtp or smtplib.SMTP("127.0.0.1", port, local_hostname="e2e.test", timeout=timeout)
    try:
        if own:
            s.ehlo()
            if user is not None:
                s.login(user, password)
        code, msg = s.mail(sender, list(mail_options))
        if code != 250:
            s.rset()
            return Reply(code, msg.decode("utf-8", "replace").split("\n"), stage="MAIL")
        for r in rcpts:
            code, msg = s.rcpt(r)
            if code not in (250, 251):
                s.rset()
                return Reply(code, msg.decode("utf-8", "replace").split("\n"), stage=f"RCPT {r}")
        code, msg = s.data(content)
        return Reply(code, msg.decode("utf-8", "replace").split("\n"), stage="DATA")
    finally:
        if own:
            try:
                s.quit()
            except (smtplib.SMTPException, OSError):
                s.close()


_SWAKS_REPLY = re.compile(r"^<(?:-|\*\*) +(\d{3})([ -])(.*)$")


def send_swaks(port, content, rcpts, tmp, *, sender=SENDER, user=LOCAL_USER, password=LOCAL_PW, timeout=60,
               auth="PLAIN"):
    """Sends with swaks --data @FILE. swaks appends CRLF to the file's content, so
    the file holds content minus its final CRLF: the message that arrives is content."""
    assert content.endswith(b"\r\n")
    tmp = Path(tmp)
    tmp.mkdir(parents=True, exist_ok=True)
    data = tmp / f"swaks-{os.urandom(4).hex()}.eml"
    data.write_bytes(content[:-2])
    cmd = ["swaks", "--server", "127.0.0.1", "--port", str(port), "--from", sender,
           "--to", ",".join(rcpts), "--data", f"@{data}", "--suppress-data",
           "--timeout", str(timeout), "--helo", "e2e.test"]
    if user is not None:
        cmd += ["--auth", auth, "--auth-user", user, "--auth-password", password]
    p = subprocess.run(cmd, capture_output=True, timeout=timeout + 30, text=True, errors="replace")
    out = p.stdout + p.stderr
    # group reply lines; the reply after the 354 is the one to the end of DATA
    replies, cur = [], []
    for line in out.splitlines():
        m = _SWAKS_REPLY.match(line)
        if m:
            cur.append(f"{m.group(1)}{m.group(2)}{m.group(3)}")
            if m.group(2) == " ":
                replies.append(parse_reply_lines(cur))
                cur = []
    for i, r in enumerate(replies):
        if r.code == 354 and i + 1 < len(replies):
            reply = replies[i + 1]
            reply.stage, reply.transcript = "DATA", out
            return reply
    last = replies[-1] if replies else Reply(None, [], stage="connect")
    last.stage = "before DATA"
    last.transcript = out
    return last


_MSMTP_REPLY = re.compile(r"^<-- (\d{3})([ -])(.*)$")


def send_msmtp(port, content, rcpts, tmp, *, sender=SENDER, user=LOCAL_USER, password=LOCAL_PW, timeout=60):
    tmp = Path(tmp)
    tmp.mkdir(parents=True, exist_ok=True)
    rc = tmp / f"msmtprc-{os.urandom(4).hex()}"
    lines = ["account default", "host 127.0.0.1", f"port {port}", "tls off", f"from {sender}",
             f"timeout {timeout}", "domain e2e.test"]
    if user is not None:
        lines += ["auth plain", f"user {user}", f"password {password}"]
    else:
        lines += ["auth off"]
    rc.write_text("\n".join(lines) + "\n")
    rc.chmod(0o600)
    p = subprocess.run(["msmtp", "--debug", "-C", str(rc), "-f", sender, "--", *rcpts], input=content,
                       capture_output=True, timeout=timeout + 30)
    out = (p.stdout + p.stderr).decode("utf-8", "replace")
    replies, cur = [], []
    for line in out.splitlines():
        m = _MSMTP_REPLY.match(line)
        if m:
            cur.append(f"{m.group(1)}{m.group(2)}{m.group(3)}")
            if m.group(2) == " ":
                replies.append(parse_reply_lines(cur))
                cur = []
    for i, r in enumerate(replies):
        if r.code == 354 and i + 1 < len(replies):
            reply = replies[i + 1]
            reply.stage, reply.transcript = "DATA", out
            reply.exit_status = p.returncode
            return reply
    last = replies[-1] if replies else Reply(None, [], stage="connect")
    last.stage = "before DATA"
    last.transcript = out
    last.exit_status = p.returncode
    return last


# ---------------------------------------------------------------------------
# upstream (tests/tools/upstream.py)

class Upstream:
    def __init__(self, base, pki, *, mode="starttls", port=None, auth=((UPSTREAM_USER, UPSTREAM_PW),),
                 faults=(), cert="server", size=None, extra_args=(), name="upstream"):
        self.dir = Path(base) / name
        self.maildir = self.dir / "maildir"
        self.control_dir = self.dir / "control"
        self.ready_file = self.dir / "ready"
        for d in (self.maildir, self.control_dir):
            d.mkdir(parents=True, exist_ok=True)
        self.pki = Path(pki)
        self.mode = mode
        self.port = port or free_port()
        self.auth = list(auth)
        self.cert = cert
        self.size = size
        self.extra_args = list(extra_args)  # e.g. ["--no-8bitmime"]
        self.proc = None
        self.runs = 0
        self.set_faults(faults)

    def set_faults(self, faults):
        """Replaces the active faults; upstream.py re-reads them before each connection."""
        tmp = self.control_dir / "faults.tmp"
        tmp.write_text("".join(f"{f}\n" for f in faults))
        tmp.replace(self.control_dir / "faults")

    def log_path(self):
        return self.dir / f"upstream.{self.runs}.log"

    def start(self, timeout=20):
        assert self.proc is None
        self.runs += 1
        if self.ready_file.exists():
            self.ready_file.unlink()
        args = [PYTHON, str(TOOLS / "upstream.py"), "--port", str(self.port), "--mode", self.mode,
                "--cert", str(self.pki / f"{self.cert}.pem"), "--key", str(self.pki / f"{self.cert}.key"),
                "--maildir", str(self.maildir), "--control-dir", str(self.control_dir),
                "--ready-file", str(self.ready_file)]
        for user, password in self.auth:
            args += ["--auth", f"{user}:{password}"]
        if self.size:
            args += ["--size", str(self.size)]
        args += self.extra_args
        self.log = open(self.log_path(), "wb")
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)

        def ready():
            if self.proc.poll() is not None:
                raise AssertionError(f"upstream.py exited with {self.proc.returncode}:\n{self.log_text()}")
            return self.ready_file.exists()
        wait_until(ready, timeout, "upstream.py's ready file")
        return self

    def log_text(self):
        try:
            return self.log_path().read_text(errors="replace")[-5000:]
        except OSError:
            return ""

    def log_count(self, text):
        """How often text occurs in this run's whole log."""
        try:
            return self.log_path().read_text(errors="replace").count(text)
        except OSError:
            return 0

    def stop(self):
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None
        self.log.close()

    def messages(self):
        """Accepted messages, oldest first: dicts from NNNNNN.json plus 'eml' (bytes)."""
        out = []
        for meta in sorted(self.maildir.glob("*.json")):
            try:
                info = json.loads(meta.read_text())
            except (OSError, ValueError):
                continue  # being written
            info["eml"] = meta.with_suffix(".eml").read_bytes()
            info["name"] = meta.stem
            out.append(info)
        return out

    def count(self):
        return len(list(self.maildir.glob("*.json")))

    def wait_count(self, n, timeout=20):
        wait_until(lambda: self.count() >= n, timeout, f"{n} message(s) at the upstream (have {self.count()})")
        return self.messages()

    def assert_count_stays(self, n, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.count() == n, f"upstream has {self.count()} messages, expected {n}"
            time.sleep(0.1)
        assert self.count() == n, f"upstream has {self.count()} messages, expected {n}"


# ---------------------------------------------------------------------------
# the app

class App:
    def __init__(self, base, *, upstream=None, security=None, auth="plain", upstream_user=UPSTREAM_USER,
                 upstream_password=UPSTREAM_PW, ca_file=None, decide=None, review="never", client_wait=10,
                 retry_initial=1, retry_max=2, internal_domains=f"{INTERNAL}, *.{INTERNAL}", port=None,
                 upstream_port=None, extra=None, secrets_extra=None, test_mode=False, name="app",
                 headless=True):
        self.dir = Path(base) / name
        self.dir.mkdir(parents=True, exist_ok=True)
        self.data_dir = self.dir / "data"
        self.spool_dir = self.data_dir / "spool"
        self.test_mode_dir = self.data_dir / "test-mode"
        self.config_path = self.dir / "yubisashi.ini"
        self.secrets_path = self.dir / "secrets.ini"
        self.port = port or free_port()
        self.decide = decide
        self.headless = headless  # False: the desktop app (offscreen), with its windows
        self.home = self.dir / "home"
        self.user = TEST_MODE_USER if test_mode else LOCAL_USER
        self.password = LOCAL_PW
        self.proc = None
        self.runs = 0
        self.logs = []
        self.problems = []          # what finish_apps reports: bad exits found along the way
        self.killed_run = None      # the run ended with SIGKILL by the test (its exit is exempt)
        self.checked_run = None     # the run whose exit has been judged
        self.broken_on_purpose = set()  # spool file stems the test broke itself (see expect_broken_spool)

        sections = {
            "general": {"data_dir": self.data_dir},
            "listener": {"port": self.port, "require_auth": "true"},
        }
        if not test_mode:
            if security is None:
                security = {"starttls": "starttls", "tls": "tls", "plain": "none"}[upstream.mode if upstream else "starttls"]
            ca = ca_file or (upstream.pki / "ca.pem" if upstream else "")
            sections[f"account.{LOCAL_USER}"] = {
                "host": "127.0.0.1", "port": upstream_port or (upstream.port if upstream else free_port()),
                "security": security, "auth": auth, "user": upstream_user, "ca_file": ca,
            }
        sections["delivery"] = {"client_wait_seconds": client_wait, "retry_initial_seconds": retry_initial,
                                "retry_max_seconds": retry_max}
        sections["policy"] = {"internal_domains": internal_domains, "review": review}
        sections["secrets"] = {"store": "file", "file": self.secrets_path}
        for group, items in (extra or {}).items():  # extra={"listener": {"max_recipients": 10}}
            sections.setdefault(group, {}).update(items)
        self.config_path.write_text("".join(
            f"[{g}]\n" + "".join(f"{k}={v}\n" for k, v in items.items()) + "\n" for g, items in sections.items()))

        if test_mode:
            secrets = f"[{TEST_MODE_USER}]\nlocal_password={LOCAL_PW}\n"
        else:
            secrets = f"[{LOCAL_USER}]\nlocal_password={LOCAL_PW}\npassword={upstream_password}\n"
        # secrets_extra={"work": {"smime_password": "..."}}: more keys, in the
        # group of the same name when there is one.
        for group, items in (secrets_extra or {}).items():
            lines = "".join(f"{k}={v}\n" for k, v in items.items())
            if secrets.startswith(f"[{group}]\n"):
                secrets += lines
            else:
                secrets += f"\n[{group}]\n{lines}"
        self.secrets_path.write_text(secrets)
        self.secrets_path.chmod(0o600)

        # A private HOME/TMPDIR/XDG_* per app, so single-instance locks and
        # default paths of concurrently running apps never meet.
        # TMPDIR and XDG_RUNTIME_DIR are short: local sockets live there
        # (single-instance check), and a socket path must fit in 108 bytes.
        self.env = dict(os.environ)
        home = self.dir / "home"
        for sub in ("", ".config", ".local/share", ".cache"):
            (home / sub).mkdir(parents=True, exist_ok=True)
        self.short_dir = Path(tempfile.mkdtemp(prefix="ys-", dir="/tmp"))
        for sub in ("run", "tmp"):
            (self.short_dir / sub).mkdir(mode=0o700)
        self.env.update({
            "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local/share"), "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_RUNTIME_DIR": str(self.short_dir / "run"), "TMPDIR": str(self.short_dir / "tmp"),
            "QT_QPA_PLATFORM": "offscreen",
            "UBSAN_OPTIONS": os.environ.get("UBSAN_OPTIONS", "print_stacktrace=1"),
        })

    # -- process control

    def start(self, timeout=60, wait_ready=True):
        assert self.proc is None or self.proc.poll() is not None, "already running"
        self._judge_exit()
        binary = yubisashi_bin()
        if not binary:
            pytest.fail("no yubisashi binary: build one (cmake --preset asan && cmake --build build/asan) or "
                        "set YUBISASHI_BIN (ctest sets it)")
        self.runs += 1
        log = self.dir / f"stderr.{self.runs}.log"
        self.logs.append(log)
        args = [binary] + (["--headless"] if self.headless else []) + ["--config", str(self.config_path)]
        if self.decide is not None:
            args += ["--decide", self.decide]
        with open(log, "wb") as f:
            self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=f, stderr=subprocess.STDOUT,
                                         env=self.env, cwd=self.dir, start_new_session=True)
        self.started_at = time.monotonic()
        if wait_ready:
            self.wait_ready(timeout)
        return self

    def wait_ready(self, timeout=60):
        marker = f"listening on 127.0.0.1:{self.port}"

        def ready():
            if self.proc.poll() is not None:
                raise AssertionError(f"yubisashi exited with {self.proc.returncode} before listening:\n"
                                     f"{self.current_log()[-5000:]}")
            return marker in self.current_log() and port_open(self.port)
        wait_until(ready, timeout, f"'{marker}' in the app's log and the port accepting connections", 0.05)

    def current_log(self):
        try:
            return self.logs[-1].read_text(errors="replace")
        except (OSError, IndexError):
            return ""

    def all_logs(self):
        out = []
        for p in self.logs:
            try:
                out.append(f"===== {p.name}\n" + p.read_text(errors="replace"))
            except OSError:
                pass
        return "\n".join(out)

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self, timeout=20):
        """SIGTERM, then wait; SIGKILL only if it does not end in time. Returns
        the exit status. Anything but status 0 after SIGTERM is recorded in
        self.problems (finish_apps fails the test with it)."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
                self.stop_timed_out = True
                self.problems.append(f"run {self.runs}: did not exit within {timeout} s of SIGTERM (killed)")
            else:
                if self.proc.returncode != 0:
                    self.problems.append(f"run {self.runs}: exit status {self._status(self.proc.returncode)} "
                                         "after SIGTERM (expected 0)")
            self.checked_run = self.runs
        self._judge_exit()
        return self.proc.returncode

    def kill9(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
            self.killed_run = self.runs

    def expect_own_exit(self):
        """The test waited for this run to end by itself (a start error it
        provoked) and checks the exit status itself: the teardown does not
        count that ending as a failure. Sanitizer reports still fail."""
        assert self.proc is not None and self.proc.poll() is not None, "the run has not ended"
        self.checked_run = self.runs

    def _judge_exit(self):
        """A run that ended without SIGTERM or SIGKILL from the test ended by itself: a failure."""
        if self.proc is None or self.proc.poll() is None or self.checked_run == self.runs:
            return
        self.checked_run = self.runs
        if self.killed_run != self.runs:
            self.problems.append(f"run {self.runs}: ended by itself with exit status "
                                 f"{self._status(self.proc.returncode)} before the test stopped it")

    @staticmethod
    def _status(code):
        if code is not None and code < 0:
            try:
                return f"{code} ({signal.Signals(-code).name})"
            except ValueError:
                pass
        return str(code)

    def sanitizer_reports(self):
        text = self.all_logs()
        return [m for m in SANITIZER_MARKERS if m in text], text

    # -- observation

    def expect_broken_spool(self, stem):
        """The test itself puts the broken message STEM (.env and/or .eml) into
        the spool: spool() and the teardown do not count its files, in the
        spool or in quarantine/, as failures."""
        self.broken_on_purpose.add(stem)

    def _on_purpose(self, path):
        return any(path.name.startswith(stem) for stem in self.broken_on_purpose)

    def spool_problems(self, settle=5.0):
        """(entries, problems): the spool entries (ID.env JSON with 'id' added),
        and what is wrong with the spool: an envelope that cannot be read, or
        content (ID.eml) without its envelope. The app writes ID.eml before
        ID.env and removes ID.env before ID.eml, so while it runs an orphan
        .eml gets up to `settle` seconds to be finished or removed; after a
        SIGKILL orphans are expected (the next start cleans them up)."""
        entries, problems = [], []
        if not self.spool_dir.is_dir():
            return entries, problems
        for env in sorted(self.spool_dir.glob("*.env")):
            try:
                info = json.loads(env.read_text())
            except FileNotFoundError:
                continue  # removed since the listing
            except (OSError, ValueError) as e:
                if not self._on_purpose(env):
                    problems.append(f"unreadable envelope {env.name}: {e!r}")
                continue
            info.setdefault("id", env.stem)
            entries.append(info)
        killed = self.killed_run == self.runs and not self.alive()
        deadline = time.monotonic() + settle
        for eml in sorted(self.spool_dir.glob("*.eml")):
            if killed or self._on_purpose(eml):
                continue
            env = eml.with_suffix(".env")
            while eml.exists() and not env.exists() and self.alive() and time.monotonic() < deadline:
                time.sleep(0.05)
            if eml.exists() and not env.exists():
                problems.append(f"content without an envelope (orphan): {eml.name}")
        return entries, problems

    def spool(self):
        """Spool entries (ID.env JSON) with 'id' added. Fails the test on an
        unreadable envelope or an orphan .eml (see spool_problems)."""
        entries, problems = self.spool_problems()
        if problems:
            raise AssertionError(f"{self.spool_dir}: " + "; ".join(problems))
        return entries

    def quarantined(self):
        """Files the app moved to spool/quarantine/ that the test did not break on purpose."""
        q = self.spool_dir / "quarantine"
        if not q.is_dir():
            return []
        return sorted(p.name for p in q.rglob("*") if p.is_file() and not self._on_purpose(p))

    def pending(self):
        """Spool entries that are not finished (sent entries may be kept for retention)."""
        return [e for e in self.spool() if e.get("state") != "sent"]

    def states(self):
        return sorted(e.get("state") for e in self.spool())

    def noop_ok(self):
        """A fresh connection answers NOOP with 250."""
        with RawSmtp(self.port, timeout=10) as c:
            assert c.greeting.code == 220, c.greeting
            c.cmd("NOOP").check(250)
        assert self.alive(), f"app died:\n{self.current_log()[-3000:]}"

    # -- clients bound to this app

    def smtplib(self, content, rcpts, **kw):
        kw.setdefault("user", self.user)
        return send_smtplib(self.port, content, rcpts, **kw)

    def swaks(self, content, rcpts, **kw):
        kw.setdefault("user", self.user)
        return send_swaks(self.port, content, rcpts, self.dir / "clients", **kw)

    def msmtp(self, content, rcpts, **kw):
        kw.setdefault("user", self.user)
        return send_msmtp(self.port, content, rcpts, self.dir / "clients", **kw)


# ---------------------------------------------------------------------------
# fixtures

def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes more than a few seconds")


@pytest.fixture(scope="session")
def pki(tmp_path_factory):
    script = TOOLS / "pki.sh"
    if not script.exists():
        pytest.fail(f"{script} is missing")
    d = tmp_path_factory.mktemp("pki")
    p = subprocess.run(["bash", str(script), str(d)], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, f"pki.sh failed ({p.returncode}):\n{p.stdout}\n{p.stderr}"
    for name in ("ca.pem", "ca.key", "server.pem", "server.key", "untrusted.pem", "untrusted.key"):
        assert (d / name).exists(), f"pki.sh did not make {name}"
    return d


@pytest.fixture
def make_upstream(tmp_path, pki):
    """make_upstream(mode=..., faults=[...], port=..., auth=[(u,p)], cert='server'|'untrusted', start=True)"""
    made = []

    def factory(start=True, **kw):
        kw.setdefault("name", f"upstream{len(made) or ''}")
        u = Upstream(tmp_path, pki, **kw)
        made.append(u)
        if start:
            u.start()
        return u
    yield factory
    for u in made:
        u.stop()


@pytest.fixture
def make_app(tmp_path, request):
    """make_app(upstream=..., decide=..., review=..., client_wait=..., start=True, ...)"""
    made = []

    def factory(start=True, **kw):
        kw.setdefault("name", f"app{len(made) or ''}")
        a = App(tmp_path, **kw)
        made.append(a)
        if start:
            a.start()
        return a
    yield factory
    finish_apps(made)


def finish_apps(apps):
    """Stops every app (SIGTERM) and fails the test on: a sanitizer report
    (ASan, LeakSanitizer, UBSan) in any run's output; a run that did not exit
    with status 0 after SIGTERM (a run the test SIGKILLed is exempt) or that
    ended by itself; an unreadable envelope, an orphan .eml or a quarantined
    file left in the spool (unless the test broke it on purpose)."""
    problems = []
    for a in apps:
        a.stop()
        shutil.rmtree(a.short_dir, ignore_errors=True)
        found, text = a.sanitizer_reports()
        if found:
            problems.append(f"{a.dir}: sanitizer report ({', '.join(found)}):\n{_excerpt(text, found)}")
        mine = list(a.problems)
        if a.runs:
            _, spool_problems = a.spool_problems(settle=0)
            mine += [f"spool: {p}" for p in spool_problems]
            quarantined = a.quarantined()
            if quarantined:
                mine.append(f"spool: the app quarantined {quarantined}")
        if mine:
            problems.append(f"{a.dir}:\n  " + "\n  ".join(mine) +
                            ("" if found else f"\noutput of the last run:\n{a.current_log()[-3000:]}"))
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)


def _excerpt(text, markers):
    i = min(text.find(m) for m in markers if m in text)
    return text[max(0, i - 2000): i + 6000]


@pytest.fixture
def upstream(make_upstream):
    """A healthy STARTTLS upstream."""
    return make_upstream()
