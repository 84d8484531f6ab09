"""A local model server that dies is reported as a crash with its signal and log, never as
"could not connect": at start (the self-test completion) and during a trial."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from agent.trials.engine import TrialEngine, TrialRequest
from agent.trials.local_servers import LocalModelsUnavailable, exit_cause, start_server
from tests.integration.test_trials_local import free_port_pair


def test_exit_causes_name_the_signal_or_the_code():
    assert exit_cause(-11) == "signal 11 (SIGSEGV)"
    assert exit_cause(-4) == "signal 4 (SIGILL)"
    assert exit_cause(1) == "exit code 1"


def test_a_server_that_segfaults_on_its_first_completion_fails_the_start_with_its_cause(tmp_path):
    log = tmp_path / "local-server.log"
    with pytest.raises(LocalModelsUnavailable) as raised:
        start_server(tmp_path, free_port_pair(), wait_seconds=30, log=log, server_module="tests.crashing_server")
    message = str(raised.value)
    assert "signal 11 (SIGSEGV)" in message and "self-test" in message and str(log) in message
    assert "\n" not in message


def test_a_server_killed_mid_trial_is_named_in_its_result_and_the_other_model_finishes(tmp_path):
    log = tmp_path / "local-server.log"
    server = start_server(tmp_path, free_port_pair(), wait_seconds=120, log=log)
    try:
        os.kill(server.processes[0].pid, signal.SIGSEGV)  # smollm2-135m, as a bad CPU kernel would
        request = TrialRequest(
            models=["local/smollm2-135m", "local/gemma3-270m"], prompt="Name three colours.", max_tokens=16,
            api_bases={f"local/{alias}": server.api_base(alias) for alias in server.aliases},
        )  # fmt: skip
        runs = {run.model: run for run in asyncio.run(TrialEngine().run(request))}
        crashed = server.explain("local/smollm2-135m", runs["local/smollm2-135m"].error)
        assert crashed == f"the local model server crashed (signal 11 (SIGSEGV)); see {log}"
        assert runs["local/gemma3-270m"].error is None and runs["local/gemma3-270m"].text
        assert server.explain("local/gemma3-270m", None) is None
    finally:
        server.stop()


def _nothing_listens(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except ConnectionRefusedError:
        return True
    return False


def test_the_headless_trial_starts_the_local_servers_itself_and_stops_them(tmp_path):
    port = free_port_pair()
    env = {**os.environ, "TRADEOFF_LOCAL_PORT": str(port), "TRADEOFF_DATA_DIR": str(tmp_path / "data"),
           "TRADEOFF_LOG_DIR": str(tmp_path / "log")}  # fmt: skip
    out = subprocess.run(
        [str(Path(sys.executable).parent / "tradeoff"), "trial", "--models", "local/smollm2-135m,local/gemma3-270m",
         "--prompt", "Name three colours.", "--max-tokens", "12", "--json"],
        capture_output=True, text=True, env=env, timeout=180,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "Starting the local model server" in out.stderr
    results = json.loads(out.stdout)["results"]
    for result in results:
        assert result["error"] is None and result["text"].strip() and result["output_tokens"] > 0
        assert result["ttft_ms"] > 0
    assert _nothing_listens(port) and _nothing_listens(port + 1)  # stopped afterwards


async def test_a_crashed_local_server_is_named_in_its_tui_pane_and_the_other_pane_finishes(monkeypatch):
    from tests.functional.test_tui import say, settle
    from tests.integration.test_tui_trial import wait_for
    from tui.app import TradeoffApp
    from tui.screens.trial import TrialScreen
    from tui.widgets.trial_pane import TrialPane

    monkeypatch.setenv("TRADEOFF_LOAD_EMBEDDINGS", "false")
    monkeypatch.setenv("TRADEOFF_LOCAL_PORT", str(free_port_pair()))
    monkeypatch.setenv("TRADEOFF_TRIAL_MAX_TOKENS", "16")  # Gemma's GGUF runs to the cap; keep it short on a busy CI
    app = TradeoffApp()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "/trial local")
        await wait_for(pilot, lambda: isinstance(app.screen, TrialScreen))  # started and self-tested
        screen = app.screen
        server = app.local_models.server
        os.kill(server.processes[server.aliases.index("smollm2-135m")].pid, signal.SIGSEGV)
        screen.query_one("#trial-prompt").text = "Name three colours."
        await pilot.click("#run")
        await wait_for(pilot, lambda: len(screen.runs) >= 2)
        metrics = {pane.model: str(pane.query_one(".pane-metrics").render()) for pane in screen.query(TrialPane)}
        log = app.settings.log_dir / "local-server.log"
        assert f"the local model server crashed (signal 11 (SIGSEGV)); see {log}" in metrics["local/smollm2-135m"]
        assert "TTFT" in metrics["local/gemma3-270m"] and "error" not in metrics["local/gemma3-270m"]
