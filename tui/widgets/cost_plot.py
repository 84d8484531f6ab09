"""Score vs monthly cost of the shortlist on a dollar log axis, points numbered by rank with a
legend, and the cost-score frontier drawn as a line."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static
from textual_plotext import PlotextPlot

from catalog.display import short_model_name

MIN_WIDTH, MIN_HEIGHT = 30, 8  # below this plotext draws axes and no readable data


@dataclass(frozen=True)
class Point:
    rank: int
    name: str
    cost: float  # $/month
    score: float


def points_of(rows: Sequence[Any]) -> list[Point]:
    """Shortlist rows (agent.advisor.view.ShortlistRow, or the ranked dicts) as plot points."""
    points = []
    for index, row in enumerate(rows, 1):
        get = row.get if isinstance(row, dict) else lambda key, default=None, row=row: getattr(row, key, default)
        name = get("name") or short_model_name(get("model"), width=24)
        points.append(Point(get("rank") or index, name, float(get("monthly_cost_usd")), float(get("score"))))
    return points


def cost_score_frontier(points: list[Point]) -> list[Point]:
    """The points no cheaper point scores as high as, cheapest first."""
    frontier: list[Point] = []
    for point in sorted(points, key=lambda p: (p.cost, -p.score)):
        if not frontier or point.score > frontier[-1].score:
            frontier.append(point)
    return frontier


def dollars(value: float) -> str:
    """A tick label: $0.5, $10, $250, $1k, $2.5k, $1M."""
    for size, suffix in ((1e6, "M"), (1e3, "k")):
        if value >= size:
            return f"${value / size:g}{suffix}"
    return f"${value:g}"


def dollar_ticks(low: float, high: float, most: int) -> list[float]:
    """Round dollar amounts between low and high for a log axis: decades when they give two
    ticks or more, else 1-2-5 steps; never more than `most`."""
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    for steps in ((1,), (1, 2, 5), (1, 1.5, 2, 3, 5, 7)):
        ticks = [m * 10**e for e in range(first, last + 1) for m in steps if low <= m * 10**e <= high]
        if len(ticks) >= 2:
            while len(ticks) > most:
                ticks = ticks[::2]
            return ticks
    return [low] if math.isclose(low, high) else [low, high]


def legend(points: list[Point], skipped: list[Point], width: int) -> list[str]:
    """The rank-to-name key, packed into lines of `width` without splitting an entry."""
    entries = [f"{p.rank} {p.name}" for p in sorted(points, key=lambda p: p.rank)]
    if skipped:
        entries.append(f"not drawn (no cost for a log axis): {', '.join(p.name for p in skipped)}")
    frontier = cost_score_frontier(points)
    if len(frontier) > 1:
        entries.append("line: no cheaper model scores higher")
    elif frontier:
        entries.append(f"{frontier[0].rank} is the cheapest and scores highest")
    return pack(entries, width)


def pack(entries: list[str], width: int) -> list[str]:
    """Legend entries in lines of `width`, two spaces apart, never splitting an entry."""
    lines: list[str] = []
    for entry in entries:
        if lines and len(lines[-1]) + 2 + len(entry) <= width:
            lines[-1] += "  " + entry
        else:
            lines.append(entry)
    return lines


class CostQualityPlot(Vertical):
    """`show(rows)` with the shortlist rows; a one-line note instead when there is no room."""

    DEFAULT_CSS = """
    CostQualityPlot {
        height: 1fr;
        & > #cost-chart { height: 1fr; }
        & > #cost-legend { height: auto; color: $text-muted; padding: 0 1; }
        & > #cost-note { height: 1; color: $text-muted; padding: 0 1; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.points: list[Point] = []
        self.skipped: list[Point] = []

    def compose(self) -> ComposeResult:
        yield PlotextPlot(id="cost-chart")
        yield Static("", id="cost-legend", markup=False)
        yield Static("", id="cost-note", markup=False)

    def on_mount(self) -> None:
        self._arrange()

    def on_resize(self, event: events.Resize) -> None:
        self._arrange()

    def show(self, rows: Sequence[Any]) -> None:
        points = points_of(rows)
        self.points = [p for p in points if math.isfinite(p.cost) and p.cost > 0 and math.isfinite(p.score)]
        self.skipped = [p for p in points if p not in self.points]
        self._arrange()

    @property
    def note(self) -> str:
        """What shows instead of the chart, or "" when the chart shows."""
        if not self.points:
            return "no shortlist to plot yet" if not self.skipped else "no model with a cost to plot"
        width, height = self.size
        if width < MIN_WIDTH or height - len(self._legend()) < MIN_HEIGHT:
            return f"plot: no room (needs {MIN_WIDTH}x{MIN_HEIGHT + len(self._legend())} cells)"
        return ""

    def _legend(self) -> list[str]:
        return legend(self.points, self.skipped, self.size.width - 2)  # the legend has one cell of padding

    def _arrange(self) -> None:
        if not self.children:  # shown before it was composed: on_mount draws it
            return
        note = self.note
        chart = self.query_one("#cost-chart", PlotextPlot)
        chart.display = not note
        self.query_one("#cost-legend", Static).update("\n".join(self._legend()) if not note else "")
        self.query_one("#cost-legend").display = not note
        self.query_one("#cost-note", Static).update(note)
        self.query_one("#cost-note").display = bool(note)
        if not note:
            self._draw(chart)

    def _draw(self, chart: PlotextPlot) -> None:
        plt = chart.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title("score vs $/month (log scale)")
        low, high = min(p.cost for p in self.points), max(p.cost for p in self.points)
        ticks = dollar_ticks(low, high, most=max(2, self.size.width // 9))  # a label is up to 6 cells
        plt.xticks([math.log10(t) for t in ticks], [dollars(t) for t in ticks])
        pad = max(0.1, (math.log10(high) - math.log10(low)) * 0.06)  # numbers at the edge stay whole
        plt.xlim(math.log10(low) - pad, math.log10(high) + pad)
        scores = [p.score for p in self.points]
        spread = max(max(scores) - min(scores), 1.0)
        plt.ylim(min(scores) - spread * 0.1, max(scores) + spread * 0.1)
        frontier = cost_score_frontier(self.points)
        if len(frontier) > 1:
            plt.plot([math.log10(p.cost) for p in frontier], [p.score for p in frontier], marker="·")
        for point in self.points:
            plt.text(str(point.rank), math.log10(point.cost), point.score, alignment="center")
        chart.refresh()
