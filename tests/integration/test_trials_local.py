"""Real trials against SmolLM2-135M and Gemma-3-270M served by llama.cpp on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from agent.trials.engine import TrialEngine, TrialRequest
from agent.trials.local_servers import start_server
from agent.trials.results import summarise


def free_port_pair() -> int:
    for _ in range(50):
        with socket.socket() as first:
            first.bind(("127.0.0.1", 0))
            port = first.getsockname()[1]
        with socket.socket() as second:
            try:
                second.bind(("127.0.0.1", port + 1))
                return port
            except OSError:
                continue
    raise RuntimeError("no free port pair")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    local = start_server(tmp_path_factory.mktemp("local"), free_port_pair(), wait_seconds=120)
    yield local
    local.stop()


def request(server, **overrides) -> TrialRequest:
    fields = dict(models=["local/smollm2-135m", "local/gemma3-270m"], prompt="Name three colours.",
                  max_tokens=24, temperature=0.0,
                  api_bases={f"local/{alias}": server.api_base(alias) for alias in server.aliases})  # fmt: skip
    fields.update(overrides)
    return TrialRequest(**fields)


def test_a_real_side_by_side_trial_streams_and_measures(server):
    chunks: dict[str, int] = {}
    runs = asyncio.run(TrialEngine().run(request(server), on_chunk=lambda run, text: chunks.__setitem__(
        run.model, chunks.get(run.model, 0) + 1)))  # fmt: skip
    assert [r.model for r in runs] == ["local/smollm2-135m", "local/gemma3-270m"]
    for run in runs:
        assert run.error is None, run.error
        assert run.text.strip()
        assert run.usage_reported and run.output_tokens > 0  # as the server reports it
        assert run.input_tokens > 0
        assert 0 < run.ttft_ms < run.latency_ms
        assert run.tokens_per_s and run.tokens_per_s > 0
        assert run.finish_reason in ("stop", "length")
        assert chunks[run.model] >= 2  # it streamed, it did not arrive in one piece


def test_cost_at_a_user_set_price(server):
    prices = {"local/smollm2-135m": (1e-6, 4e-6), "local/gemma3-270m": (2e-6, 8e-6)}
    runs = asyncio.run(TrialEngine().run(request(server, prices=prices)))
    for run in runs:
        low, high = prices[run.model]
        assert run.cost_usd == pytest.approx(run.input_tokens * low + run.output_tokens * high)


def test_blind_mode_labels_panes_a_and_b_and_repeated_runs_summarise(server):
    runs = asyncio.run(TrialEngine().run(request(server, blind=True, runs=2, max_tokens=12)))
    assert len(runs) == 4
    labels = {run.model: run.label for run in runs}
    assert sorted(labels.values()) == ["A", "B"]
    assert all(labels[r.model] == r.label for r in runs)  # the same label across runs
    summaries = {s["model"]: s for s in summarise(runs)}
    assert all(s["runs"] == 2 and s["ttft_ms"]["median"] > 0 for s in summaries.values())


def test_the_trial_command_reports_json(server):
    env = {**os.environ, "TRADEOFF_LOCAL_PORT": str(server.port)}
    out = subprocess.run(
        [str(Path(sys.executable).parent / "tradeoff"), "trial", "--models", "local/smollm2-135m,local/gemma3-270m",
         "--prompt", "Say hi.", "--max-tokens", "10", "--json"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    assert {r["model"] for r in payload["results"]} == {"local/smollm2-135m", "local/gemma3-270m"}
    assert all(r["cost_usd"] == 0 and r["ttft_ms"] > 0 for r in payload["results"])
    assert payload["estimated_cost_usd"] == 0


def test_the_llm_brain_extracts_through_json_schema_on_the_real_local_server(server):
    """llama.cpp constrains the output to the schema, so even a 135M model returns valid JSON fields."""
    from agent.advisor.llm import LLMBrain, RequirementsPatch

    brain = LLMBrain("openai/smollm2-135m", api_base=server.api_base("smollm2-135m"), timeout=60)
    fields = brain.extract("A coding assistant for 5000 requests a day, under 800 ms.", {})
    assert isinstance(fields, dict)
    assert RequirementsPatch.model_validate(fields).model_dump(exclude_none=True) == fields


def test_the_two_servers_share_the_cores_instead_of_each_taking_all(server):
    # Each llama.cpp server taking every core made a concurrent trial 5-10x slower on 2 cores.
    import os

    per_server = max(1, (os.cpu_count() or 2) // len(server.processes))
    for process in server.processes:
        args = [str(arg) for arg in process.args]
        assert args[args.index("--n_threads") + 1] == str(per_server)
        assert args[args.index("--n_threads_batch") + 1] == str(per_server)
