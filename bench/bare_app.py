"""A bare Textual app with the same widgets as tradeoff's main screen, for the start-up comparison."""

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Input, Markdown, Static, TabbedContent, TabPane


class BareApp(App[None]):
    CSS = "Input { dock: bottom; } Vertical { width: 3fr; } TabbedContent { width: 2fr; } Static { height: 1; }"

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical():
                with VerticalScroll():
                    yield Markdown("**Welcome**")
                yield Input(placeholder="Describe your use case, or ask a question…  (/help)")
            with TabbedContent():
                with TabPane("Shortlist"):
                    yield DataTable()
                with TabPane("Requirements"):
                    yield DataTable()
        yield Static("status")
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
