"""Pick a saved session to resume."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from agent.terminal_text import visible


class SessionsScreen(ModalScreen[str | None]):
    BINDINGS = [("escape", "dismiss(None)", "Close")]
    DEFAULT_CSS = """
    SessionsScreen { align: center middle; }
    SessionsScreen > Vertical { width: 80%; height: 70%; border: thick $primary; background: $surface; }
    """

    def __init__(self, sessions: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.sessions = sessions

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Open a session (enter) · escape to close")
            # A title is the user's first message, as pasted: shown with its control characters visible.
            options = [
                Option(visible(f"{updated[:16].replace('T', ' ')}  {title}", keep=""), id=sid)
                for sid, title, updated in self.sessions
            ]
            yield OptionList(*options) if options else Label("No saved sessions yet.")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
