#!/usr/bin/env python3
"""Loopback HTTP server for JOSERemoteTests: serves JWK Sets and OpenID discovery documents, misbehaves
on request, mints RS256 tokens, and logs every non-control request so tests can count fetches.

Started by the Swift tests with `python3 jwks_server.py`; prints the port (chosen by the OS) on the
first line of stdout. Exits by itself after --lifetime seconds (default 120) or when stdin closes (the
test process went away), whichever comes first. Needs python3 and the `cryptography` package.

Routes (GET unless noted):
  /jwks, any path ending in /jwks/        the current JWK Set (RS256 keys)
  <prefix>/.well-known/openid-configuration
        prefix /application/o/<slug>: authentik style, issuer "<base><prefix>/", jwks_uri "<base><prefix>/jwks/"
        prefix /noslash/<x>: issuer "<base><prefix>" (no trailing slash: a mismatch for "<prefix>/")
  /status/500, /hang, /big (10 MB, no Content-Length), /big-declared (Content-Length 10 MB),
  /html, /redirect (302 to /jwks), /notjwks (JSON that is not a JWK Set)
  /control/mode?path=P&mode=M   make path P answer as M (ok, 500, hang, big, html, redirect, notjwks)
  /control/rotate?kid=K[&drop=D] add (and serve) key K, stop serving key D
  POST /control/mint            body {"kid": K, "claims": {...}} -> compact RS256 JWT
  /control/log                  JSON list of {"path", "headers"} of every non-control request
  /control/shutdown
"""
import base64
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

LOCK = threading.Lock()
KEYS = {}      # kid -> RSA private key
SERVED = []    # kids published at /jwks
MODES = {}     # path -> mode
LOG = []       # request log
PORT = 0


def b64u(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def uint_b64u(n):
    return b64u(n.to_bytes((n.bit_length() + 7) // 8, "big"))


def add_key(kid):
    with LOCK:
        if kid not in KEYS:
            KEYS[kid] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        if kid not in SERVED:
            SERVED.append(kid)


def jwks():
    with LOCK:
        keys = []
        for kid in SERVED:
            numbers = KEYS[kid].public_key().public_numbers()
            keys.append({"kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256",
                         "n": uint_b64u(numbers.n), "e": uint_b64u(numbers.e)})
        return {"keys": keys}


def mint(kid, claims):
    with LOCK:
        key = KEYS.get(kid)
    if key is None:
        add_key(kid)
        with LOCK:
            SERVED.remove(kid)   # minted with a key that is not published
            key = KEYS[kid]
    header = {"alg": "RS256", "typ": "JWT", "kid": kid}
    signing_input = (b64u(json.dumps(header, separators=(",", ":")).encode()) + "." +
                     b64u(json.dumps(claims, separators=(",", ":")).encode()))
    signature = key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
    return signing_input + "." + b64u(signature)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"   # close-delimited bodies are possible (the /big route)

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/json", headers=None):
        data = body if isinstance(body, bytes) else body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        url = urlparse(self.path)
        if url.path == "/control/mint":
            length = int(self.headers.get("Content-Length", "0"))
            request = json.loads(self.rfile.read(length))
            self.send(200, mint(request["kid"], request["claims"]), "text/plain")
        else:
            self.send(404, "{}")

    def do_GET(self):
        url = urlparse(self.path)
        path = url.path
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if path.startswith("/control/"):
            return self.control(path, query)
        with LOCK:
            LOG.append({"path": path, "headers": {k.lower(): v for k, v in self.headers.items()}})
            mode = MODES.get(path, "ok")
        if mode != "ok":
            return self.misbehave(mode)
        base = "http://127.0.0.1:%d" % PORT
        if path == "/jwks" or path.endswith("/jwks/"):
            return self.send(200, json.dumps(jwks()))
        suffix = "/.well-known/openid-configuration"
        if path.endswith(suffix):
            prefix = path[: -len(suffix)]
            if prefix.startswith("/application/o/"):
                issuer = base + prefix + "/"
            else:
                issuer = base + prefix
            return self.send(200, json.dumps({"issuer": issuer, "jwks_uri": base + prefix + "/jwks/",
                                              "id_token_signing_alg_values_supported": ["RS256"]}))
        named = {"/status/500": "500", "/hang": "hang", "/big": "big", "/big-declared": "big-declared",
                 "/html": "html", "/redirect": "redirect", "/notjwks": "notjwks"}
        if path in named:
            return self.misbehave(named[path])
        self.send(404, '{"error":"not found"}')

    def misbehave(self, mode):
        if mode == "500":
            self.send(500, '{"error":"internal"}')
        elif mode == "hang":
            time.sleep(60)
        elif mode in ("big", "big-declared"):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            if mode == "big-declared":
                self.send_header("Content-Length", str(10 * 1024 * 1024))
            self.end_headers()
            chunk = b" " * 65536
            try:
                self.wfile.write(b'{"keys":[')
                for _ in range(160):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif mode == "html":
            self.send(200, "<!DOCTYPE html><html><body>Sign in</body></html>", "text/html")
        elif mode == "redirect":
            self.send(302, "", "text/plain", {"Location": "/jwks"})
        elif mode == "notjwks":
            self.send(200, '{"hello":"world"}')
        else:
            self.send(500, '{"error":"unknown mode"}')

    def control(self, path, query):
        if path == "/control/mode":
            with LOCK:
                MODES[query["path"]] = query["mode"]
            self.send(200, "{}")
        elif path == "/control/rotate":
            add_key(query["kid"])
            if "drop" in query:
                with LOCK:
                    if query["drop"] in SERVED:
                        SERVED.remove(query["drop"])
            self.send(200, json.dumps(jwks()))
        elif path == "/control/log":
            with LOCK:
                body = json.dumps(LOG)
            self.send(200, body)
        elif path == "/control/shutdown":
            self.send(200, "{}")
            threading.Thread(target=lambda: os._exit(0), daemon=True).start()
        else:
            self.send(404, "{}")


def main():
    global PORT
    lifetime = 120.0
    if "--lifetime" in sys.argv:
        lifetime = float(sys.argv[sys.argv.index("--lifetime") + 1])
    add_key("k1")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    PORT = server.server_address[1]
    threading.Timer(lifetime, lambda: os._exit(0)).start()

    def watch_stdin():
        try:
            sys.stdin.read()
        finally:
            os._exit(0)
    threading.Thread(target=watch_stdin, daemon=True).start()
    print(PORT, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
