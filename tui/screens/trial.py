"""The trial screen: one prompt, 2-4 models streaming side by side, live metrics, blind votes.

Panes are lettered A-D left to right, top to bottom, and key 1 votes for pane A. A blind run
deals the models to the panes at random. Every run is kept (through the TrialLog) the moment it
finishes, before the screen shows it; a vote is kept before the names are revealed.
"""

from __future__ import annotations

import asyncio
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Static, TextArea

from agent.trials.child import ChildEngine
from agent.trials.evidence import MemoryTrialLog, TrialLog
from agent.trials.results import TrialRun
from agent.trials.spend import SpendGuard
from tui.heap import freeze_loaded_objects, full_collections_paused
from tui.widgets.model_names import ModelNames, parse_models
from tui.widgets.pane_flusher import PaneFlusher
from tui.widgets.trial_pane import TrialPane
from tui.widgets.trial_results import MedianCharts, RunsTable

LABELS = "ABCD"
MIN_PANE_HEIGHT = 10  # border, title, two metric lines and five lines of answer
BELOW_PANES = 7 + 5 + 2  # the results table, the charts and the win rates, kept visible when there is room


class TrialScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_name("trial.tcss")
    BINDINGS = [
        Binding("escape", "cancel_or_close", "Cancel / back", id="trial.cancel"),
        Binding("ctrl+b", "toggle_blind", "Blind on/off", id="trial.blind"),
        # Enter starts a new line of the prompt; ctrl+j is what ctrl+enter sends in most terminals.
        Binding("ctrl+j,ctrl+enter,f5", "run", "Run", id="trial.run"),
        Binding("f1", "keys", "Keys", id="trial.keys"),
        # The footer shows the vote keys while a vote is awaited (check_action), as one entry for 1-4.
        Binding("1", "vote('A')", "Vote pane", key_display="1-4", id="trial.vote-a", tooltip="Vote pane A"),
        Binding("2", "vote('B')", "Vote pane B", show=False, id="trial.vote-b"),
        Binding("3", "vote('C')", "Vote pane C", show=False, id="trial.vote-c"),
        Binding("4", "vote('D')", "Vote pane D", show=False, id="trial.vote-d"),
        Binding("t", "vote('tie')", "Tie", id="trial.vote-tie"),
        Binding("x", "vote('bad')", "All bad", id="trial.vote-bad"),
    ]
    awaiting_vote: reactive[bool] = reactive(False, bindings=True)

    @dataclass
    class Spent(Message):
        usd: float

    def __init__(
        self, models: list[str], api_bases: dict[str, str], price_of: Any, blind: bool = False,
        log: TrialLog | None = None, spend_cap_usd: float = 0.50, max_tokens: int = 256,
        explain_error: Callable[[str, str | None], str | None] | None = None,
        api_bases_for: Callable[[list[str]], dict[str, str]] | None = None, model_names: Sequence[str] = (),
        engine: Any = None, rng: random.Random | None = None,
    ) -> None:  # fmt: skip
        super().__init__()
        self.explain_error = explain_error or (lambda model, error: error)
        self.spend_guard = SpendGuard(spend_cap_usd)
        self.max_tokens = max_tokens
        self.models = list(models)
        self.api_bases = api_bases
        self.api_bases_for = api_bases_for
        self.model_names = model_names
        self.price_of = price_of
        self.blind = blind
        self.trial_log: TrialLog = log if log is not None else MemoryTrialLog()
        self.rng = rng or random.Random()
        self.runs: list[TrialRun] = []  # the session's whole history, then this screen's runs
        self.votes: list[dict[str, Any]] = []
        self.labels: dict[str, str] = {}  # model -> pane letter, this run
        self._unvoted: list[TrialRun] = []  # the blind run whose names stay hidden until the vote
        self._latest: list[TrialRun] = []  # the last run, one per pane
        self.engine = engine or ChildEngine()  # streams run in a child process: see agent/trials/child.py

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="trial-controls"):
            with Vertical(id="trial-inputs"):
                yield Input(", ".join(self.models), id="trial-models", suggester=ModelNames(self.model_names),
                            placeholder="2-4 LiteLLM model strings, comma separated",
                            select_on_focus=False)  # focusing it is usually to add a model  # fmt: skip
                yield TextArea(id="trial-prompt", soft_wrap=True, placeholder="Your prompt (several lines are fine)")
            yield Button("Run", id="run", variant="primary")
        yield Static(self._mode_text(), id="trial-mode")
        with VerticalScroll(id="trial-body"):
            with Grid(id="panes"):
                for label, model in zip(LABELS, self.models, strict=False):
                    yield TrialPane(label, model)
            yield RunsTable(id="trial-results", cursor_type="row")
            yield MedianCharts(id="trial-charts")
            yield Static("", id="win-rates")
        yield Footer()

    def on_mount(self) -> None:
        self.engine.start()  # it imports LiteLLM while the user reads the prompt
        runs, votes = self.trial_log.history()  # the session's trials so far: the table and win rates add up
        self.runs = [TrialRun.from_json(run) for run in runs]
        self.votes = list(votes)
        self._show_results()
        self._show_charts()
        self._show_win_rates()
        self.query_one("#trial-prompt", TextArea).focus()
        self.call_after_refresh(self._arrange_panes)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._arrange_panes)

    def _arrange_panes(self) -> None:
        """Four across from 140 columns, two from 80, else stacked; each pane at least
        MIN_PANE_HEIGHT tall (a short terminal scrolls to the results instead)."""
        width = self.size.width
        panes = len(self.query(TrialPane)) or 1
        columns = min(panes, 4 if width >= 140 else 2 if width >= 80 else 1)
        rows = math.ceil(panes / columns)
        room = self.query_one("#trial-body").size.height
        share = (room - BELOW_PANES) // rows
        height = share * rows if share >= MIN_PANE_HEIGHT else max(MIN_PANE_HEIGHT, room // rows) * rows
        grid = self.query_one("#panes")
        if grid.styles.grid_size_columns != columns:
            grid.styles.grid_size_columns = columns
        grid.styles.grid_size_rows = rows
        if grid.styles.height is None or grid.styles.height.value != height:
            grid.styles.height = height
        self.set_class(self.size.height < 30, "-short")

    async def on_unmount(self) -> None:
        await self.engine.close()

    def _mode_text(self) -> str:
        # One row at 80 columns, with the estimate: the keys are in the footer and on F1.
        return f"{len(self.models)} models · {'blind (names after the vote)' if self.blind else 'open (names shown)'}"

    # --- which models ------------------------------------------------------------------------------

    @on(Input.Submitted, "#trial-models")
    async def _models_submitted(self) -> None:
        if await self._apply_models():
            self.query_one("#trial-prompt", TextArea).focus()

    async def _apply_models(self) -> bool:
        """Take the typed models (a new set of panes when they changed); False if they will not do."""
        models, problem = parse_models(self.query_one("#trial-models", Input).value)
        if problem:
            self.notify(problem, severity="warning")
            return False
        if models == self.models:
            return True
        if self._trial_running():
            self.notify("A trial is running: press escape first, then change the models.", severity="warning")
            return False
        self.models = models
        if self.api_bases_for is not None:
            self.api_bases = self.api_bases_for(models)
        self.awaiting_vote, self._unvoted, self._latest, self.labels = False, [], [], {}
        grid = self.query_one("#panes")
        await grid.remove_children()
        await grid.mount(*(TrialPane(label, model) for label, model in zip(LABELS, models, strict=False)))
        self.query_one("#trial-mode", Static).update(self._mode_text())
        self._show_results()
        self._show_charts()
        self._arrange_panes()
        return True

    # --- running -------------------------------------------------------------------------------------

    async def action_run(self) -> None:
        if not await self._apply_models():
            return
        prompt = self.query_one("#trial-prompt", TextArea).text.strip()
        if not prompt:
            self.notify("Write a prompt first.", severity="warning")
            return
        if self._spend_guard_allows(prompt):
            self.run_trial(prompt)

    @on(Button.Pressed, "#run")
    async def _run_pressed(self) -> None:
        await self.action_run()

    def _spend_guard_allows(self, prompt: str) -> bool:
        """Show the worst-case cost; above the cap (or unknown), the second Run goes ahead."""
        from agent.trials.engine import estimate_cost

        check = self.spend_guard.check(estimate_cost(self._request(prompt), self.price_of))
        self.query_one("#trial-mode", Static).update(f"{self._mode_text()} · estimated cost {check.shown}")
        if not self.spend_guard.allows(check, prompt):
            self.notify(check.warning, severity="warning", timeout=8)
            return False
        return True

    def _request(self, prompt: str) -> Any:
        from agent.trials.engine import TrialRequest

        prices = {model: price for model in self.models if (price := self.price_of(model)) is not None}
        return TrialRequest(models=self.models, prompt=prompt, api_bases=self.api_bases, max_tokens=self.max_tokens,
                            timeout_s=90, prices=prices)  # fmt: skip

    def _trial_running(self) -> bool:
        return any(worker.group == "trial" and worker.is_running for worker in self.workers)

    def _next_run_number(self) -> int:
        """Runs count up within a trial: the same models, compared again (in this session)."""
        compared = sorted(self.models)
        return 1 + max((run.run for run in self.runs if sorted(run.compared) == compared), default=0)

    @work(exclusive=True, group="trial", exit_on_error=False)
    async def run_trial(self, prompt: str) -> None:
        request = self._request(prompt)
        panes = list(self.query(TrialPane))
        order = list(self.models)
        if self.blind:
            self.rng.shuffle(order)  # which model sits in which pane says nothing
        self.labels = {model: pane.label for model, pane in zip(order, panes, strict=True)}
        self.awaiting_vote, self._unvoted = False, []  # a vote not given before the next run is not given
        run_number = self._next_run_number()
        for model, pane in zip(order, panes, strict=True):
            pane.begin(model, f"[{pane.label}]" if self.blind else f"[{pane.label}] {model}")
        by_model = {pane.model: pane for pane in panes}
        finished: dict[str, TrialRun] = {}

        def keep(run: TrialRun) -> None:
            """Number, label and explain a finished run, and keep it before anything shows it."""
            run.label, run.run, run.compared = self.labels[run.model], run_number, sorted(self.models)
            run.error = self.explain_error(run.model, run.error)
            self.trial_log.add_runs([run.as_json()])
            finished[run.model] = run

        async def on_chunk(run: Any, text: str) -> None:
            by_model[run.model].write(text, run.ttft_ms)

        def on_done(run: TrialRun) -> None:
            keep(run)
            by_model[run.model].done(run)

        def stop_early(reason: str, line: str) -> None:
            """Panes still streaming end here with what arrived; finished and failed ones keep theirs."""
            for model, pane in by_model.items():
                if model not in finished:
                    keep(TrialRun(model=model, text=pane.answer, ttft_ms=pane.ttft_ms, error=reason))
                pane.stopped(line)
            self._finished(list(finished.values()), votable=False)  # in the order they were kept

        freeze_loaded_objects()
        flusher = PaneFlusher(self, panes)
        try:
            with full_collections_paused():
                runs = await self.engine.run(request, on_chunk=on_chunk, on_done=on_done)
            await flusher.drain()
        except asyncio.CancelledError:
            stop_early("cancelled", "cancelled · partial text kept")
            raise
        except RuntimeError as exc:  # the trial process died or could not start
            stop_early(str(exc), f"error: {exc} (partial text kept)")
            self.notify(f"The trial stopped: {exc}. Press Run to try again.", severity="error")
            return
        finally:
            flusher.stop()
        for run in runs:
            if run.model not in finished:  # every model's "done" comes first; this is a safety net
                keep(run)
                by_model[run.model].done(run)
                by_model[run.model].flush()
        self._finished(list(finished.values()), votable=True)

    def _finished(self, runs: list[TrialRun], votable: bool) -> None:
        """The run is kept already: show it, and ask for a vote when there is something to vote on."""
        self.runs.extend(runs)
        self._latest = runs
        answered = [run for run in runs if run.error is None]
        self.awaiting_vote = self.blind and votable and len(answered) >= 2  # before anything shows a name
        self._unvoted = runs if self.awaiting_vote else []
        if not self.awaiting_vote:
            self._reveal(winner=None)
        else:
            for pane in self.query(TrialPane):
                pane.set_title(
                    f"[{pane.label}] failed" if pane.model in {r.model for r in runs if r.error} else f"[{pane.label}]"
                )
        self.post_message(self.Spent(sum(run.cost_usd or 0.0 for run in runs)))
        self._show_charts()
        self._show_results()
        if self.awaiting_vote:
            # So 1-4, t and x vote instead of typing; without scrolling, so the answers stay in view.
            self.query_one(RunsTable).focus(scroll_visible=False)
            failed = [run.label for run in runs if run.error]
            also = f" Pane {', '.join(failed)} failed and cannot win or lose." if failed else ""
            self.notify(f"Vote: 1 for pane A, 2 for B…, t for a tie, x if all are bad.{also}")
        elif self.blind and votable:
            self.notify("Fewer than two models answered: nothing to vote on, names shown.", severity="warning")

    def _reveal(self, winner: str | None) -> None:
        failed = {run.model for run in self._latest if run.error}
        for pane in self.query(TrialPane):
            mark = "  ★" if pane.model == winner else "  (failed)" if pane.model in failed else ""
            pane.set_title(f"[{pane.label}] {pane.model}{mark}")

    # --- showing -------------------------------------------------------------------------------------

    def _shown_name(self, run: TrialRun) -> str:
        return "(hidden until you vote)" if run in self._unvoted else run.model

    def _show_charts(self) -> None:
        """Median TTFT, tokens/s and cost per model across runs, as bars (names hidden while blind)."""
        from agent.trials.results import summarise

        summaries = summarise([run for run in self.runs if run.model in self.models])
        hidden = {run.model: run.label for run in self._unvoted}
        names = [hidden.get(s["model"]) or s["model"].rsplit("/", 1)[-1] for s in summaries]
        self.query_one(MedianCharts).show(summaries, names)

    def _show_results(self) -> None:
        self.query_one(RunsTable).show(self.runs, self._shown_name)

    def _show_win_rates(self) -> None:
        """The same lines the decision record prints, from every vote in the session."""
        from agent.trials.stats import tallied_votes, win_rate_lines

        lines = win_rate_lines(tallied_votes(self.votes)) if self.votes else ["no blind votes yet in this session"]
        self.query_one("#win-rates", Static).update("\n".join(lines))

    # --- voting ----------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.awaiting_vote if action == "vote" else True

    def action_keys(self) -> None:
        from tui.screens.trial_keys import TrialKeys

        self.app.push_screen(TrialKeys())

    def action_vote(self, choice: str) -> None:
        if not self.awaiting_vote:
            return
        by_label = {label: model for model, label in self.labels.items()}
        failed = sorted(run.model for run in self._unvoted if run.error)
        winner = None
        if choice not in ("tie", "bad"):
            winner = by_label.get(choice)
            if winner is None:
                self.notify(f"There is no pane {choice} in this trial.", severity="warning")
                return
            if winner in failed:
                self.notify(f"Pane {choice} failed, so it cannot win: pick another pane, t or x.", severity="warning")
                return
        vote = {
            "models": sorted(m for m in self.models if m not in failed), "winner": winner, "vote": choice,
            "labels": dict(self.labels), "failed": failed, "run": self._unvoted[0].run, "compared": sorted(self.models),
        }  # fmt: skip
        self.trial_log.add_vote(vote)  # kept before the names show
        self.votes.append(vote)
        self.awaiting_vote, self._unvoted = False, []
        self._reveal(winner)
        self._show_results()
        self._show_charts()
        self._show_win_rates()
        self.notify(f"Vote recorded: {choice}. Names revealed.")

    def action_toggle_blind(self) -> None:
        self.blind = not self.blind
        if not self.blind and self.awaiting_vote:  # leaving blind mode gives up the vote
            self.awaiting_vote, self._unvoted = False, []
            self._reveal(winner=None)
            self._show_results()
            self._show_charts()
        self.query_one("#trial-mode", Static).update(self._mode_text())

    def action_cancel_or_close(self) -> None:
        running = [w for w in self.workers if w.group == "trial" and w.is_running]
        if running:
            for worker in running:
                worker.cancel()
            self.notify("Trial cancelled: finished panes keep their results, the others their partial text.")
        else:
            self.app.pop_screen()
