"""The TUI under hostile conditions: a bad setting, a damaged sessions database."""

from __future__ import annotations

import contextlib
import os

import pytest
from textual.worker import WorkerFailed

from tests.functional.test_tui import settle
from tui.app import TradeoffApp
from tui.widgets.chat import ChatView


@pytest.fixture(autouse=True)
def bm25_only(monkeypatch):
    monkeypatch.setenv("TRADEOFF_LOAD_EMBEDDINGS", "false")


async def test_a_bad_setting_ends_the_app_with_one_line_and_status_2(monkeypatch):
    monkeypatch.setenv("TRADEOFF_SPEND_CAP_USD", "inf")
    app = TradeoffApp()
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):  # the loading worker starts after the first frame; its failure ends the app
            await pilot.pause()
            with contextlib.suppress(WorkerFailed):
                await app.workers.wait_for_complete()
            if app.return_code is not None:
                break
    assert app.return_code == 2


async def test_a_damaged_sessions_database_is_moved_aside_and_the_user_told(isolated_dirs):
    path = isolated_dirs / "data" / "sessions.sqlite"
    path.write_bytes(os.urandom(8192))
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        notes = [str(note.render()) for note in app.query(ChatView).first().query(".note")]
        assert any("sessions database was damaged" in note and "corrupt-" in note for note in notes), notes
    assert list(path.parent.glob("sessions.sqlite.corrupt-*"))
