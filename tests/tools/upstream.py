#!/usr/bin/python3
"""A real SMTP submission server for Yubisashi's tests, built on aiosmtpd.

It plays the upstream (Microsoft 365, Google, a provider's submission port):
STARTTLS, implicit TLS or plain; AUTH PLAIN, LOGIN and XOAUTH2; SIZE,
8BITMIME, SMTPUTF8, PIPELINING and ENHANCEDSTATUSCODES; and faults injected on
request. Every accepted message is saved in --maildir as NNNNNN.eml (the bytes
received, dot-unstuffed, CRLF kept) and NNNNNN.json (the envelope), the .json
last, so a reader that sees the .json sees the whole message.

Faults (--fault SPEC, repeatable; or one SPEC per line in CONTROL_DIR/faults,
which, when it exists, replaces the command-line faults and is re-read before
each connection):
  greeting-421              answer the connection with 421 and close it
  rcpt-451:ADDR             refuse RCPT TO:<ADDR> with 451 4.3.0
  rcpt-452:ADDR             refuse RCPT TO:<ADDR> with 452 4.5.3
  rcpt-550:ADDR             refuse RCPT TO:<ADDR> with 550 5.1.1
  data-451 | data-552 | data-554
                            refuse the message after its final "."
  data-disconnect           drop the connection after the final ".", before answering
  no-starttls               in starttls mode, do not offer STARTTLS (AUTH is then offered in plain,
                            so a client that carries on without TLS is caught)
  slow-data:SECONDS         save the message, then wait SECONDS before answering 250
  ehlo-502                  refuse EHLO (an old server: the client must fall back to HELO)
  starttls-inject           answer STARTTLS with 220 plus a second, plain-text reply in the same
                            packet (the CVE-2011-0411 attack) and then stall
  mail-421:N                answer the N-th MAIL FROM on a connection with 421 and close the connection
                            (a server that ends a kept-open connection between messages)
  mail-530:N                answer the N-th MAIL FROM on a connection with 530 5.7.0 (the sign-in of a
                            kept-open connection is no longer accepted, e.g. its token expired)

With --xoauth2-validate, a connection signed in with XOAUTH2 has its token
checked again at each later MAIL FROM; one that is no longer valid (revoked,
expired) gets 530 5.7.0.

The faults that concern one transaction (mail-*, rcpt-*, data-*, slow-data) are re-read from
CONTROL_DIR/faults at each MAIL FROM too, so they also reach a connection that
the client keeps open between messages.

--delay-command MS waits MS milliseconds before every reply, and --delay-tls MS
that long before each TLS handshake (STARTTLS or implicit TLS): a server far
away on the internet, for bench/run-reuse.sh.

The log goes to stderr, one line per event. SIGTERM and SIGINT stop the server
cleanly (exit status 0).
"""

import argparse
import asyncio
import base64
import binascii
import json
import logging
import os
import signal
import ssl
import sys
import warnings
import weakref

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

log = logging.getLogger("upstream")

DEFAULT_SIZE = 100 * 1024 * 1024
RCPT_FAULTS = {
    "451": "451 4.3.0 Temporary failure for <{addr}>, try again later",
    "452": "452 4.5.3 Too many recipients or mailbox over quota for <{addr}>",
    "550": "550 5.1.1 <{addr}>: Recipient address rejected: User unknown",
}
DATA_FAULTS = {
    "451": "451 4.3.0 Temporary local problem, please try again later",
    "552": "552 5.3.4 Message size exceeds the limit of this mailbox",
    "554": "554 5.7.1 Message rejected: looks like spam to the test upstream",
}


class FaultError(ValueError):
    pass


class Faults:
    """The faults that apply to one connection."""

    def __init__(self, specs=()):
        self.specs = []
        self.greeting_421 = False
        self.rcpt = {}  # lower-case address -> code
        self.data = None  # "451" | "552" | "554" | "disconnect"
        self.no_starttls = False
        self.slow_data = 0.0
        self.ehlo_502 = False
        self.starttls_inject = False
        self.mail = {}  # N -> "421" | "530"
        for spec in specs:
            self.add(spec)

    def add(self, spec):
        spec = spec.strip()
        if not spec or spec.startswith("#"):
            return
        name, _, arg = spec.partition(":")
        if name == "greeting-421" and not arg:
            self.greeting_421 = True
        elif name.startswith("rcpt-") and name[5:] in RCPT_FAULTS and arg:
            self.rcpt[arg.lower()] = name[5:]
        elif name.startswith("data-") and (name[5:] in DATA_FAULTS or name[5:] == "disconnect") and not arg:
            self.data = name[5:]
        elif name == "no-starttls" and not arg:
            self.no_starttls = True
        elif name == "ehlo-502" and not arg:
            self.ehlo_502 = True
        elif name == "starttls-inject" and not arg:
            self.starttls_inject = True
        elif name in ("mail-421", "mail-530") and arg.isdigit() and int(arg) >= 1:
            self.mail[int(arg)] = name[5:]
        elif name == "slow-data":
            try:
                self.slow_data = float(arg)
            except ValueError:
                raise FaultError(f"slow-data needs a number of seconds: {spec!r}") from None
        else:
            raise FaultError(f"unknown fault {spec!r}")
        self.specs.append(spec)

    def __str__(self):
        return ",".join(self.specs) or "none"

    def take_transaction_faults(self, other):
        """The per-transaction faults of other (re-read at MAIL FROM) replace ours."""
        self.rcpt = other.rcpt
        self.data = other.data
        self.slow_data = other.slow_data
        self.mail = other.mail


class Maildir:
    """NNNNNN.eml + NNNNNN.json, each written to a temporary name and renamed."""

    def __init__(self, path):
        self.path = path
        self.next = 1
        if path:
            os.makedirs(path, exist_ok=True)
            for name in os.listdir(path):
                stem, ext = os.path.splitext(name)
                if ext in (".eml", ".json") and stem.isdigit():
                    self.next = max(self.next, int(stem) + 1)

    def save(self, content, meta):
        if not self.path:
            n, self.next = self.next, self.next + 1
            return f"{n:06d}"
        while True:
            stem = f"{self.next:06d}"
            self.next += 1
            eml = os.path.join(self.path, stem + ".eml")
            if not os.path.exists(eml) and not os.path.exists(os.path.join(self.path, stem + ".json")):
                break
        self._write(eml, content)
        self._write(os.path.join(self.path, stem + ".json"),
                    json.dumps(meta, indent=1, sort_keys=True).encode("ascii"))
        return stem

    @staticmethod
    def _write(path, data):
        tmp = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)


class Handler:
    """aiosmtpd hooks for one connection."""

    def __init__(self, options, faults, maildir, tokens):
        self.options = options
        self.faults = faults
        self.maildir = maildir
        self.tokens = tokens
        self.mails = 0  # MAIL FROM commands on this connection
        self.xoauth2 = None  # (user, token) this connection signed in with

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        if self.faults.ehlo_502:
            log.info("%r fault ehlo-502", session.peer)
            return ["502 5.5.1 EHLO not supported, use HELO"]
        # With the 5-argument hook, setting host_name is ours to do.
        session.host_name = hostname
        out = []
        for line in responses[:-1]:  # the last one is "250 HELP"
            keyword = line[4:].strip().split(" ", 1)[0].upper()
            if keyword == "8BITMIME" and self.options.no_8bitmime:
                continue
            if keyword == "AUTH" and line[4:].strip().upper() == "AUTH":
                continue  # no mechanism left: do not advertise AUTH at all
            out.append(line)
        if not self.options.no_pipelining:
            out.append("250-PIPELINING")
        out.append("250-ENHANCEDSTATUSCODES")
        out.append("250 HELP")
        return out

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        self.mails += 1
        if self.options.control_dir:
            self.faults.take_transaction_faults(read_faults(self.options))
        fault = self.faults.mail.get(self.mails)
        if fault == "421":
            log.info("%r fault mail-421 on MAIL FROM number %d: closing", session.peer, self.mails)
            server.close_after_reply = True
            return "421 4.4.2 upstream.test closing the connection"
        if fault == "530":
            log.info("%r fault mail-530 on MAIL FROM number %d", session.peer, self.mails)
            return "530 5.7.0 Authentication required"
        # Like a server that checks the bearer token of a signed-in session at
        # each transaction: a token revoked or expired since AUTH is refused.
        if self.xoauth2 and self.mails > 1 and self.tokens.get(self.xoauth2[0]) != self.xoauth2[1] \
                and not await validate_xoauth2(self.options, *self.xoauth2):
            log.info("%r XOAUTH2 token of this session no longer valid: 530", session.peer)
            return "530 5.7.0 Authentication required (the token of this session is no longer valid)"
        # Commands already waiting behind MAIL FROM mean the client pipelined them.
        envelope.pipelined = bool(server._reader._buffer)
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 2.1.0 Sender OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        code = self.faults.rcpt.get(address.lower())
        if code:
            log.info("fault rcpt-%s for <%s>", code, address)
            return RCPT_FAULTS[code].format(addr=address)
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 Recipient OK"

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content
        peer = session.peer
        fault = self.faults.data
        if fault == "disconnect":
            log.info("%r fault data-disconnect: dropping the connection after %d bytes", peer, len(content))
            transport = server._original_transport or server.transport
            transport.abort()
            # connection_lost() cancels this coroutine; the reply is never sent.
            await asyncio.sleep(3600)
            return "421 4.4.2 not reached"
        if fault in DATA_FAULTS:
            log.info("%r fault data-%s after %d bytes", peer, fault, len(content))
            return DATA_FAULTS[fault]
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "mail_options": list(envelope.mail_options),
            "rcpt_options": list(envelope.rcpt_options),
            "pipelined": bool(getattr(envelope, "pipelined", False)),
            "tls": server.transport.get_extra_info("ssl_object") is not None,
            "auth_user": _text(getattr(session.auth_data, "login", None)),
            "size": len(content),
        }
        stem = self.maildir.save(content, meta)
        log.info("%r accepted %s: %d bytes from <%s> to %d recipient(s)", peer, stem, len(content),
                 envelope.mail_from, len(envelope.rcpt_tos))
        if self.faults.slow_data > 0:
            log.info("%r fault slow-data: answering in %.1f s", peer, self.faults.slow_data)
            await asyncio.sleep(self.faults.slow_data)
        return f"250 2.0.0 Ok: queued as {stem}"

    # XOAUTH2 (Google, Microsoft 365): the hook is any handler method named
    # auth_<MECHANISM>; aiosmtpd calls it as (server, ["XOAUTH2", initial-response?]).
    async def auth_XOAUTH2(self, server, args):
        if len(args) > 1:
            try:
                blob = base64.b64decode(args[1], validate=True)
            except binascii.Error:
                await server.push("501 5.5.2 Cannot decode base64")
                return AuthResult(success=False, handled=True)
        else:
            blob = await server.challenge_auth("")
            if not isinstance(blob, bytes):
                return AuthResult(success=False, handled=True)
        user, token = parse_xoauth2(blob)
        if user is not None and (self.tokens.get(user) == token or await validate_xoauth2(self.options, user, token)):
            self.xoauth2 = (user, token)
            return AuthResult(success=True, auth_data=LoginPassword(user.encode(), b""))
        # RFC 7628 / Google: a failure is a 334 with a JSON error, answered by an empty line.
        log.info("%r XOAUTH2 refused for %r", server.session.peer, user)
        error = json.dumps({"status": "401", "schemes": "bearer", "scope": "https://mail.test/"})
        await server.push("334 " + base64.b64encode(error.encode()).decode())
        await server._reader.readline()
        await server.push("535 5.7.8 Username and Password not accepted (XOAUTH2 token invalid)")
        return AuthResult(success=False, handled=True)


async def validate_xoauth2(options, user, token):
    """Asks --xoauth2-validate URL (tests/tools/oauth_server.py /admin/valid) whether token is current for user."""
    if not options.xoauth2_validate:
        return False
    import urllib.error
    import urllib.parse
    import urllib.request
    url = options.xoauth2_validate + ("&" if "?" in options.xoauth2_validate else "?") + \
        urllib.parse.urlencode({"token": token, "user": user})

    def ask():
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                return r.status == 200
        except (urllib.error.URLError, OSError):
            return False
    return await asyncio.get_running_loop().run_in_executor(None, ask)


def parse_xoauth2(blob):
    """b"user=U\\x01auth=Bearer T\\x01\\x01" -> (U, T), or (None, None)."""
    user = token = None
    for part in blob.split(b"\x01"):
        if part.startswith(b"user="):
            user = part[5:].decode("utf-8", "replace")
        elif part.lower().startswith(b"auth=bearer "):
            token = part[12:].decode("utf-8", "replace")
    if user is None or token is None:
        return None, None
    return user, token


def _text(value):
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


class UpstreamSMTP(SMTP):
    def __init__(self, handler, faults, delay_command=0.0, delay_tls=0.0, implicit_tls=False, **kwargs):
        self.faults = faults
        self.delay_command = delay_command
        self.delay_tls = delay_tls
        self.implicit_tls = implicit_tls
        self.close_after_reply = False
        super().__init__(handler, **kwargs)

    async def push(self, status):
        if self.delay_command:
            await asyncio.sleep(self.delay_command)
        await super().push(status)
        if self.close_after_reply and self.transport is not None:
            self.transport.close()

    async def _handle_client(self):
        if self.implicit_tls and self.delay_tls:
            await asyncio.sleep(self.delay_tls)
        if self.faults.greeting_421:
            log.info("%r fault greeting-421", self.session.peer)
            await self.push("421 4.3.2 Service not available, closing transmission channel")
            self.transport.close()
            return
        await super()._handle_client()

    async def smtp_STARTTLS(self, arg):
        if self.faults.starttls_inject and self.tls_context and not self._tls_protocol:
            log.info("%r fault starttls-inject", self.session.peer)
            await self.push("220 2.0.0 Ready to start TLS\r\n250 2.0.0 injected in plain text")
            return
        if self.delay_tls and self.tls_context and not self._tls_protocol:
            await asyncio.sleep(self.delay_tls)
        await super().smtp_STARTTLS(arg)


def read_faults(options):
    if options.control_dir:
        path = os.path.join(options.control_dir, "faults")
        try:
            with open(path, encoding="utf-8") as f:
                lines = f.read().splitlines()
        except FileNotFoundError:
            return Faults(options.fault)
        try:
            return Faults(lines)
        except FaultError as e:
            log.error("%s: %s; using no faults", path, e)
            return Faults()
    return Faults(options.fault)


def server_context(options):
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(options.cert, options.key)
    return ctx


def parse_pairs(values, what):
    pairs = {}
    for value in values:
        user, sep, secret = value.partition(":")
        if not sep or not user:
            raise SystemExit(f"upstream.py: {what} must be USER:SECRET, got {value!r}")
        pairs[user] = secret
    return pairs


async def serve(options):
    loop = asyncio.get_running_loop()
    users = parse_pairs(options.auth, "--auth")
    tokens = parse_pairs(options.xoauth2, "--xoauth2")
    ctx = server_context(options) if options.mode in ("starttls", "tls") else None
    maildir = Maildir(options.maildir)

    def authenticate(server, session, envelope, mechanism, auth_data):
        login = _text(auth_data.login)
        ok = login in users and users[login] == _text(auth_data.password)
        log.info("%r AUTH %s as %r: %s", session.peer, mechanism, login, "accepted" if ok else "refused")
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    excluded = []
    if not users:
        excluded += ["PLAIN", "LOGIN"]
    if not tokens and not options.xoauth2_validate:
        excluded.append("XOAUTH2")

    connections = weakref.WeakSet()

    def factory():
        faults = read_faults(options)
        starttls = options.mode == "starttls" and not faults.no_starttls
        log.info("connection: mode %s%s, faults %s", options.mode,
                 "" if starttls or options.mode != "starttls" else " without STARTTLS", faults)
        smtp = UpstreamSMTP(
            Handler(options, faults, maildir, tokens),
            faults,
            delay_command=options.delay_command / 1000.0,
            delay_tls=options.delay_tls / 1000.0,
            implicit_tls=options.mode == "tls",
            data_size_limit=options.size,
            enable_SMTPUTF8=not options.no_smtputf8,
            decode_data=False,
            hostname=options.hostname,
            ident="Yubisashi test upstream",
            tls_context=ctx if starttls else None,
            require_starttls=starttls,
            auth_required=bool(users or tokens or options.xoauth2_validate),
            # In starttls mode AUTH is offered only after STARTTLS; with implicit TLS
            # (aiosmtpd does not see the TLS) and in plain mode it is offered at once.
            auth_require_tls=starttls,
            auth_exclude_mechanism=excluded,
            authenticator=authenticate,
            timeout=options.timeout,
            loop=loop,
        )
        connections.add(smtp)
        return smtp

    server = await loop.create_server(factory, host=options.host, port=options.port,
                                      ssl=ctx if options.mode == "tls" else None)
    port = server.sockets[0].getsockname()[1]
    log.info("listening on %s:%d (%s, size %d, auth users %s, xoauth2 users %s)", options.host, port,
             options.mode, options.size, sorted(users) or "none", sorted(tokens) or "none")
    if options.ready_file:
        tmp = options.ready_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(f"{port}\n")
        os.replace(tmp, options.ready_file)

    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    log.info("stopping")
    server.close()
    # Newer Pythons wait in wait_closed() until every connection is gone.
    for smtp in list(connections):
        if smtp.transport is not None:
            smtp.transport.abort()
    try:
        await asyncio.wait_for(server.wait_closed(), 5)
    except asyncio.TimeoutError:
        log.warning("connections still open at exit")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=0, help="port; 0 picks a free one (see --ready-file)")
    p.add_argument("--mode", choices=("starttls", "tls", "plain"), default="starttls")
    p.add_argument("--cert", help="server certificate (PEM), for starttls and tls")
    p.add_argument("--key", help="its private key (PEM)")
    p.add_argument("--auth", action="append", default=[], metavar="USER:PASSWORD",
                   help="accept this user for AUTH PLAIN/LOGIN; with any --auth or --xoauth2, AUTH is required")
    p.add_argument("--xoauth2", action="append", default=[], metavar="USER:TOKEN",
                   help="accept this bearer token for AUTH XOAUTH2")
    p.add_argument("--xoauth2-validate", metavar="URL",
                   help="also accept the bearer tokens that URL?token=T&user=U answers with 200 "
                        "(tests/tools/oauth_server.py: http://127.0.0.1:PORT/admin/valid)")
    p.add_argument("--maildir", help="save accepted messages here")
    p.add_argument("--fault", action="append", default=[], metavar="SPEC")
    p.add_argument("--control-dir", help="re-read CONTROL_DIR/faults before each connection")
    p.add_argument("--ready-file", help="write the bound port here once listening")
    p.add_argument("--size", type=int, default=DEFAULT_SIZE, help="SIZE limit in bytes (default 100 MB)")
    p.add_argument("--no-pipelining", action="store_true", help="do not advertise PIPELINING")
    p.add_argument("--no-8bitmime", action="store_true", help="do not advertise 8BITMIME")
    p.add_argument("--no-smtputf8", action="store_true", help="do not advertise or accept SMTPUTF8")
    p.add_argument("--hostname", default="upstream.test", help="name in the greeting and EHLO reply")
    p.add_argument("--timeout", type=float, default=300, help="idle timeout per connection, seconds")
    p.add_argument("--delay-command", type=float, default=0, metavar="MS", help="wait MS ms before each reply")
    p.add_argument("--delay-tls", type=float, default=0, metavar="MS", help="wait MS ms before each TLS handshake")
    options = p.parse_args(argv)

    logging.basicConfig(stream=sys.stderr, level=logging.INFO,
                        format="upstream[%(process)d] %(asctime)s %(name)s: %(message)s")
    # aiosmtpd warns once that AUTH without required TLS is unsafe; here that is the point.
    warnings.simplefilter("ignore")
    # ... and logs a deprecation notice (its own use of Session.login_data) on every AUTH.
    logging.getLogger("mail.log").addFilter(lambda record: "deprecated" not in record.getMessage())
    try:
        Faults(options.fault)
    except FaultError as e:
        p.error(str(e))
    if options.mode in ("starttls", "tls") and not (options.cert and options.key):
        p.error(f"--mode {options.mode} needs --cert and --key")
    asyncio.run(serve(options))
    return 0


if __name__ == "__main__":
    sys.exit(main())
