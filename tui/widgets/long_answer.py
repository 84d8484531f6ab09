"""An answer written into the chat piece by piece, in bounded steps, and in parts once it is long.

Textual lays out every block of a Markdown each time the Markdown grows, and MarkdownStream
appends everything pending in one step. So a long answer in one widget, or a large piece at
once, held the event loop for 100-500 ms (bench/bench_tui.py --stalls). Here each step appends
at most about STEP characters and the screen paints between large steps; past PART characters
the finished blocks stay in their part and the answer goes on in a new one, so a step lays out
one small part, however long the answer grows.
"""

from __future__ import annotations

import asyncio
from contextlib import ExitStack

from markdown_it import MarkdownIt
from textual.widget import Widget
from textual.widgets import Markdown

from tui.heap import full_collections_paused

STEP = 1_000  # characters appended at once, at most (cut after a blank line)
PART = 2_000  # characters; past this the answer goes on in a new part
FRAME = 1 / 50  # seconds; the screen lays out and paints at most 60 times a second

# Blocks whose top margin is 0 in Textual's Markdown CSS: one can open a part with no visible
# seam (the parts' margins add up where one Markdown's collapse).
_NO_TOP_MARGIN = {"paragraph_open", "bullet_list_open", "ordered_list_open"}


class AnswerPart(Markdown):
    """A continuation of the answer above it, styled as the same message."""

    def __init__(self) -> None:
        super().__init__(classes="message assistant answer-part")


class AnswerWriter:
    """Writes one answer into `first` (mounted in `chat`) and the parts it continues in."""

    def __init__(self, chat: Widget, first: Markdown) -> None:
        self.chat, self.first = chat, first
        self.parts: list[AnswerPart] = []
        self.text = ""  # the whole answer, as written
        self._part, self._part_text, self._cut_check_at = first, "", PART
        self._pending = ""
        self._wake = asyncio.Event()
        self._ending = False
        self._task: asyncio.Task[None] | None = None
        self._paused = ExitStack()
        # A full collection scans every widget of the chat (80-160 ms once an answer has hundreds);
        # it waits until the answer is written.
        self._paused.enter_context(full_collections_paused())

    async def write(self, piece: str) -> None:
        self.text += piece
        self._pending += piece
        self._wake.set()
        if self._task is None:
            self._task = asyncio.create_task(self._run())
        await asyncio.sleep(0)  # as MarkdownStream.write: the writer catches up when it can

    async def finish(self) -> None:
        """Until everything written is on the screen."""
        self._ending = True
        self._wake.set()
        try:
            if self._task is not None:
                await self._task
        finally:
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
                self._part_text += step
                await self._part.append(step)
                await self._continue_if_long()
                # Let the screen lay out and paint a large step before the next one.
                await asyncio.sleep(FRAME if len(step) > STEP // 2 else 0)
            if self._ending:
                return

    async def _continue_if_long(self) -> None:
        if len(self._part_text) < self._cut_check_at:
            return
        self._cut_check_at = max(len(self._part_text) + STEP // 2, len(self._part_text) * 5 // 4)
        line = cut_line(self._part_text)
        if line is None:
            return
        moved = "".join(self._part_text.splitlines(keepends=True)[line:])
        await self._part.remove_children([block for block in self._part.children if _starts_at_or_after(block, line)])
        self._part.add_class("-continued")
        self._part, self._part_text, self._cut_check_at = AnswerPart(), moved, PART
        self.parts.append(self._part)
        await self.chat.mount(self._part)
        await self._part.append(moved)


def cut_line(markdown: str) -> int | None:
    """The line a new part can start at: the latest top-level block, other than the first and the
    last (still being written, so its kind may change), that opens with no top margin."""
    starts = [(token.map[0], token.type) for token in MarkdownIt("gfm-like").parse(markdown)
              if token.level == 0 and token.map is not None]  # fmt: skip
    for line, kind in reversed(starts[1:-1]):
        if kind in _NO_TOP_MARGIN:
            return line
    return None


def _next_step(pending: str) -> str:
    """All of `pending`, or its first STEP-odd characters up to a blank line when it is longer."""
    if len(pending) <= STEP:
        return pending
    end = pending.find("\n\n", STEP)
    return pending if end < 0 else pending[: end + 2]


def _starts_at_or_after(block: object, line: int) -> bool:
    source_range = getattr(block, "source_range", None)
    return source_range is not None and source_range[0] >= line
