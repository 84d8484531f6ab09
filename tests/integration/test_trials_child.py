"""Trials run by the TUI happen in a child process: same results, streamed as they arrive, and
cancelling kills the child (ending its streams) without breaking the next trial."""

from __future__ import annotations

import asyncio

import pytest

from agent.trials.child import ChildEngine
from agent.trials.engine import TrialRequest
from tests import fault_server


@pytest.fixture(scope="module")
def endpoint():
    server, url = fault_server.start()
    yield url
    server.shutdown()


def request(endpoint: str, *models: str) -> TrialRequest:
    return TrialRequest(models=list(models), prompt="hi", api_base=endpoint, timeout_s=20,
                        prices={"openai/healthy": (1e-6, 2e-6)})  # fmt: skip


async def test_the_child_streams_chunks_then_each_finished_model_then_the_runs(endpoint):
    engine = ChildEngine()
    events: list[tuple[str, str]] = []
    try:
        runs = await engine.run(
            request(endpoint, "openai/healthy", "openai/server-error"),
            on_chunk=lambda run, text: events.append(("chunk", f"{run.model}:{text}:{run.ttft_ms is not None}")),
            on_done=lambda run: events.append(("done", run.model)),
        )
    finally:
        await engine.close()
    healthy, failed = runs
    assert healthy.text == "alpha beta gamma delta epsilon " and healthy.error is None
    assert healthy.output_tokens == 5 and healthy.cost_usd == pytest.approx(7 * 1e-6 + 5 * 2e-6)
    assert failed.error == "server error (500)"
    chunks = [detail for kind, detail in events if kind == "chunk"]
    assert chunks == [f"openai/healthy:{word}:True" for word in ("alpha ", "beta ", "gamma ", "delta ", "epsilon ")]
    assert sorted(detail for kind, detail in events if kind == "done") == ["openai/healthy", "openai/server-error"]
    assert events.index(("done", "openai/healthy")) > max(i for i, (kind, _) in enumerate(events) if kind == "chunk")


async def long_trial_underway(engine: ChildEngine, endpoint: str) -> asyncio.Task:
    """Two 400-chunk streams, once the first ten chunks have arrived."""
    seen: list[str] = []
    trial = asyncio.create_task(engine.run(request(endpoint, "openai/long-a", "openai/long-b"),
                                           on_chunk=lambda run, text: seen.append(text)))  # fmt: skip
    while len(seen) < 10:
        await asyncio.sleep(0.05)
    return trial


async def test_cancelling_kills_the_child_and_the_next_trial_starts_a_new_one(endpoint):
    engine = ChildEngine()
    try:
        trial = await long_trial_underway(engine, endpoint)
        child = engine._process
        assert child is not None
        trial.cancel()
        with pytest.raises(asyncio.CancelledError):
            await trial
        assert await asyncio.wait_for(child.wait(), 5) != 0  # killed, not left streaming
        runs = await engine.run(request(endpoint, "openai/healthy", "openai/healthy-2"))
        assert [run.error for run in runs] == [None, None]
        assert engine._process is not child
    finally:
        await engine.close()


async def test_a_child_that_dies_mid_trial_is_an_error_not_a_hang(endpoint):
    engine = ChildEngine()
    try:
        trial = await long_trial_underway(engine, endpoint)
        assert engine._process is not None
        engine._process.kill()  # as the OOM killer would
        with pytest.raises(RuntimeError, match="exited during the trial"):
            await asyncio.wait_for(trial, 10)
        assert engine._process is None  # the next run starts a fresh child
    finally:
        await engine.close()


async def test_the_first_trial_of_a_fresh_child_reads_the_servers_first_token_delay(endpoint):
    """TTFT starts when the request goes out, and the child warms LiteLLM up before its first
    trial: the first run reads the stub's 200 ms, not LiteLLM's set-up on top (it read ~+280 ms)."""
    engine = ChildEngine()
    try:
        runs = await engine.run(request(endpoint, "openai/delay-200-a", "openai/delay-200-b"))
    finally:
        await engine.close()
    for run in runs:
        assert run.error is None and run.ttft_ms is not None
        assert 200 <= run.ttft_ms < 240, run.ttft_ms  # generous for a shared machine; bench/ has the figures
