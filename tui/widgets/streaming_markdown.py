"""Append-only Markdown for streaming answers.

Textual's Markdown widget re-parses and re-lays-out its growing last block on every append, and a
Static re-wraps all of its text, so four long answers streaming at once stall the event loop. Here
an append re-styles and re-wraps only the last source line (see markdown_lines), a repaint draws
only the visible lines, and growing never triggers a layout pass of the screen.
"""

from __future__ import annotations

from textual.cache import LRUCache
from textual.content import Content
from textual.events import Resize
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from agent.terminal_text import visible
from tui.widgets.markdown_lines import COMPONENT_CLASSES, COMPONENT_CSS, style_line
from tui.widgets.markdown_text import CachedLines, paint


class StreamingMarkdown(CachedLines, ScrollView, can_focus=True):
    COMPONENT_CLASSES = COMPONENT_CLASSES
    DEFAULT_CSS = f"""
    StreamingMarkdown {{
        height: 1fr;
        overflow-y: scroll;  /* a scrollbar appearing mid-stream would re-lay-out the screen */
        {COMPONENT_CSS}
    }}
    """

    def __init__(self, *, classes: str | None = None, id: str | None = None) -> None:
        super().__init__(classes=classes, id=id)
        self._sources: list[str] = [""]  # the answer's lines as they arrived
        self._fences: list[str | None] = [None]  # the code fence open before each source line
        self._lines: list[Content] = []  # the source lines styled and wrapped to the current width
        self._last_source_line = 0  # where the last source line starts in _lines
        self._width = 0
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._style = Style()
        self._paint_width = 0

    @property
    def text(self) -> str:
        """The answer as it arrived (Markdown source)."""
        return "\n".join(self._sources)

    @property
    def shown(self) -> list[str]:
        """The lines as displayed, Markdown markers removed."""
        return [line.plain for line in self._lines]

    @property
    def line_count(self) -> int:
        return len(self._lines)

    @property
    def allow_select(self) -> bool:
        return True

    def append(self, text: str) -> None:
        """Add text at the end."""
        # A model's output may carry escape sequences or bidi overrides: shown visibly, never sent raw.
        text = visible(text.replace("\r", "").expandtabs(), keep="\n")
        if not text:
            return
        growing, starts_at = len(self._sources) - 1, self._last_source_line
        first, *rest = text.split("\n")
        self._sources[-1] += first
        self._sources.extend(rest)
        self._fences.extend([None] * len(rest))
        self._restyle(growing, starts_at)  # earlier lines never change

    def clear(self) -> None:
        self._sources, self._fences = [""], [None]
        self._restyle(0, 0)
        self.scroll_home(animate=False, immediate=True)

    def _restyle(self, first_source: int, start: int) -> None:
        """Style and wrap source lines from first_source on into _lines from line start on."""
        del self._lines[start:]
        fence = self._fences[first_source]
        for index in range(first_source, len(self._sources)):
            self._fences[index] = fence
            if index == len(self._sources) - 1:
                self._last_source_line = len(self._lines)
            styled, fence = style_line(self._sources[index], fence)
            self._lines.extend(styled.wrap(self._width) if self._width > 0 else [styled.body])
        for line in [line for line in list(self._strips.keys()) if line >= start]:
            self._strips.discard(line)
        self._grow_to(Size(self._width, len(self._lines)))
        self.refresh()

    def _grow_to(self, size: Size) -> None:
        """Set the scrollable size without a layout pass (`virtual_size = ...` re-lays-out the
        whole screen), and follow the end if the reader was at it."""
        if size == self.virtual_size:
            return
        following = self.scroll_y >= self.max_scroll_y
        self.set_reactive(Widget.virtual_size, size)
        self._scroll_update(size)
        if following:
            self.scroll_y = self.max_scroll_y

    def on_resize(self, event: Resize) -> None:
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width = width
            self._strips.clear()
            self._restyle(0, 0)

    def render_lines(self, crop: Region) -> list[Strip]:
        # Looked up once per paint, not per line: both walk the DOM.
        self._style, self._paint_width = self.visual_style, self.scrollable_content_region.width
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width, style = self._paint_width, self._style.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, style)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._render_strip(index)
        return strip.crop_extend(0, width, style).apply_offsets(0, index)

    def _render_strip(self, index: int) -> Strip:
        strip = paint(self, self._lines[index], index, self._style)
        if self.text_selection is None:
            self._strips[index] = strip
        return strip
