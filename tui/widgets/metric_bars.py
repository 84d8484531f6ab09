"""A titled horizontal bar chart of one metric across models, drawn with eighth blocks.

Cheap to draw (a few lines of text), so a trial's end does not pause the screen the way a plotted
chart does, and every bar carries its value.
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float, largest: float, width: int) -> str:
    """A bar `width` cells long at `largest`, in eighths of a cell."""
    if largest <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = round(value / largest * width * 8)
    full, part = divmod(max(eighths, 1), 8)  # a positive value always shows
    return "█" * full + (_EIGHTHS[part] if part else "")


def bar_lines(title: str, rows: list[tuple[str, float | None, str]], width: int) -> list[str]:
    """Title, then one line per (name, value, value as text); a missing value says so."""
    name_width = max((len(name) for name, _, _ in rows), default=0)
    text_width = max((len(text) for _, _, text in rows), default=0)
    room = max(width - name_width - text_width - 2, 1)
    largest = max((value for _, value, _ in rows if value), default=0.0)
    lines = [title]
    for name, value, text in rows:
        drawn = bar(value or 0.0, largest, room)
        lines.append(f"{name:<{name_width}} {drawn}{' ' * (room - len(drawn))} {text:>{text_width}}")
    return lines


class MetricBars(Widget):
    DEFAULT_CSS = """
    MetricBars {
        height: 1fr;
        width: 1fr;
        padding: 0 1;
        & > .metric-bars--bar { color: $accent; }
        & > .metric-bars--title { text-style: bold; }
    }
    """
    COMPONENT_CLASSES = {"metric-bars--bar", "metric-bars--title"}

    # The chart's height is set by CSS: new rows repaint it without a layout pass.
    rows: reactive[list[tuple[str, float | None, str]]] = reactive(list, layout=False)

    def __init__(self, title: str, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.title = title

    def show(self, rows: list[tuple[str, float | None, str]]) -> None:
        self.rows = rows

    def render(self) -> Content:
        lines = bar_lines(self.title, self.rows, self.content_region.width or 40)
        content = Content("\n".join(lines)).stylize(".metric-bars--title", 0, len(lines[0]))
        for start in _bar_spans(lines):
            content = content.stylize(".metric-bars--bar", *start)
        return content


def _bar_spans(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) offsets of the block characters in the joined lines."""
    spans, offset = [], 0
    for line in lines:
        blocks = [index for index, char in enumerate(line) if char in "█" + _EIGHTHS[1:]]
        if blocks:
            spans.append((offset + blocks[0], offset + blocks[-1] + 1))
        offset += len(line) + 1
    return spans
