"""How the main screens look, at 80x24 and 120x40 (pytest-textual-snapshot)."""

from __future__ import annotations

import pytest

from tui.app import TradeoffApp


@pytest.fixture(autouse=True)
def deterministic(monkeypatch):
    monkeypatch.setenv("TRADEOFF_LOAD_EMBEDDINGS", "false")
    monkeypatch.setenv("TEXTUAL_CURSOR_BLINK", "0")


async def loaded(pilot) -> None:
    # The loading worker starts after the first frame; wait for it to exist, then to finish.
    for _ in range(200):
        if pilot.app.advisor is not None:
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.screen.query_one("#prompt").cursor_blink = False


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_main_screen(snap_compare, size):
    assert snap_compare(TradeoffApp(), terminal_size=size, run_before=loaded)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_help_screen(snap_compare, size):
    async def open_help(pilot) -> None:
        await loaded(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(TradeoffApp(), terminal_size=size, run_before=open_help)
