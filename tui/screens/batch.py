"""The batch-trial screen: every model on every test, with a progress bar and the result matrix."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, ProgressBar, Static

from agent.terminal_text import visible
from tui.heap import freeze_loaded_objects


def _cell(outcome: dict[str, Any]) -> str:
    return "pass" if outcome["passed"] else "FAIL: " + "; ".join(outcome["reasons"] or [outcome["error"] or "?"])


class BatchScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_name("batch.tcss")
    BINDINGS = [
        Binding("escape", "cancel_or_close", "Cancel / back", id="batch.cancel"),
        Binding("f6", "routing", "Routing", id="batch.routing"),
    ]

    def __init__(
        self, models: list[str], api_bases: dict[str, str], price_of: Any, tests_path: str = "",
        open_routing: Callable[[dict[str, Any]], None] | None = None,
        keep_results: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:  # fmt: skip
        """`open_routing` is given the finished batch's results, as `tradeoff eval --save` writes
        them; without it, the Routing view opens on them with its defaults. `keep_results` is given
        the same data when a batch finishes (your leaderboard's pass rates)."""
        super().__init__()
        self.models = models
        self.api_bases = api_bases
        self.price_of = price_of
        self.tests_path = tests_path
        self.open_routing = open_routing
        self.keep_results = keep_results
        self.result: Any = None  # the last finished batch
        self.cells: dict[str, list[str]] = {}  # test -> each model's result, as shown

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="batch-controls"):
            yield Input(
                self.tests_path, placeholder="test file: .jsonl, .csv or promptfoo-style .yaml", id="batch-file"
            )
            yield Button("Run", id="batch-run", variant="primary")
            yield Button("Routing", id="batch-routing", disabled=True, tooltip="what tier routing would do (F6)")
        yield Static(visible(f"models: {', '.join(self.models)}", keep=""), id="batch-models", markup=False)
        yield ProgressBar(id="batch-progress", show_eta=False)
        yield DataTable(id="batch-matrix", cursor_type="row")
        yield Static("", id="batch-test", markup=False)  # the highlighted test's results in full
        yield Static("", id="batch-stats", markup=False)  # model names and test ids are not markup
        yield Footer()

    @on(Input.Submitted, "#batch-file")
    @on(Button.Pressed, "#batch-run")
    def _run(self) -> None:
        from agent.trials.batch import TestSetError, load_tests

        path = self.query_one("#batch-file", Input).value.strip()
        try:
            cases, _ = load_tests(Path(path).expanduser())
        except TestSetError as exc:
            self.notify(str(exc), severity="error")
            return
        self.run_batch(cases)

    @work(exclusive=True, group="batch", exit_on_error=False)
    async def run_batch(self, cases: list[Any]) -> None:
        import asyncio

        from agent.trials.batch import ResponseCache, run_batch
        from agent.trials.engine import TrialEngine

        await asyncio.to_thread(TrialEngine._litellm)
        freeze_loaded_objects()
        progress = self.query_one("#batch-progress", ProgressBar)
        progress.update(total=len(cases) * len(self.models), progress=0)
        cache = ResponseCache(self.app.settings.data_dir / "eval-cache.sqlite")  # type: ignore[attr-defined]
        if cache.notice:
            self.notify(cache.notice, severity="warning", timeout=12)
        result = await run_batch(
            cases, self.models, TrialEngine(self.price_of), cache, concurrency=2, api_bases=self.api_bases,
            on_progress=lambda done, total: progress.update(progress=done),
        )  # fmt: skip
        self._show_matrix(result)
        lines = [f"{m}: {r['passed']}/{r['total']} passed (95% Wilson {r['wilson_low']:.2f}-{r['wilson_high']:.2f})"
                 for m, r in result.pass_rates().items()]  # fmt: skip
        top = result.top_two_test()
        if top:
            verdict = "significant" if top["significant"] else "not significant"
            lines.append(f"{top['a']} vs {top['b']}: exact McNemar p = {top['p_value']:.3f} ({verdict})")
        if result.cached:
            lines.append(f"{result.cached} answers from the response cache (no cost)")
        self.query_one("#batch-stats", Static).update(visible("\n".join(lines)))
        self.result = result
        self.query_one("#batch-routing", Button).disabled = len(self.models) < 2
        if self.keep_results is not None:
            self.keep_results(json.loads(json.dumps(result.as_json())))  # what eval --save would write

    def _show_matrix(self, result: Any) -> None:
        """Tests down, models across. Widths are set here from the cells: a cell cut short is read
        whole in the line under the table (the highlighted test)."""
        table = self.query_one("#batch-matrix", DataTable)
        table.clear(columns=True)
        self.cells = {
            test: [visible(_cell(result.matrix[m][test]), keep="") for m in self.models] for test in result.tests
        }
        names = [visible(test, keep="") for test in result.tests]  # test ids from the file, shown as typed
        test_width = min(max(map(len, ["test", *names])), 24)
        room = max(self.size.width - test_width - 4 - 2 * len(self.models), 8 * len(self.models))
        table.add_column("test", width=test_width)
        for index, model in enumerate(self.models):
            label = model.rsplit("/", 1)[-1]
            widest = max([len(label), *(len(cells[index]) for cells in self.cells.values())])
            table.add_column(label, width=min(widest, max(room // len(self.models), len(label))))
        for test, name in zip(result.tests, names, strict=True):
            table.add_row(
                *(Text(text, no_wrap=True, overflow="ellipsis") for text in [name, *self.cells[test]]), key=test
            )

    @on(DataTable.RowHighlighted, "#batch-matrix")
    def _show_test(self, event: DataTable.RowHighlighted) -> None:
        test = str(event.row_key.value)
        parts = [
            f"{m.rsplit('/', 1)[-1]} {cell}" for m, cell in zip(self.models, self.cells.get(test, []), strict=False)
        ]
        self.query_one("#batch-test", Static).update(f"{visible(test, keep='')}: " + " · ".join(parts))

    @on(Button.Pressed, "#batch-routing")
    def action_routing(self) -> None:
        """The Routing view on this batch's results, from memory (the data `eval --save` writes)."""
        if self.result is None:
            self.notify("Run the batch first: routing is measured on its results.", severity="warning")
            return
        if len(self.models) < 2:
            self.notify("Routing needs at least two models in the batch.", severity="warning")
            return
        data = json.loads(json.dumps(self.result.as_json()))  # exactly what eval --save would write
        if self.open_routing is not None:
            self.open_routing(data)
            return
        from tui.screens.routing import RoutingScreen

        self.app.push_screen(RoutingScreen(results_data=data))

    def action_cancel_or_close(self) -> None:
        running = [w for w in self.workers if w.group == "batch" and w.is_running]
        for worker in running:
            worker.cancel()
        if not running:
            self.app.pop_screen()
