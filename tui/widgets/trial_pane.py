"""One trial pane: a model's answer as it streams, its label and its metrics. Chunks wait in the
pane until tui.widgets.pane_flusher shows them."""

from __future__ import annotations

import time
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Label

from tui.widgets.streaming_markdown import StreamingMarkdown


def ttft_text(ttft_ms: float | None) -> str:
    return f"TTFT {ttft_ms:,.0f} ms" if ttft_ms is not None else "TTFT —"


def metrics_line(run: Any) -> str:
    """A finished run's numbers, or its error."""
    if run.error:
        return f"error: {run.error}" + (" (partial text kept)" if run.text else "")
    speed = f"{run.tokens_per_s:.1f} tok/s" if run.tokens_per_s else "— tok/s"
    cost = f"${run.cost_usd:.6f}" if run.cost_usd is not None else "cost ?"
    return f"{ttft_text(run.ttft_ms)} · {speed} · {run.output_tokens or 0} tokens · {cost} · {run.finish_reason or ''}"


class MetricsLine(Widget):
    """The numbers under a pane. A new value repaints these lines without a layout pass
    (a Static's update re-lays-out the screen, ten times a second per pane while streaming)."""

    text: reactive[str] = reactive("waiting…", layout=False)

    def show(self, text: str) -> None:
        self.text = text
        self.set_class(text.startswith("error:"), "-error")

    def render(self) -> Content:
        return Content(self.text)


class TrialPane(Vertical):
    """One pane of the trial: the letter it is voted by, the model it shows this run, its answer.

    Chunks wait in a buffer until the screen's PaneFlusher appends them (see there).
    """

    def __init__(self, label: str, model: str) -> None:
        super().__init__(classes="pane")
        self.label = label  # A-D, left to right and top to bottom: key 1 votes for A
        self.model = model
        self.finished = False  # this run's result has arrived (answer, or the model's error)
        self._buffer: list[str] = []
        self._final: str | None = None  # the finished run's metrics, shown on the pane's next turn
        self._chunks = 0  # chunks received this run, for the live metrics
        self._first_at = 0.0
        self.ttft_ms: float | None = None

    def compose(self) -> ComposeResult:
        yield Label(f"[{self.label}] {self.model}", classes="pane-title", markup=False)
        yield StreamingMarkdown(classes="pane-body")
        yield MetricsLine(classes="pane-metrics")

    @property
    def title(self) -> str:
        return str(self.query_one(".pane-title", Label).render())

    @property
    def answer(self) -> str:
        """The text shown so far, including chunks still waiting for the pane's turn."""
        return self.query_one(StreamingMarkdown).text + "".join(self._buffer)

    @property
    def metrics(self) -> str:
        return self.query_one(MetricsLine).text

    def set_title(self, text: str) -> None:
        self.query_one(".pane-title", Label).update(text)

    def begin(self, model: str, title: str) -> None:
        self.model = model
        self.set_title(title)
        self.finished = False
        self._buffer.clear()
        self._final = None
        self.query_one(StreamingMarkdown).clear()
        self._chunks = 0
        self.ttft_ms = None
        self.query_one(MetricsLine).show("waiting for the first token…")

    def write(self, text: str, ttft_ms: float | None = None) -> None:
        if not self._chunks:
            self._first_at, self.ttft_ms = time.monotonic(), ttft_ms
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
        elapsed = time.monotonic() - self._first_at
        rate = f"{(self._chunks - 1) / elapsed:.1f} chunks/s" if self._chunks > 1 and elapsed > 0 else "—"
        return f"{ttft_text(self.ttft_ms)} · {self._chunks} chunks · {rate} · streaming…"

    def done(self, run: Any) -> None:
        """This model has finished (others may still stream): its tail and numbers show on its turn."""
        self.finished = True
        self._final = metrics_line(run)

    def stopped(self, line: str) -> None:
        """The trial ended before this model did: show what arrived, then why it ended.
        A pane whose model had already finished keeps its own result."""
        if self.finished:
            self.flush()
            return
        self._final = None
        self.flush()
        self.query_one(MetricsLine).show(line)
