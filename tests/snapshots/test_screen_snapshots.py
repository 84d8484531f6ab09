"""How the catalog, trial, blind vote, batch and routing screens look, at 80x24 and 140x40, in light
and dark (pytest-textual-snapshot). Trials and batches run against the fault server, with timings
pinned: TTFT and tokens/s vary from run to run, everything else on screen is deterministic."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests import fault_server
from tui.app import TradeoffApp

ROOT = Path(__file__).parents[2]
RESULTS = "tests/data/route_results.json"  # relative to ROOT, as a user would type it
PRICE = (1e-7, 4e-7)  # USD per token in and out, the same for every model
SIZES = {"80x24": (80, 24), "140x40": (140, 40)}
THEMES = {"dark": "textual-dark", "light": "textual-light"}


@pytest.fixture(autouse=True)
def deterministic(monkeypatch):
    monkeypatch.setenv("TRADEOFF_LOAD_EMBEDDINGS", "false")
    monkeypatch.setenv("TEXTUAL_CURSOR_BLINK", "0")


@pytest.fixture(scope="module")
def fault_url():
    server, url = fault_server.start()
    yield url
    server.shutdown()


class PinnedTimings:
    """The real trial engine (a child process streaming from the fault server), with each finished
    run's TTFT and tokens/s set to fixed figures before the screen sees them."""

    def __init__(self) -> None:
        from agent.trials.child import ChildEngine

        self.engine = ChildEngine()

    def start(self) -> None:
        self.engine.start()

    async def close(self) -> None:
        await self.engine.close()

    async def run(self, request, on_chunk=None, on_done=None):  # type: ignore[no-untyped-def]
        """Chunks stream as they come; the finished runs are handed over in the models' order
        once all are in, since the order they finish in varies too."""

        def pin(run):  # type: ignore[no-untyped-def]
            if run.error is None:
                index = request.models.index(run.model)
                run.ttft_ms, run.tokens_per_s = 400.0 + 25 * index, 90.0 - 10 * index
            return run

        async def chunk(run, text):  # type: ignore[no-untyped-def]
            if on_chunk is not None:
                await on_chunk(run, text)

        runs = [pin(run) for run in await self.engine.run(request, on_chunk=chunk)]
        for run in runs:
            if on_done is not None:
                on_done(run)
        return runs


async def loaded(pilot, theme: str) -> None:
    for _ in range(200):  # the loading worker starts after the first frame
        if pilot.app.advisor is not None:
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    pilot.app.theme = theme
    await pilot.pause()


async def quiet(pilot) -> None:
    """No toasts and no blinking cursors in the picture."""
    pilot.app.clear_notifications()
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
    await pilot.pause()


# --- catalog -------------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_catalog(snap_compare, size, theme):
    async def open_catalog(pilot) -> None:
        await loaded(pilot, THEMES[theme])
        await pilot.press("f2")
        screen = pilot.app.screen
        await pilot.press(*("space" if char == " " else char for char in "mistral large"))
        while screen.filtered_by != "mistral large" or screen.fed < len(screen.matches):
            await pilot.pause()
        await pilot.press("enter")
        # An unrated route whose price the map does not list: its detail rests on no benchmark
        # snapshot, so the picture changes only when the screen does.
        table = screen.query_one("#models")
        table.move_cursor(row=table.get_row_index("snowflake/mistral-large"))
        await quiet(pilot)

    assert snap_compare(TradeoffApp(), terminal_size=SIZES[size], run_before=open_catalog)


# --- trials --------------------------------------------------------------------------------------


async def trial_run(pilot, url: str, models: list[str], blind: bool) -> None:
    from tui.screens.trial import TrialScreen

    screen = TrialScreen(models, {m: url for m in models}, lambda model: PRICE, blind=blind, engine=PinnedTimings(),
                         rng=random.Random(7))  # fmt: skip
    await pilot.app.push_screen(screen)
    await pilot.pause()
    screen.query_one("#trial-prompt").text = "What does TTFT measure?"
    await pilot.press("f5")
    await pilot.app.workers.wait_for_complete()
    await quiet(pilot)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_trial_with_results(snap_compare, fault_url, size, theme):
    async def run(pilot) -> None:
        await loaded(pilot, THEMES[theme])
        await trial_run(pilot, fault_url, ["openai/healthy", "openai/delay-50", "openai/server-error"], blind=False)

    assert snap_compare(TradeoffApp(), terminal_size=SIZES[size], run_before=run)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("revealed", [False, True], ids=["before-the-vote", "after-the-vote"])
def test_blind_vote(snap_compare, fault_url, revealed, theme):
    async def vote(pilot) -> None:
        await loaded(pilot, THEMES[theme])
        await trial_run(pilot, fault_url, ["openai/healthy", "openai/delay-50"], blind=True)
        if revealed:
            await pilot.press("1")
            await quiet(pilot)

    assert snap_compare(TradeoffApp(), terminal_size=(80, 24), run_before=vote)


def test_trial_keys(snap_compare):
    async def keys(pilot) -> None:
        from tui.screens.trial import TrialScreen

        await loaded(pilot, THEMES["dark"])
        await pilot.app.push_screen(TrialScreen(["openai/a", "openai/b"], {}, lambda model: PRICE))
        await pilot.press("f1")
        await quiet(pilot)

    assert snap_compare(TradeoffApp(), terminal_size=(80, 24), run_before=keys)


# --- batch and routing ---------------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_batch(snap_compare, fault_url, monkeypatch, size, theme):
    monkeypatch.chdir(ROOT)  # the file box shows the path as given: the same in every checkout

    async def run(pilot) -> None:
        from tui.screens.batch import BatchScreen

        await loaded(pilot, THEMES[theme])
        models = ["openai/healthy", "openai/delay-50", "openai/server-error"]
        screen = BatchScreen(
            models, {m: fault_url for m in models}, lambda model: PRICE, "tests/data/batch_snapshot.jsonl"
        )
        await pilot.app.push_screen(screen)
        await pilot.click("#batch-run")
        await pilot.app.workers.wait_for_complete()
        await quiet(pilot)

    assert snap_compare(TradeoffApp(), terminal_size=SIZES[size], run_before=run)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_routing(snap_compare, monkeypatch, size, theme):
    monkeypatch.chdir(ROOT)  # the file box shows the path as given: the same in every checkout

    async def route(pilot) -> None:
        from tui.screens.routing import RoutingScreen

        await loaded(pilot, THEMES[theme])
        prices = "cheap/model-small=1,2 strong/model-large=10,20"
        await pilot.app.push_screen(RoutingScreen(RESULTS, prices=prices, requests_per_day=10_000))
        await quiet(pilot)

    assert snap_compare(TradeoffApp(), terminal_size=SIZES[size], run_before=route)
