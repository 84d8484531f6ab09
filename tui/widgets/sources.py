"""The course passages behind the current answer: listed by title, opened with enter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, OptionList
from textual.widgets.option_list import Option

from agent.terminal_text import visible
from tui.widgets.back_to_chat import BackToChat

if TYPE_CHECKING:  # the rows' module loads with the advisor, off the first paint
    from agent.advisor.view import SourceRow


class PassageScreen(ModalScreen[None]):
    BINDINGS = [("escape", "dismiss", "Close")]
    DEFAULT_CSS = """
    PassageScreen { align: center middle; }
    PassageScreen > VerticalScroll { width: 80%; height: 80%; border: thick $primary; background: $surface; }
    """

    def __init__(self, passage: SourceRow) -> None:
        super().__init__()
        self.passage = passage

    def compose(self) -> ComposeResult:
        heading = f"**[{self.passage.id}] {self.passage.title} — {self.passage.section}**"
        body = (self.passage.text or "").split("\n", 1)[-1]
        with VerticalScroll():
            yield Markdown(visible(f"{heading}\n\n{body}\n\n_escape to close_"))


class SourcesList(BackToChat, OptionList):
    """Passages this answer retrieved open on enter; citations without a passage are listed only."""

    BINDINGS = [*OptionList.BINDINGS, *BackToChat.BACK_BINDINGS]

    def show(self, rows: Sequence[SourceRow]) -> None:
        self.clear_options()
        self.passages = {row.chunk_id: row for row in rows if row.chunk_id and row.text is not None}
        seen: set[str] = set()
        for row in rows:
            key = row.chunk_id if row.chunk_id in self.passages else row.id
            if key is None or key in seen:
                continue
            seen.add(key)
            label = visible(f"{row.id}  {row.title}" + (f" — {row.section}" if row.section else ""), keep="")
            self.add_option(Option(label, id=key, disabled=key not in self.passages))

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        passage = getattr(self, "passages", {}).get(event.option.id)
        if passage is not None:
            self.app.push_screen(PassageScreen(passage))
