"""The tradeoff Textual app: paints at once, loads the advisor and the index in workers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.message import Message
from textual.widgets import Input, Static, TabbedContent
from textual.worker import Worker, WorkerState

from tui.commands import TradeoffCommands
from tui.heap import freeze_loaded_objects
from tui.screens.main import MainScreen
from tui.widgets.chat import ChatView, Suggestions
from tui.widgets.history_input import HistoryInput
from tui.widgets.requirements import RequirementsTable
from tui.widgets.shortlist import EliminatedTable, ShortlistTable
from tui.widgets.sources import SourcesList
from tui.widgets.status import StatusBar

NARROW_WIDTH = 100


class TradeoffApp(App[None]):
    TITLE = "tradeoff"
    SUB_TITLE = "choose the right model, with the numbers"
    COMMANDS = App.COMMANDS | {TradeoffCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "new_session", "New", id="session.new"),
        Binding("ctrl+o", "open_session", "Open", id="session.open"),
        Binding("ctrl+r", "resume_last", "Resume last", id="session.resume"),
        Binding("ctrl+e", "export", "Export", id="record.export"),
        Binding("f2", "catalog", "Catalog", id="catalog.open"),
        Binding("f1", "help", "Help", id="help.open"),
        Binding("ctrl+t", "toggle_theme", "Theme", id="theme.toggle"),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    ]

    @dataclass
    class CoreReady(Message):
        advisor: Any
        knowledge: Any
        mode: str

    @dataclass
    class IndexReady(Message):
        detail: str

    @dataclass
    class TurnDone(Message):
        result: Any

    def __init__(self, session_id: str | None = None, settings: Any = None) -> None:
        super().__init__()
        self.settings = settings  # read in the loading worker: pydantic-settings is not needed to paint
        self.session_id = session_id
        self.advisor: Any = None
        self.knowledge: Any = None
        self.pending: list[str] = []
        self.state: Any = None
        self._plot: Any = None
        self._local_server: Any = None  # the local models' servers, when this app started them
        self._measured_route: dict[str, Any] | None = None  # a route measured before there was a session

    def get_default_screen(self) -> MainScreen:
        return MainScreen()

    def on_mount(self) -> None:
        # Start loading after the first frame: the worker's imports would compete for the GIL.
        self.call_after_refresh(self.load_core)

    # --- loading -------------------------------------------------------------------------------

    @work(thread=True, exit_on_error=False, group="load", name="load-core")
    def load_core(self) -> None:
        from agent.advisor.factory import make_advisor
        from agent.settings import load_settings
        from knowledge.base import KnowledgeBase

        if self.settings is None:
            self.settings = load_settings()
        knowledge = KnowledgeBase(
            self.settings.index_dir, self.settings.embedding_model, self.settings.chroma_host, self.settings.chroma_port
        )
        advisor = make_advisor(self.settings, knowledge)
        mode = f"advisor: {self.settings.advisor_model}" if self.settings.advisor_model else "advisor: offline"
        self.post_message(self.CoreReady(advisor, knowledge, mode))

    @work(thread=True, exit_on_error=False, group="load", name="load-index")
    def load_index(self) -> None:
        report = self.knowledge.load_dense()
        notice = self.knowledge.store.notice if self.knowledge.store else None
        embedded = f", {report.embedded} embedded" if report.embedded else ""
        detail = f"index: ready ({report.total} passages{embedded})"
        if notice:
            self.call_from_thread(self.notify, notice, severity="warning", timeout=10)
        self.post_message(self.IndexReady(detail))

    @on(CoreReady)
    def _core_ready(self, event: CoreReady) -> None:
        self.advisor, self.knowledge = event.advisor, event.knowledge
        freeze_loaded_objects()
        status = self.main_screen.query_one(StatusBar)
        status.advisor = event.mode
        if self.advisor.notice:
            self.chat.add_note(f"⚠ {self.advisor.notice}")
        if self.settings.load_embeddings:
            status.index = "index: BM25 ready, embeddings loading…"
            self.load_index()
        else:
            status.index = "index: BM25 only (embeddings off)"
        if self.session_id:
            self.open_session(self.session_id)
        else:
            sessions = self.advisor.sessions()
            if sessions:
                self.chat.add_note(f"Resume your last session “{sessions[0].title}”? Press ctrl+r.")
        for text in self.pending:
            self.run_turn(text)
        self.pending.clear()

    @on(IndexReady)
    def _index_ready(self, event: IndexReady) -> None:
        self.main_screen.query_one(StatusBar).index = event.detail
        freeze_loaded_objects()  # torch, the model and Chroma are loaded now

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR or event.worker.error is None:
            return
        from agent.settings import SettingsError
        from tui.logging_setup import log_exception

        error = event.worker.error
        if isinstance(error, SettingsError):  # the user's to fix, before anything can work
            self.exit(return_code=2, message=f"tradeoff: {error}")
            return
        where = log_exception(error)
        if event.worker.name == "load-index":
            self.main_screen.query_one(StatusBar).index = "index: BM25 only (embeddings unavailable)"
            self.notify(f"{error} — search keeps working with BM25. Details: {where}", severity="warning", timeout=12)
        elif event.worker.name == "turn":
            self.chat.add_note(f"That turn failed: {error}. Your message is saved; try again. Details: {where}")
        else:
            self.notify(f"{error} (details in {where})", severity="error", timeout=12)

    # --- chat ----------------------------------------------------------------------------------

    @property
    def main_screen(self) -> MainScreen:
        """The chat screen, wherever it is in the stack: results may land while a trial is on top."""
        return next(screen for screen in self.screen_stack if isinstance(screen, MainScreen))

    @property
    def chat(self) -> ChatView:
        return self.main_screen.query_one(ChatView)

    @on(Input.Submitted, "#prompt")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        prompt = self.main_screen.query_one(HistoryInput)
        prompt.value = ""
        if not text:
            return
        prompt.remember(text)
        if text.startswith("/"):
            self.slash_command(text)
            return
        self.send(text)

    @on(Suggestions.Picked)
    def _picked(self, event: Suggestions.Picked) -> None:
        self.main_screen.query_one(HistoryInput).focus()  # the clicked button is about to go away
        self.send(event.answer)

    def send(self, text: str) -> None:
        self.chat.add_user(text)
        if self.advisor is None:
            self.pending.append(text)
            self.chat.add_note("The advisor is still loading; your message will be answered in a moment.")
            return
        self.run_turn(text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="turn", name="turn")
    def run_turn(self, text: str) -> None:
        from agent.session_store import SessionBusy

        try:
            result = self.advisor.turn(text, self.session_id)
        except (ValueError, SessionBusy) as exc:  # SessionBusy: another window holds the session
            self.call_from_thread(self.chat.add_note, f"⚠ {exc}")
            return
        self.post_message(self.TurnDone(result))

    @on(TurnDone)
    async def _turn_done(self, event: TurnDone) -> None:
        result = event.result
        self.session_id = result.session
        question = result.state.next_question
        choices = [choice.label for choice in question.choices] if question else None
        self.show_state(result.state)  # panels first: the numbers are ready before the prose streams
        await self.chat.stream_assistant(result.answer, choices)

    def show_state(self, state: Any) -> None:
        from agent.advisor.interview import build_requirements

        self.state = state
        screen = self.main_screen
        screen.query_one(StatusBar).session = f"session {self.session_id}"
        full = build_requirements(state.requirements).model_dump()
        screen.query_one(RequirementsTable).show(full, set(state.requirements))
        ranking = state.ranking or {}
        ranked = ranking.get("ranked") or []
        screen.query_one(ShortlistTable).show(ranked)
        fallback = ranking.get("fallback")
        screen.query_one("#fallback", Static).update(f"fallback: {fallback}" if ranked else "")
        if ranked:
            self._show_plot(ranked)
        screen.query_one(EliminatedTable).show(ranking.get("eliminated") or [])
        screen.query_one(SourcesList).show(state.passages, state.citations)

    def _show_plot(self, ranked: list[dict[str, Any]]) -> None:
        from tui.widgets.cost_plot import CostQualityPlot  # plotext loads on first use, not at start-up

        if self._plot is None or not self._plot.is_mounted:
            self._plot = CostQualityPlot(id="plot")
            self.main_screen.query_one("#plot-slot").mount(self._plot)
        self._plot.show(ranked)

    # --- requirements editing --------------------------------------------------------------------

    @on(RequirementsTable.EditRequested)
    def _edit(self, event: RequirementsTable.EditRequested) -> None:
        from tui.screens.edit_requirement import EditRequirement

        if self.advisor is None or self.session_id is None:
            self.notify("Describe your use case first; then edit any requirement here.", severity="warning")
            return
        self.push_screen(EditRequirement(event.field, event.value), self._apply_edit)

    def _apply_edit(self, change: tuple[str, Any] | None) -> None:
        if change is None or self.session_id is None:
            return
        field, value = change
        try:
            result = self.advisor.edit_requirement(self.session_id, field, value)
        except ValueError as exc:
            self.notify(f"Not applied: {exc}", severity="error")
            return
        self.chat.add_note(f"Requirement changed: {field} = {value if value is not None else '(cleared)'}")
        self.show_state(result.state)
        self.run_worker(self.chat.stream_assistant(result.answer), exclusive=True, group="stream")

    # --- sessions, commands --------------------------------------------------------------------

    def open_session(self, session_id: str) -> None:
        if not self.advisor.exists(session_id):
            self.notify(f"No session {session_id!r}; `tradeoff sessions` lists them.", severity="error")
            return
        self.advisor.finish_interrupted_turn(session_id)
        self.session_id = session_id
        self._measured_route = None  # another session's route is not this one's
        state = self.advisor.state(session_id)
        chat = self.chat
        chat.remove_children()
        for message in state.messages:
            if message.role == "user":
                chat.add_user(message.content)
            else:
                chat.mount(ChatView.assistant_message(message.content))
        if state.next_question:
            chat.mount(Suggestions([c.label for c in state.next_question.choices]))
        chat.add_note(f"Resumed session {session_id}.")
        self.show_state(state)

    def action_resume_last(self) -> None:
        if self.advisor is None:
            return
        sessions = self.advisor.sessions()
        if sessions:
            self.open_session(sessions[0].id)
        else:
            self.notify("No saved sessions yet.")

    def action_open_session(self) -> None:
        from tui.screens.sessions import SessionsScreen

        if self.advisor is None:
            self.notify("Still loading; try again in a moment.")
            return
        listing = [(s.id, s.title, s.updated) for s in self.advisor.sessions()]
        self.push_screen(SessionsScreen(listing), lambda sid: self.open_session(sid) if sid else None)

    def action_new_session(self) -> None:
        if not isinstance(self.screen, MainScreen):  # switch_screen would replace this screen, not the chat
            self.notify("Close this screen first (escape), then start a new session.", severity="warning")
            return
        self.session_id = None
        self._measured_route = None
        self.state = None
        self._plot = None
        self.switch_screen(MainScreen())
        self.notify("New session.")

    def action_catalog(self) -> None:
        from tui.screens.catalog import CatalogScreen

        if self.advisor is None:
            self.notify("The catalog is still loading; try again in a moment.")
            return
        self.push_screen(CatalogScreen(self.advisor.tools.catalog))

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme != "textual-light" else "textual-dark"

    def action_export(self, fmt: str = "md") -> None:
        from agent.record.export import export_record

        # Read the session afresh: trial runs and votes were kept there as they happened.
        state = self.advisor.state(self.session_id) if self.advisor is not None and self.session_id else self.state
        if state is None or not state.ranking:
            self.notify("Nothing to export yet: get a recommendation first.", severity="warning")
            return
        # A route measured in the Routing view (kept with the session) makes the routing section measured.
        routing = (self.advisor.measured_route(self.session_id) if self.session_id else None) or self._measured_route
        try:
            path = export_record(state, self.advisor.tools.catalog, Path.cwd(), self.session_id or "session", fmt,
                                 routing=routing)  # fmt: skip
        except OSError as exc:  # a read-only or full disk: say so, keep the session
            self.notify(f"Could not write the decision record in {Path.cwd()}: {exc.strerror or exc}", severity="error")
            return
        self.notify(f"Decision record written to {path}")

    def action_show_requirements(self) -> None:
        self.main_screen.query_one(TabbedContent).active = "tab-requirements"
        self.main_screen.query_one(RequirementsTable).focus()

    def slash_command(self, text: str) -> None:
        command = text.split()[0].lower()
        actions = {
            "/help": self.action_help, "/reset": self.action_new_session, "/export": self.action_export,
            "/requirements": self.action_show_requirements, "/catalog": self.action_catalog,
            "/sessions": self.action_open_session,
        }  # fmt: skip
        if command == "/export" and len(text.split()) > 1:
            fmt = text.split()[1].lower()
            if fmt not in ("md", "json", "litellm"):
                self.notify("Use /export, /export json or /export litellm.", severity="warning")
                return
            self.action_export(fmt)
        elif command in actions:
            actions[command]()
        elif command == "/eval":
            self.start_batch(text.split(maxsplit=1)[1] if len(text.split()) > 1 else "")
        elif command == "/route":
            self.start_routing(text.split(maxsplit=1)[1] if len(text.split()) > 1 else "")
        elif command == "/trial":
            words = text.split()[1:]
            self.start_trial(words if words and words != ["local"] else None, local_only=words == ["local"])
        else:
            self.notify(f"Unknown command {command}; /help lists them.", severity="warning")

    def action_trial(self) -> None:
        self.start_trial(None)

    def action_batch(self) -> None:
        self.start_batch("")

    def action_route(self) -> None:
        self.start_routing("")

    def start_trial(self, models: list[str] | None, local_only: bool = False) -> None:
        """Open the trial screen: given models, else the shortlist's marked or top two, else the local models."""
        if self.advisor is None:
            self.notify("Still loading; try again in a moment.")
            return
        from agent.trials.local_servers import LOCAL_ORDER

        if not models and not local_only:
            shortlist = self.main_screen.query_one(ShortlistTable)
            models = shortlist.marked_models() or [
                r["model"] for r in ((self.state and self.state.ranking) or {}).get("ranked", [])[:2]
            ]
        if not models or local_only:
            models = [f"local/{alias}" for alias in LOCAL_ORDER]
        if not 2 <= len(models) <= 4:
            self.notify("A trial needs 2 to 4 models; mark them in the shortlist with space.", severity="warning")
            return
        if any(m.startswith("local/") for m in models):
            self.ensure_local_server(models)  # opens the trial once the models answer
        else:
            self._open_trial(models)

    def start_batch(self, tests_path: str) -> None:
        """The batch screen with the shortlist's marked or top two models, else the local models."""
        if self.advisor is None:
            self.notify("Still loading; try again in a moment.")
            return
        from agent.trials.engine import catalog_prices
        from agent.trials.local_servers import LOCAL_ORDER, resolve_local
        from tui.screens.batch import BatchScreen

        shortlist = self.main_screen.query_one(ShortlistTable)
        ranked = ((self.state and self.state.ranking) or {}).get("ranked", [])
        models = shortlist.marked_models() or [r["model"] for r in ranked[:2]] or [f"local/{a}" for a in LOCAL_ORDER]
        bases = self._api_bases(models)
        if any(resolve_local(model, self.settings.local_port) for model in models):
            self.ensure_local_server([])  # started on demand, stopped on exit
        self.push_screen(BatchScreen(models, bases, catalog_prices(self.advisor.tools.catalog), tests_path,
                                     open_routing=lambda data: self.start_routing("", data)))  # fmt: skip

    def start_routing(self, results_path: str, results_data: dict[str, Any] | None = None) -> None:
        """The Routing view on a saved eval (`tradeoff eval --save`) or on a batch just run, at the
        session's volume; each route it computes is kept with the session for the decision record."""
        from agent.advisor.interview import build_requirements
        from agent.settings import Settings
        from tui.screens.routing import RoutingScreen

        catalog = self.advisor.tools.catalog if self.advisor is not None else None  # prices once loaded
        volume = build_requirements(self.state.requirements).requests_per_day if self.state else 10_000
        settings = self.settings or Settings()
        # The local models cost $0 to call (the catalog has no price for them); the box shows it, to edit
        # into a what-if (local/gemma3-270m=gpt-4.1).
        local = [m for m in (results_data or {}).get("models", []) if str(m).startswith("local/")]
        self.push_screen(RoutingScreen(results_path, catalog, volume, prices=" ".join(f"{m}=0,0" for m in local),
                                       export_dir=settings.data_dir, local_port=settings.local_port,
                                       results_data=results_data, on_route=self.keep_route))  # fmt: skip

    def keep_route(self, route: dict[str, Any]) -> None:
        """A route measured in the Routing view: kept with the session (or, before there is one, here)
        so /export's routing section is measured rather than estimated."""
        self._measured_route = route
        if self.advisor is not None and self.session_id:
            self.advisor.record_route(self.session_id, route)

    def _api_bases(self, models: list[str]) -> dict[str, str]:
        """Local models go to their servers; any other model to trial_api_base, when it is set."""
        from agent.trials.local_servers import resolve_local

        bases = {}
        for model in models:
            if resolved := resolve_local(model, self.settings.local_port):
                bases[model] = resolved[1]
            elif self.settings.trial_api_base:
                bases[model] = self.settings.trial_api_base
        return bases

    def _open_trial(self, models: list[str]) -> None:
        from agent.trials.engine import catalog_prices
        from agent.trials.evidence import SessionTrialLog
        from agent.trials.local_servers import LOCAL_ORDER
        from tui.screens.trial import TrialScreen

        catalog, settings = self.advisor.tools.catalog, self.settings
        names = [entry.id for entry in catalog.chat_models()] + [f"local/{alias}" for alias in LOCAL_ORDER]
        log = SessionTrialLog(self.advisor, lambda: self.session_id, settings.data_dir)
        screen = TrialScreen(models, self._api_bases(models), catalog_prices(catalog), log=log,
                             spend_cap_usd=settings.spend_cap_usd, max_tokens=settings.trial_max_tokens,
                             explain_error=self.explain_trial_error, api_bases_for=self._trial_api_bases,
                             model_names=names)  # fmt: skip
        self.push_screen(screen)

    def _trial_api_bases(self, models: list[str]) -> dict[str, str]:
        """Models typed on the trial screen: local ones start their servers (in the background)."""
        from agent.trials.local_servers import resolve_local

        if any(resolve_local(model, self.settings.local_port) for model in models):
            self.ensure_local_server([])
        return self._api_bases(models)

    @work(thread=True, exclusive=True, group="local-server", exit_on_error=False, name="local-server")
    def ensure_local_server(self, models: list[str]) -> None:
        """Start the local models on demand (self-tested; stopped when the app exits), then open the trial."""
        from agent.trials.local_servers import LOCAL_ORDER, LocalModelsUnavailable, answering, start_server

        if all(answering(alias, self.settings.local_port) for alias in LOCAL_ORDER):
            if models:
                self.call_from_thread(self._open_trial, models)
            return
        if self._local_server is not None:  # one of ours died: free its ports before starting again
            self._local_server.stop()
            self._local_server = None
        log = self.settings.log_dir / "local-server.log"
        self.call_from_thread(self.notify, f"Starting the local models (a few seconds; log: {log})…")
        try:
            self._local_server = start_server(self.settings.data_dir, self.settings.local_port, log=log)
        except LocalModelsUnavailable as exc:
            self.call_from_thread(self.notify, f"The local models could not start: {exc}", severity="error",
                                  timeout=20)  # fmt: skip
            return
        if models:
            self.call_from_thread(self._open_trial, models)

    def explain_trial_error(self, model: str, error: str | None) -> str | None:
        """A local model's failed run names its server's crash, if ours died."""
        return self._local_server.explain(model, error) if self._local_server is not None else error

    def on_unmount(self) -> None:
        if self._local_server is not None:
            self._local_server.stop()

    def on_trial_screen_spent(self, event: Any) -> None:
        self.screen_stack[0].query_one(StatusBar).spend += event.usd

    def action_switch_advisor(self) -> None:
        self.notify(
            "Set TRADEOFF_ADVISOR_MODEL (any LiteLLM model string, e.g. gpt-4.1-mini) or advisor_model in "
            f"{self.settings.config_dir / 'config.toml'}, then restart. Keys come from the usual provider variables.",
            timeout=15,
        )

    def action_reindex(self) -> None:
        if self.knowledge is None:
            self.notify("Still loading; try again in a moment.")
            return
        self.main_screen.query_one(StatusBar).index = "index: rebuilding…"
        self.load_index()

    def action_ingest(self) -> None:
        self.notify("Run `tradeoff ingest PATH...` in a shell; those files are searched with the course.", timeout=12)

    def on_resize(self, event: Resize) -> None:
        self.main_screen.set_class(event.size.width < NARROW_WIDTH, "-narrow")
