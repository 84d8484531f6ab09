"""The main screen: chat on the left; requirements, shortlist and plot on the right."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static, TabbedContent, TabPane

from tui.widgets.chat import ChatView
from tui.widgets.history_input import HistoryInput
from tui.widgets.leaderboard import LeaderboardView
from tui.widgets.requirements import RequirementsTable
from tui.widgets.shortlist import EliminatedTable, ShortlistTable
from tui.widgets.sources import SourcesList
from tui.widgets.status import StatusBar

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

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            with Vertical(id="conversation"):
                yield ChatView(id="chat")
                yield HistoryInput(placeholder="Describe your use case, or ask a question…  (/help)", id="prompt")
            with Vertical(id="side"), TabbedContent(id="side-tabs"):
                with TabPane("Shortlist", id="tab-shortlist"):
                    yield ShortlistTable(id="shortlist")
                    yield Static("", id="fallback")
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
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ChatView).mount(Static(WELCOME, classes="note welcome"))
        self.query_one(Input).focus()

    @on(TabbedContent.TabActivated, pane="#tab-leaderboard")
    def _load_leaderboard(self) -> None:
        # Read at each visit: votes cast on a trial screen since the last one are on disk.
        settings = self.app.settings  # type: ignore[attr-defined]
        self.query_one(LeaderboardView).refresh_board(settings.data_dir, settings.sessions_path)
