"""The Textual app shell: starts instantly; the chat and panels arrive with the TUI work."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Markdown

WELCOME = """\
# tradeoff

Choose the right AI model, with the numbers to show why.

The chat advisor is on its way. Meanwhile the headless tools work today:

- `tradeoff recommend --task coding --requests-per-day 5k --budget-usd-month 2000`
- `tradeoff cost --model gpt-4.1 --requests-per-day 10k --input-tokens 1000 --output-tokens 200`
- `tradeoff catalog --provider anthropic`

Press **q** to quit.
"""


class TradeoffApp(App[None]):
    TITLE = "tradeoff"
    BINDINGS: ClassVar[list[Binding]] = [Binding("q", "quit", "Quit", id="quit")]

    def __init__(self, session_id: str | None = None) -> None:
        super().__init__()
        self.session_id = session_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Markdown(WELCOME, id="welcome")
        yield Footer()
