"""An answer written into the chat piece by piece, in bounded steps.

The advisor may hand a whole 2,000-word answer at once, or 2,000 pieces faster than the screen
paints. Each step appends at most about STEP characters to the message, and the screen paints
between large steps, so no single step styles and wraps a whole long answer.
"""

from __future__ import annotations

import asyncio
from contextlib import ExitStack

from tui.heap import freeze_written, full_collections_paused
from tui.widgets.markdown_text import MarkdownText

STEP = 1_000  # characters appended at once, at most (cut after a line or a word)
FRAME = 1 / 50  # seconds; the screen lays out and paints at most 60 times a second


class AnswerWriter:
    """Writes one answer into `message`."""

    def __init__(self, message: MarkdownText) -> None:
        self.message = message
        self.text = ""  # the whole answer, as written
        self._pending = ""
        self._wake = asyncio.Event()
        self._ending = False
        self._task: asyncio.Task[None] | None = None
        self._paused = ExitStack()
        # A full collection scans every object the app has made since the last freeze; it waits
        # until the answer is written.
        self._paused.enter_context(full_collections_paused())

    async def write(self, piece: str) -> None:
        self.text += piece
        self._pending += piece
        self._wake.set()
        if self._task is None:
            self._task = asyncio.create_task(self._run())
        await asyncio.sleep(0)  # the writer catches up when it can

    async def finish(self) -> None:
        """Until everything written is on the screen; then what it made is frozen out of the
        collector's view before full collections resume, so the first one has nothing to walk
        (resumed first, it walked the whole conversation: ~50 ms)."""
        self._ending = True
        self._wake.set()
        try:
            if self._task is not None:
                await self._task
        finally:
            freeze_written()
            self._paused.close()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._paused.close()

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._pending:
                step = _next_step(self._pending)
                self._pending = self._pending[len(step) :]
                self.message.append(step)
                # Let the screen lay out and paint a large step before the next one.
                await asyncio.sleep(FRAME if len(step) > STEP // 2 else 0)
            if self._ending:
                return


def _next_step(pending: str) -> str:
    """All of `pending`, or its first STEP-odd characters up to the end of a line (or a word) when
    it is longer."""
    if len(pending) <= STEP:
        return pending
    ends = [end for end in (pending.find("\n", STEP), pending.find(" ", STEP)) if end >= 0]
    return pending[: min(ends) + 1] if ends else pending
