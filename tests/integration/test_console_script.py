"""The real console script in its own process, for what only a process shows: a closed pipe, a
traceback kept off the screen, secrets kept out of files. Output and exit codes are tested in-process
(tests/cli_inprocess.py) everywhere else."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from agent.record.decision import RECORD_SCHEMA_VERSION

TRADEOFF = shutil.which("tradeoff", path=str(Path(sys.executable).parent)) or "tradeoff"


def run(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The console script; `timeout` only guards against a hang (timings are measured in bench/)."""
    return subprocess.run([TRADEOFF, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})  # fmt: skip


def test_the_console_script_runs_a_command():
    out = run("catalog", "show", "gpt-4.1", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["id"] == "gpt-4.1"


def test_a_closed_pipe_ends_quietly():
    shell = subprocess.run(f"'{TRADEOFF}' catalog --all | head -1", shell=True, capture_output=True, text=True,
                           timeout=120)  # fmt: skip
    assert shell.stdout.startswith("model")
    assert shell.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_under_the_output_is_one_line_not_an_internal_error():
    with open("/dev/full", "w") as full:
        out = subprocess.run([TRADEOFF, "catalog", "--all"], stdout=full, stderr=subprocess.PIPE, text=True,
                             timeout=120)  # fmt: skip
    assert out.returncode == 3 and "cannot write the output: No space left on device" in out.stderr
    assert "internal error" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_an_unexpected_error_is_one_line_and_its_traceback_is_logged(isolated_dirs):
    # A sessions path that is a directory is no bad input of the user's: a real failure, logged.
    (isolated_dirs / "data" / "sessions.sqlite").mkdir(parents=True)
    out = run("sessions")
    assert out.returncode == 1 and len(out.stderr.strip().splitlines()) == 1
    assert "internal error" in out.stderr and "Traceback" not in out.stderr
    assert "Traceback" in (isolated_dirs / "log" / "tradeoff.log").read_text()


SECRET = "sk-test-9f8e7d6c5b4a3210-do-not-leak"


def test_no_secret_reaches_an_export_a_session_file_or_a_log(tmp_path, isolated_dirs):
    # The advisor model points at a closed loopback port: the key is handed over, the call fails locally.
    env = {**os.environ, "OPENAI_API_KEY": SECRET, "ANTHROPIC_API_KEY": SECRET,
           "TRADEOFF_ADVISOR_MODEL": "openai/gpt-4.1-mini",
           "TRADEOFF_ADVISOR_API_BASE": "http://127.0.0.1:9/v1"}  # fmt: skip
    tradeoff = str(Path(sys.executable).parent / "tradeoff")

    def run(*args):
        return subprocess.run([tradeoff, *args], capture_output=True, text=True, env=env, timeout=120)

    run("ask", "code assistant for 5k requests a day, under 2 seconds, $900 a month, not sensitive")
    for fmt in ("md", "json", "litellm"):
        assert run("export", "--format", fmt, "-o", str(tmp_path / f"record.{fmt}")).returncode == 0
    run("recommend", "--no-such-flag")  # an error path that logs
    files = [*tmp_path.glob("record.*"), *isolated_dirs.rglob("*")]
    for path in files:
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
    config = yaml.safe_load((tmp_path / "record.litellm").read_text())
    assert all(
        m["litellm_params"].get("api_key", "os.environ/").startswith("os.environ/") for m in config["model_list"]
    )
    assert json.loads((tmp_path / "record.json").read_text())["schema_version"] == RECORD_SCHEMA_VERSION
