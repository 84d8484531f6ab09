"""Pass rate vs dollars per 1,000 requests for each router, numbered as in the routers' table,
with the held-out threshold curve drawn as a line; a one-line note when there is no room or no price."""

from __future__ import annotations

import math
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static
from textual_plotext import PlotextPlot

from catalog.display import money
from tui.widgets.cost_plot import MIN_HEIGHT, MIN_WIDTH, pack


def linear_ticks(low: float, high: float, most: int) -> list[float]:
    """Round steps (1, 2 or 5 times a power of ten) from low to high, at most `most` of them."""
    if math.isclose(low, high):
        return [low]
    span = high - low
    for exponent in range(math.floor(math.log10(span)) - 2, math.ceil(math.log10(span)) + 2):
        for step in (1 * 10.0**exponent, 2 * 10.0**exponent, 5 * 10.0**exponent):
            first = math.ceil(low / step) * step
            ticks = [first + i * step for i in range(int((high - first) / step + 1e-9) + 1)]
            if 2 <= len(ticks) <= most:
                return ticks
    return [low, high]


class RoutingCurve(Vertical):
    DEFAULT_CSS = """
    RoutingCurve {
        height: 1fr;
        & > #curve-chart { height: 1fr; }
        & > #curve-legend { height: auto; color: $text-muted; padding: 0 1; }
        & > #curve-note { height: 1; color: $text-muted; padding: 0 1; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.report: Any = None

    def compose(self) -> ComposeResult:
        yield PlotextPlot(id="curve-chart")
        yield Static("", id="curve-legend", markup=False)
        yield Static("", id="curve-note", markup=False)

    def on_mount(self) -> None:
        self._arrange()

    def on_resize(self, event: events.Resize) -> None:
        self._arrange()

    def show(self, report: Any) -> None:
        self.report = report
        self._arrange()

    def _legend(self) -> list[str]:
        entries = [f"{number} {router.name}" for number, router in enumerate(self.report.routers, 1)]
        if self.report.curve:
            entries.append("line: heuristic threshold (held-out)")
        return pack(entries, self.size.width - 2)

    @property
    def note(self) -> str:
        if self.report is None:
            return "no routing yet: give eval results and press Route"
        if all(router.cost_per_1k_usd == 0 for router in self.report.routers):
            return "no curve: these models have no price (give them in the price box)"
        if self.size.width < MIN_WIDTH or self.size.height - len(self._legend()) < MIN_HEIGHT:
            return f"curve: no room (needs {MIN_WIDTH}x{MIN_HEIGHT + len(self._legend())} cells)"
        return ""

    def _arrange(self) -> None:
        if not self.children:
            return
        note = self.note
        chart = self.query_one("#curve-chart", PlotextPlot)
        chart.display = not note
        self.query_one("#curve-legend", Static).update("\n".join(self._legend()) if not note else "")
        self.query_one("#curve-legend").display = not note
        self.query_one("#curve-note", Static).update(note)
        self.query_one("#curve-note").display = bool(note)
        if not note:
            self._draw(chart)

    def _draw(self, chart: PlotextPlot) -> None:
        plt, report = chart.plt, self.report
        plt.clear_data()
        plt.clear_figure()
        plt.title("pass rate % vs $ per 1,000 requests")
        costs = [r.cost_per_1k_usd for r in report.routers] + [p.cost_per_1k_usd for p in report.curve]
        low, high = min(costs), max(costs)
        ticks = linear_ticks(low, high, most=max(2, self.size.width // 10))
        plt.xticks(ticks, [money(t) for t in ticks])
        pad = max((high - low) * 0.06, high * 0.05, 0.01)
        plt.xlim(low - pad, high + pad)
        rates = [100 * r.pass_rate for r in report.routers] + [100 * p.pass_rate for p in report.curve]
        plt.ylim(max(0.0, min(rates) - 5), min(100.0, max(rates) + 5) + 0.5)
        if report.curve:
            plt.plot([p.cost_per_1k_usd for p in report.curve], [100 * p.pass_rate for p in report.curve], marker="·")
        for number, router in enumerate(report.routers, 1):
            plt.text(str(number), router.cost_per_1k_usd, 100 * router.pass_rate, alignment="center")
        chart.refresh()
