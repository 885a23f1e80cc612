#!/usr/bin/env python3
"""A local stand-in for GitHub's REST API for bench/webhook-load.sh: answers at once what the
handlers of the benchmark's issues.labeled delivery read, so that handling succeeds as it would in
production instead of failing and retrying. Usage: github-stub.py PORT [LOG]. Prints each request
line to LOG (when given) so that the benchmark can show what was asked."""
import json, sys, datetime
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

PORT = int(sys.argv[1])
LOG = open(sys.argv[2], "a", buffering=1) if len(sys.argv) > 2 else None
EXPIRES = (datetime.datetime.utcnow() + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")


class Stub(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-ratelimit-remaining", "4999")
        self.end_headers()
        self.wfile.write(data)

    def route(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        path = self.path.split("?")[0]
        if LOG:
            LOG.write(f"{self.command} {path}\n")
        if self.command == "POST" and path.endswith("/access_tokens"):
            return self.answer(201, {"token": "ghs_benchstub", "expires_at": EXPIRES, "permissions": {}})
        if path == "/app":
            return self.answer(200, {"id": 1, "slug": "workstreams-bench", "name": "workstreams bench",
                                     "owner": {"login": "bench"}})
        if path.startswith("/users/"):
            return self.answer(200, {"id": 99, "login": path.split("/")[2], "type": "Bot"})
        # Everything else the handlers read (a repository's config file, an issue's comments...) is absent.
        return self.answer(404, {"message": "Not Found"})

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = route


ThreadingHTTPServer(("127.0.0.1", PORT), Stub).serve_forever()
