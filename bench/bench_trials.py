"""Benchmark: reported TTFT against a bare httpx streaming client on the same loopback server, and
the longest event-loop stall with four trial panes streaming. Prints figures; asserts nothing.

A stall is one callback that keeps the event loop busy (nothing else, input or painting, can
run meanwhile). The UI timer line shows how late a 5 ms timer fires while four streams of 200
chunks/s each keep the loop busy parsing: that is load, not a single stall.

Targets (SPEC §8): TTFT within 10 ms (median) of bare httpx; four panes never stall > 50 ms.
Run: .venv/bin/python bench/bench_trials.py
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from loop_clock import CallbackClock, TimerGaps  # bench/ is on sys.path when run as a script

from agent.trials.child import ChildEngine
from agent.trials.engine import TrialEngine, TrialRequest


async def bare_ttft(url: str, model: str) -> float:
    body = {"model": model, "messages": [{"role": "user", "content": "hi"}], "stream": True, "max_tokens": 50}
    async with httpx.AsyncClient(timeout=30) as client:
        start = time.perf_counter()
        async with client.stream("POST", f"{url}/chat/completions", json=body) as response:
            async for line in response.aiter_lines():
                if line.startswith("data: ") and line != "data: [DONE]":
                    delta = json.loads(line[6:]).get("choices", [{}])
                    if delta and delta[0].get("delta", {}).get("content"):
                        return (time.perf_counter() - start) * 1000
    raise RuntimeError("no content")


async def engine_ttft(url: str, model: str, engine: TrialEngine) -> float:
    request = TrialRequest(models=[f"openai/{model}"], prompt="hi", api_base=url, max_tokens=50)
    run = await engine.single(request, f"openai/{model}")
    assert run.ttft_ms is not None, run.error
    return run.ttft_ms


async def ttft_comparison(url: str, rounds: int = 30) -> None:
    engine = TrialEngine()
    await engine_ttft(url, "healthy", engine)  # warm the import and the connection pool
    bare, ours = [], []
    for _ in range(rounds):
        bare.append(await bare_ttft(url, "healthy"))
        ours.append(await engine_ttft(url, "healthy", engine))
    diff = statistics.median(ours) - statistics.median(bare)
    print(f"TTFT on the loopback stub: bare httpx median {statistics.median(bare):.1f} ms, "
          f"tradeoff (LiteLLM) median {statistics.median(ours):.1f} ms, "
          f"difference {diff:+.1f} ms over {rounds} rounds")  # fmt: skip


async def four_pane_stall(url: str) -> None:
    from tui.app import TradeoffApp
    from tui.screens.trial import TrialScreen

    app = TradeoffApp()
    async with app.run_test(size=(160, 45)) as pilot:
        while app.advisor is None:
            await pilot.pause(0.05)
        models = [f"openai/long-{i}" for i in range(4)]
        screen = TrialScreen(models, {m: url for m in models}, lambda m: None)
        await app.push_screen(screen)
        await screen.engine._ready  # the child process has imported LiteLLM, as it has by the time a user types
        await pilot.pause()
        streams_ended = 0.0
        run_streams = ChildEngine.run

        async def timed_run(engine: ChildEngine, *args: object, **kwargs: object) -> object:
            nonlocal streams_ended
            runs = await run_streams(engine, *args, **kwargs)
            streams_ended = time.perf_counter()
            return runs

        ChildEngine.run = timed_run  # type: ignore[method-assign]
        gaps = TimerGaps()
        with CallbackClock() as clock:
            timer = app.set_interval(0.005, gaps.tick)
            gaps.restart()
            started = time.perf_counter()
            screen.run_trial("stream a long answer")
            await pilot.pause(0.2)
            await app.workers.wait_for_complete()
            await pilot.pause(0.3)  # the results and charts paint after the worker ends
            finished = time.perf_counter()
            timer.stop()
        ChildEngine.run = run_streams  # type: ignore[method-assign]
        done = sum("tok/s" in str(p.query_one(".pane-metrics").render()) for p in screen.query("TrialPane"))
        streaming, what = clock.longest(started, streams_ended)
        after, after_what = clock.longest(streams_ended, finished)
        print(f"four panes streaming 400 chunks each ({streams_ended - started:.1f} s, {done}/4 panes finished):")
        print(f"  longest event-loop stall while streaming: {streaming * 1000:.0f} ms ({what})")
        print(f"  longest stall after the streams ended (results, charts): {after * 1000:.0f} ms ({after_what})")
        print(f"  UI timer: {gaps.summary()}")


def main() -> None:
    # The stub runs in its own process, as a real server would: in-process threads would compete
    # with the event loop for the GIL and inflate the stalls.
    server = subprocess.Popen([sys.executable, "-m", "tests.fault_server"], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parent.parent)  # fmt: skip
    url = server.stdout.readline().strip()
    try:
        asyncio.run(ttft_comparison(url))
        with tempfile.TemporaryDirectory() as folder:
            os.environ.update(TRADEOFF_DATA_DIR=folder, TRADEOFF_CONFIG_DIR=folder, TRADEOFF_LOAD_EMBEDDINGS="false")
            asyncio.run(four_pane_stall(url))
    finally:
        server.kill()


if __name__ == "__main__":
    main()
