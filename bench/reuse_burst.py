#!/usr/bin/python3
"""Burst benchmark through a distant upstream: upstream connection reuse.

A burst of MESSAGES small messages from smtp-source (SESSIONS parallel
sessions) goes through a hop to tests/tools/upstream.py, which plays a
submission server far away: it waits --delay-command ms before every reply and
--delay-tls ms before each TLS handshake, and requires STARTTLS and AUTH PLAIN.
The clock runs from the start of smtp-source until the upstream has accepted
every message. Paths, in the same run:

    yubisashi-new   Yubisashi, [delivery] upstream_connections=CONNECTIONS (kept-open connections)
    yubisashi-off   Yubisashi, upstream_connections=0 (a new connection per message, as before reuse)
    postfix         a private Postfix relay (stock settings; relayhost = the upstream, TLS
                    required, SASL PLAIN, smtp_destination_concurrency_limit=CONNECTIONS so
                    both keep to the same per-mailbox connection limit). Stock Postfix does
                    not reuse TLS connections (smtp_tls_connection_reuse=no).
    postfix-reuse   the same with smtp_tls_connection_reuse=yes (through tlsproxy)

Target (DESIGN.md, "Performance targets"): yubisashi-new <= 1.2x postfix.
A benchmark: prints numbers, exits 0 whatever they are; 1 only when it could
not measure. Run it through bench/run-reuse.sh.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pass_path import (FROM, HELO, RCPT, BenchError, Postfix, Registry, free_port,  # noqa: E402
                       stop_process, wait_for_banner)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(ROOT, "tests", "tools")
USER = "bench@bench.example"
PASSWORD = "bench-password"


class DelayedUpstream:
    ACCEPTED = re.compile(rb" accepted \d+: ")

    def __init__(self, workdir, pki, delay_command, delay_tls, registry):
        self.port = free_port()
        self.dir = os.path.join(workdir, "upstream")
        os.makedirs(self.dir)
        self.logpath = os.path.join(self.dir, "upstream.log")
        self.log = open(self.logpath, "wb")
        ready = os.path.join(self.dir, "ready")
        self.proc = subprocess.Popen(
            ["/usr/bin/python3", os.path.join(TOOLS, "upstream.py"), "--port", str(self.port), "--mode",
             "starttls", "--cert", os.path.join(pki, "server.pem"), "--key", os.path.join(pki, "server.key"),
             "--auth", f"{USER}:{PASSWORD}", "--ready-file", ready, "--delay-command", str(delay_command),
             "--delay-tls", str(delay_tls)],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        registry.add(f"{self.proc.pid} upstream.py")
        deadline = time.monotonic() + 20
        while not os.path.exists(ready):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise BenchError(f"upstream.py did not start (see {self.logpath})")
            time.sleep(0.05)

    def text(self):
        with open(self.logpath, "rb") as f:
            return f.read()

    def accepted(self):
        return len(self.ACCEPTED.findall(self.text()))

    def connections(self):
        return self.text().count(b"connection: mode")

    def wait_for(self, n, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.accepted() >= n:
                return time.monotonic()
            time.sleep(0.02)
        return None

    def stop(self):
        stop_process(self.proc)
        self.log.close()


class Yubisashi:
    def __init__(self, binary, name, workdir, upstream, pki, connections, registry):
        self.port = free_port()
        base = os.path.join(workdir, name)
        os.makedirs(base)
        config = os.path.join(base, "yubisashi.ini")
        secrets = os.path.join(base, "secrets.ini")
        with open(secrets, "w") as f:
            f.write(f"[bench]\npassword={PASSWORD}\n")
        os.chmod(secrets, 0o600)
        with open(config, "w") as f:
            f.write(f"""[general]
data_dir={base}/data

[listener]
port={self.port}
require_auth=false
max_sessions=64

[account.bench]
host=127.0.0.1
port={upstream.port}
security=starttls
auth=plain
user={USER}
ca_file={pki}/ca.pem

[policy]
review=never

[delivery]
client_wait_seconds=600
upstream_connections={connections}

[secrets]
store=file
file={secrets}
""")
        self.logpath = os.path.join(base, "yubisashi.log")
        self.log = open(self.logpath, "wb")
        self.proc = subprocess.Popen([binary, "--headless", "--config", config], stdout=self.log,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        registry.add(f"{self.proc.pid} yubisashi")
        if not wait_for_banner(self.port, 30, lambda: self.proc.poll() is None):
            raise BenchError(f"Yubisashi did not start (see {self.logpath})")

    def stop(self):
        stop_process(self.proc)
        self.log.close()


def postfix_to_upstream(workdir, upstream, pki, connections, registry, tls_reuse=False):
    """pass_path's private Postfix, relaying to the delayed upstream with TLS and SASL."""
    port = free_port()
    pf = Postfix(port, upstream.port, workdir, registry)
    settings = {
        "smtp_tls_security_level": "encrypt",
        "smtp_tls_CAfile": os.path.join(pki, "ca.pem"),
        "smtp_sasl_auth_enable": "yes",
        "smtp_sasl_password_maps": f"inline:{{ [127.0.0.1]:{upstream.port}={USER}:{PASSWORD} }}",
        "smtp_sasl_security_options": "noanonymous",
        "smtp_sasl_tls_security_options": "noanonymous",
        "smtp_destination_concurrency_limit": str(connections),
    }
    if tls_reuse:
        settings["smtp_tls_connection_reuse"] = "yes"
        # Debian ships the tlsproxy service commented out.
        with open(os.path.join(pf.conf, "master.cf"), "a") as f:
            f.write("tlsproxy unix - - n - 0 tlsproxy\n")
    for key, value in settings.items():
        subprocess.run(["postconf", "-c", pf.conf, "-e", f"{key}={value}"], check=True, capture_output=True)
    subprocess.run(["postfix", "-c", pf.conf, "reload"], check=True, capture_output=True)
    # Show in the log what it ran with.
    print(f"postfix: {' '.join(f'{k}={v}' for k, v in settings.items() if k.startswith('smtp_tls_conn'))}",
          file=sys.stderr)
    time.sleep(1)
    return pf


def burst(port, upstream, messages, sessions, size, timeout):
    base = upstream.accepted()
    conns = upstream.connections()
    cmd = ["smtp-source", "-m", str(messages), "-s", str(sessions), "-l", str(size), "-f", FROM, "-t", RCPT,
           "-M", HELO, f"127.0.0.1:{port}"]
    start = time.monotonic()
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        raise BenchError(f"smtp-source to port {port} failed ({r.returncode}): {r.stderr.strip()[-500:]}")
    done = upstream.wait_for(base + messages, timeout - (time.monotonic() - start))
    if done is None:
        raise BenchError(f"only {upstream.accepted() - base} of {messages} reached the upstream in {timeout} s")
    return done - start, upstream.connections() - conns


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--yubisashi", required=True)
    p.add_argument("--workdir", required=True)
    p.add_argument("--messages", type=int, default=300)
    p.add_argument("--sessions", type=int, default=10)
    p.add_argument("--size", type=int, default=2000)
    p.add_argument("--connections", type=int, default=3, help="per-account connection limit (both hops)")
    p.add_argument("--delay-command", type=float, default=100)
    p.add_argument("--delay-tls", type=float, default=300)
    p.add_argument("--runs", type=int, default=1)
    p.add_argument("--paths", default="yubisashi-new,postfix,yubisashi-off")
    p.add_argument("--timeout", type=float, default=1800)
    p.add_argument("--json")
    p.add_argument("--keep", action="store_true", help="(run-reuse.sh) keep the work folder")
    a = p.parse_args()

    os.chmod(a.workdir, 0o755)  # Postfix's daemons run as user postfix and must reach their queue
    registry = Registry(a.workdir)
    pki = os.path.join(a.workdir, "pki")
    subprocess.run(["bash", os.path.join(TOOLS, "pki.sh"), pki], check=True, capture_output=True)
    upstream = DelayedUpstream(a.workdir, pki, a.delay_command, a.delay_tls, registry)
    results = {}
    try:
        for path in a.paths.split(","):
            times, conns = [], []
            for run in range(a.runs):
                name = f"{path}-{run}"
                if path in ("postfix", "postfix-reuse"):
                    os.makedirs(os.path.join(a.workdir, name))
                    hop = postfix_to_upstream(os.path.join(a.workdir, name), upstream, pki, a.connections,
                                              registry, tls_reuse=path == "postfix-reuse")
                else:
                    hop = Yubisashi(a.yubisashi, name, a.workdir, upstream, pki,
                                    a.connections if path == "yubisashi-new" else 0, registry)
                try:
                    seconds, used = burst(hop.port, upstream, a.messages, a.sessions, a.size, a.timeout)
                finally:
                    hop.stop()
                times.append(seconds)
                conns.append(used)
                print(f"{path:14s} run {run + 1}: {seconds:7.2f} s for {a.messages} messages, "
                      f"{used} upstream connections", flush=True)
            results[path] = {"seconds": statistics.median(times), "connections": statistics.median(conns),
                             "runs": times}
    except BenchError as e:
        print(f"reuse_burst: {e}", file=sys.stderr)
        return 1
    finally:
        upstream.stop()
    print()
    print(f"burst of {a.messages} x {a.size} B over {a.sessions} sessions; upstream {a.delay_command:g} ms "
          f"per reply, {a.delay_tls:g} ms per TLS handshake; {a.connections} connections per account")
    for path, r in results.items():
        ratio = ""
        if "postfix" in results and path != "postfix":
            ratio = f"  ({r['seconds'] / results['postfix']['seconds']:.2f}x Postfix)"
        print(f"  {path:14s} {r['seconds']:8.2f} s  {r['connections']:5g} connections{ratio}")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"params": vars(a), "results": results}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
