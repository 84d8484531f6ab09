"""Under the trial panes: every run of the session as a table, and the median TTFT, tokens/s and
cost of each model as bars."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable

from agent.trials.results import TrialRun
from tui.widgets.metric_bars import MetricBars

CHARTS: tuple[tuple[str, str, Callable[[float], str]], ...] = (  # title, summary key, how a median reads
    ("TTFT, ms (median)", "ttft_ms", lambda value: f"{value:,.0f} ms"),
    ("tokens/s (median)", "tokens_per_s", lambda value: f"{value:.1f}"),
    ("cost, $ (median)", "cost_usd", lambda value: f"${value:.6f}"),  # trials cost fractions of a cent
)


COLUMNS = ("pane", "model", "run", "result", "TTFT ms", "tok/s", "tokens", "cost $")


class RunsTable(DataTable[str]):
    """Every run of the session, oldest first: each row keeps the pane letter it had. Columns are sized
    from the rows as they are shown: a DataTable measures added rows only once its queue is idle, and a
    busy loop painted the first frame of results with every cell cut to its header's width."""

    def on_mount(self) -> None:
        for label in COLUMNS:
            self.add_column(label, width=cell_len(label))

    def show(self, runs: list[TrialRun], shown_name: Callable[[TrialRun], str]) -> None:
        rows = [_cells(run, shown_name) for run in runs]
        self.clear(columns=True)
        for index, label in enumerate(COLUMNS):
            self.add_column(label, width=max([cell_len(label), *(cell_len(row[index]) for row in rows)]))
        for row in rows:
            self.add_row(*row)
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)  # the newest run in view


def _cells(run: TrialRun, shown_name: Callable[[TrialRun], str]) -> tuple[str, ...]:
    return (
        run.label if len(run.label) == 1 else "", shown_name(run), str(run.run),
        run.error or run.finish_reason or "", f"{run.ttft_ms:,.0f}" if run.ttft_ms else "—",
        f"{run.tokens_per_s:.1f}" if run.tokens_per_s else "—", str(run.output_tokens or 0),
        f"{run.cost_usd:.6f}" if run.cost_usd is not None else "?",
    )  # fmt: skip


class MedianCharts(Horizontal):
    """One bar chart per figure; `show` takes agent.trials.results.summarise rows and the name
    each model goes by (its pane letter while the vote is blind)."""

    def compose(self) -> ComposeResult:
        for title, _, _ in CHARTS:
            yield MetricBars(title, classes="trial-chart")

    def show(self, summaries: list[dict[str, Any]], names: list[str]) -> None:
        for chart, (_, key, reads) in zip(self.query(MetricBars), CHARTS, strict=True):
            medians = [(summary[key] or {}).get("median") for summary in summaries]
            chart.show([(name, median, reads(median) if median is not None else "—")
                        for name, median in zip(names, medians, strict=True)])  # fmt: skip
