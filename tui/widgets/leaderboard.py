"""Your leaderboard beside the shortlist: Bradley-Terry ratings from your blind votes with 95%
intervals, votes per model, and how many more votes would separate the top two."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from catalog.display import short_model_name

EMPTY = (
    "No blind votes yet. Open a trial (t on the shortlist, or /trial), turn blind mode on (ctrl+b) and vote "
    "with 1-4 (t a tie, x all bad)."
)


class LeaderboardView(Vertical):
    """Reloads from disk when asked (`refresh_board`), on a thread: votes from every trial screen,
    session and `tradeoff trial --blind` are read each time."""

    DEFAULT_CSS = """
    LeaderboardView { height: 1fr; }
    LeaderboardView > DataTable { height: auto; max-height: 1fr; }
    LeaderboardView > .leaderboard-note { color: $text-muted; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static("Your leaderboard, measured by you", id="leaderboard-title", markup=False)
        yield DataTable(id="leaderboard-table", cursor_type="row")
        yield Static(EMPTY, id="leaderboard-separation", classes="leaderboard-note", markup=False)
        yield Static("", id="leaderboard-method", classes="leaderboard-note", markup=False)
        yield Static("", id="leaderboard-evals", classes="leaderboard-note", markup=False)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("#", "model", "rating", "95%", "votes", "wins", "measured")

    @work(thread=True, exclusive=True, group="leaderboard", exit_on_error=False)
    def refresh_board(self, data_dir: Path, sessions_path: Path) -> None:
        from agent.trials.evidence import your_leaderboard

        board = your_leaderboard(data_dir, sessions_path)
        self.app.call_from_thread(self.show, board)

    def show(self, board: Any) -> None:
        """Draw a computed leaderboard (agent.trials.leaderboard.Leaderboard)."""
        table = self.query_one(DataTable)
        table.clear()
        for place, standing in enumerate(board.standings, 1):
            low, high = standing.interval
            table.add_row(str(place), short_model_name(standing.model), f"{standing.rating:.0f}",
                          f"{low:.0f}-{high:.0f}", str(standing.comparisons), f"{standing.wins:g}",
                          "by you", key=standing.model)  # fmt: skip
        title = f"Your leaderboard, measured by you: {board.votes} blind votes"
        self.query_one("#leaderboard-title", Static).update(title)
        self.query_one("#leaderboard-separation", Static).update(board.separation if board.standings else EMPTY)
        self.query_one("#leaderboard-method", Static).update(board.method if board.standings else "")
        rates = [f"{short_model_name(r.model)} {r.passed}/{r.total} passed (95% Wilson {r.interval[0]:.2f}-"
                 f"{r.interval[1]:.2f})" for r in board.pass_rates]  # fmt: skip
        evals = "Eval pass rates, measured by you (your batches): " + "; ".join(rates) if rates else ""
        self.query_one("#leaderboard-evals", Static).update(evals)
