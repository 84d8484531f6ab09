"""A small fault-injecting OpenAI-compatible server on loopback, for faults a real server will not
produce on demand. The model name picks the behaviour: `server-error`, `unauthorized`, `cut`,
`malformed`, `slow`, `long-*` (400 chunks), `delay-<ms>*` (the first token after that many ms),
`html` (a web page with status 200), `bad-utf8` (a chunk that is not UTF-8), `flood` (a stream that
ignores max_tokens: 10 MB of content), `escapes` (terminal escape sequences and a bidi override)."""

from __future__ import annotations

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WORDS = ["alpha ", "beta ", "gamma ", "delta ", "epsilon "]


def _chunk(text: str | None = None, finish: str | None = None, usage: dict | None = None) -> bytes:
    delta = {"content": text} if text is not None else {}
    body = {
        "id": "x",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "fault",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}] if usage is None else [],
    }
    if usage is not None:
        body["usage"] = usage
    return b"data: " + json.dumps(body).encode() + b"\n\n"


class FaultHandler(BaseHTTPRequestHandler):
    server_version = "fault/1"

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _error(self, status: int, headers: dict[str, str] | None = None) -> None:
        body = json.dumps({"error": {"message": f"injected {status}", "type": "fault", "code": status}}).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length", 0))
        request = json.loads(self.rfile.read(length) or b"{}")
        model = request.get("model", "")
        calls = self.server.calls  # type: ignore[attr-defined]  # per server, so tests do not share counts
        calls[model] = calls.get(model, 0) + 1
        if model == "unauthorized":
            return self._error(401)
        if model == "server-error":
            return self._error(500)
        if model == "rate-limited-once" and calls[model] == 1:
            return self._error(429, {"retry-after": "1"})
        if model == "always-rate-limited":
            return self._error(429, {"retry-after": "0"})
        if model == "html":
            body = b"<!doctype html><html><head><title>Sign in</title></head><body>Portal</body></html>"
            self.send_response(200)
            self.send_header("content-type", "text/html")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.end_headers()
        if model == "flood":
            piece = _chunk("x" * 10_000)
            for _ in range(1_000):  # 10 MB, whatever max_tokens said
                try:
                    self.wfile.write(piece)
                except OSError:
                    return  # the client stopped reading
            return
        if model == "slow":
            time.sleep(5)
        if model.startswith("delay-"):  # a known first-token delay, for checking TTFT
            time.sleep(int(model.split("-")[1]) / 1000)
        words = WORDS * 80 if model.startswith("long") else WORDS
        if model == "escapes":
            words = ["clear\x1b[2J ", "title\x1b]0;pwned\x07 ", "link\x1b]8;;http://evil\x1b\\x\x1b]8;;\x1b\\ ",
                     "bell\x07 ", "\u202eright-to-left "]  # fmt: skip
        for index, word in enumerate(words):
            if model == "cut" and index == 2:
                self.wfile.flush()
                self.close_connection = True
                return
            if model == "bad-utf8" and index == 2:
                self.wfile.write(b'data: {"id": "x", "choices": [{"index": 0, "delta": {"content": "\xff\xfe"}}]}\n\n')
                self.wfile.flush()
                continue
            if model == "malformed" and index == 2:
                self.wfile.write(b"data: {this is not json\n\n")
                self.wfile.flush()
                continue
            self.wfile.write(_chunk(word))
            self.wfile.flush()
            time.sleep(0.005 if model.startswith("long") else 0.02)
        self.wfile.write(_chunk(finish="stop"))
        self.wfile.write(_chunk(usage={"prompt_tokens": 7, "completion_tokens": len(words), "total_tokens": 12}))
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()


def start() -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FaultHandler)
    server.daemon_threads = True
    server.calls = {}  # type: ignore[attr-defined]

    def quiet_when_the_client_left(request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], OSError):  # a client that stopped reading is the point
            ThreadingHTTPServer.handle_error(server, request, client_address)  # type: ignore[arg-type]

    server.handle_error = quiet_when_the_client_left  # type: ignore[method-assign]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/v1"


if __name__ == "__main__":
    # Run in its own process (benchmarks): prints the base URL, serves until killed.
    _, base_url = start()
    print(base_url, flush=True)
    threading.Event().wait()
