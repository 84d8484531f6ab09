"""The main screen: the chat and its flow (turns, requirement edits, sessions, export) on the left;
requirements, shortlist, plot and sources on the right, or under the chat when narrow."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import ScreenResume, ScreenSuspend
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static, TabbedContent, TabPane
from textual.worker import Worker

from tui.actions import slash_action
from tui.screens.trial_launcher import TrialLauncher
from tui.widgets.back_to_chat import TypedElsewhere
from tui.widgets.chat import ChatView, Suggestions
from tui.widgets.history_input import HistoryInput
from tui.widgets.leaderboard import LeaderboardView
from tui.widgets.requirements import RequirementsTable
from tui.widgets.shortlist import EliminatedTable, ShortlistTable
from tui.widgets.sources import SourcesList
from tui.widgets.status import StatusBar

if TYPE_CHECKING:  # the rows' module loads with the advisor, off the first paint
    from agent.advisor.view import ShortlistRow, TurnView

NARROW_WIDTH = 100  # below this the panels stack under the chat

# Plain Rich markup, not Markdown: one widget instead of a dozen keeps the first paint fast.
WELCOME = (
    "[b]Welcome to tradeoff.[/b] Tell me what you are building: the task, how many requests a day, "
    "how fast answers must start, your budget and how sensitive the data is. I will rank real models "
    "with the numbers to show why, and cite the course.\n\n"
    "[i]Try:[/i] [reverse] customer support chatbot, 50k chats a day, under 1 second, $2,000/month [/reverse]"
    "  ·  [b]/help[/b] for commands"
)


class MainScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_name("main.tcss")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_WIDTH, "-wide")]  # main.tcss stacks the panels when narrow

    # Posted from workers (thread-safe) to this screen alone; handled here, in order.
    @dataclass
    class AnswerChunk(Message, bubble=False):
        text: str

    @dataclass
    class TurnDone(Message, bubble=False):
        view: TurnView | None  # None: the turn was refused, with a note saying why
        note: str | None = None  # said before the answer (a requirement changed)

    @dataclass
    class SessionOpened(Message, bubble=False):
        view: TurnView
        messages: list[tuple[str, str]]  # (role, text)

    @dataclass
    class SessionMissing(Message, bubble=False):
        session_id: str  # asked for (`tradeoff --session ID`, the sessions dialog) and not in the store

    @dataclass
    class Note(Message, bubble=False):
        text: str

    @dataclass
    class Then(Message, bubble=False):
        """Run `call` on the UI thread with what a worker read (the sessions list, for a dialog)."""

        call: Callable[[], Any]

    def __init__(self, session_id: str | None = None) -> None:
        super().__init__()
        self.session_id = session_id
        self.view: TurnView | None = None
        self.waiting: list[str] = []  # typed before the advisor was ready, or while a turn ran
        self.turn_running = False
        self.trials = TrialLauncher(self)
        self._plot: Any = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            with Vertical(id="conversation"):
                yield ChatView(id="chat")
                yield HistoryInput(placeholder="Describe your use case, or ask a question…  (/help)", id="prompt")
            with Vertical(id="side"), TabbedContent(id="side-tabs"):
                with TabPane("Shortlist", id="tab-shortlist"):
                    yield ShortlistTable(id="shortlist")
                    yield Static("", id="why", markup=False)
                    yield Static("", id="fallback", markup=False)
                    yield Vertical(id="plot-slot")
                with TabPane("Leaderboard", id="tab-leaderboard"):
                    yield LeaderboardView(id="leaderboard")
                with TabPane("Requirements", id="tab-requirements"):
                    yield RequirementsTable(id="requirements")
                with TabPane("Eliminated", id="tab-eliminated"):
                    yield EliminatedTable(id="eliminated")
                with TabPane("Sources", id="tab-sources"):
                    yield SourcesList(id="sources")
        yield StatusBar(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.chat.mount(Static(WELCOME, classes="note welcome"))
        self.set_focus(self.prompt)

    @on(TabbedContent.TabActivated, pane="#tab-leaderboard")
    def _load_leaderboard(self) -> None:
        # Read at each visit: votes cast on a trial screen since the last one are on disk.
        settings = self.app.settings  # type: ignore[attr-defined]
        self.query_one(LeaderboardView).refresh_board(settings.data_dir, settings.sessions_path)

    @property
    def advisor(self) -> Any:
        return getattr(self.app, "advisor", None)

    @property
    def chat(self) -> ChatView:
        return self.query_one(ChatView)

    @property
    def prompt(self) -> HistoryInput:
        return self.query_one(HistoryInput)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    def shortlist(self) -> tuple[ShortlistRow, ...]:
        return self.view.shortlist if self.view else ()

    def marked_models(self) -> list[str]:
        return self.query_one(ShortlistTable).marked_models()

    def requests_per_day(self) -> float:
        row = next((r for r in self.view.requirements if r.field == "requests_per_day"), None) if self.view else None
        return float(row.value) if row is not None and row.value is not None else 10_000

    def in_worker(self, name: str, work: Callable[[], None]) -> Worker[None]:
        """An advisor call off the UI thread; a failure goes to the app's one error handler."""
        return self.app.run_worker(work, thread=True, group=name, name=name, exit_on_error=False)

    # --- told by the app ---------------------------------------------------------------------------

    def advisor_ready(self, mode: str, notice: str | None) -> None:
        self.status.advisor = mode
        if notice:
            self.chat.add_note(f"⚠ {notice}")
        if self.session_id:
            self.open_session(self.session_id)
        else:
            self.in_worker("sessions", self._offer_resume)
        self._next_turn()

    def show_index(self, detail: str) -> None:
        self.status.index = detail

    def add_spend(self, usd: float) -> None:
        self.status.spend += usd

    def turn_failed(self, error: BaseException, where: str) -> None:
        self.turn_running = False
        self.call_later(self.chat.end_answer)  # a part-written answer stays, closed
        self.chat.add_note(f"That turn failed: {error}. Your message is saved; try again. Details: {where}")
        self._next_turn()

    # --- focus: every modal closes back to the chat input ------------------------------------------

    @on(TypedElsewhere)
    def _typed_in_a_panel(self, event: TypedElsewhere) -> None:
        """A sentence typed while a panel has focus goes to the chat input; escape goes back to it."""
        self.set_focus(self.prompt)
        if event.text:
            self.prompt.insert_text_at_cursor(event.text)

    @on(ScreenSuspend)
    def _suspended(self) -> None:
        # Now, not on resume: keys typed the moment a dialog closes must find the prompt focused.
        self.set_focus(self.prompt, scroll_visible=False)

    @on(ScreenResume)
    def _resumed(self) -> None:
        self.set_focus(self.prompt, scroll_visible=False)
        log, self.trials.trial_log = self.trials.trial_log, None
        if log is not None and log.votes_added and self.advisor is not None:
            self.in_worker("votes", self._rank_with_votes)

    def _rank_with_votes(self) -> None:
        result = self.trials.rank_with_new_votes()
        if result is not None:
            self.post_message(self.AnswerChunk(result.answer))
            self.post_message(
                self.TurnDone(
                    result.view,
                    note="Your new votes now rank ahead of public "
                    "benchmarks for the models you rated (measured by you).",
                )
            )

    # --- the chat ----------------------------------------------------------------------------------

    @on(Input.Submitted, "#prompt")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        self.prompt.value = ""
        if not text:
            return
        self.prompt.remember(text)
        if text.startswith("/"):
            action = slash_action(text)
            if action is None:
                self.notify(f"Unknown command: {text[:40]}; /help lists them.", severity="warning", markup=False)
            else:
                self.call_later(self.app.run_action, action)
            return
        self.send(text)

    @on(Suggestions.Picked)
    def _picked(self, event: Suggestions.Picked) -> None:
        self.prompt.focus()  # the clicked button is about to go away
        self.send(event.answer)

    def send(self, text: str) -> None:
        self.chat.add_user(text)
        self.waiting.append(text)
        if self.advisor is None:
            self.chat.add_note("The advisor is still loading; your message will be answered in a moment.")
        self._next_turn()

    def _next_turn(self) -> None:
        """One turn at a time, in the order typed: a turn needs the session the one before made."""
        if self.turn_running or self.advisor is None or not self.waiting:
            return
        self.turn_running = True
        self.in_worker("turn", partial(self._turn, self.waiting.pop(0), self.session_id))

    def _turn(self, text: str, session: str | None) -> None:  # on a worker thread
        from agent.session_store import SessionBusy

        def chunk(piece: str) -> None:
            self.post_message(self.AnswerChunk(piece))

        try:
            result = self.advisor.turn(text, session, on_chunk=chunk)
        except (ValueError, SessionBusy) as exc:  # SessionBusy: another window holds the session
            self.post_message(self.Note(f"⚠ {exc}"))
            self.post_message(self.TurnDone(None))
            return
        self.post_message(self.TurnDone(result.view))

    @on(AnswerChunk)
    async def _chunk(self, event: AnswerChunk) -> None:
        await self.chat.write_answer(event.text)

    @on(TurnDone)
    async def _turn_done(self, event: TurnDone) -> None:
        view = event.view
        if view is not None:
            if event.note:
                self.chat.add_note(event.note)
            self.show(view)
            choices = list(view.question.choices) if view.question else None
            await self.chat.end_answer(choices)
        else:
            await self.chat.end_answer()
        self.turn_running = False
        self._next_turn()

    @on(Note)
    def _note(self, event: Note) -> None:
        self.chat.add_note(event.text)

    @on(Then)
    def _then(self, event: Then) -> None:
        event.call()

    def show(self, view: TurnView) -> None:
        """The panels, from the turn's typed rows."""
        self.view = view
        self.session_id = view.session or self.session_id
        self.status.session = f"session {self.session_id}" if self.session_id else "new session"
        self.query_one(RequirementsTable).show(view.requirements)
        self.query_one(ShortlistTable).show(view.shortlist)
        self.query_one("#fallback", Static).update(f"fallback: {view.fallback}" if view.fallback else "")
        if view.shortlist:
            self._show_plot(view.shortlist)
        self.query_one(EliminatedTable).show(view.eliminated)
        self.query_one(SourcesList).show(view.sources)

    def _show_plot(self, rows: tuple[ShortlistRow, ...]) -> None:
        from tui.widgets.cost_plot import CostQualityPlot  # plotext loads on first use, not at start-up

        if self._plot is None or not self._plot.is_mounted:
            self._plot = CostQualityPlot(id="plot")
            self.query_one("#plot-slot").mount(self._plot)
        self._plot.show([row.model_dump() for row in rows])

    @on(DataTable.RowHighlighted, "#shortlist")
    def _row_highlighted(self) -> None:
        row = self.query_one(ShortlistTable).selected_row()
        where = f" on {row.provider}" if row and row.provider else ""
        # the full route id (what `tradeoff cost --model` takes), as plain text: catalog ids are outside data
        self.query_one("#why", Static).update(Text(f"{row.model}{where} · context {row.context} · {row.why}")
                                              if row else "")  # fmt: skip

    # --- requirements ------------------------------------------------------------------------------

    def show_requirements(self) -> None:
        self.show_panel("requirements")

    def show_panel(self, name: str) -> None:
        """A side tab brought up from the keyboard (the palette or a slash command), its content focused."""
        self.query_one(TabbedContent).active = f"tab-{name}"
        self.query_one(f"#{name}").focus()

    @on(RequirementsTable.EditRequested)
    def _edit(self, event: RequirementsTable.EditRequested) -> None:
        from tui.screens.edit_requirement import EditRequirement

        if self.advisor is None or self.session_id is None:
            self.notify("Describe your use case first; then edit any requirement here.", severity="warning")
            return
        self.app.push_screen(EditRequirement(event.field, event.value), self._apply_edit)

    def _apply_edit(self, change: tuple[str, Any] | None) -> None:
        if change is None or self.session_id is None:
            return
        self.in_worker("edit", partial(self._edit_in_worker, self.session_id, *change))

    def _edit_in_worker(self, session: str, field: str, value: Any) -> None:
        try:
            result = self.advisor.edit_requirement(session, field, value)
        except ValueError as exc:
            self.post_message(self.Note(f"Not applied: {exc}"))
            return
        shown = next((row.shown for row in result.view.requirements if row.field == field), str(value))
        from agent.advisor.view import FIELD_LABELS  # loaded with the advisor by now; kept off start-up

        label = FIELD_LABELS.get(field, field.replace("_", " "))
        note = f"Requirement changed: {label} = {shown if value is not None else '(cleared)'}"
        if result.answer:
            self.post_message(self.AnswerChunk(result.answer))
        self.post_message(self.TurnDone(result.view, note=note))

    def start_over(self) -> None:
        """A new session on this screen: the conversation and the panels empty, the welcome back."""
        if self.turn_running or self.waiting:
            self.notify("Wait for the answer, then start a new session.", severity="warning")
            return
        self.session_id, self.view = None, None
        self.trials.measured_route = None  # a route measured for the last session is not this one's
        self.chat.clear()
        self.chat.mount(Static(WELCOME, classes="note welcome"))
        for table in (RequirementsTable, ShortlistTable, EliminatedTable, SourcesList):
            self.query_one(table).show(())
        for line in ("#why", "#fallback"):
            self.query_one(line, Static).update("")
        if self._plot is not None:
            self._plot.remove()
            self._plot = None
        self.status.session = "new session"
        self.set_focus(self.prompt)
        self.notify("New session.")

    # --- sessions ----------------------------------------------------------------------------------

    def _offer_resume(self) -> None:
        sessions = self.advisor.sessions()
        if sessions:
            self.post_message(self.Note(f"Resume your last session “{sessions[0].title}”? Press ctrl+r."))

    def open_session(self, session_id: str) -> None:
        self.in_worker("open-session", partial(self._open_in_worker, session_id))

    def _open_in_worker(self, session_id: str) -> None:
        from agent.advisor.view import turn_view

        if not self.advisor.exists(session_id):
            self.post_message(self.SessionMissing(session_id))
            return
        self.advisor.finish_interrupted_turn(session_id)
        state = self.advisor.state(session_id)
        messages = [(message.role, message.content) for message in state.messages]
        self.post_message(self.SessionOpened(turn_view(state, session_id), messages))

    @on(SessionMissing)
    def _session_missing(self, event: SessionMissing) -> None:
        # the next message starts a session of its own rather than one under the id that was not found
        if self.session_id == event.session_id:
            self.session_id = None
            self.status.session = "new session"
        self.chat.add_note(f"No session {event.session_id!r}; `tradeoff sessions` lists them. Your next message "
                           "starts a new one.")

    @on(SessionOpened)
    def _session_opened(self, event: SessionOpened) -> None:
        self.trials.measured_route = None  # another session's route is not this one's
        chat = self.chat
        chat.clear()
        for role, text in event.messages:
            chat.add_user(text) if role == "user" else chat.add_assistant(text)
        if event.view.question:
            chat.add_choices(list(event.view.question.choices))
        chat.add_note(f"Resumed session {event.view.session}.")
        self.show(event.view)

    def resume_last(self) -> None:
        def read() -> None:
            sessions = self.advisor.sessions()
            if sessions:
                self._open_in_worker(sessions[0].id)
            else:
                self.post_message(self.Note("No saved sessions yet."))

        self.in_worker("sessions", read)

    def choose_session(self) -> None:
        from tui.screens.sessions import SessionsScreen

        def read() -> None:
            listing = [(s.id, s.title, s.updated) for s in self.advisor.sessions()]
            dialog = SessionsScreen(listing)
            self.post_message(self.Then(lambda: self.app.push_screen(dialog, self._chosen)))

        self.in_worker("sessions", read)

    def _chosen(self, session_id: str | None) -> None:
        if session_id:
            self.open_session(session_id)

    # --- export ------------------------------------------------------------------------------------

    def export(self, fmt: str = "md") -> None:
        from agent.record.formats import free_path
        from tui.screens.export import ExportDialog

        if self.advisor is None or self.session_id is None or not self.shortlist():
            self.notify("Nothing to export yet: get a recommendation first.", severity="warning")
            return
        dialog = ExportDialog(free_path(Path.cwd(), self.session_id, fmt), fmt)
        self.app.push_screen(dialog, lambda chosen: self.write_record(fmt, *chosen) if chosen else None)

    def write_record(self, fmt: str, path: Path, overwrite: bool = False) -> Worker[None]:
        """Write the record to `path` in a worker; the chat says where it went."""
        return self.in_worker("export", partial(self._write_in_worker, self.session_id, fmt, path, overwrite))

    def _write_in_worker(self, session: str, fmt: str, path: Path, overwrite: bool) -> None:
        from agent.files import FileExistsRefusal, write_atomic
        from agent.record.formats import record_text

        # Read the session afresh: trial runs and votes were kept there as they happened.
        state = self.advisor.state(session)
        routing = self.advisor.measured_route(session) or self.trials.measured_route
        created = not path.parent.exists()
        try:
            written = write_atomic(path, record_text(state, self.advisor.tools.catalog, session, fmt, routing),
                                   force=overwrite)  # fmt: skip
        except FileExistsRefusal as exc:
            self.post_message(self.Note(f"Not written: {exc}"))
            return
        except OSError as exc:  # a read-only or full disk: say so, keep the session
            self.post_message(self.Note(f"Could not write {path}: {exc.strerror or exc}"))
            return
        self.post_message(self.Note(f"Decision record written to {written}"
                                    + (f" (created the folder {path.parent})" if created else "")))
