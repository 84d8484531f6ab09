"""The timer that shows a trial's buffered chunks one pane per tick."""

from __future__ import annotations

import asyncio
from typing import Any

from textual.screen import Screen

from tui.widgets.trial_pane import TrialPane


class PaneFlusher:
    """Shows buffered chunks one pane per tick, in turn, so each pane updates ten times a second.

    Textual repaints everything dirty in one frame, over the rectangle that covers it all: panes
    updated together (as they were by one timer, or by chunks arriving at once) repaint together,
    and four panes side by side took one callback of 40-90 ms. One pane a tick keeps a frame to
    one pane.
    """

    PER_PANE_SECONDS = 0.1

    def __init__(self, screen: Screen[Any], panes: list[TrialPane]) -> None:
        self._panes = panes
        self._turn = 0
        self._timer = screen.set_interval(self.PER_PANE_SECONDS / len(panes), self._tick)

    def _tick(self) -> None:
        self._panes[self._turn % len(self._panes)].flush()
        self._turn += 1

    async def drain(self) -> None:
        """Wait for every pane's last turn (at most one round), then show what is still waiting:
        on a loaded machine the timer can fall behind, and a pane must not end on "streaming…"."""
        for _ in range(len(self._panes) + 1):
            if not any(pane.pending for pane in self._panes):
                return
            await asyncio.sleep(self.PER_PANE_SECONDS / len(self._panes))
        for pane in self._panes:
            pane.flush()

    def stop(self) -> None:
        self._timer.stop()
