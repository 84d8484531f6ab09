"""Trials in a child process, for the TUI.

LiteLLM spends CPU on every chunk and again as each stream ends (it re-assembles the stream in a
thread). In the TUI's process that work holds the GIL while the screen paints, and four panes
ending together stalled the event loop for 50-140 ms. In a child process it runs on its own core;
the TUI only reads one JSON line per chunk.

Protocol, one JSON object a line. Parent to child: a TrialRequest's fields. Child to parent:
{"ready": true} once LiteLLM is imported, then per request {"chunk": [model, text, ttft_ms]} as
text arrives, {"done": run} as each model finishes and {"runs": [run, ...]} at the end (or
{"failed": message}). Closing the child's stdin ends it; killing it cancels every stream.

Run as `python -m agent.trials.child`.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from dataclasses import asdict
from typing import IO, Any

from agent.trials.engine import OnChunk, OnDone, TrialEngine, TrialRequest
from agent.trials.results import TrialRun

_STARTUP_TIMEOUT_S = 60.0


class ChildEngine:
    """TrialEngine.run's interface, run by a child process started ahead of the first trial."""

    def __init__(self) -> None:
        self._process: asyncio.subprocess.Process | None = None
        self._ready: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start the child now (importing LiteLLM takes it a few seconds); call on the event loop."""
        if self._ready is None:
            self._ready = asyncio.get_running_loop().create_task(self._spawn())

    async def _spawn(self) -> None:
        self._process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "agent.trials.child",
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
            limit=16 * 1024 * 1024,  # one line carries every finished answer
        )  # fmt: skip
        async with asyncio.timeout(_STARTUP_TIMEOUT_S):
            line = await self._process.stdout.readline()  # type: ignore[union-attr]
        if not line:
            raise RuntimeError("the trial process exited while starting")

    async def run(
        self, request: TrialRequest, on_chunk: OnChunk | None = None, on_done: OnDone | None = None
    ) -> list[TrialRun]:
        request.validate()
        self.start()
        assert self._ready is not None
        live = {model: TrialRun(model=model, label=model) for model in request.models}
        try:
            await asyncio.shield(self._ready)
            process = self._process
            assert process is not None and process.stdin is not None and process.stdout is not None
            process.stdin.write((json.dumps(asdict(request)) + "\n").encode())
            await process.stdin.drain()
            while line := await process.stdout.readline():
                event = json.loads(line)
                if "chunk" in event:
                    model, text, ttft_ms = event["chunk"]
                    run = live[model]
                    run.ttft_ms = ttft_ms
                    if on_chunk is not None and asyncio.iscoroutine(maybe := on_chunk(run, text)):
                        await maybe
                elif "done" in event:
                    if on_done is not None:
                        on_done(TrialRun(**event["done"]))
                elif "runs" in event:
                    return [TrialRun(**run) for run in event["runs"]]
                else:
                    raise RuntimeError(event.get("failed", "unexpected message from the trial process"))
            raise RuntimeError("the trial process exited during the trial")
        except BaseException:
            await self.close()  # cancelled or broken: killing the child ends its streams; the next run starts another
            raise

    async def close(self) -> None:
        process, ready = self._process, self._ready
        self._process = self._ready = None
        if ready is not None and not ready.done():
            ready.cancel()
        if process is not None and process.returncode is None:
            process.kill()
            await process.wait()


_WARM_UP_STREAM = b"".join(
    b"data: " + json.dumps(chunk).encode() + b"\n\n"
    for chunk in (
        {"id": "w", "object": "chat.completion.chunk", "created": 0, "model": "w",
         "choices": [{"index": 0, "delta": {"content": "ok"}, "finish_reason": None}]},
        {"id": "w", "object": "chat.completion.chunk", "created": 0, "model": "w",
         "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]},
        {"id": "w", "object": "chat.completion.chunk", "created": 0, "model": "w", "choices": [],
         "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}},
    )
) + b"data: [DONE]\n\n"  # fmt: skip


async def _warm_up(engine: TrialEngine) -> None:
    """One streamed completion against a stub on loopback, before the first trial: LiteLLM's first
    call imports and builds what later calls reuse (~0.2 s), and would otherwise land in a TTFT."""

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                       if line.lower().startswith(b"content-length:")), 0)  # fmt: skip
        await reader.readexactly(length)
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n")
        writer.write(_WARM_UP_STREAM)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        request = TrialRequest(models=["openai/warm-up"], prompt="hi", api_base=f"http://127.0.0.1:{port}/v1",
                               max_tokens=1, timeout_s=10, runs=2)  # fmt: skip
        await asyncio.wait_for(engine.run(request), 15)
    except Exception:  # a failed warm-up costs only the first trial's figures some milliseconds
        pass
    finally:
        server.close()


async def _serve(requests: IO[str], out: IO[str]) -> None:
    engine = TrialEngine()
    await asyncio.to_thread(engine._litellm)
    await _warm_up(engine)

    def send(message: dict[str, Any]) -> None:
        out.write(json.dumps(message) + "\n")
        out.flush()

    send({"ready": True})
    while line := await asyncio.to_thread(requests.readline):
        try:
            request = TrialRequest(**json.loads(line))
            runs = await engine.run(
                request,
                on_chunk=lambda run, text: send({"chunk": [run.model, text, run.ttft_ms]}),
                on_done=lambda run: send({"done": run.as_json()}),
            )
            send({"runs": [run.as_json() for run in runs]})
        except Exception as exc:  # a bad request must not end the process
            send({"failed": f"{exc.__class__.__name__}: {exc}"})


def main() -> None:
    out = os.fdopen(os.dup(sys.stdout.fileno()), "w")  # the protocol's own channel
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # anything a library prints goes to stderr
    asyncio.run(_serve(sys.stdin, out))


if __name__ == "__main__":
    main()
