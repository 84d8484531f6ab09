"""The catalog browser: a searchable, sortable table of rated models with a detail view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from catalog.entries import Catalog, ModelEntry
from catalog.evidence import evidence_lines
from catalog.facts import facts_lines

COLUMNS = ("model", "provider", "tier", "$in/M", "$out/M", "context", "TTFT", "open")


def _row(entry: ModelEntry) -> tuple[Any, ...]:
    per_million = lambda price: round(price * 1e6, 3) if price is not None else float("inf")  # noqa: E731
    return (
        entry.id, entry.provider, entry.tier or "-", per_million(entry.prices.input),
        per_million(entry.prices.output), entry.max_input_tokens or 0, entry.ttft_ms or float("inf"),
        "yes" if entry.open_weights else "",
    )  # fmt: skip


def detail(entry: ModelEntry, catalog: Catalog) -> str:
    lines = [f"[b]{entry.id}[/b]  ({entry.family or 'uncurated'}, {entry.provider})"]
    prices = entry.prices
    if prices.known:
        lines.append(
            f"price: ${prices.input * 1e6:.3f} in / ${prices.output * 1e6:.3f} out per M tokens ({entry.price_source})"
        )  # type: ignore[operator]
    lines.append(f"context: {entry.max_input_tokens or '?'} in / {entry.max_output_tokens or '?'} out")
    lines.append(f"capabilities: {', '.join(sorted(entry.capabilities)) or '—'}")
    lines.extend(escape(line) for line in facts_lines(entry))
    if entry.quality:
        lines.extend(escape(line) for line in evidence_lines(entry, catalog.benchmarks_as_of))
    if entry.ttft_ms:
        lines.append(
            f"typical TTFT {entry.ttft_ms:,.0f} ms, {entry.tokens_per_s or '?'} tokens/s ({entry.latency_source})"
        )
    if entry.measured_ttft_ms:
        lines.append(f"measured in your trials: TTFT {entry.measured_ttft_ms:,.0f} ms")
    if entry.licence:
        lines.append(f"licence: {entry.licence}")
    if entry.self_hosting:
        profile = entry.self_hosting
        lines.append(f"self-hosting: {profile.gpu_count}x {profile.gpu} at ${profile.usd_per_gpu_hour}/GPU-hour")
    if entry.deprecation_date:
        lines.append(f"deprecation date: {entry.deprecation_date}")
    return "\n".join(lines)


class CatalogScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_name("catalog.tcss")
    BINDINGS = [("escape", "app.pop_screen", "Back"), ("/", "focus_search", "Search")]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self.entries = sorted(
            (e for e in catalog.models if (e.rated and e.id == e.canonical) or e.is_self_hosted_route),
            key=lambda e: e.id,
        )
        self._sort_reverse = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter by name, provider or tier…  (click a column to sort)", id="filter")
        with Horizontal():
            yield DataTable(id="models", cursor_type="row")
            with Vertical(id="detail-pane"):
                yield Static("Select a model to see its figures and their sources.", id="detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for name in COLUMNS:
            table.add_column(name, key=name)
        self._fill("")

    def _fill(self, text: str) -> None:
        table = self.query_one(DataTable)
        table.clear()
        words = text.lower().split()
        for entry in self.entries:
            haystack = f"{entry.id} {entry.provider} {entry.tier} {entry.family}".lower()
            if all(word in haystack for word in words):
                table.add_row(*_row(entry), key=entry.id)

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(DataTable.HeaderSelected)
    def _sort(self, event: DataTable.HeaderSelected) -> None:
        self._sort_reverse = not self._sort_reverse
        event.data_table.sort(event.column_key, reverse=self._sort_reverse)

    @on(DataTable.RowHighlighted)
    def _show(self, event: DataTable.RowHighlighted) -> None:
        entry = self.catalog.get(str(event.row_key.value))
        if entry is not None:
            self.query_one("#detail", Static).update(detail(entry, self.catalog))

    def action_focus_search(self) -> None:
        self.query_one(Input).focus()
