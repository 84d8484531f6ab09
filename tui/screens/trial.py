"""The trial screen: one prompt, 2-4 models streaming side by side, live metrics, blind votes."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, DataTable, Footer, Header, Label, Static, TextArea

from agent.trials.child import ChildEngine
from tui.heap import freeze_loaded_objects, full_collections_paused
from tui.widgets.metric_bars import MetricBars
from tui.widgets.streaming_markdown import StreamingMarkdown

DEFAULT_PROMPT = "Explain in two sentences what time to first token measures."


class MetricsLine(Widget):
    """The numbers under a pane. A new value repaints these two lines without a layout pass
    (a Static's update re-lays-out the screen, ten times a second per pane while streaming)."""

    text: reactive[str] = reactive("waiting…", layout=False)

    def show(self, text: str) -> None:
        self.text = text
        self.set_class(text.startswith("error:"), "-error")

    def render(self) -> Content:
        return Content(self.text)


class TrialPane(Vertical):
    """One model's answer as it streams, with its metrics underneath.

    Chunks wait in a buffer until the screen's PaneFlusher appends them (see there).
    """

    def __init__(self, model: str, title: str) -> None:
        super().__init__(classes="pane")
        self.model = model
        self.title_text = title
        self._buffer: list[str] = []
        self._final: str | None = None  # the finished run's metrics, shown on the pane's next turn
        self._chunks = 0  # chunks received this run, for the live metrics
        self._first_at = 0.0
        self._ttft_ms: float | None = None

    def compose(self) -> ComposeResult:
        yield Label(self.title_text, classes="pane-title", markup=False)
        yield StreamingMarkdown(classes="pane-body")
        yield MetricsLine(classes="pane-metrics")

    def set_title(self, text: str) -> None:
        self.query_one(".pane-title", Label).update(text)

    def begin(self) -> None:
        self._buffer.clear()
        self._final = None
        self.query_one(StreamingMarkdown).clear()
        self._chunks = 0
        self.query_one(MetricsLine).show("waiting for the first token…")

    def write(self, text: str, ttft_ms: float | None = None) -> None:
        if not self._chunks:
            self._first_at, self._ttft_ms = time.monotonic(), ttft_ms
        self._chunks += 1
        self._buffer.append(text)

    @property
    def pending(self) -> bool:
        return bool(self._buffer) or self._final is not None

    def flush(self) -> None:
        if self._buffer:
            self.query_one(StreamingMarkdown).append("".join(self._buffer))
            self._buffer.clear()
            self.query_one(MetricsLine).show(self._live_metrics())
        if self._final is not None:
            self.query_one(MetricsLine).show(self._final)
            self._final = None

    def _live_metrics(self) -> str:
        """While streaming: TTFT as measured, and a running rate of chunks (the final line
        replaces it with tokens/s from the reported usage)."""
        ttft = _ttft_text(self._ttft_ms)
        elapsed = time.monotonic() - self._first_at
        rate = f"{(self._chunks - 1) / elapsed:.1f} chunks/s" if self._chunks > 1 and elapsed > 0 else "—"
        return f"{ttft} · {self._chunks} chunks · {rate} · streaming…"

    def cancelled(self) -> None:
        self._stopped("cancelled · partial text kept")

    def failed(self, reason: str) -> None:
        self._stopped(f"error: {reason} (partial text kept)")

    def _stopped(self, line: str) -> None:
        """The trial ended for every model at once: show what arrived, then why it ended."""
        self._final = None
        self.flush()
        self.query_one(MetricsLine).show(line)

    def done(self, run: Any) -> None:
        """This model has finished (others may still stream): its tail and numbers show on its turn."""
        self._final = metrics_line(run)


class PaneFlusher:
    """Shows buffered chunks one pane per tick, in turn, so each pane updates ten times a second.

    Textual repaints everything dirty in one frame, over the rectangle that covers it all: panes
    updated together (as they were by one timer, or by chunks arriving at once) repaint together,
    and four panes side by side took one callback of 40-90 ms. One pane a tick keeps a frame to
    one pane.
    """

    PER_PANE_SECONDS = 0.1

    def __init__(self, screen: Screen[Any], panes: list[TrialPane]) -> None:
        self._panes = panes
        self._turn = 0
        self._timer = screen.set_interval(self.PER_PANE_SECONDS / len(panes), self._tick)

    def _tick(self) -> None:
        self._panes[self._turn % len(self._panes)].flush()
        self._turn += 1

    async def drain(self) -> None:
        """Wait for every pane's last turn (at most one round)."""
        for _ in range(len(self._panes) + 1):
            if not any(pane.pending for pane in self._panes):
                break
            await asyncio.sleep(self.PER_PANE_SECONDS / len(self._panes))

    def stop(self) -> None:
        self._timer.stop()


CHARTS = (  # title, summary key, how a median reads
    ("TTFT, ms (median)", "ttft_ms", lambda value: f"{value:,.0f} ms"),
    ("tokens/s (median)", "tokens_per_s", lambda value: f"{value:.1f}"),
    ("cost, $ (median)", "cost_usd", lambda value: f"${value:.6f}"),
)


def _ttft_text(ttft_ms: float | None) -> str:
    return f"TTFT {ttft_ms:,.0f} ms" if ttft_ms is not None else "TTFT —"


def metrics_line(run: Any) -> str:
    if run.error:
        return f"error: {run.error}" + (" (partial text kept)" if run.text else "")
    ttft = _ttft_text(run.ttft_ms)
    speed = f"{run.tokens_per_s:.1f} tok/s" if run.tokens_per_s else "— tok/s"
    cost = f"${run.cost_usd:.6f}" if run.cost_usd is not None else "cost ?"
    return f"{ttft} · {speed} · {run.output_tokens or 0} tokens · {cost} · {run.finish_reason or ''}"


class TrialScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_name("trial.tcss")
    BINDINGS = [
        Binding("escape", "cancel_or_close", "Cancel / back", id="trial.cancel"),
        Binding("ctrl+b", "toggle_blind", "Blind on/off", id="trial.blind"),
        # Enter starts a new line of the prompt; ctrl+j is what ctrl+enter sends in most terminals.
        Binding("ctrl+j,ctrl+enter,f5", "run", "Run", id="trial.run"),
        Binding("1", "vote('A')", "Vote A", show=False),
        Binding("2", "vote('B')", "Vote B", show=False),
        Binding("3", "vote('C')", "Vote C", show=False),
        Binding("4", "vote('D')", "Vote D", show=False),
        Binding("t", "vote('tie')", "Tie", show=False),
        Binding("x", "vote('bad')", "All bad", show=False),
    ]

    @dataclass
    class Voted(Message):
        vote: dict[str, Any]

    @dataclass
    class Spent(Message):
        usd: float

    @dataclass
    class Finished(Message):
        runs: list[dict[str, Any]]

    def __init__(
        self, models: list[str], api_bases: dict[str, str], price_of: Any, blind: bool = False,
        earlier_votes: list[dict[str, Any]] | None = None, spend_cap_usd: float = 0.50, max_tokens: int = 256,
        explain_error: Callable[[str, str | None], str | None] | None = None,
    ) -> None:  # fmt: skip
        super().__init__()
        self.explain_error = explain_error or (lambda model, error: error)
        self.spend_cap_usd = spend_cap_usd
        self.max_tokens = max_tokens
        self._spend_accepted_for: str | None = None  # the prompt the user chose to run above the cap
        self.votes: list[dict[str, Any]] = list(earlier_votes or [])
        self.models = models
        self.api_bases = api_bases
        self.price_of = price_of
        self.blind = blind
        self.labels: dict[str, str] = {}
        self.runs: list[Any] = []
        self.awaiting_vote = False
        self.engine = ChildEngine()  # streams run in a child process: see agent/trials/child.py

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="trial-controls"):
            yield TextArea(DEFAULT_PROMPT, id="trial-prompt", soft_wrap=True)  # a pasted prompt keeps every line
            yield Button("Run", id="run", variant="primary")
        yield Static(self._mode_text(), id="trial-mode")
        with Grid(id="panes"):
            for model in self.models:
                yield TrialPane(model, model)
        yield DataTable(id="trial-results", cursor_type="row")
        with Horizontal(id="trial-charts"):
            for title, _, _ in CHARTS:
                yield MetricBars(title, classes="trial-chart")
        yield Static("", id="win-rates")
        yield Footer()

    def on_mount(self) -> None:
        self.engine.start()  # it imports LiteLLM while the user reads the prompt
        table = self.query_one("#trial-results", DataTable)
        table.add_columns("pane", "run", "TTFT ms", "tok/s", "tokens", "cost $", "finish", "error")
        self._arrange_panes(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._arrange_panes(event.size.width)

    def _arrange_panes(self, width: int) -> None:
        """Side by side while each pane gets ~35 columns; stacked on a narrow terminal."""
        columns = min(len(self.models), 4 if width >= 140 else 2 if width >= 80 else 1)
        grid = self.query_one("#panes")
        if grid.styles.grid_size_columns != columns:
            grid.styles.grid_size_columns = columns

    async def on_unmount(self) -> None:
        await self.engine.close()

    def _mode_text(self) -> str:
        mode = "blind: names hidden until you vote (1-4 winner, t tie, x all bad)" if self.blind else "open"
        return f"{len(self.models)} models · {mode} · ctrl+b toggles blind · ctrl+j or F5 runs · escape cancels"

    @on(Button.Pressed, "#run")
    def action_run(self) -> None:
        prompt = self.query_one("#trial-prompt", TextArea).text.strip()
        if not prompt:
            self.notify("Write a prompt first.", severity="warning")
            return
        if self._spend_guard_allows(prompt):
            self.run_trial(prompt)

    def _spend_guard_allows(self, prompt: str) -> bool:
        """Show the worst-case cost; above the cap (or unknown), the second Run goes ahead."""
        from agent.trials.engine import estimate_cost

        estimate = estimate_cost(self._request(prompt), self.price_of)
        shown = f"at most ${estimate:.6f}" if estimate is not None else "unknown (a model has no price)"
        self.query_one("#trial-mode", Static).update(f"{self._mode_text()} · estimated cost {shown}")
        if (estimate is None or estimate > self.spend_cap_usd) and self._spend_accepted_for != prompt:
            self._spend_accepted_for = prompt
            why = "is unknown" if estimate is None else f"${estimate:.4f} is above the ${self.spend_cap_usd:.2f} cap"
            self.notify(f"Estimated cost {why} (TRADEOFF_SPEND_CAP_USD). Press Run again to spend it.",
                        severity="warning", timeout=8)  # fmt: skip
            return False
        return True

    def _request(self, prompt: str) -> Any:
        from agent.trials.engine import TrialRequest

        prices = {model: price for model in self.models if (price := self.price_of(model)) is not None}
        return TrialRequest(models=self.models, prompt=prompt, api_bases=self.api_bases, max_tokens=self.max_tokens,
                            timeout_s=90, prices=prices)  # fmt: skip

    @work(exclusive=True, group="trial", exit_on_error=False)
    async def run_trial(self, prompt: str) -> None:
        from agent.trials.engine import blind_labels

        request = self._request(prompt)
        self.labels = blind_labels(self.models) if self.blind else {m: m for m in self.models}
        panes = {pane.model: pane for pane in self.query(TrialPane)}
        for model, pane in panes.items():
            pane.set_title(f"[{self.labels[model]}]" if self.blind else model)
            pane.begin()

        async def on_chunk(run: Any, text: str) -> None:
            panes[run.model].write(text, run.ttft_ms)

        def on_done(run: Any) -> None:
            run.error = self.explain_error(run.model, run.error)
            panes[run.model].done(run)

        freeze_loaded_objects()
        flusher = PaneFlusher(self, list(panes.values()))
        try:
            with full_collections_paused():
                runs = await self.engine.run(request, on_chunk=on_chunk, on_done=on_done)
            await flusher.drain()
        except asyncio.CancelledError:
            for pane in panes.values():
                pane.cancelled()
            raise
        except RuntimeError as exc:  # the trial process died or could not start
            for pane in panes.values():
                pane.failed(str(exc))
            self.notify(f"The trial stopped: {exc}. Press Run to try again.", severity="error")
            return
        finally:
            flusher.stop()
        for run in runs:
            run.label = self.labels[run.model]
            run.error = self.explain_error(run.model, run.error)
        self.runs.extend(runs)
        self.awaiting_vote = self.blind  # before anything shows a name
        self._show_charts()
        self.post_message(self.Spent(sum(run.cost_usd or 0.0 for run in runs)))
        self.post_message(self.Finished([run.as_json() for run in runs]))
        self._show_results()
        if self.blind:
            self.query_one("#trial-results", DataTable).focus()  # so 1-4, t and x vote instead of typing
            self.notify("Vote: 1-4 for the winner's pane, t for a tie, x if all are bad.")

    def _show_charts(self) -> None:
        """Median TTFT, tokens/s and cost per model across runs, as bars (names hidden while blind)."""
        from agent.trials.results import summarise

        summaries = summarise(self.runs)
        names = [self._shown_name(summary["model"], short=True) for summary in summaries]
        for chart, (_, key, reads) in zip(self.query(MetricBars), CHARTS, strict=True):
            medians = [(summary[key] or {}).get("median") for summary in summaries]
            chart.show([(name, median, reads(median) if median is not None else "—")
                        for name, median in zip(names, medians, strict=True)])  # fmt: skip

    def _shown_name(self, model: str, short: bool = False) -> str:
        """While a vote is pending, the pane's label for every run (charts and table agree)."""
        if self.awaiting_vote:
            return self.labels.get(model, model)
        return model.rsplit("/", 1)[-1] if short else model

    def _show_results(self) -> None:
        table = self.query_one("#trial-results", DataTable)
        table.clear()
        for run in self.runs:
            name = self._shown_name(run.model)
            table.add_row(
                name, str(run.run), f"{run.ttft_ms:,.0f}" if run.ttft_ms else "—",
                f"{run.tokens_per_s:.1f}" if run.tokens_per_s else "—", str(run.output_tokens or 0),
                f"{run.cost_usd:.6f}" if run.cost_usd is not None else "?", run.finish_reason or "",
                run.error or "",
            )  # fmt: skip

    def action_vote(self, choice: str) -> None:
        if not self.awaiting_vote:
            return
        by_label = {label: model for model, label in self.labels.items()}
        if choice not in ("tie", "bad") and choice not in by_label:
            return
        winner = by_label.get(choice)
        self.awaiting_vote = False
        for pane in self.query(TrialPane):
            pane.set_title(f"[{self.labels[pane.model]}] {pane.model}" + ("  ★" if pane.model == winner else ""))
        self._show_results()
        self._show_charts()
        vote = {"models": sorted(self.models), "winner": winner, "vote": choice, "labels": self.labels}
        self.post_message(self.Voted(vote))
        self.votes.append(vote)
        self._show_win_rates()
        self.notify(f"Vote recorded: {choice}. Names revealed.")

    def _show_win_rates(self) -> None:
        from agent.trials.stats import Vote, win_rate_lines

        votes = [Vote(tuple(v["models"]), v.get("winner")) for v in self.votes]
        self.query_one("#win-rates", Static).update("\n".join(win_rate_lines(votes)))

    def action_toggle_blind(self) -> None:
        self.blind = not self.blind
        self.query_one("#trial-mode", Static).update(self._mode_text())

    def action_cancel_or_close(self) -> None:
        running = [w for w in self.workers if w.group == "trial" and w.is_running]
        if running:
            for worker in running:
                worker.cancel()
            self.notify("Trial cancelled; partial answers kept.")
        else:
            self.app.pop_screen()
