"""The Leaderboard tab beside the Shortlist: your votes from every front end, read at each visit."""

from __future__ import annotations

import json

import pytest
from textual.widgets import DataTable, Static, TabbedContent

from agent.trials.evidence import your_leaderboard
from catalog.display import short_model_name
from tests.functional.test_tui import settle
from tui.app import TradeoffApp
from tui.widgets.leaderboard import EMPTY, LeaderboardView

SMOL, GEMMA = "local/smollm2-135m", "local/gemma3-270m"


@pytest.fixture(autouse=True)
def bm25_only(monkeypatch):
    monkeypatch.setenv("TRADEOFF_LOAD_EMBEDDINGS", "false")


async def open_tab(pilot) -> LeaderboardView:
    pilot.app.main_screen.query_one(TabbedContent).active = "tab-leaderboard"
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return pilot.app.main_screen.query_one(LeaderboardView)


async def test_the_tab_shows_your_votes_with_intervals_and_what_separates_the_top_two():
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = await open_tab(pilot)
        assert view.query_one(DataTable).row_count == 0
        assert str(view.query_one("#leaderboard-separation", Static).render()) == EMPTY
        votes = [{"models": [SMOL, GEMMA], "winner": GEMMA}] * 9 + [{"models": [SMOL, GEMMA], "winner": SMOL}] * 3
        (app.settings.data_dir / "votes.jsonl").write_text("".join(json.dumps(v) + "\n" for v in votes))
        app.main_screen.query_one(TabbedContent).active = "tab-shortlist"
        await pilot.pause()
        view = await open_tab(pilot)  # a new visit reads the votes cast since
        table = view.query_one(DataTable)
        board = your_leaderboard(app.settings.data_dir, app.settings.sessions_path)
        assert table.row_count == 2
        for index, standing in enumerate(board.standings):
            row = [str(cell) for cell in table.get_row_at(index)]
            low, high = standing.interval
            expected = [short_model_name(standing.model), f"{standing.rating:.0f}", f"{low:.0f}-{high:.0f}", "12",
                        f"{standing.wins:g}", "by you"]  # fmt: skip
            assert row[1:] == expected
        assert [str(table.get_row_at(i)[1]) for i in range(2)] == ["gemma3-270m", "smollm2-135m"]
        separation = str(view.query_one("#leaderboard-separation", Static).render())
        assert separation == board.separation and "more" in separation
        title = str(view.query_one("#leaderboard-title", Static).render())
        assert "measured by you" in title and "12 blind votes" in title


async def test_the_tab_shows_the_pass_rates_of_your_batches():
    from agent.trials.evidence import keep_eval

    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        matrix = {GEMMA: {"a": {"passed": True}, "b": {"passed": True}},
                  SMOL: {"a": {"passed": False}, "b": {"passed": True}}}  # fmt: skip
        keep_eval(app.settings.data_dir, {"matrix": matrix}, "20261201-120000-000000")
        view = await open_tab(pilot)
        shown = str(view.query_one("#leaderboard-evals", Static).render())
        assert "gemma3-270m 2/2 passed" in shown and "smollm2-135m 1/2 passed" in shown
