"""A stand-in for `llama_cpp.server` that starts, answers `GET /v1/models`, then dies of SIGSEGV
on its first completion: what a llama.cpp build with kernels the CPU cannot run did on an AMX VM.
Used only for that fault, which a working build cannot be made to produce."""

from __future__ import annotations

import argparse
import json
import os
import signal
from http.server import BaseHTTPRequestHandler, HTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps({"object": "list", "data": [{"id": "crashing"}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        os.kill(os.getpid(), signal.SIGSEGV)

    def log_message(self, *args: object) -> None:
        pass


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    options, _ = parser.parse_known_args()
    signal.signal(signal.SIGSEGV, signal.SIG_DFL)
    HTTPServer((options.host, options.port), Handler).serve_forever()
