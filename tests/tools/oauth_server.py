#!/usr/bin/python3
"""A small OAuth 2.0 authorization server for Yubisashi's tests (stdlib only).

It plays Microsoft Entra ID / Google for one user:

  GET  /authorize     authorization code request (RFC 6749 4.1, PKCE RFC 7636).
                      Auto-approves and redirects (302) to redirect_uri with
                      code and state, or with error=access_denied after
                      POST /admin/deny-next. redirect_uri must be a loopback
                      http URL; code_challenge_method must be S256.
  POST /token         grant_type=authorization_code (verifies the PKCE
                      code_verifier and the redirect_uri), refresh_token, and
                      urn:ietf:params:oauth:grant-type:device_code (RFC 8628).
  POST /devicecode    device authorization request (RFC 8628 3.1).
  GET  /device?user_code=CODE[&deny=1]
                      the verification page: approves (or denies) the device code.

For the tests:

  POST /admin/revoke  [refresh_token=T] revokes that refresh token (default: all);
                      with access=1 also the access tokens issued from it.
  POST /admin/expire  every access token issued so far expires now.
  POST /admin/deny-next
                      the next /authorize is answered with error=access_denied.
  GET  /admin/valid?token=T[&user=U]
                      200 {"valid": true, "user": ...} when T is a current access
                      token (for user U, if given); otherwise 403 {"valid": false}.
  GET  /admin/stats   how often each grant was used, and the last /authorize
                      parameters.
  GET  /admin/issued  every access and refresh token issued so far (to check
                      that none of them leaked into a log or a settings file).

--tokens-file FILE keeps FILE up to date with "USER:TOKEN" lines, one per
valid access token (for an SMTP server that reads tokens from a file).

Log lines go to stderr and never contain tokens or codes. The bound port is
written to --ready-file once listening. SIGTERM stops the server (status 0).
"""

import argparse
import base64
import hashlib
import json
import logging
import os
import re
import secrets
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

log = logging.getLogger("oauth")

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
VERIFIER_RE = re.compile(r"^[A-Za-z0-9\-._~]{43,128}$")


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def s256(verifier):
    return b64url(hashlib.sha256(verifier.encode("ascii")).digest())


class Store:
    def __init__(self, options):
        self.options = options
        self.lock = threading.Lock()
        self.codes = {}    # code -> request
        self.refresh = {}  # refresh token -> {"user", "scope", "revoked"}
        self.access = {}   # access token -> {"user", "expires", "refresh"}
        self.devices = {}  # device_code -> state
        self.deny_next = False
        self.stats = {"authorize": 0, "authorization_code": 0, "refresh_token": 0, "device_code": 0,
                      "devicecode": 0, "last_authorize": {}}

    def issue(self, user, scope, refresh=None):
        """Tokens for a successful grant; a new refresh token unless one is being refreshed."""
        access = "at-" + secrets.token_urlsafe(24)
        rotated = refresh is None or self.options.rotate_refresh
        new_refresh = "rt-" + secrets.token_urlsafe(24) if rotated else refresh
        if rotated:
            self.refresh[new_refresh] = {"user": user, "scope": scope, "revoked": False}
        self.access[access] = {"user": user, "expires": time.monotonic() + self.options.access_ttl,
                               "refresh": new_refresh}
        body = {"access_token": access, "token_type": "Bearer", "expires_in": self.options.access_ttl,
                "scope": scope}
        if rotated:
            body["refresh_token"] = new_refresh
        if not self.options.no_id_token:
            body["id_token"] = self.id_token(user)
        self.write_tokens_file()
        return body

    def id_token(self, user):
        now = int(time.time())
        header = {"alg": "RS256", "typ": "JWT", "kid": "test"}
        claims = {"iss": "http://127.0.0.1/", "sub": "user-1", "aud": self.options.client_id or "any",
                  "iat": now, "exp": now + 3600, "email": user, "preferred_username": user}
        return ".".join([b64url(json.dumps(header).encode()), b64url(json.dumps(claims).encode()),
                         b64url(b"not-a-real-signature")])

    def valid(self, token, user=None):
        info = self.access.get(token)
        if not info or info["expires"] <= time.monotonic():
            return None
        if user is not None and user.lower() != info["user"].lower():
            return None
        return info

    def write_tokens_file(self):
        path = self.options.tokens_file
        if not path:
            return
        now = time.monotonic()
        lines = [f"{i['user']}:{t}\n" for t, i in self.access.items() if i["expires"] > now]
        tmp = path + ".tmp"
        with open(tmp, "w") as f:
            f.writelines(lines)
        os.replace(tmp, path)


class Handler(BaseHTTPRequestHandler):
    server_version = "YubisashiTestOAuth/1.0"
    protocol_version = "HTTP/1.1"

    @property
    def store(self):
        return self.server.store

    def log_message(self, fmt, *args):
        pass  # request lines carry codes; each handler logs what it did instead

    # -- plumbing

    def send_json(self, status, body, headers=None):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def oauth_error(self, error, description, status=400):
        log.info("%s %s -> %s", self.command, urlsplit(self.path).path, error)
        self.send_json(status, {"error": error, "error_description": description})

    def send_text(self, status, text):
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def query(self):
        return {k: v[0] for k, v in parse_qs(urlsplit(self.path).query, keep_blank_values=True).items()}

    def form(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = self.headers.get("Content-Type", "")
        if self.command == "POST" and length and not ctype.startswith("application/x-www-form-urlencoded"):
            return None
        return {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}

    def client_ok(self, params):
        o = self.server.options
        if o.client_id and params.get("client_id") != o.client_id:
            self.oauth_error("invalid_client", "Unknown client_id", 401)
            return False
        if o.client_secret and params.get("client_secret") != o.client_secret:
            self.oauth_error("invalid_client", "Wrong or missing client_secret", 401)
            return False
        return True

    # -- routes

    def do_GET(self):
        path = urlsplit(self.path).path
        routes = {"/authorize": self.authorize, "/device": self.device_page, "/admin/valid": self.admin_valid,
                  "/admin/stats": self.admin_stats, "/admin/issued": self.admin_issued}
        route = routes.get(path)
        if route is None:
            self.send_text(404, "not found")
            return
        route(self.query())

    def do_POST(self):
        path = urlsplit(self.path).path
        routes = {"/token": self.token, "/devicecode": self.devicecode, "/admin/revoke": self.admin_revoke,
                  "/admin/expire": self.admin_expire, "/admin/deny-next": self.admin_deny_next}
        route = routes.get(path)
        params = self.form()
        if route is None:
            self.send_text(404, "not found")
            return
        if params is None:
            self.oauth_error("invalid_request", "Expected application/x-www-form-urlencoded")
            return
        with self.store.lock:
            route(params)

    def authorize(self, q):
        o = self.server.options
        with self.store.lock:
            self.store.stats["authorize"] += 1
            self.store.stats["last_authorize"] = {k: v for k, v in q.items() if k != "state"}
            redirect = q.get("redirect_uri", "")
            parts = urlsplit(redirect)
            if parts.scheme != "http" or parts.hostname not in ("127.0.0.1", "::1", "localhost"):
                self.send_text(400, "redirect_uri must be a loopback http URL")
                return
            if o.client_id and q.get("client_id") != o.client_id:
                self.send_text(400, "unknown client_id")
                return
            params = {"state": q["state"]} if "state" in q else {}
            error = None
            if q.get("response_type") != "code":
                error = ("unsupported_response_type", "response_type must be code")
            elif q.get("code_challenge_method") != "S256" or not q.get("code_challenge"):
                error = ("invalid_request", "PKCE with code_challenge_method=S256 is required")
            elif self.store.deny_next:
                self.store.deny_next = False
                error = ("access_denied", "The user declined")
            if error:
                params.update({"error": error[0], "error_description": error[1]})
                log.info("authorize -> %s", error[0])
            else:
                code = "code-" + secrets.token_urlsafe(18)
                self.store.codes[code] = {"client_id": q.get("client_id"), "redirect_uri": redirect,
                                          "challenge": q["code_challenge"], "scope": q.get("scope", ""),
                                          "expires": time.monotonic() + 300}
                params["code"] = code
                log.info("authorize -> code issued")
        sep = "&" if parts.query else "?"
        self.send_response(302)
        self.send_header("Location", redirect + sep + urlencode(params))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def token(self, p):
        grant = p.get("grant_type")
        if not self.client_ok(p):
            return
        if grant == "authorization_code":
            self.store.stats["authorization_code"] += 1
            req = self.store.codes.pop(p.get("code", ""), None)  # single use
            if req is None or req["expires"] <= time.monotonic():
                self.oauth_error("invalid_grant", "Unknown, used or expired authorization code")
                return
            if p.get("redirect_uri") != req["redirect_uri"]:
                self.oauth_error("invalid_grant", "redirect_uri does not match the authorization request")
                return
            verifier = p.get("code_verifier", "")
            if not VERIFIER_RE.match(verifier) or s256(verifier) != req["challenge"]:
                self.oauth_error("invalid_grant", "PKCE verification failed")
                return
            log.info("token: authorization_code accepted (PKCE verified)")
            self.send_json(200, self.store.issue(self.server.options.user, req["scope"]))
        elif grant == "refresh_token":
            self.store.stats["refresh_token"] += 1
            rt = p.get("refresh_token", "")
            info = self.store.refresh.get(rt)
            if info is None or info["revoked"]:
                self.oauth_error("invalid_grant", "AADSTS70000: The refresh token was revoked or is unknown")
                return
            log.info("token: refresh_token accepted")
            self.send_json(200, self.store.issue(info["user"], info["scope"], refresh=rt))
        elif grant == DEVICE_GRANT:
            self.store.stats["device_code"] += 1
            self.device_poll(p)
        else:
            self.oauth_error("unsupported_grant_type", f"grant_type {grant!r} is not supported")

    def devicecode(self, p):
        if not self.client_ok(p):
            return
        o = self.server.options
        self.store.stats["devicecode"] += 1
        device_code = "dc-" + secrets.token_urlsafe(18)
        user_code = "".join(secrets.choice("BCDFGHJKLMNPQRSTVWXZ") for _ in range(8))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.store.devices[device_code] = {"user_code": user_code, "state": "pending", "scope": p.get("scope", ""),
                                           "expires": time.monotonic() + o.device_ttl, "last_poll": 0.0,
                                           "slow_down_left": o.slow_down}
        log.info("devicecode: issued")
        self.send_json(200, {"device_code": device_code, "user_code": user_code,
                             "verification_uri": base + "/device", "expires_in": int(o.device_ttl),
                             "interval": o.device_interval,
                             "message": f"To sign in, open {base}/device and enter the code {user_code}."})

    def device_poll(self, p):
        dev = self.store.devices.get(p.get("device_code", ""))
        if dev is None:
            self.oauth_error("invalid_grant", "Unknown device_code")
            return
        if dev["expires"] <= time.monotonic():
            self.oauth_error("expired_token", "The device code expired")
            return
        if dev["slow_down_left"] > 0:
            dev["slow_down_left"] -= 1
            self.oauth_error("slow_down", "Polling too fast")
            return
        if dev["state"] == "denied":
            self.oauth_error("access_denied", "The user declined")
        elif dev["state"] == "approved":
            del self.store.devices[p["device_code"]]
            log.info("token: device_code accepted")
            self.send_json(200, self.store.issue(self.server.options.user, dev["scope"]))
        else:
            self.oauth_error("authorization_pending", "Waiting for the user")

    def device_page(self, q):
        with self.store.lock:
            for dev in self.store.devices.values():
                if dev["user_code"] == q.get("user_code") and dev["state"] == "pending":
                    dev["state"] = "denied" if q.get("deny") == "1" else "approved"
                    log.info("device page: %s", dev["state"])
                    self.send_text(200, f"Device {dev['state']}. You can close this window.")
                    return
        self.send_text(404, "Unknown or used user code")

    def admin_revoke(self, p):
        target = p.get("refresh_token")
        n = 0
        for rt, info in self.store.refresh.items():
            if target is None or rt == target:
                info["revoked"] = True
                n += 1
        if p.get("access") == "1":
            for at in [at for at, i in self.store.access.items() if self.store.refresh.get(i["refresh"], {}).get("revoked")]:
                del self.store.access[at]
            self.store.write_tokens_file()
        log.info("admin: revoked %d refresh token(s)%s", n, " and their access tokens" if p.get("access") == "1" else "")
        self.send_json(200, {"revoked": n})

    def admin_expire(self, p):
        now = time.monotonic()
        for info in self.store.access.values():
            info["expires"] = min(info["expires"], now)
        self.store.write_tokens_file()
        log.info("admin: expired %d access token(s)", len(self.store.access))
        self.send_json(200, {"expired": len(self.store.access)})

    def admin_deny_next(self, p):
        self.store.deny_next = True
        self.send_json(200, {"deny_next": True})

    def admin_valid(self, q):
        with self.store.lock:
            info = self.store.valid(q.get("token", ""), q.get("user"))
        if info:
            self.send_json(200, {"valid": True, "user": info["user"],
                                 "expires_in": round(info["expires"] - time.monotonic(), 1)})
        else:
            self.send_json(403, {"valid": False})

    def admin_issued(self, q):
        with self.store.lock:
            self.send_json(200, {"access": list(self.store.access), "refresh": list(self.store.refresh)})

    def admin_stats(self, q):
        with self.store.lock:
            self.send_json(200, self.store.stats)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 picks a free port (see --ready-file)")
    p.add_argument("--ready-file", help="write the bound port here once listening")
    p.add_argument("--user", default="taro@example.test", help="the user who signs in (email claim)")
    p.add_argument("--client-id", default="", help="accept only this client_id (default: any)")
    p.add_argument("--client-secret", default="", help="require this client_secret (default: none)")
    p.add_argument("--access-ttl", type=float, default=3600, help="access token lifetime, seconds")
    p.add_argument("--rotate-refresh", action="store_true",
                   help="issue a new refresh token on each refresh (the old one stays valid, as at Microsoft)")
    p.add_argument("--no-id-token", action="store_true", help="do not return an id_token")
    p.add_argument("--device-interval", type=int, default=1, help="polling interval for the device flow")
    p.add_argument("--device-ttl", type=float, default=600, help="device code lifetime, seconds")
    p.add_argument("--slow-down", type=int, default=0, help="answer the first N device polls with slow_down")
    p.add_argument("--tokens-file", help="keep USER:TOKEN lines of the valid access tokens here")
    options = p.parse_args(argv)
    if options.access_ttl == int(options.access_ttl):
        options.access_ttl = int(options.access_ttl)

    logging.basicConfig(stream=sys.stderr, level=logging.INFO,
                        format="oauth[%(process)d] %(asctime)s %(message)s")
    server = ThreadingHTTPServer((options.host, options.port), Handler)
    server.daemon_threads = True
    server.options = options
    server.store = Store(options)
    server.store.write_tokens_file()
    port = server.server_address[1]
    log.info("listening on %s:%d (access tokens live %s s)", options.host, port, options.access_ttl)
    if options.ready_file:
        tmp = options.ready_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(f"{port}\n")
        os.replace(tmp, options.ready_file)

    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    server.serve_forever(poll_interval=0.2)
    server.server_close()
    log.info("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
