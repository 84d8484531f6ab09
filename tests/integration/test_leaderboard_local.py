"""Issue #15's check: a blind-vote session of 20 votes between the two local models, cast with the
trial screen's vote keys under Pilot (the real llama.cpp servers answering), gives Bradley-Terry
ratings with intervals that match an independent computation written here."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.optimize import minimize_scalar
from textual.widgets import DataTable, TabbedContent

from agent.trials.evidence import your_leaderboard, your_votes
from tests.functional.test_tui import say, settle
from tests.integration.test_trials_local import free_port_pair
from tests.integration.test_tui_trial import wait_for
from tui.app import TradeoffApp
from tui.screens.trial import TrialScreen
from tui.widgets.leaderboard import LeaderboardView

SMOL, GEMMA = "local/smollm2-135m", "local/gemma3-270m"
# The votes to cast, in order: 12 for Gemma, 7 for SmolLM2, 1 tie, interleaved.
PLAN = [GEMMA, SMOL, GEMMA, GEMMA, SMOL, GEMMA, None, GEMMA, SMOL, GEMMA,
        GEMMA, SMOL, GEMMA, SMOL, GEMMA, GEMMA, SMOL, GEMMA, SMOL, GEMMA]  # fmt: skip
ELO = 400 / math.log(10)  # rating points per unit of log-strength, LMArena's scale
# The point estimate is a maximum-likelihood fit by two methods: they agree to a fraction of a point.
RATING_TOLERANCE = 0.5
# 20 votes make a discrete bootstrap distribution (steps of half a win, ~18 rating points near the
# ends): two independent resamplings agree to within about one step.
INTERVAL_TOLERANCE = 20.0


@pytest.fixture(autouse=True)
def settings_env(monkeypatch):
    monkeypatch.setenv("TRADEOFF_LOAD_EMBEDDINGS", "false")
    monkeypatch.setenv("TRADEOFF_LOCAL_PORT", str(free_port_pair()))
    monkeypatch.setenv("TRADEOFF_TRIAL_MAX_TOKENS", "12")  # the votes matter here, not the answers


def gemma_logit(gemma_score: float, games: float) -> float:
    """Bradley-Terry by direct maximisation of the likelihood (scipy), a tie half a win each side;
    with a clean sweep, one tie per pair is added first (the stated prior of agent.trials.leaderboard)."""
    if gemma_score in (0, games):
        gemma_score, games = gemma_score + 0.5, games + 1

    def negative_log_likelihood(theta: float) -> float:
        return -(gemma_score * math.log(1 / (1 + math.exp(-theta)))
                 + (games - gemma_score) * math.log(1 / (1 + math.exp(theta))))  # fmt: skip

    return float(minimize_scalar(negative_log_likelihood, bounds=(-20, 20), method="bounded",
                                 options={"xatol": 1e-10}).x)  # fmt: skip


def independent(plan: list[str | None]) -> dict[str, tuple[float, float, float]]:
    """model -> (rating, 2.5th, 97.5th percentile) from the votes as cast."""
    scores = np.array([1.0 if w == GEMMA else 0.0 if w == SMOL else 0.5 for w in plan])
    theta = gemma_logit(scores.sum(), len(scores))
    rng = np.random.default_rng(2026)
    draws = np.array([gemma_logit(rng.choice(scores, size=len(scores)).sum(), len(scores)) for _ in range(4000)])
    low, high = np.percentile(draws, [2.5, 97.5])
    # Anchored as LMArena anchors it: the two ratings' mean is 1000, each half the gap from it.
    return {GEMMA: (1000 + ELO * theta / 2, 1000 + ELO * low / 2, 1000 + ELO * high / 2),
            SMOL: (1000 - ELO * theta / 2, 1000 - ELO * high / 2, 1000 - ELO * low / 2)}  # fmt: skip


async def test_twenty_blind_votes_on_the_trial_screen_match_an_independent_bradley_terry():
    app = TradeoffApp()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "A coding assistant for our team of ten")
        assert app.main_screen.session_id  # votes are kept with the session: the TUI's own path
        await say(pilot, "/trial local")
        await wait_for(pilot, lambda: isinstance(app.screen, TrialScreen))
        screen = app.screen
        await pilot.press("ctrl+b")
        screen.query_one("#trial-prompt").text = "Say hello."
        for number, winner in enumerate(PLAN, 1):
            await pilot.click("#run")
            await wait_for(pilot, lambda: screen.awaiting_vote)
            key = "t" if winner is None else {"A": "1", "B": "2"}[screen.labels[winner]]
            await pilot.press(key)
            await pilot.pause()
            assert not screen.awaiting_vote and len(screen.votes) == number
            assert screen.votes[-1]["failed"] == [], f"run {number}: a model failed"
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main_screen)
        app.main_screen.query_one(TabbedContent).active = "tab-leaderboard"
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.main_screen.query_one(LeaderboardView).query_one(DataTable)
        shown = {str(table.get_row_at(i)[1]): [str(c) for c in table.get_row_at(i)] for i in range(table.row_count)}
        settings = app.settings
    found = your_votes(settings.data_dir / "votes.jsonl", settings.sessions_path)
    assert found.sources[1] == "20 from your sessions"
    assert [v["winner"] for v in found.votes] == PLAN  # what was cast is what was kept
    board = your_leaderboard(settings.data_dir, settings.sessions_path)
    expected = independent(PLAN)
    for standing in board.standings:
        rating, low, high = expected[standing.model]
        assert standing.rating == pytest.approx(rating, abs=RATING_TOLERANCE), standing
        assert standing.interval[0] == pytest.approx(low, abs=INTERVAL_TOLERANCE), (standing, low)
        assert standing.interval[1] == pytest.approx(high, abs=INTERVAL_TOLERANCE), (standing, high)
        row = shown[standing.model.split("/", 1)[1]]
        assert row[2] == f"{standing.rating:.0f}" and row[4] == "20"  # the tab shows this computation
    assert [s.model for s in board.standings] == [GEMMA, SMOL]
