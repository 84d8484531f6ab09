"""Append-only wrapped text for streaming answers.

A Static holding a growing answer re-wraps and re-renders all of it on every update, so four long
answers streaming at once stall the event loop for hundreds of milliseconds. Here an append
re-wraps only the last paragraph and a repaint draws only the visible lines.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.content import Content
from textual.events import Resize
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

# A model's output may carry escape sequences; written raw they would move the terminal's cursor.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class StreamingText(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    StreamingText {
        height: 1fr;
        scrollbar-gutter: stable;
    }
    """

    def __init__(self, *, classes: str | None = None, id: str | None = None) -> None:
        super().__init__(classes=classes, id=id)
        self._paragraphs: list[str] = [""]
        self._lines: list[str] = []  # the paragraphs wrapped to the current width
        self._last_paragraph_line = 0  # where the last paragraph starts in _lines
        self._width = 0
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._style = Style()
        self._paint_width = 0

    @property
    def text(self) -> str:
        return "\n".join(self._paragraphs)

    @property
    def line_count(self) -> int:
        return len(self._lines)

    @property
    def allow_select(self) -> bool:
        return True

    def on_mount(self) -> None:
        self.anchor()  # follow the end as text arrives, until the reader scrolls up

    def append(self, text: str) -> None:
        """Add text at the end."""
        text = _CONTROL.sub("\ufffd", text.replace("\r", "").expandtabs())
        if not text:
            return
        growing, starts_at = len(self._paragraphs) - 1, self._last_paragraph_line
        first, *rest = text.split("\n")
        self._paragraphs[-1] += first
        self._paragraphs.extend(rest)
        self._rewrap(growing, starts_at)  # earlier paragraphs are already wrapped

    def clear(self) -> None:
        self._paragraphs = [""]
        self._rewrap(0, 0)
        self.anchor()

    def _rewrap(self, first_paragraph: int, start: int) -> None:
        """Wrap paragraphs from first_paragraph on into _lines from line start on."""
        del self._lines[start:]
        for index in range(first_paragraph, len(self._paragraphs)):
            if index == len(self._paragraphs) - 1:
                self._last_paragraph_line = len(self._lines)
            self._lines.extend(self._wrap(self._paragraphs[index]))
        for line in [line for line in list(self._strips.keys()) if line >= start]:
            self._strips.discard(line)
        self.virtual_size = Size(self._width, len(self._lines))
        self.refresh()

    def _wrap(self, paragraph: str) -> list[str]:
        if not paragraph or self._width <= 0:
            return [paragraph]
        return [line.plain.rstrip() for line in Content(paragraph).wrap(self._width)]

    def on_resize(self, event: Resize) -> None:
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width = width
            self._strips.clear()
            self._rewrap(0, 0)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract("\n".join(self._lines)), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def render_lines(self, crop: Region) -> list[Strip]:
        # Looked up once per paint, not per line: both walk the DOM.
        self._style, self._paint_width = self.rich_style, self.scrollable_content_region.width
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width, style = self._paint_width, self._style
        if index >= len(self._lines):
            return Strip.blank(width, style)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._render_strip(index)
        return strip.crop_extend(0, width, style).apply_offsets(0, index)

    def _render_strip(self, index: int) -> Strip:
        selection = self.text_selection
        line = self._lines[index]
        if selection is None:
            strip = Strip([Segment(line, self._style)])
            self._strips[index] = strip
            return strip
        text = Text(line, style=self._style, no_wrap=True)
        if (span := selection.get_span(index)) is not None:
            start, end = span
            selected = self.screen.get_component_rich_style("screen--selection")
            text.stylize(selected, start, len(line) if end == -1 else end)
        return Strip(text.render(self.app.console))
