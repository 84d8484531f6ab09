"""Text from outside reaches a terminal only with its control and bidi characters shown visibly:
the shared helper, the CLI (search, trial, recheck) and the TUI's chat and streaming panes."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.terminal_text import visible
from tests import fault_server

TRADEOFF = shutil.which("tradeoff", path=str(Path(sys.executable).parent)) or "tradeoff"
# What a terminal would act on: C0/C1 controls (ESC, BEL, CSI), DEL, bidi overrides and isolates.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")
HOSTILE = "clear\x1b[2J title\x1b]0;pwned\x07 link\x1b]8;;http://evil\x1b\\x\x1b]8;;\x1b\\ bell\x07 \u202eevil \x9b31m"


def test_controls_and_bidi_are_shown_visibly():
    shown = visible(HOSTILE)
    assert not RAW.search(shown)
    assert "\u241b[2J" in shown and "\u2407" in shown and "<U+202E>" in shown and "<U+009B>" in shown
    assert visible("plain text, émoji 👩‍💻 and\ttabs\nlines") == "plain text, émoji 👩‍💻 and\ttabs\nlines"


@given(st.text())
def test_nothing_a_terminal_acts_on_survives(text):
    shown = visible(text)
    assert not RAW.search(shown.replace("\n", "").replace("\t", ""))
    if text.isprintable():
        assert shown == text


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


def test_recheck_shows_record_fields_safely(tmp_path):
    record = {
        "title": "pick\x1b[2J", "date": "2026-11-01", "requirements": {"task": "chat"}, "stated": ["task"],
        "options": [], "chosen": "gpt-4.1\x1b]0;pwned\x07\u202e", "reevaluate_by": "2027-01-01",
        "catalog_version": "x",
    }  # fmt: skip
    path = tmp_path / "r.json"
    path.write_text(json.dumps(record))
    out = run("recheck", str(path))
    assert out.returncode == 1 and "gpt-4.1\u241b]0;pwned\u2407<U+202E>" in out.stdout
    assert not RAW.search(out.stdout.replace("\n", ""))


def test_search_shows_an_ingested_files_escapes_visibly(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("# Escapes\x1b]0;pwned\x07\n\nRouting policy\x1b[2J for zebrafish \u202e evals.\n")
    assert run("ingest", str(notes)).returncode == 0
    out = run("search", "zebrafish routing policy", "--source", "user")
    assert out.returncode == 0, out.stderr
    assert "policy\u241b[2J" in out.stdout and not RAW.search(out.stdout.replace("\n", ""))


def test_the_tuis_chat_and_streaming_pane_show_escapes_visibly():
    from textual.app import App, ComposeResult

    from tui.widgets.chat import ChatMessage, ChatView
    from tui.widgets.streaming_markdown import StreamingMarkdown

    class Harness(App[None]):
        def compose(self) -> ComposeResult:
            yield ChatView()
            yield StreamingMarkdown()

    async def scenario() -> None:
        async with Harness().run_test(size=(100, 30)) as pilot:
            chat = pilot.app.query_one(ChatView)
            await chat.add_answer(HOSTILE)
            chat.add_note(f"note {HOSTILE} [/]")  # markup-looking text is shown as typed
            chat.add_user(HOSTILE)
            pane = pilot.app.query_one(StreamingMarkdown)
            pane.append(HOSTILE)
            await pilot.pause()
            for message in pilot.app.query(ChatMessage):
                assert not RAW.search(message.source)
            assert not RAW.search(pane.text.replace("\n", ""))
            assert "\u241b[2J" in pane.text

    asyncio.run(scenario())
