"""The Routing view: what tier routing would do on a saved eval (`tradeoff route`'s figures), the
quality-versus-cost curve, and the chosen router exported as a LiteLLM config."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Static

from agent.terminal_text import visible
from tui.widgets.routing_curve import RoutingCurve


def price_overrides(text: str, listed: Any) -> dict[str, tuple[float, float]]:
    """`MODEL=CATALOG_MODEL` or `MODEL=IN,OUT` (USD per M tokens), separated by spaces or semicolons."""
    prices = {}
    for item in text.replace(";", " ").split():
        model, _, value = item.partition("=")
        parts = value.split(",")
        try:
            price = (float(parts[0]) / 1e6, float(parts[1]) / 1e6) if len(parts) == 2 else listed(value)
        except ValueError:
            price = None
        if not model or price is None:
            raise ValueError(f"{item[:60]!r}: write MODEL=CATALOG_MODEL or MODEL=IN,OUT (USD per M tokens)")
        prices[model] = price
    return prices


class RoutingScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_name("routing.tcss")
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="routing.back")]

    def __init__(self, results_path: str = "", catalog: Any = None, requests_per_day: float = 10_000,
                 prices: str = "", export_dir: Path | None = None, local_port: int = 8765,
                 results_data: dict[str, Any] | None = None, on_route: Callable[[dict[str, Any]], None] | None = None,
                 ) -> None:  # fmt: skip
        """`results_data`: eval results in memory (a batch just run, as `tradeoff eval --save` writes
        them), used while the file box is empty. `on_route` is given each route computed, as
        `tradeoff route --json` prints it (with its date and test count): the session keeps it."""
        super().__init__()
        self.results_path, self.catalog, self.prices = results_path, catalog, prices
        self.requests_per_day, self.export_dir, self.local_port = requests_per_day, export_dir, local_port
        self.results_data, self.on_route = results_data, on_route
        self.report: Any = None
        self.exported: Path | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="routing-controls"):
            hint = "the batch eval just run (or a file" if self.results_data is not None else "eval results (a file"
            yield Input(self.results_path, placeholder=f"{hint} from tradeoff eval --save PATH)", id="routing-file")
            yield Input(self.prices, placeholder="price as: local/gemma3-270m=gpt-4.1 (or =IN,OUT $/M)",
                        id="routing-prices")  # fmt: skip
            yield Input(f"{self.requests_per_day:.0f}", placeholder="requests/day", id="routing-volume")
            yield Button("Route", id="routing-run", variant="primary")
        with VerticalScroll(id="routing-body"):  # a short terminal scrolls; the export buttons stay
            yield DataTable(id="routing-table", cursor_type="row")
            yield RoutingCurve(id="routing-curve")
            yield Static("", id="routing-summary", markup=False)
        with Horizontal(id="routing-exports"):
            yield Button("Export cascade", id="export-cascade", disabled=True)
            yield Button("Export heuristic", id="export-heuristic", disabled=True)
        yield Footer()

    def on_mount(self) -> None:
        if self.results_path or self.results_data is not None:
            self.run_route()

    def _listed(self) -> Any:
        from agent.trials.engine import catalog_prices

        return catalog_prices(self.catalog) if self.catalog is not None else (lambda model: None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#routing-run")
    def run_route(self) -> None:
        """Pure arithmetic over a small file: milliseconds, so it runs here rather than in a worker."""
        from agent.trials.routing import RoutingError, cheapest_first, read_results, route

        typed = self.query_one("#routing-file", Input).value.strip()
        path = Path(typed).expanduser()
        in_memory = not typed and self.results_data is not None
        if not typed and not in_memory:
            self.notify("Give the eval results: the file tradeoff eval --save wrote.", severity="warning")
            return
        listed = self._listed()
        try:
            given = price_overrides(self.query_one("#routing-prices", Input).value, listed)
            volume = float(self.query_one("#routing-volume", Input).value.replace(",", "") or 0)
            results = read_results(self.results_data if in_memory else json.loads(path.read_text(encoding="utf-8")))

            def price_of(model: str) -> tuple[float, float] | None:
                return given.get(model) or listed(model)

            # A batch runs the shortlist in rank order; routing wants its tiers cheapest first.
            tiers = cheapest_first(results, results.models, price_of) if in_memory else list(results.models)
            self.report = route(results, tiers, price_of, volume)
        except (OSError, ValueError, RoutingError) as exc:  # JSONDecodeError is a ValueError
            self.notify(visible(f"{'the batch eval' if in_memory else path}: {exc}"), severity="error")
            return
        self._show(self.report)
        if self.on_route is not None:
            source = "the batch eval in the TUI" if in_memory else str(path)
            self.on_route(self.report.as_json() | {"tests": len(results.tests), "date": dt.date.today().isoformat(),
                                                   "source": source})  # fmt: skip

    def _show(self, report: Any) -> None:
        table = self.query_one("#routing-table", DataTable)
        table.clear(columns=True)
        table.add_columns("router", "pass", "95% Wilson", "$/1k req", "$/month", "saving", "answered by", "+latency")
        for router in report.routers:
            saving = "—" if router.saving_vs_strong is None else f"{router.saving_vs_strong:.0%}"
            latency = "—" if router.added_latency_ms is None else f"{router.added_latency_ms:+,.0f} ms"
            share = " / ".join(f"{router.share[m]:.0%}" for m in report.tiers)
            table.add_row(Text(visible(router.name, keep="")), f"{router.pass_rate:.0%}",
                          f"{router.wilson[0]:.2f}-{router.wilson[1]:.2f}", f"${router.cost_per_1k_usd:,.2f}",
                          f"${router.monthly_usd:,.0f}", saving, share, latency)  # fmt: skip
        self.query_one(RoutingCurve).show(report)
        figure = report.saving_at_95pct
        lines = [report.conclusion, "RouteLLM's figure of merit (saving at 95% of the strong model's quality): "
                 + (f"{figure:.0%}" if figure is not None else "not reached"), f"curve: {report.curve_on}"]  # fmt: skip
        self.query_one("#routing-summary", Static).update(visible("\n".join(lines)))
        self.query_one("#export-cascade", Button).disabled = False
        self.query_one("#export-heuristic", Button).disabled = not any(r.name == "heuristic" for r in report.routers)

    @on(Button.Pressed, "#export-cascade")
    def export_cascade(self) -> None:
        self.export("cascade")

    @on(Button.Pressed, "#export-heuristic")
    def export_heuristic(self) -> None:
        self.export("heuristic")

    def export(self, router: str) -> None:
        import yaml

        from agent.files import FileExistsRefusal, write_atomic
        from agent.record.litellm_config import HEADER, routing_config
        from agent.trials.local_servers import resolve_local

        if self.report is None or self.export_dir is None:
            return

        def provider_of(model: str) -> str | None:
            entry = self.catalog.get(model) if self.catalog is not None else None
            return entry.provider if entry is not None else None

        try:
            config = routing_config(self.report.as_json(), router,
                                    lambda m: resolve_local(m, self.local_port) or (m, None), provider_of)  # fmt: skip
        except ValueError as exc:
            self.notify(str(exc), severity="error")
            return
        text = HEADER + yaml.safe_dump(config, sort_keys=False)
        for attempt in range(1, 100):
            path = self.export_dir / f"routing-{router}{'' if attempt == 1 else f'-{attempt}'}.litellm.yaml"
            try:
                write_atomic(path, text, force=False)
            except FileExistsRefusal:
                continue
            self.notify(visible(f"Wrote the {router} router to {path}"))
            self.exported = path
            return
