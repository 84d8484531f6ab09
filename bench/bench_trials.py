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
    """A new client per request, as a first call has: the clock starts before the request is built."""
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


DELAY_MS = 100  # the stub's first-token delay for `delay-100-*` models


async def ttft_comparison(url: str, panes: int, rounds: int = 20) -> None:
    """Bare httpx against the TUI's path (the child process) and the headless engine, each from its
    first run: a fresh child and a fresh engine, nothing sent to the stub beforehand."""
    models = [f"openai/delay-{DELAY_MS}-{pane}" for pane in range(panes)]
    request = TrialRequest(models=models, prompt="hi", api_base=url, max_tokens=50)
    child, engine = ChildEngine(), TrialEngine()
    bare: list[float] = []
    tui: list[float] = []
    headless: list[float] = []
    try:
        for _ in range(rounds):
            bare.append(await bare_ttft(url, models[0].removeprefix("openai/")))
            for runs, into in ((await child.run(request), tui), (await engine.run(request), headless)):
                assert all(run.ttft_ms is not None for run in runs), [run.error for run in runs]
                into.append(statistics.median(run.ttft_ms for run in runs if run.ttft_ms is not None))
    finally:
        await child.close()
    print(f"TTFT against the loopback stub (first token after {DELAY_MS} ms), {panes} models at once, {rounds} rounds:")
    for name, values in (("bare httpx", bare), ("TUI (child process)", tui), ("headless engine", headless)):
        diff = f" ({statistics.median(values) - statistics.median(bare):+.1f} ms)" if values is not bare else ""
        first = f" ({values[0] - bare[0]:+.1f} ms)" if values is not bare else ""
        print(f"  {name:20} first run {values[0]:6.1f} ms{first}, median {statistics.median(values):6.1f} ms{diff}")


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
        asyncio.run(ttft_comparison(url, panes=2))
        asyncio.run(ttft_comparison(url, panes=4))
        with tempfile.TemporaryDirectory() as folder:
            os.environ.update(TRADEOFF_DATA_DIR=folder, TRADEOFF_CONFIG_DIR=folder, TRADEOFF_LOAD_EMBEDDINGS="false")
            asyncio.run(four_pane_stall(url))
    finally:
        server.kill()


if __name__ == "__main__":
    main()
