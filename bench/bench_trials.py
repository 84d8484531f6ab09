"""Benchmark: reported TTFT against a bare httpx streaming client on the same loopback server, and
the longest event-loop stall with four trial panes streaming. Prints figures; asserts nothing.

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
        await asyncio.to_thread(TrialEngine._litellm)  # the screen preloads it the same way
        models = [f"openai/long-{i}" for i in range(4)]
        screen = TrialScreen(models, {m: url for m in models}, lambda m: None)
        await app.push_screen(screen)
        await pilot.pause()
        gaps: list[float] = []
        big: list[tuple[float, int]] = []
        started = last = time.perf_counter()

        def tick() -> None:
            nonlocal last
            now = time.perf_counter()
            gaps.append(now - last)
            if now - last > 0.1:
                big.append((round(now - started, 2), round((now - last) * 1000)))
            last = now

        timer = app.set_interval(0.005, tick)
        started = time.perf_counter()
        screen.run_trial("stream a long answer")
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        timer.stop()
        print("stalls over 100 ms at (s, ms):", big)
        took = time.perf_counter() - started
        chars = sum(len(str(p.query_one(".pane-metrics").render())) > 0 for p in screen.query("TrialPane"))
        p99 = sorted(gaps)[int(0.99 * len(gaps))] * 1000
        print(f"four panes streaming 400 chunks each ({took:.1f} s, {chars} panes finished): "
              f"longest event-loop stall {max(gaps) * 1000:.0f} ms, p99 {p99:.0f} ms")  # fmt: skip


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
