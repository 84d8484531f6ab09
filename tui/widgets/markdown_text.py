"""Markdown as one widget: a chat message, however long, growing as an answer streams in.

Textual's Markdown mounts a widget per block, list, item and paragraph, and Textual lays out every
widget on the screen each frame: a 2,000-word answer with 50 short lists was ~560 widgets, and one
frame after it arrived held the event loop for 100-400 ms (bench/bench_tui.py --stalls). Here a
message is one widget whose height is its wrapped line count; the lines are styled by
markdown_lines (as the trial panes' are), a table as a whole so its columns line up. An append
styles again only the last source line, or the table it is in; earlier lines never change.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from tui.widgets.markdown_lines import (
    COMPONENT_CLASSES,
    COMPONENT_CSS,
    StyledLine,
    is_table_line,
    style_line,
    table,
)


@dataclass
class _Unit:
    """Source lines styled together (one line, or a table): where they start in the source and in
    the wrapped lines."""

    source: int
    line: int
    table: bool = False


class CachedLines(Widget):
    """Selection and restyling for a widget that paints its `shown` lines from a cache of strips."""

    _strips: LRUCache[int, Strip]

    @property
    def shown(self) -> list[str]:
        raise NotImplementedError

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract("\n".join(self.shown)), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()


class MarkdownText(CachedLines):
    COMPONENT_CLASSES = COMPONENT_CLASSES
    DEFAULT_CSS = f"""
    MarkdownText {{
        height: auto;
        {COMPONENT_CSS}
        /* as Textual's Markdown colours them, as the chat's messages were */
        & > .md--h1 {{ color: $markdown-h1-color; text-style: $markdown-h1-text-style; }}
        & > .md--h2 {{ color: $markdown-h2-color; text-style: $markdown-h2-text-style; }}
        & > .md--h3 {{ color: $markdown-h3-color; text-style: $markdown-h3-text-style; }}
        & > .md--bullet {{ color: $text-primary; }}
        & > .md--code {{ background: $warning 10%; color: $text-warning 95%; }}
    }}
    """

    def __init__(self, text: str = "", *, markdown: bool = True, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.markdown = markdown  # False: every line shown as typed
        self._sources: list[str] = [""]  # the text's lines
        self._fences: list[str | None] = [None]  # the code fence open before each source line
        self._units: list[_Unit] = []
        self._lines: list[Content] = []  # styled and wrapped to _width
        self._width = 0  # 0: not wrapped yet
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._style = Style()
        # The last source line as it was styled and wrapped: (where, fence, width), styled, wrapped.
        self._last: tuple[tuple[int, str | None, int], StyledLine, list[Content]] | None = None
        if text:
            self.append(text)

    @property
    def source(self) -> str:
        return "\n".join(self._sources)

    @property
    def shown(self) -> list[str]:
        """The lines as displayed, Markdown markers removed."""
        return [line.plain for line in self._lines[: self._height()]]

    @property
    def allow_select(self) -> bool:
        return True

    def update(self, text: str) -> None:
        self._sources, self._fences, self._width, self._last = [""], [None], 0, None
        self.append(text)  # styled at the next layout
        self.refresh(layout=True)

    def append(self, text: str) -> None:
        text = text.replace("\r", "").expandtabs()
        if not text:
            return
        first, *rest = text.split("\n")
        self._sources[-1] += first
        self._sources.extend(rest)
        self._fences.extend([None] * len(rest))
        if self._width:
            height = self._height()
            self._restyle(self._growing())
            self.refresh(layout=self._height() != height)

    def _growing(self) -> _Unit:
        """The unit the last source line is in, or the table it now goes on."""
        if not self._units:
            return _Unit(0, 0)
        last = self._units[-1]
        if len(self._units) > 1 and self._units[-2].table and is_table_line(self._sources[last.source]):
            return self._units[-2]
        return last

    def _height(self) -> int:
        """The wrapped lines but trailing blank ones (a stream's pending paragraph break)."""
        height = len(self._lines)
        while height and not self._lines[height - 1].cell_length:
            height -= 1
        return height

    def _rewrap(self, width: int) -> None:
        if width != self._width:
            self._width = width
            self._restyle(_Unit(0, 0))

    def _restyle(self, start: _Unit) -> None:
        """Style and wrap the source from `start` on."""
        del self._lines[start.line :]
        while self._units and self._units[-1].source >= start.source:
            self._units.pop()
        index, fence = start.source, self._fences[start.source]
        while index < len(self._sources):
            line = self._sources[index]
            self._fences[index] = fence
            self._units.append(_Unit(index, len(self._lines), self.markdown and fence is None and is_table_line(line)))
            if not self.markdown:
                self._lines.extend(line.rstrip() for line in Content(line).wrap(self._width) or [Content("")])
                index += 1
            elif fence is None and is_table_line(line):
                end = index
                while end < len(self._sources) and is_table_line(self._sources[end]):
                    self._fences[end] = None
                    end += 1
                self._lines.extend(table(self._sources[index:end], self._width))
                index = end
            else:
                styled, after = style_line(line, fence)
                blank = after is None and not line.strip()
                if not (blank and (index == 0 or not self._sources[index - 1].strip())):  # blank lines collapse
                    self._lines.extend(self._wrap_line(index, fence, styled))
                index, fence = index + 1, after
        for cached in [line for line in list(self._strips.keys()) if line >= start.line]:
            self._strips.discard(cached)

    def _wrap_line(self, index: int, fence: str | None, styled: StyledLine) -> list[Content]:
        """The line wrapped; the last source line, which grows as an answer streams, from how it
        was wrapped before."""
        if index != len(self._sources) - 1:
            return styled.wrap(self._width)
        key = (index, fence, self._width)
        before = self._last if self._last is not None and self._last[0] == key else None
        lines = styled.wrap(self._width) if before is None else styled.wrap_after(self._width, before[1], before[2])
        self._last = (key, styled, lines)
        return lines

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._rewrap(max(width, 1))
        return self._height()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._style = self.visual_style  # looked up once per paint, not per line: it walks the DOM
        self._rewrap(self.size.width)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        style = self._style.rich_style
        if y >= len(self._lines):
            return Strip.blank(width, style)
        strip = self._strips.get(y)
        if strip is None:
            strip = self._render_strip(y)
        return strip.crop_extend(0, width, style).apply_offsets(0, y)

    def _render_strip(self, y: int) -> Strip:
        strip = paint(self, self._lines[y], y, self._style)
        if self.text_selection is None:
            self._strips[y] = strip
        return strip


def paint(widget: Widget, line: Content, y: int, style: Style) -> Strip:
    """Line `y` of a widget's styled lines as a Strip, over `style` (the widget's): the selection
    on it highlighted; spans naming component classes (".md--code") coloured by the theme's CSS."""
    selection = widget.text_selection
    if selection is not None and (span := selection.get_span(y)) is not None:
        start, end = span
        selected = Style.from_rich_style(widget.screen.get_component_rich_style("screen--selection"))
        line = line.stylize(selected, start, len(line) if end == -1 else end)

    def component_style(name: str | Style) -> Style:
        if isinstance(name, Style):
            return name
        return widget.get_visual_style(name[1:], partial=True) if name.startswith(".") else Style.parse(name)

    segments = [
        Segment(text, part.rich_style) for text, part in line.render(style, end="", parse_style=component_style)
    ]
    return Strip(segments, line.cell_length)
