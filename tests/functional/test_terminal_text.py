"""Text from outside reaches a terminal only with its control and bidi characters shown visibly:
the shared helper, the CLI (recheck) and the TUI's chat and streaming panes; search and trial, which need
the embedder and a fault server, are in tests/integration/test_terminal_text_cli.py."""

from __future__ import annotations

import asyncio
import json
import re

from hypothesis import given
from hypothesis import strategies as st

from agent.terminal_text import visible
from tests.cli_inprocess import run_cli

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


def test_recheck_shows_record_fields_safely(tmp_path):
    record = {
        "title": "pick\x1b[2J", "date": "2026-11-01", "requirements": {"task": "chat"}, "stated": ["task"],
        "options": [], "chosen": "gpt-4.1\x1b]0;pwned\x07\u202e", "reevaluate_by": "2027-01-01",
        "catalog_version": "x",
    }  # fmt: skip
    path = tmp_path / "r.json"
    path.write_text(json.dumps(record))
    out = run_cli("recheck", str(path))
    assert out.returncode == 1 and "gpt-4.1\u241b]0;pwned\u2407<U+202E>" in out.stdout
    assert not RAW.search(out.stdout.replace("\n", ""))


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
