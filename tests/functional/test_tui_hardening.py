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


async def test_the_batch_screen_shows_hostile_test_ids_as_typed(tmp_path):
    import json

    from textual.app import App
    from textual.widgets import DataTable, Static

    from agent.settings import Settings
    from tests import fault_server
    from tui.screens.batch import BatchScreen

    server, url = fault_server.start()
    tests = tmp_path / "t.jsonl"
    tests.write_text("\n".join(json.dumps({"id": name, "prompt": "x"}) for name in ("[/]", "a\x1b]0;pwned\x07b")))
    models = ["openai/healthy", "openai/[bold]odd"]

    class Harness(App[None]):
        settings = Settings()

    app = Harness()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await app.push_screen(BatchScreen(models, {m: url for m in models}, lambda model: None, str(tests)))
            await pilot.click("#batch-run")
            await pilot.pause()
            await app.screen.workers.wait_for_complete()
            await pilot.pause()
            table = app.screen.query_one("#batch-matrix", DataTable)
            first_column = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
            assert first_column == ["[/]", "a\u241b]0;pwned\u2407b"]
            stats = str(app.screen.query_one("#batch-stats", Static).render())
            assert "openai/[bold]odd" in stats
    finally:
        server.shutdown()
