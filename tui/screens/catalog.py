"""The catalog browser: every chat route of the catalog in a filterable, sortable table, with a
detail view of the highlighted route's figures and their sources."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.markup import escape
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.coordinate import Coordinate
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Static
from textual.widgets.data_table import ColumnKey

from catalog.display import context_size, milliseconds, money, price_per_million
from catalog.entries import Catalog, ModelEntry
from catalog.evidence import evidence_lines
from catalog.facts import facts_lines

# Rows go in as they come into view: a DataTable measures every cell it is given (3,000 rows at once
# stalled the screen ~350 ms), and every row added repaints the visible ones. A refill repaints all
# visible cells (20-100 ms on this machine), so keys typed quickly share one. bench/bench_catalog_screen.py.
FIRST_CHUNK = 60  # a screenful and some
CHUNK = 100
MORE_BEFORE_END = 20  # rows left below the view when the next chunk goes in
SETTLE_SECONDS = 0.15
NARROW = 110  # below this many columns the detail pane sits under the table
BESIDE_MODEL = 43  # cells the price, context and TTFT columns take with their padding, and the scrollbar


def _price(entry: ModelEntry) -> str:
    if entry.is_self_hosted_route and entry.self_hosting is not None:
        return f"GPU {money(entry.self_hosting.usd_per_gpu_hour)}/h"  # its tokens cost what the GPU hour costs
    if not entry.prices.known:
        return "?"
    return f"{price_per_million(entry.prices.input)} / {price_per_million(entry.prices.output)}"


def _cells(entry: ModelEntry) -> tuple[Text, ...]:
    """One row as text: routes and providers come from data files, so none of it is markup."""
    texts = (
        entry.id, _price(entry), context_size(entry.max_input_tokens), milliseconds(entry.ttft_ms),
        entry.provider, entry.tier or "-", "yes" if entry.open_weights else "",
    )  # fmt: skip
    return tuple(Text(text, no_wrap=True, overflow="ellipsis") for text in texts)


def _last_if_none(value: float | None) -> float:
    return math.inf if value is None else value


def _price_order(entry: ModelEntry) -> tuple[float, float]:
    """By input price, then output; self-hosted routes (priced by the GPU hour) and unknowns last."""
    if entry.is_self_hosted_route:
        return (math.inf, math.inf)
    return (_last_if_none(entry.prices.input), _last_if_none(entry.prices.output))


# column key, label, width (fixed, so the layout holds while rows arrive), sort key (missing figures last)
COLUMNS: tuple[tuple[str, str, int, Callable[[ModelEntry], Any]], ...] = (
    ("model", "model", 0, lambda e: e.id),  # as wide as the screen allows: see _model_width
    ("price", "$/M in / out", 17, _price_order),
    ("context", "context", 7, lambda e: -(e.max_input_tokens or 0)),  # the longest first
    ("ttft", "TTFT", 9, lambda e: _last_if_none(e.ttft_ms)),
    ("provider", "provider", 16, lambda e: e.provider),
    ("tier", "tier", 11, lambda e: e.tier or "~"),
    ("open", "open", 4, lambda e: not e.open_weights),
)


def rated_first(entry: ModelEntry) -> tuple[bool, str]:
    """The opening order: the routes the advisor ranks, then the rest of the price map, by name."""
    return (not entry.rated, entry.id)


def price_line(entry: ModelEntry) -> str:
    if entry.is_self_hosted_route and entry.self_hosting is not None:
        profile = entry.self_hosting
        return (
            f"price: self-hosted, {profile.gpu_count}x {profile.gpu} at {money(profile.usd_per_gpu_hour)}/GPU-hour, "
            f"{profile.throughput_tokens_per_s:,.0f} output tokens/s a replica ({profile.source})"
        )
    if not entry.prices.known:
        return "price: not listed"
    return (f"price: {price_per_million(entry.prices.input)} in / {price_per_million(entry.prices.output)} out "
            f"per million tokens ({entry.price_source})")  # fmt: skip


def detail(entry: ModelEntry, catalog: Catalog) -> str:
    lines = [f"[b]{escape(entry.id)}[/b]  ({escape(entry.family or 'unrated')}, {escape(entry.provider)})"]
    lines.append(escape(price_line(entry)))
    out = context_size(entry.max_output_tokens)
    lines.append(f"context: {context_size(entry.max_input_tokens)} in / {out} out (tokens)")
    lines.append(f"capabilities: {escape(', '.join(sorted(entry.capabilities)) or '—')}")
    lines.extend(escape(line) for line in facts_lines(entry))
    if entry.quality:
        lines.extend(escape(line) for line in evidence_lines(entry, catalog.benchmarks_as_of))
    else:
        lines.append("quality: no figures for this route, so the advisor does not rank it")
    if entry.ttft_ms:
        speed = f"{entry.tokens_per_s:,.0f}" if entry.tokens_per_s else "?"
        lines.append(
            f"typical TTFT {milliseconds(entry.ttft_ms)}, {speed} tokens/s ({escape(entry.latency_source or '?')})"
        )
    if entry.measured_ttft_ms:
        lines.append(f"measured in your trials: TTFT {milliseconds(entry.measured_ttft_ms)}")
    if entry.licence:
        lines.append(f"licence: {escape(entry.licence)}")
    if entry.deprecation_date:
        lines.append(f"deprecation date: {entry.deprecation_date}")
    return "\n".join(lines)


class RoutesTable(DataTable[Text]):
    """Asks for more rows (NearEnd) when the view or the cursor comes near the last one it has,
    and for all of them when ctrl+end goes to the bottom."""

    BINDINGS = [Binding("ctrl+end", "bottom", "Bottom", show=False, id="catalog.bottom")]

    @dataclass
    class NearEnd(Message):
        everything: bool = False

    def action_bottom(self) -> None:
        self.post_message(self.NearEnd(everything=True))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self.check_end()

    def watch_cursor_coordinate(self, old_coordinate: Coordinate, new_coordinate: Coordinate) -> None:
        super().watch_cursor_coordinate(old_coordinate, new_coordinate)
        self.check_end()

    def near_end(self) -> bool:
        last_seen = max(int(self.scroll_y) + self.size.height, self.cursor_row + 1)
        return self.size.height > 0 and last_seen >= self.row_count - MORE_BEFORE_END

    def check_end(self) -> None:
        if self.near_end():
            self.post_message(self.NearEnd())


class CatalogScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_name("catalog.tcss")
    AUTO_FOCUS = "#models"  # so `/` focuses the filter rather than typing into it
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="catalog.back"),
        Binding("slash", "focus_filter", "Filter", id="catalog.filter"),
    ]

    @dataclass
    class Filtered(Message):
        """The table started over with this filter's matches (the first rows are in)."""

        text: str
        matches: int

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self.entries = sorted(catalog.chat_models(), key=rated_first)
        self._haystacks = [f"{e.id} {e.provider} {e.tier or ''} {e.family or ''}".lower() for e in self.entries]
        self.matches: list[ModelEntry] = list(self.entries)
        self.fed = 0  # how many of the matches are in the table so far (the rest come as they are reached)
        self._sorted_by: tuple[str, bool] = ("rated", False)
        self._typed_at = 0.0  # the last change to the filter
        self.filtered_by = ""  # the filter the table shows (typing may be ahead of it)
        self._pending: Timer | None = None  # the filter that waits for typing to pause

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder="filter: words in the route, provider or tier  (/ to come here)",
            id="filter",
            select_on_focus=False,  # the key that brought focus here is typed, not replaced
        )
        yield Static("", id="catalog-count", markup=False)
        with Horizontal(id="catalog-body"):
            yield RoutesTable(id="models", cursor_type="row")
            with VerticalScroll(id="detail-pane"):
                yield Static("Highlight a route to see its figures and their sources.", id="detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, label, width, _ in COLUMNS:
            table.add_column(label, key=key, width=width or self._model_width())
        self._refill()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")
        table = self.query_one(DataTable)
        column = table.columns.get(ColumnKey("model"))
        if column is not None and column.width != self._model_width():
            column.width = self._model_width()
            table.refresh(layout=True)

    def _model_width(self) -> int:
        room = self.size.width if self.size.width < NARROW else self.size.width * 3 // 5
        return max(24, min(56, room - BESIDE_MODEL))

    # --- filling the table ---------------------------------------------------------------------------

    def _refill(self) -> None:
        """Start the table over with the current matches: a screenful now, the rest as it is reached."""
        table = self.query_one(RoutesTable)
        table.clear()
        self.fed = 0
        self._feed()
        self.call_after_refresh(table.check_end)  # a tall terminal may show more than the first rows
        self._show_count()
        self.post_message(self.Filtered(self.filtered_by, len(self.matches)))

    def _feed(self) -> None:
        """The next rows of the matches, if any are left."""
        chunk = self.matches[self.fed : self.fed + (CHUNK if self.fed else FIRST_CHUNK)]
        table = self.query_one(DataTable)
        for entry in chunk:
            table.add_row(*_cells(entry), key=entry.id)
        self.fed += len(chunk)

    @on(RoutesTable.NearEnd)
    def _more(self, event: RoutesTable.NearEnd) -> None:
        table = self.query_one(RoutesTable)
        if event.everything:  # the one time every row is measured at once: the user asked for the last
            while self.fed < len(self.matches):
                self._feed()
            table.action_scroll_bottom()
        # Asked while rows went in (each add moves the cursor check): only if it still holds.
        elif self.fed < len(self.matches) and table.near_end():
            self._feed()

    def _show_count(self) -> None:
        text = self.filtered_by.strip()
        total = len(self.entries)
        self.query_one("#catalog-count", Static).update(
            f"{total:,} chat routes" if not text else f"{len(self.matches):,} of {total:,} routes match {text!r}"
        )

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        """Filter now after a pause in typing; while keys come quickly, once when they stop."""
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        now = time.monotonic()
        quick, self._typed_at = now - self._typed_at < SETTLE_SECONDS, now
        if not quick:
            self._filter(event.value)
        else:
            self._pending = self.set_timer(SETTLE_SECONDS, lambda: self._filter(event.value))

    def _filter(self, text: str) -> None:
        self._pending = None
        self.filtered_by = text
        words = text.lower().split()
        self.matches = [e for e, hay in zip(self.entries, self._haystacks, strict=True) if all(w in hay for w in words)]
        self._order()
        self._refill()

    @on(Input.Submitted, "#filter")
    def _to_table(self) -> None:
        self.query_one(DataTable).focus()

    def _order(self) -> None:
        column, reverse = self._sorted_by
        key = next((sort_key for name, _, _, sort_key in COLUMNS if name == column), rated_first)
        self.matches.sort(key=lambda e: (key(e), e.id), reverse=reverse)

    @on(DataTable.HeaderSelected)
    def _sort(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        self._sorted_by = (column, not self._sorted_by[1] if self._sorted_by[0] == column else False)
        self._order()
        self._refill()

    # --- reading -----------------------------------------------------------------------------------------

    @on(DataTable.RowHighlighted)
    def _show(self, event: DataTable.RowHighlighted) -> None:
        entry = self.catalog.get(str(event.row_key.value))
        if entry is not None:
            self.query_one("#detail", Static).update(detail(entry, self.catalog))

    def on_key(self, event: events.Key) -> None:
        """Typing while the table has focus goes to the filter."""
        typed = event.character if event.is_printable else None
        if isinstance(self.focused, DataTable) and typed and typed != "/":  # `/` is the binding's
            filter_box = self.query_one("#filter", Input)
            filter_box.focus()
            filter_box.insert_text_at_cursor(typed)
            event.stop()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()
