"""Markdown, one source line at a time, for text that is still arriving.

A streamed answer is never whole until it ends, so each line is styled from itself and one piece
of state carried down from the lines before it: whether a code fence is open. A finished line never
changes, so only the growing last line is styled again as text arrives. An unclosed `**` or `` ` ``
shows as typed until its closing marker arrives.

Covers what models write: ATX headings, bullet and numbered lists, block quotes, fenced code,
rules, table rows, and inline code, bold, italic, strikethrough and links. Spans name component
classes (".md--code") so the widget's theme decides the colours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.content import Content

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*([^`\s]*)")
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+(.*)$")
_NUMBERED = re.compile(r"^([ \t]*)(\d{1,9}[.)])[ \t]+(.*)$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?(.*)$")
_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_TABLE_DIVIDER = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_INLINE = re.compile(
    r"\\(?P<escaped>[!-/:-@\[-`{-~])"  # a backslash escape: the character as typed
    r"|(?P<ticks>`+)(?P<code>.+?)(?P=ticks)"
    r"|\*\*(?P<strong>\S(?:.*?\S)?)\*\*"
    r"|__(?P<strong_>\S(?:.*?\S)?)__"
    r"|~~(?P<strike>\S(?:.*?\S)?)~~"
    r"|\[(?P<link>[^\]]+)\]\((?P<url>[^)\s]+)\)"
    r"|(?<![\w*])\*(?P<em>[^*\s](?:[^*]*?[^*\s])?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<em_>[^_\s](?:[^_]*?[^_\s])?)_(?![\w_])"
)
_INLINE_STYLES = {
    "strong": ".md--strong",
    "strong_": ".md--strong",
    "em": ".md--em",
    "em_": ".md--em",
    "strike": ".md--strike",
    "link": ".md--link",
}
BULLETS = "•◦▪"
# The spans' component classes, and their styles for a widget's DEFAULT_CSS (inside its selector).
COMPONENT_CLASSES = {
    "md--h1", "md--h2", "md--h3", "md--strong", "md--em", "md--strike", "md--link",
    "md--code", "md--fence", "md--bullet", "md--quote", "md--rule",
}  # fmt: skip
COMPONENT_CSS = """
    & > .md--h1 { color: $text-accent; text-style: bold underline; }
    & > .md--h2 { color: $text-accent; text-style: bold; }
    & > .md--h3 { text-style: bold; }
    & > .md--strong { text-style: bold; }
    & > .md--em { text-style: italic; }
    & > .md--strike { text-style: strike; }
    & > .md--link { color: $text-accent; text-style: underline; }
    & > .md--code { color: $text-warning; }
    & > .md--fence { color: $text-muted; }
    & > .md--bullet { color: $text-accent; }
    & > .md--quote { color: $text-muted; text-style: italic; }
    & > .md--rule { color: $text-muted; }
"""


@dataclass(frozen=True)
class StyledLine:
    """One source line, styled: `first` prefixes its first wrapped line and `rest` the others
    (a hanging indent), `body` is wrapped to what is left of the width."""

    body: Content
    first: str = ""
    rest: str = ""
    prefix_style: str = ""
    rule: bool = False  # draw across the whole width
    code: bool = False  # fold, don't word-wrap
    hidden: bool = False  # takes no line (a closing fence)

    def wrap(self, width: int) -> list[Content]:
        if self.hidden:
            return []
        if self.rule:
            return [Content("─" * max(width, 1)).stylize(".md--rule")]
        room = max(width - len(self.first), 1)
        lines = self.body.fold(room) if self.code else self.body.wrap(room)
        lines = [line.rstrip() for line in lines] or [Content("")]
        prefixes = [self.first] + [self.rest] * (len(lines) - 1)
        return [Content(prefix).stylize(self.prefix_style) + line for prefix, line in zip(prefixes, lines, strict=True)]

    def wrap_after(self, width: int, before: StyledLine, lines: list[Content]) -> list[Content]:
        """The same as wrap(width), given the `lines` that `before` (this line with less text at its
        end) wrapped to: when the text before its last wrapped line is unchanged, only that line is
        wrapped again, so a paragraph growing a word at a time costs a line, not the paragraph."""
        kind = (self.first, self.rest, self.prefix_style, self.rule, self.code, self.hidden)
        if len(lines) < 2 or self.rule or self.code or self.hidden or kind != (
            before.first, before.rest, before.prefix_style, before.rule, before.code, before.hidden
        ):  # fmt: skip
            return self.wrap(width)
        old, new = before.body, self.body
        start = 0
        for index, line in enumerate(lines[:-1]):
            start += len(line.plain) - len(self.first if index == 0 else self.rest)
            while start < len(old.plain) and old.plain[start].isspace():  # the break's spaces, stripped
                start += 1
        last = lines[-1].plain[len(self.rest) :]
        if not old.plain.startswith(last, start) or new.plain[:start] != old.plain[:start] or (
            [span for span in new.spans if span.start < start] != [span for span in old.spans if span.start < start]
        ):  # fmt: skip
            return self.wrap(width)
        room = max(width - len(self.first), 1)
        tail = [line.rstrip() for line in new[start:].wrap(room)] or [Content("")]
        return lines[:-1] + [Content(self.rest).stylize(self.prefix_style) + line for line in tail]


def style_line(line: str, fence: str | None) -> tuple[StyledLine, str | None]:
    """Style one source line given the fence open before it; returns the fence open after it."""
    fence_match = _FENCE.match(line)
    if fence is not None:
        closes = fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence)
        if closes and not line.strip().strip(fence[0]):
            return StyledLine(Content(""), hidden=True), None
        return StyledLine(Content(line).stylize(".md--code"), "▌ ", "▌ ", ".md--fence", code=True), fence
    if fence_match:  # the opening fence shows the block's language, if it names one
        language = Content(fence_match.group(2)).stylize(".md--fence")
        return StyledLine(language, "▌ ", "▌ ", ".md--fence"), fence_match.group(1)
    if heading := _HEADING.match(line):
        level = len(heading.group(1))
        return StyledLine(inline(heading.group(2)).stylize(f".md--h{min(level, 3)}")), None
    if _RULE.match(line):
        return StyledLine(Content(""), rule=True), None
    if bullet := _BULLET.match(line):
        depth = _depth(bullet.group(1))
        marker = "  " * depth + BULLETS[depth % len(BULLETS)] + " "
        return StyledLine(inline(bullet.group(2)), marker, " " * len(marker), ".md--bullet"), None
    if numbered := _NUMBERED.match(line):
        marker = "  " * _depth(numbered.group(1)) + numbered.group(2) + " "
        return StyledLine(inline(numbered.group(3)), marker, " " * len(marker), ".md--bullet"), None
    if quote := _QUOTE.match(line):
        return StyledLine(inline(quote.group(1)).stylize(".md--quote"), "▌ ", "▌ ", ".md--quote"), None
    if _TABLE_DIVIDER.match(line) and "|" in line:
        return StyledLine(Content(""), rule=True), None
    if line.lstrip().startswith("|"):
        return StyledLine(_table_row(line.strip())), None
    return StyledLine(inline(line.strip())), None


def inline(text: str) -> Content:
    """Inline code, bold, italic, strikethrough and links; markers are dropped once closed."""
    parts: list[Content] = []
    position = 0
    for match in _INLINE.finditer(text):
        parts.append(Content(text[position : match.start()]))
        position = match.end()
        if match.group("escaped") is not None:
            parts.append(Content(match.group("escaped")))
            continue
        if match.group("code") is not None:
            parts.append(Content(match.group("code")).stylize(".md--code"))
            continue
        kind = next(name for name in _INLINE_STYLES if match.group(name) is not None)
        parts.append(inline(match.group(kind)).stylize(_INLINE_STYLES[kind]))
    parts.append(Content(text[position:]))
    return Content("").join(parts)


def _table_row(line: str) -> Content:
    divider = Content(" │ ").stylize(".md--rule")
    return divider.join(inline(cell) for cell in table_cells(line))


def is_table_line(line: str) -> bool:
    return line.lstrip().startswith("|") or bool(_TABLE_DIVIDER.match(line) and "|" in line)


def table_cells(line: str) -> list[str]:
    """A row's cells; a `|` escaped with a backslash or inside inline code stays in its cell."""
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    cells, cell, ticks = [], "", 0
    position = 0
    while position < len(row):
        char = row[position]
        if char == "\\" and position + 1 < len(row):
            cell += row[position : position + 2]
            position += 2
            continue
        if char == "`":
            run = len(row[position:]) - len(row[position:].lstrip("`"))
            ticks = 0 if ticks == run else ticks or run
            cell += "`" * run
            position += run
            continue
        if char == "|" and not ticks:
            cells.append(cell.strip())
            cell = ""
        else:
            cell += char
        position += 1
    return [*cells, cell.strip()]


def table(lines: list[str], width: int) -> list[Content]:
    """A whole table (its source lines), its columns aligned and, when it is wider than `width`,
    its cells wrapped within their columns."""
    rows: list[list[Content]] = []
    aligns: list[str] = []
    header = 0
    for line in lines:
        if _TABLE_DIVIDER.match(line) and "|" in line and not header and rows:
            header = len(rows)
            aligns = [_align(cell) for cell in table_cells(line)]
            continue
        rows.append([inline(cell) for cell in table_cells(line)])
    if not rows:
        return [Content("─" * max(width, 1)).stylize(".md--rule")]
    columns = max(len(row) for row in rows)
    rows = [row + [Content("")] * (columns - len(row)) for row in rows]
    aligns = (aligns + ["left"] * columns)[:columns]
    widths = _column_widths([max(row[column].cell_length for row in rows) for column in range(columns)],
                            width - 3 * (columns - 1))  # fmt: skip
    divider = Content(" │ ").stylize(".md--rule")
    out: list[Content] = []
    for index, row in enumerate(rows):
        if index == header and header:
            out.append(Content("─┼─".join("─" * w for w in widths)).stylize(".md--rule"))
        cells = [cell.stylize(".md--strong") if index < header else cell for cell in row]
        wrapped = [[line.rstrip() for line in cell.wrap(w)] or [Content("")]
                   for cell, w in zip(cells, widths, strict=True)]  # fmt: skip
        for y in range(max(len(lines) for lines in wrapped)):
            parts = [_fit(lines[y] if y < len(lines) else Content(""), w, align)
                     for lines, w, align in zip(wrapped, widths, aligns, strict=True)]  # fmt: skip
            out.append(divider.join(parts).rstrip())
    return out


def _align(divider_cell: str) -> str:
    cell = divider_cell.strip()
    if cell.startswith(":") and cell.endswith(":"):
        return "center"
    return "right" if cell.endswith(":") else "left"


def _fit(cell: Content, width: int, align: str) -> Content:
    room = width - cell.cell_length
    left = room if align == "right" else room // 2 if align == "center" else 0
    return cell.pad(left, room - left)


def _column_widths(natural: list[int], room: int) -> list[int]:
    """Each column its natural width if they all fit in `room`; otherwise the narrow ones keep
    theirs and the wide ones share what is left equally (at least 3 cells each)."""
    natural = [max(n, 1) for n in natural]
    if sum(natural) <= room:
        return natural
    widths = list(natural)
    open_columns = sorted(range(len(natural)), key=lambda column: natural[column])
    left = room
    while open_columns:
        share = left // len(open_columns)
        column = open_columns[0]
        if natural[column] <= share:
            left -= natural[column]
            open_columns.pop(0)
            continue
        for column in open_columns:
            widths[column] = max(share, 3)
        break
    return widths


def _depth(indent: str) -> int:
    return len(indent.expandtabs(4)) // 2
