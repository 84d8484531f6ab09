"""The tradeoff Textual app: paints at once, loads the advisor and the index in workers, routes the
app-wide actions to screens and reports every worker's failure in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on, work
from textual.app import App
from textual.binding import BindingType
from textual.message import Message
from textual.worker import Worker, WorkerState

from tui.actions import bindings
from tui.commands import TradeoffCommands
from tui.heap import freeze_loaded_objects
from tui.screens.main import MainScreen


class TradeoffApp(App[None]):
    TITLE = "tradeoff"
    SUB_TITLE = "choose the right model, with the numbers"
    COMMANDS = App.COMMANDS | {TradeoffCommands}
    # Textual reads a screen's CSS_PATH when the screen is pushed, not for the default screen: without
    # this the first chat screen had none of its styles (the panels never stacked when narrow).
    CSS_PATH = MainScreen.CSS_PATH
    BINDINGS: ClassVar[list[BindingType]] = list(bindings())

    @dataclass
    class CoreReady(Message):
        advisor: Any
        knowledge: Any
        mode: str

    @dataclass
    class IndexReady(Message):
        detail: str

    def __init__(self, session_id: str | None = None, settings: Any = None) -> None:
        super().__init__()
        self.settings = settings  # read in the loading worker: pydantic-settings is not needed to paint
        self.session_id = session_id  # the session to open once the advisor is ready
        self.advisor: Any = None
        self.knowledge: Any = None
        self.local_models: Any = None

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.session_id)

    def on_mount(self) -> None:
        # Start loading after the first frame: the worker's imports would compete for the GIL.
        self.call_after_refresh(self.load_core)

    @property
    def main_screen(self) -> MainScreen:
        """The chat screen, wherever it is in the stack: results may land while a trial is on top."""
        return next(screen for screen in self.screen_stack if isinstance(screen, MainScreen))

    # --- loading -----------------------------------------------------------------------------------

    @work(thread=True, exit_on_error=False, group="load", name="load-core")
    def load_core(self) -> None:
        from agent.advisor.factory import make_advisor
        from agent.settings import load_settings
        from knowledge.base import KnowledgeBase

        if self.settings is None:
            self.settings = load_settings()
        settings = self.settings
        knowledge = KnowledgeBase(settings.index_dir, settings.embedding_model, settings.chroma_host,
                                  settings.chroma_port)  # fmt: skip
        advisor = make_advisor(settings, knowledge)
        mode = f"advisor: {settings.advisor_model}" if settings.advisor_model else "advisor: offline"
        # Textual imports its scrollbar when the first one shows, the chat's as the first long answer
        # streams in: 20-30 ms of reading and running modules on the event loop. Here, off it.
        import textual.scrollbar  # noqa: F401

        self.post_message(self.CoreReady(advisor, knowledge, mode))

    @work(thread=True, exit_on_error=False, group="load", name="load-index")
    def load_index(self) -> None:
        report = self.knowledge.load_dense()
        notice = self.knowledge.store.notice if self.knowledge.store else None
        embedded = f", {report.embedded} embedded" if report.embedded else ""
        if notice:
            self.call_from_thread(self.notify, notice, severity="warning", timeout=10)
        self.post_message(self.IndexReady(f"index: ready ({report.total} passages{embedded})"))

    @on(CoreReady)
    def _core_ready(self, event: CoreReady) -> None:
        from tui.local_models import LocalModels

        self.advisor, self.knowledge = event.advisor, event.knowledge
        self.local_models = LocalModels(self, self.settings)
        freeze_loaded_objects()
        if self.settings.load_embeddings:
            self.main_screen.show_index("index: BM25 ready, embeddings loading…")
            self.load_index()
        else:
            self.main_screen.show_index("index: BM25 only (embeddings off)")
        self.main_screen.advisor_ready(event.mode, self.advisor.notice)

    @on(IndexReady)
    def _index_ready(self, event: IndexReady) -> None:
        self.main_screen.show_index(event.detail)
        freeze_loaded_objects()  # torch, the model and Chroma are loaded now

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """Every worker's failure, in one place: a bad setting ends the app, the rest are said once."""
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
            self.main_screen.show_index("index: BM25 only (embeddings unavailable)")
            self.notify(f"{error} — search keeps working with BM25. Details: {where}", severity="warning", timeout=12)
        elif event.worker.name == "turn":
            self.main_screen.turn_failed(error, where)
        else:
            self.notify(f"{error} (details in {where})", severity="error", timeout=12)

    def on_unmount(self) -> None:
        if self.local_models is not None:
            self.local_models.stop()
        if self.advisor is not None:
            # Its store threads (and the connections they own) end with the app; without waiting, so a
            # turn still running does not hold the screen. Each app a process starts (a test run starts
            # hundreds) otherwise kept two threads, and through them the whole app, alive.
            self.advisor.close(wait=False)

    def on_trial_screen_spent(self, event: Any) -> None:
        self.main_screen.add_spend(event.usd)

    # --- actions (the table in tui/actions.py binds them) ------------------------------------------

    def _loaded(self) -> bool:
        if self.advisor is None:
            self.notify("Still loading; try again in a moment.")
        return self.advisor is not None

    def _on_main(self) -> bool:
        if not isinstance(self.screen, MainScreen):  # the chat's flows start from the chat
            self.notify("Close this screen first (escape), then try again.", severity="warning")
        return isinstance(self.screen, MainScreen)

    def action_new_session(self) -> None:
        if self._on_main():
            self.main_screen.start_over()

    def action_open_session(self) -> None:
        if self._loaded() and self._on_main():
            self.main_screen.choose_session()

    def action_resume_last(self) -> None:
        if self._loaded() and self._on_main():
            self.main_screen.resume_last()

    def action_export(self, fmt: str = "md") -> None:
        if self._on_main():
            self.main_screen.export(fmt)

    def action_show_requirements(self) -> None:
        if self._on_main():
            self.main_screen.show_requirements()

    def action_show_panel(self, name: str) -> None:
        if self._on_main():
            self.main_screen.show_panel(name)

    def action_catalog(self) -> None:
        from tui.screens.catalog import CatalogScreen

        if self._loaded():
            self.push_screen(CatalogScreen(self.advisor.tools.catalog))

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme != "textual-light" else "textual-dark"

    def action_trial(self, models: str = "") -> None:
        self.main_screen.trials.start_trial(models)

    def action_batch(self, tests_path: str = "") -> None:
        self.main_screen.trials.start_batch(tests_path)

    def action_route(self, results_path: str = "") -> None:
        self.main_screen.trials.start_routing(results_path)

    def action_switch_advisor(self) -> None:
        where = self.settings.config_dir / "config.toml" if self.settings else "config.toml"
        self.notify(f"Set TRADEOFF_ADVISOR_MODEL (any LiteLLM model string, e.g. gpt-4.1-mini) or advisor_model in "
                    f"{where}, then restart. Keys come from the usual provider variables.", timeout=15)  # fmt: skip

    def action_reindex(self) -> None:
        if self.knowledge is None:
            self.notify("Still loading; try again in a moment.")
            return
        self.main_screen.show_index("index: rebuilding…")
        self.load_index()

    def action_ingest(self) -> None:
        self.notify("Run `tradeoff ingest PATH...` in a shell; those files are searched with the course.", timeout=12)
