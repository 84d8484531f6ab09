"""Text from outside reaches the terminal from the CLI's search (a real ingest into Chroma with the real
embedder) and trial (against the fault server) only with its control and bidi characters shown visibly."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import fault_server
from tests.functional.test_terminal_text import RAW

TRADEOFF = shutil.which("tradeoff", path=str(Path(sys.executable).parent)) or "tradeoff"


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([TRADEOFF, *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **env})  # fmt: skip


@pytest.fixture(scope="module")
def endpoint():
    server, url = fault_server.start()
    yield url
    server.shutdown()


def test_trial_output_is_safe_on_the_terminal_and_exact_in_json(endpoint):
    argv = ["trial", "--models", "openai/escapes,openai/healthy", "--prompt", "hi", "--api-base", endpoint, "--yes"]
    human = run(*argv)
    assert human.returncode == 0, human.stderr
    assert "clear\u241b[2J" in human.stdout and "<U+202E>right-to-left" in human.stdout
    assert not RAW.search(human.stdout.replace("\n", "").replace("\t", ""))
    exact = json.loads(run(*argv, "--json").stdout)
    text = next(r["text"] for r in exact["results"] if r["model"] == "openai/escapes")
    assert "\x1b]0;pwned\x07" in text and "\u202e" in text  # --json keeps the bytes, escaped by JSON


def test_search_shows_an_ingested_files_escapes_visibly(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("# Escapes\x1b]0;pwned\x07\n\nRouting policy\x1b[2J for zebrafish \u202e evals.\n")
    assert run("ingest", str(notes)).returncode == 0
    out = run("search", "zebrafish routing policy", "--source", "user")
    assert out.returncode == 0, out.stderr
    assert "policy\u241b[2J" in out.stdout and not RAW.search(out.stdout.replace("\n", ""))
