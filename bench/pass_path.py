#!/usr/bin/python3
"""Pass-path benchmark: throughput and added latency of Yubisashi as an SMTP hop.

Three paths are measured in the same run, against the same smtp-sink:

    direct      smtp-source -> smtp-sink
    postfix     smtp-source -> Postfix (private instance, relayhost = the sink) -> smtp-sink
    yub-review  smtp-source -> Yubisashi (headless, review=external, recipients internal) -> smtp-sink
    yubisashi   smtp-source -> Yubisashi (headless, review=never) -> smtp-sink

yub-review is the path people use: the review policy that asks only for
outside recipients, with every recipient internal, so each message is
analysed, passes, and is recorded in the history and the audit log without a
window. yubisashi (review=never) skips the analysis: the floor of the hop.

Throughput: smtp-source sends MESSAGES messages of SIZE bytes over SESSIONS
parallel sessions; the clock runs from the start of smtp-source until the sink
has counted every message (Postfix answers after queueing and delivers later,
so the time until the client finishes would flatter it). Median of RUNS runs.

Latency: one sequential client on one connection sends LATENCY_MESSAGES
messages and times each one from sending the final "." to the server's reply.
Yubisashi answers only after the upstream accepted the message, so its latency
contains the upstream hop; Postfix answers after queueing. Samples of all runs
are pooled; "added" latency = path - direct.

Targets (DESIGN.md, "Performance targets"): throughput >= Postfix relay,
added p50 latency <= 5 ms. This is a benchmark: it reports numbers and exits 0
whether or not the targets are met; it exits 1 only when it could not measure.

Run it through bench/run-pass-path.sh, which builds the Release binary and
cleans up after a failed run. See docs/BENCHMARKS.md.
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import smtplib
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

FROM = "sender@bench.example"
RCPT = "rcpt@dest.example"
HELO = "bench.example"


class BenchError(Exception):
    pass


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_banner(port, timeout, alive=lambda: True):
    """Returns once a server on port sends an SMTP greeting."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive():
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
                if s.recv(512).startswith(b"220"):
                    s.sendall(b"QUIT\r\n")
                    return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


def pid_alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def stop_process(proc, grace=10):
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class Registry:
    """Every server this run starts, written to WORKDIR/servers as soon as it
    starts, so run-pass-path.sh can stop leftovers if this process is killed."""

    def __init__(self, workdir):
        self.path = os.path.join(workdir, "servers")

    def add(self, line):
        with open(self.path, "a") as f:
            f.write(line + "\n")


class Sink:
    """smtp-sink with its running counter (-c) read on a thread: the counter
    line "sess=N quit=N mesg=N" is rewritten with CR after every message."""

    COUNTER = re.compile(rb"mesg=(\d+)")

    def __init__(self, port, workdir, registry):
        self.port = port
        cmd = ["smtp-sink"]
        if os.geteuid() == 0:
            cmd += ["-u", "nobody"]  # smtp-sink refuses to run as root without it
        cmd += ["-c", f"127.0.0.1:{port}", "1024"]
        self.log = open(os.path.join(workdir, "smtp-sink.log"), "wb")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self.log, stdin=subprocess.DEVNULL)
        registry.add(f"{self.proc.pid} smtp-sink")
        self.count = 0
        self.cond = threading.Condition()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()
        if not wait_for_banner(port, 10, lambda: self.proc.poll() is None):
            raise BenchError(f"smtp-sink did not start on port {port} (see {self.log.name})")
        # The probe connection above is a session, not a message: mesg stays 0.

    def _read(self):
        buf = b""
        while True:
            data = os.read(self.proc.stdout.fileno(), 65536)
            if not data:
                break
            buf += data
            found = self.COUNTER.findall(buf)
            if found:
                with self.cond:
                    self.count = int(found[-1])
                    self.cond.notify_all()
            buf = buf[-64:]  # a counter line may be split between two reads

    def wait_for(self, n, timeout):
        """Monotonic time at which the counter reached n, or None on timeout."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while self.count < n:
                left = deadline - time.monotonic()
                if left <= 0 or self.proc.poll() is not None:
                    return None
                self.cond.wait(min(left, 0.5))
            return time.monotonic()

    def stop(self):
        stop_process(self.proc)
        self.log.close()


class Postfix:
    """A private Postfix instance relaying everything to the sink. Stock settings
    except what a private instance needs: its own queue, loopback only, no TLS,
    no chroot (the queue is in a temporary folder), logging to a file."""

    def __init__(self, port, sink_port, workdir, registry):
        self.port = port
        self.base = os.path.join(workdir, "postfix")
        self.conf = os.path.join(self.base, "conf")
        queue = os.path.join(self.base, "queue")
        data = os.path.join(self.base, "data")
        for d in (self.conf, queue, data):
            os.makedirs(d)
        shutil.chown(data, user="postfix")
        self.maillog = os.path.join(self.base, "maillog")
        with open(os.path.join(self.conf, "main.cf"), "w") as f:
            f.write(f"""compatibility_level = 3.6
queue_directory = {queue}
data_directory = {data}
myhostname = postfix.bench.example
mydestination =
relayhost = [127.0.0.1]:{sink_port}
mynetworks = 127.0.0.0/8
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
smtpd_relay_restrictions = permit_mynetworks, reject
smtp_tls_security_level = none
smtpd_tls_security_level = none
alias_maps =
alias_database =
maillog_file = {self.maillog}
maillog_file_prefixes = {self.base}
""")
        # master.cf: Debian's, with the smtpd on our port and no chroot anywhere.
        out = []
        with open("/etc/postfix/master.cf") as f:
            for line in f:
                fields = line.split()
                if not fields or line[0] in "# \t":
                    out.append(line)
                elif fields[0] == "smtp" and fields[1] == "inet":
                    out.append(f"127.0.0.1:{port} inet n - n - - smtpd\n")
                elif len(fields) >= 8:
                    fields[4] = "n"
                    out.append(" ".join(fields) + "\n")
                else:
                    out.append(line)
        with open(os.path.join(self.conf, "master.cf"), "w") as f:
            f.writelines(out)
        self.pidfile = os.path.join(queue, "pid", "master.pid")
        registry.add(f"0 postfix {self.conf}")
        # "check" creates the queue sub-folders with their owners; without them
        # (and without a queue_directory that exists) "start" fails silently.
        self._postfix("check")
        self._postfix("start")
        self.master = None
        for _ in range(100):
            if os.path.exists(self.pidfile):
                with open(self.pidfile) as f:
                    text = f.read().strip()
                if text:
                    self.master = int(text)
                    break
            time.sleep(0.1)
        if not wait_for_banner(port, 20):
            raise BenchError(f"Postfix did not start on port {port}; its log: {self.maillog}")

    def _postfix(self, command):
        r = subprocess.run(["postfix", "-c", self.conf, command], capture_output=True, text=True)
        if r.returncode != 0:
            log = open(self.maillog).read()[-2000:] if os.path.exists(self.maillog) else ""
            raise BenchError(f"postfix {command} failed: {r.stderr.strip()}\n{log}")

    def stop(self):
        subprocess.run(["postfix", "-c", self.conf, "stop"], capture_output=True)
        if self.master:
            for _ in range(100):
                if not pid_alive(self.master):
                    return
                time.sleep(0.1)
            os.kill(self.master, signal.SIGKILL)


class Yubisashi:
    def __init__(self, binary, port, sink_port, workdir, registry, extra_env=None, review="never",
                 name="yubisashi"):
        self.port = port
        base = os.path.join(workdir, name)
        os.makedirs(base)
        self.config = os.path.join(base, "yubisashi.ini")
        with open(self.config, "w") as f:
            f.write(f"""[general]
data_dir={base}/data

[listener]
port={port}
require_auth=false
max_sessions=64

[account.bench]
host=127.0.0.1
port={sink_port}
security=none
auth=none

[policy]
review={review}
internal_domains=dest.example, bench.example

[delivery]
client_wait_seconds=45

[secrets]
store=file
file={base}/secrets.ini
""")
        self.logpath = os.path.join(base, "yubisashi.log")
        self.log = open(self.logpath, "wb")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        env.update(extra_env or {})
        self.proc = subprocess.Popen([binary, "--headless", "--config", self.config], stdout=self.log,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
        registry.add(f"{self.proc.pid} yubisashi")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise BenchError(f"Yubisashi exited with {self.proc.returncode}: {self._tail()}")
            with open(self.logpath, "rb") as f:
                if b"listening on" in f.read():
                    break
            time.sleep(0.05)
        else:
            raise BenchError(f"Yubisashi did not report 'listening on' within 30 s: {self._tail()}")

    def _tail(self):
        with open(self.logpath, "rb") as f:
            return f.read()[-2000:].decode(errors="replace")

    def cpu_seconds(self):
        """User + system CPU time of the process so far."""
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_rss_mb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return 0.0

    def stop(self):
        stop_process(self.proc)
        self.log.close()


def make_message(i, size):
    """A message like smtp-source's: a few headers and SIZE bytes of body in
    78-character lines (no line starts with '.', so no dot-stuffing)."""
    head = (f"From: <{FROM}>\r\nTo: <{RCPT}>\r\nSubject: latency {i}\r\n"
            f"Message-ID: <latency-{i}-{os.getpid()}@bench.example>\r\n"
            f"Date: {time.strftime('%a, %d %b %Y %H:%M:%S +0000', time.gmtime())}\r\n\r\n").encode()
    line = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdef\r\n"
    full, rest = divmod(size, len(line))
    return head + line * full + (b"y" * (rest - 2) + b"\r\n" if rest > 2 else b"")


def run_throughput(port, sink, messages, sessions, size, reuse, timeout):
    """Messages per second from the start of smtp-source until the sink has
    all of them; also the client-side rate (until smtp-source finished)."""
    base = sink.count
    cmd = ["smtp-source", "-m", str(messages), "-s", str(sessions), "-l", str(size), "-f", FROM, "-t", RCPT,
           "-M", HELO]
    if reuse:
        cmd.append("-d")
    cmd.append(f"127.0.0.1:{port}")
    start = time.monotonic()
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    client_done = time.monotonic()
    if r.returncode != 0:
        raise BenchError(f"smtp-source to port {port} failed ({r.returncode}): {r.stderr.strip()[-500:]}")
    done = sink.wait_for(base + messages, timeout - (client_done - start))
    if done is None:
        raise BenchError(f"only {sink.count - base} of {messages} messages reached the sink within {timeout} s")
    return messages / (done - start), messages / (client_done - start)


def run_latency(port, sink, messages, size, warmup, timeout):
    """Per-message seconds from the final '.' to the reply, one connection."""
    base = sink.count
    samples = []
    smtp = smtplib.SMTP("127.0.0.1", port, local_hostname=HELO, timeout=timeout)
    try:
        # Without TCP_NODELAY the short final ".\r\n" waits for the ACK of the body
        # (Nagle against delayed ACK, ~40 ms): that would be measured instead of the server.
        smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        smtp.ehlo()
        for i in range(warmup + messages):
            data = make_message(i, size)
            code, text = smtp.mail(FROM)
            if code != 250:
                raise BenchError(f"MAIL FROM on port {port}: {code} {text!r}")
            code, text = smtp.rcpt(RCPT)
            if code not in (250, 251):
                raise BenchError(f"RCPT TO on port {port}: {code} {text!r}")
            code, text = smtp.docmd("DATA")
            if code != 354:
                raise BenchError(f"DATA on port {port}: {code} {text!r}")
            smtp.send(data)
            t0 = time.perf_counter()
            smtp.send(b".\r\n")
            code, text = smtp.getreply()
            t1 = time.perf_counter()
            if code != 250:
                raise BenchError(f"end of DATA on port {port}: {code} {text!r}")
            if i >= warmup:
                samples.append(t1 - t0)
        smtp.quit()
    finally:
        smtp.close()
    # Let Postfix finish delivering before the next measurement starts.
    if sink.wait_for(base + warmup + messages, timeout) is None:
        raise BenchError(f"latency run on port {port}: not every message reached the sink")
    return samples


def percentile(samples, p):
    """Nearest-rank percentile."""
    s = sorted(samples)
    k = max(0, min(len(s) - 1, int(round(p / 100 * len(s) + 0.5)) - 1))
    return s[k]


def machine():
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) // 1024
    return {"cpus": os.cpu_count(), "cpu_model": model, "memory_mb": mem, "kernel": platform.release()}


def fsync_probe(folder, count=50):
    """Median ms of one durable small-file write in folder (write 10 KB, fsync,
    rename, fsync the folder): what the disk charges a spool or queue write
    right now. On a shared machine it moves a lot, and so do the results."""
    times = []
    data = b"x" * 10240
    for i in range(count):
        tmp = os.path.join(folder, f"probe-{i}.tmp")
        t0 = time.perf_counter()
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.write(fd, data)
        os.fsync(fd)
        os.close(fd)
        os.rename(tmp, tmp[:-4])
        dfd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        os.fsync(dfd)
        os.close(dfd)
        times.append(time.perf_counter() - t0)
        os.unlink(tmp[:-4])
    return statistics.median(times) * 1000


def postfix_version():
    r = subprocess.run(["postconf", "-d", "-h", "mail_version"], capture_output=True, text=True)
    return r.stdout.strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--yubisashi", required=True, help="the yubisashi binary (a Release build)")
    ap.add_argument("--workdir", help="empty folder for configs, queues and logs (default: a new temporary one)")
    ap.add_argument("--messages", type=int, default=2000, help="messages per throughput run (default 2000)")
    ap.add_argument("--sessions", type=int, default=10, help="parallel smtp-source sessions (default 10)")
    ap.add_argument("--size", type=int, default=10240, help="message body bytes (default 10240)")
    ap.add_argument("--runs", type=int, default=3, help="repetitions; the median is reported (default 3)")
    ap.add_argument("--warmup", type=int, default=200, help="warm-up messages per path before the runs (default 200)")
    ap.add_argument("--latency-messages", type=int, default=200, help="sequential messages per latency run (default 200)")
    ap.add_argument("--reuse", action="store_true",
                    help="smtp-source sends all its messages over one connection per session (-d) instead of one "
                         "connection per message")
    ap.add_argument("--only", default="direct,postfix,yub-review,yubisashi",
                    help="comma list of paths to measure (direct, postfix, yub-review, yubisashi)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds allowed for one measurement (default 600)")
    ap.add_argument("--perf", metavar="FILE",
                    help="record `perf record -g` of Yubisashi during one extra throughput run into FILE")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    ap.add_argument("--keep", action="store_true", help="keep the work folder (configs, queues, logs)")
    args = ap.parse_args()

    paths = [p for p in args.only.split(",") if p]
    for p in paths:
        if p not in ("direct", "postfix", "yub-review", "yubisashi"):
            ap.error(f"unknown path {p!r}")
    for tool in ("smtp-sink", "smtp-source") + (("postfix",) if "postfix" in paths else ()):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} not found: install postfix (scripts/deps.sh --test)")
    if ("yubisashi" in paths or "yub-review" in paths) and not os.access(args.yubisashi, os.X_OK):
        raise SystemExit(f"no yubisashi binary at {args.yubisashi}")

    own_workdir = args.workdir is None
    workdir = args.workdir or tempfile.mkdtemp(prefix="yubisashi-pass-path.", dir="/var/tmp")
    os.makedirs(workdir, exist_ok=True)
    os.chmod(workdir, 0o755)  # Postfix's daemons run as user postfix and must reach their queue
    registry = Registry(workdir)
    fs = subprocess.run(["findmnt", "-n", "-o", "FSTYPE", "-T", workdir], capture_output=True,
                        text=True).stdout.strip() or "unknown file system"
    if fs in ("tmpfs", "ramfs"):
        print(f"pass_path: warning: {workdir} is on {fs}: fsync costs nothing there, so Yubisashi's spool and "
              "Postfix's queue look faster than on a disk", file=sys.stderr)

    # SIGTERM and SIGHUP take the same way out as Ctrl-C: through the finally below.
    # Ctrl-C also reaches the servers (same process group), so a measurement may
    # fail before the KeyboardInterrupt arrives: the flag tells the two apart.
    signals = []

    def interrupted(signum, _frame):
        signals.append(signum)
        raise KeyboardInterrupt(signal.Signals(signum).name)
    for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, interrupted)

    servers = []
    results = {p: {"throughput": [], "client_rate": [], "latency": []} for p in paths}
    load_before = os.getloadavg()
    fsync_before = fsync_probe(workdir)
    started = time.time()
    yubs = {}  # path -> its Yubisashi
    status = 0
    try:
        sink_port = free_port()
        sink = Sink(sink_port, workdir, registry)
        servers.append(sink)
        ports = {"direct": sink_port}
        if "postfix" in paths:
            pf = Postfix(free_port(), sink_port, workdir, registry)
            servers.append(pf)
            ports["postfix"] = pf.port
        for p, review in (("yub-review", "external"), ("yubisashi", "never")):
            if p in paths:
                yubs[p] = Yubisashi(args.yubisashi, free_port(), sink_port, workdir, registry, review=review,
                                    name=p)
                servers.append(yubs[p])
                ports[p] = yubs[p].port

        print(f"ports: sink {sink_port}, " + ", ".join(f"{p} {ports[p]}" for p in paths if p != "direct"),
              file=sys.stderr)
        for p in paths:
            if args.warmup:
                print(f"warm-up: {p}", file=sys.stderr)
                run_throughput(ports[p], sink, args.warmup, args.sessions, args.size, args.reuse, args.timeout)
        cpu = {p: {"seconds": 0.0, "messages": 0} for p in yubs}
        for run in range(args.runs):
            order = paths[run % len(paths):] + paths[:run % len(paths)]  # rotate: load drift hits every path
            for p in order:
                if p in yubs:
                    c0 = yubs[p].cpu_seconds()
                rate, client_rate = run_throughput(ports[p], sink, args.messages, args.sessions, args.size,
                                                   args.reuse, args.timeout)
                if p in yubs:
                    cpu[p]["seconds"] += yubs[p].cpu_seconds() - c0
                    cpu[p]["messages"] += args.messages
                results[p]["throughput"].append(rate)
                results[p]["client_rate"].append(client_rate)
                print(f"run {run + 1}/{args.runs} {p:9s} throughput {rate:8.1f} msg/s "
                      f"(client done at {client_rate:8.1f} msg/s)", file=sys.stderr)
            for p in order:
                samples = run_latency(ports[p], sink, args.latency_messages, args.size,
                                      10 if run == 0 else 0, args.timeout)
                results[p]["latency"].extend(samples)
                print(f"run {run + 1}/{args.runs} {p:9s} latency p50 {percentile(samples, 50) * 1000:7.2f} ms "
                      f"p99 {percentile(samples, 99) * 1000:7.2f} ms", file=sys.stderr)

        if args.perf and yubs:
            profiled = "yub-review" if "yub-review" in yubs else "yubisashi"
            print(f"perf record of Yubisashi ({profiled}) during one more throughput run -> {args.perf}",
                  file=sys.stderr)
            perf = subprocess.Popen(["perf", "record", "-g", "-o", os.path.abspath(args.perf), "-p",
                                     str(yubs[profiled].proc.pid)], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            try:
                time.sleep(0.5)
                run_throughput(ports[profiled], sink, args.messages, args.sessions, args.size, args.reuse,
                               args.timeout)
            finally:
                perf.send_signal(signal.SIGINT)
                perf.wait(60)

        report = {
            "machine": machine(),
            "load_average_before": load_before,
            "load_average_after": os.getloadavg(),
            "durable_write_ms": [fsync_before, fsync_probe(workdir)],
            "postfix_version": postfix_version(),
            "workdir_filesystem": fs,
            "yubisashi": os.path.abspath(args.yubisashi) if yubs else None,
            "parameters": {"messages": args.messages, "sessions": args.sessions, "size": args.size,
                           "runs": args.runs, "latency_messages": args.latency_messages,
                           "connection": "reused per session" if args.reuse else "one per message"},
            "seconds": round(time.time() - started, 1),
            "paths": {},
        }
        for p in paths:
            lat = results[p]["latency"]
            report["paths"][p] = {
                "throughput_msg_s": statistics.median(results[p]["throughput"]),
                "throughput_runs": results[p]["throughput"],
                "client_rate_msg_s": statistics.median(results[p]["client_rate"]),
                "latency_ms": {"p50": percentile(lat, 50) * 1000, "p90": percentile(lat, 90) * 1000,
                               "p99": percentile(lat, 99) * 1000, "mean": statistics.mean(lat) * 1000,
                               "samples": len(lat)},
            }
        if yubs:
            report["yubisashi_process"] = {
                p: {"cpu_ms_per_message": 1000 * cpu[p]["seconds"] / max(1, cpu[p]["messages"]),
                    "peak_rss_mb": y.peak_rss_mb()}
                for p, y in yubs.items()
            }
        print_report(report)
        if args.json:
            with open(args.json, "w") as f:
                json.dump(report, f, indent=2)
    except BenchError as e:
        if signals:
            status = 130
        else:
            print(f"pass_path: {e}", file=sys.stderr)
            status = 1
    except KeyboardInterrupt:
        status = 130
    finally:
        if status == 130:
            print("pass_path: interrupted; stopping the servers", file=sys.stderr)
        # Ignore further Ctrl-C while the servers are being stopped.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        for s in reversed(servers):
            try:
                s.stop()
            except Exception as e:  # keep stopping the others
                print(f"pass_path: stopping {type(s).__name__}: {e}", file=sys.stderr)
        if own_workdir:  # else the caller (run-pass-path.sh) decides
            if args.keep or status == 1:
                print(f"work folder kept: {workdir}", file=sys.stderr)
            else:
                shutil.rmtree(workdir, ignore_errors=True)
    return status


def print_report(r):
    m = r["machine"]
    par = r["parameters"]
    print(f"Pass-path benchmark: {par['messages']} messages x {par['size']} bytes over {par['sessions']} sessions "
          f"({par['connection']}), median of {par['runs']} runs; latency: {par['latency_messages']} sequential "
          f"messages per run, one connection, samples of all runs pooled.")
    print(f"Machine: {m['cpus']} CPUs ({m['cpu_model']}), {m['memory_mb']} MB, Linux {m['kernel']}; "
          f"load average before {' '.join(f'{x:.2f}' for x in r['load_average_before'])}, "
          f"after {' '.join(f'{x:.2f}' for x in r['load_average_after'])}; Postfix {r['postfix_version']}; "
          f"queues on {r['workdir_filesystem']}; {r['seconds']} s.")
    print(f"One durable 10 KB write (write, fsync, rename, fsync folder) in the work folder: median "
          f"{r['durable_write_ms'][0]:.2f} ms before, {r['durable_write_ms'][1]:.2f} ms after.")
    print()
    print(f"{'path':10s} {'msg/s (median)':>14s} {'runs':>24s} {'client done':>12s} "
          f"{'p50 ms':>8s} {'p90 ms':>8s} {'p99 ms':>8s}")
    for p, v in r["paths"].items():
        runs = " ".join(f"{x:.0f}" for x in v["throughput_runs"])
        lat = v["latency_ms"]
        print(f"{p:10s} {v['throughput_msg_s']:14.1f} {runs:>24s} {v['client_rate_msg_s']:12.1f} "
              f"{lat['p50']:8.2f} {lat['p90']:8.2f} {lat['p99']:8.2f}")
    print()
    paths = r["paths"]
    for p in ("yub-review", "yubisashi"):
        if p in paths and "postfix" in paths:
            ratio = paths[p]["throughput_msg_s"] / paths["postfix"]["throughput_msg_s"]
            print(f"throughput {p} / Postfix relay: {ratio:.2f}  (target >= 1.0: "
                  f"{'met' if ratio >= 1.0 else 'MISSED'})")
    if "direct" in paths:
        d = paths["direct"]["latency_ms"]
        for p in ("yub-review", "yubisashi", "postfix"):
            if p in paths:
                lat = paths[p]["latency_ms"]
                added50, added99 = lat["p50"] - d["p50"], lat["p99"] - d["p99"]
                target = ""
                if p != "postfix":
                    target = (f"  (targets p50 <= 2 ms: {'met' if added50 <= 2.0 else 'MISSED'}, "
                              f"p99 <= 10 ms: {'met' if added99 <= 10.0 else 'MISSED'})")
                print(f"added latency {p:10s} vs direct: p50 {added50:+.2f} ms, p99 {added99:+.2f} ms{target}")
    for p, y in r.get("yubisashi_process", {}).items():
        print(f"Yubisashi process ({p}): {y['cpu_ms_per_message']:.2f} ms CPU per message (throughput runs), "
              f"peak RSS {y['peak_rss_mb']:.1f} MB")


if __name__ == "__main__":
    sys.exit(main())
