"""The trial screen under Pilot with the real local models: panes stream, metrics appear, blind votes."""

from __future__ import annotations

import pytest

from tests.test_trials_local import free_port_pair
from tests.test_tui import say, settle
from tui.app import TradeoffApp
from tui.screens.trial import TrialPane, TrialScreen


@pytest.fixture(autouse=True)
def settings_env(monkeypatch):
    monkeypatch.setenv("TRADEOFF_LOAD_EMBEDDINGS", "false")
    monkeypatch.setenv("TRADEOFF_LOCAL_PORT", str(free_port_pair()))


async def wait_for(pilot, condition, seconds: float = 120) -> None:
    for _ in range(int(seconds / 0.2)):
        if condition():
            return
        await pilot.pause(0.2)
    raise AssertionError("timed out waiting")


async def test_blind_trial_of_the_local_models_from_the_tui():
    app = TradeoffApp()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "/trial local")
        await wait_for(pilot, lambda: isinstance(app.screen, TrialScreen))  # the server starts on demand
        screen = app.screen
        await pilot.press("ctrl+b")
        screen.query_one("#trial-prompt").value = "Say hello."
        await pilot.click("#run")
        await wait_for(pilot, lambda: screen.awaiting_vote)
        panes = list(screen.query(TrialPane))
        assert sorted(str(p.query_one(".pane-title").render()) for p in panes) == ["[A]", "[B]"]
        assert all("TTFT" in str(p.query_one(".pane-metrics").render()) for p in panes)
        assert len(screen.query(".trial-chart")) == 3  # TTFT, tokens/s and cost bars
        await pilot.press("1")
        await pilot.pause()
        assert not screen.awaiting_vote
        titles = [str(p.query_one(".pane-title").render()) for p in panes]
        assert any("local/smollm2-135m" in t for t in titles) and any("★" in t for t in titles)
        assert "won 1/1" in str(screen.query_one("#win-rates").render())
        votes = (app.settings.data_dir / "votes.jsonl").read_text()
        assert '"vote": "A"' in votes
    assert app._local_server is not None and not app._local_server.alive()  # stopped on exit
