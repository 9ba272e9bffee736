#!/usr/bin/python3
"""Review-window latency and idle cost of the Yubisashi desktop app (a benchmark, not a test).

Run under an X server (bench/bench_review.sh starts one with xvfb-run). Starts the GUI app
(not --headless) in test mode and measures, against DESIGN.md "Performance targets":

  * start -> port accepting connections                       (target <= 0.5 s)
  * end of DATA -> review window shown, typical mail          (target <= 150 ms)
    (3 recipients, one of them external)
  * end of DATA -> review window shown, 1,000 recipients      (target <= 500 ms)
    in 200 domains
  * idle after start and after the reviews: CPU time over 30 s (utime+stime from
    /proc/PID/stat), context switches of all threads (wakeups), poll calls
    counted by `strace -c -f` (if strace can attach), VmRSS (target <= 60 MB)

Latency is measured from the client side: the clock starts right after the final
".\\r\\n" is sent and stops at the timestamp of the app's log line
"review window shown <id>" (app/Desktop.cpp; same machine clock, millisecond
resolution). That line is written when the review dialog's show() has returned
(dialog built and laid out); mapping and the first paint by the X server follow.
Each review is then ended by closing the client connection: the app withdraws
the review, drops the message and is ready for the next one.
"""

import argparse
import configparser
import datetime
import os
import re
import select
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import base64

CLK_TCK = os.sysconf("SC_CLK_TCK")
SHOWN = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) \S+\s+\S+: review window shown (\S+)")


def percentile(values, p):
    s = sorted(values)
    k = (len(s) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


class Smtp:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""
        self.reply()

    def reply(self):
        lines = []
        while True:
            while b"\r\n" not in self.buf:
                data = self.sock.recv(65536)
                if not data:
                    raise RuntimeError("connection closed; got " + repr(lines))
                self.buf += data
            line, self.buf = self.buf.split(b"\r\n", 1)
            lines.append(line.decode("utf-8", "replace"))
            if len(line) < 4 or line[3:4] != b"-":
                return int(line[:3]), lines

    def cmd(self, text, expect):
        self.sock.sendall(text.encode() + b"\r\n")
        code, lines = self.reply()
        if code != expect:
            raise RuntimeError(f"{text.split()[0]}: expected {expect}, got {lines}")
        return lines

    def close(self):
        self.sock.close()


def message(sender, to, cc, subject):
    body = "お世話になっております。\r\n見積書をお送りします。ご確認ください。\r\n\r\n" * 20
    # Folded: one line of 500 addresses would break the 998-octet limit.
    head = [f"From: Taro Yamada <{sender}>", "To: " + ",\r\n ".join(to)]
    if cc:
        head.append("Cc: " + ",\r\n ".join(cc))
    head += [f"Subject: {subject}", f"Message-ID: <{os.urandom(8).hex()}@example.co.jp>",
             "Date: " + time.strftime("%a, %d %b %Y %H:%M:%S +0900"), "MIME-Version: 1.0",
             "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"]
    return ("\r\n".join(head) + "\r\n\r\n" + body).encode("utf-8")


class App:
    def __init__(self, binary, work, port):
        self.binary, self.work, self.port = binary, work, port
        self.config = os.path.join(work, "yubisashi.ini")
        self.logpath = os.path.join(work, "app.log")
        with open(self.config, "w") as f:
            f.write(f"[general]\ndata_dir={work}/data\n\n[listener]\nport={port}\nrequire_auth=true\n\n"
                    "[policy]\ninternal_domains=example.co.jp\nreview=external\n\n"
                    f"[secrets]\nstore=file\nfile={work}/secrets.ini\n")
        out = subprocess.run([binary, "--config", self.config, "client-setup"], capture_output=True,
                             text=True, check=True).stdout
        m = re.search(r"User name: (\S+)\s+Password: (\S+)", out)
        if not m:
            raise RuntimeError("client-setup printed no user name and password:\n" + out)
        self.user, self.password = m.group(1), m.group(2)
        self.proc = None
        self.logpos = 0

    def start(self):
        self.log = open(self.logpath, "ab")
        t0 = time.monotonic()
        self.proc = subprocess.Popen([self.binary, "--config", self.config], stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"yubisashi exited with {self.proc.returncode}; see {self.logpath}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return time.monotonic() - t0
            except OSError:
                time.sleep(0.002)
                if time.monotonic() - t0 > 30:
                    raise RuntimeError("port not open after 30 s")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc:
            self.log.close()

    def wait_log(self, pattern, timeout, smtp=None):
        """Next log line (after the last one consumed) matching pattern; fails on a reply on smtp."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if smtp and select.select([smtp.sock], [], [], 0)[0]:
                raise RuntimeError(f"the app answered instead of showing a review: {smtp.reply()[1]}")
            with open(self.logpath, "rb") as f:
                f.seek(self.logpos)
                data = f.read()
            nl = data.rfind(b"\n")
            if nl >= 0:
                for line in data[:nl + 1].decode("utf-8", "replace").splitlines(True):
                    self.logpos += len(line.encode("utf-8"))
                    m = pattern.search(line)
                    if m:
                        return m
            if self.proc.poll() is not None:
                raise RuntimeError(f"yubisashi exited with {self.proc.returncode}; see {self.logpath}")
            time.sleep(0.002)
        raise RuntimeError(f"no log line /{pattern.pattern}/ within {timeout} s; see {self.logpath}")

    def skip_log(self):
        self.logpos = os.path.getsize(self.logpath)

    def review_latency(self, sender, to, cc):
        """Sends one message; returns ms from the end of DATA to the review window."""
        s = Smtp(self.port)
        ehlo = s.cmd("EHLO bench.example.co.jp", 250)
        pipelining = any("PIPELINING" in l.upper() for l in ehlo)
        auth = base64.b64encode(f"\0{self.user}\0{self.password}".encode()).decode()
        s.cmd("AUTH PLAIN " + auth, 235)
        s.cmd(f"MAIL FROM:<{sender}> BODY=8BITMIME", 250)
        rcpts = list(to) + list(cc)
        if pipelining:
            s.sock.sendall("".join(f"RCPT TO:<{r}>\r\n" for r in rcpts).encode())
            for r in rcpts:
                code, lines = s.reply()
                if code != 250:
                    raise RuntimeError(f"RCPT {r}: {lines}")
        else:
            for r in rcpts:
                s.cmd(f"RCPT TO:<{r}>", 250)
        s.cmd("DATA", 354)
        data = message(sender, to, cc, "bench review latency")
        s.sock.sendall(data.replace(b"\r\n.", b"\r\n..") + b"\r\n")
        self.skip_log()
        s.sock.sendall(b".\r\n")
        sent = datetime.datetime.now()
        m = self.wait_log(SHOWN, 30, s)
        shown = datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S.%f")
        # Closing the connection withdraws the review: the dialog closes and the next may open.
        s.close()
        self.wait_log(re.compile(re.escape(m.group(2)) + r".*(disconnect|dropped)"), 30)
        time.sleep(0.3)
        return (shown - sent).total_seconds() * 1000

    def pid_stat(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime (fields 14, 15)

    def status(self, key):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
        return 0

    def ctxt_switches(self):
        """Context switches per thread id (voluntary + involuntary)."""
        counts = {}
        for tid in os.listdir(f"/proc/{self.proc.pid}/task"):
            try:
                with open(f"/proc/{self.proc.pid}/task/{tid}/status") as f:
                    counts[tid] = sum(int(l.split()[1]) for l in f if "ctxt_switches" in l)
            except FileNotFoundError:
                pass
        return counts

    def idle(self, seconds, strace_seconds):
        ticks0, ctx0, t0 = self.pid_stat(), self.ctxt_switches(), time.monotonic()
        time.sleep(seconds)
        ticks1, ctx1, t1 = self.pid_stat(), self.ctxt_switches(), time.monotonic()
        result = {
            "seconds": round(t1 - t0, 1),
            "cpu_ms": (ticks1 - ticks0) * 1000 / CLK_TCK,
            # Threads that ended meanwhile are not counted; new ones count from zero.
            "context_switches": sum(n - ctx0.get(tid, 0) for tid, n in ctx1.items()),
            "threads": len(os.listdir(f"/proc/{self.proc.pid}/task")),
            "rss_mb": self.status("VmRSS") / 1024,
            "hwm_mb": self.status("VmHWM") / 1024,
            # Heap and other private memory, and mapped files (libraries, fonts:
            # shared, clean and reclaimable, but counted in VmRSS).
            "anon_mb": self.status("RssAnon") / 1024,
            "file_mb": self.status("RssFile") / 1024,
        }
        result["polls"] = strace_polls(self.proc.pid, strace_seconds) if strace_seconds else None
        result["strace_seconds"] = strace_seconds
        return result


def strace_polls(pid, seconds):
    """poll-type calls of all threads over `seconds` s, or a reason why not counted."""
    if not shutil.which("strace"):
        return "strace not installed"
    out = subprocess.run(["timeout", "-s", "INT", str(seconds), "strace", "-c", "-f", "-p", str(pid)],
                         capture_output=True, text=True).stderr
    if "attached" not in out:
        return "strace could not attach: " + (out.strip().splitlines() or ["no output"])[0]
    # strace prints no table at all when the process made no system call.
    counts = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[-1] == "total":
            counts["all system calls"] = int(parts[3])
        if len(parts) >= 5 and parts[-1] in ("poll", "ppoll", "epoll_wait", "epoll_pwait", "select",
                                              "pselect6", "nanosleep", "clock_nanosleep", "futex"):
            try:
                counts[parts[-1]] = int(parts[3])
            except ValueError:
                pass
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True, help="yubisashi binary (a Release build)")
    ap.add_argument("--runs", type=int, default=10, help="reviews per mail shape (default 10)")
    ap.add_argument("--idle", type=int, default=30, help="seconds of idle CPU measurement (default 30)")
    ap.add_argument("--strace", type=int, default=10, help="seconds of strace -c, 0 = skip (default 10)")
    ap.add_argument("--starts", type=int, default=5, help="cold starts timed to the open port (default 5)")
    ap.add_argument("--port", type=int, default=10735)
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    args = ap.parse_args()
    if not os.environ.get("DISPLAY"):
        sys.exit("no X display: run through bench/bench_review.sh (xvfb-run)")

    parent = os.environ.get("BENCH_TMPDIR", "/var/tmp")
    work = tempfile.mkdtemp(prefix="yubisashi-review-", dir=parent)
    os.chmod(work, 0o700)
    ok = False
    app = None
    try:
        # Start-up: each time with a fresh data folder, as after installation or a reboot.
        starts = []
        for i in range(args.starts):
            w = os.path.join(work, f"start{i}")
            os.mkdir(w, 0o700)
            a = App(args.bin, w, args.port)
            try:
                starts.append(a.start() * 1000)
            finally:
                a.stop()

        w = os.path.join(work, "run")
        os.mkdir(w, 0o700)
        app = App(args.bin, w, args.port)
        app.start()
        time.sleep(3)  # let start-up work settle
        idle_start = app.idle(args.idle, args.strace)

        typical = (["hanako@example.co.jp", "suzuki@partner-trading.co.jp"], ["jiro@example.co.jp"])
        rcpts = [f"user{i}@company{i % 200}.example" for i in range(1000)]
        many = (rcpts[:500], rcpts[500:])
        sender = "taro@example.co.jp"
        first = app.review_latency(sender, *typical)  # the first window after start pays for fonts etc.
        lat_typical = [app.review_latency(sender, *typical) for _ in range(args.runs)]
        lat_many = [app.review_latency(sender, *many) for _ in range(args.runs)]

        time.sleep(3)
        idle_after = app.idle(args.idle, args.strace)
        ok = True
    finally:
        if app:
            app.stop()
        if not ok or args.keep:
            print(f"work folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    def row(label, values, target):
        return (f"| {label} | {statistics.median(values):.0f} | {percentile(values, 90):.0f} | "
                f"{min(values):.0f} | {max(values):.0f} | {len(values)} | {target} |")

    load = open("/proc/loadavg").read().split()[:3]
    print(f"Yubisashi review window and idle benchmark — {time.strftime('%d %b %Y %H:%M')}, "
          f"load average {' '.join(load)}, binary {args.bin}")
    print()
    print("| what (ms) | median | p90 | min | max | n | target |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    print(row("start -> port accepting (fresh data folder)", starts, "<= 500"))
    print(f"| first review window after start, typical mail | {first:.0f} | | | | 1 | <= 150 |")
    print(row("review window, typical mail (3 recipients, 1 external)", lat_typical, "<= 150"))
    print(row("review window, 1,000 recipients in 200 domains", lat_many, "<= 500"))
    print()
    print("| idle | CPU ms | context switches | poll-type calls (strace) | threads | VmRSS MB | of it private (RssAnon) | of it mapped files (RssFile) | VmHWM MB |")
    print("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for label, r in (("after start", idle_start), ("after the reviews", idle_after)):
        polls = r["polls"]
        if isinstance(polls, dict):
            polls = ", ".join(f"{k} {v}" for k, v in sorted(polls.items())) or "no system call"
            polls += f" in {r['strace_seconds']} s"
        print(f"| {label}, {r['seconds']:.0f} s | {r['cpu_ms']:.0f} | {r['context_switches']} | "
              f"{polls or 'not measured'} | {r['threads']} | {r['rss_mb']:.1f} | {r['anon_mb']:.1f} | "
              f"{r['file_mb']:.1f} | {r['hwm_mb']:.1f} |")


if __name__ == "__main__":
    main()
