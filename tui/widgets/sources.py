"""The course passages behind the current answer: listed by title, opened with enter."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, OptionList
from textual.widgets.option_list import Option

from agent.terminal_text import visible


class PassageScreen(ModalScreen[None]):
    BINDINGS = [("escape", "dismiss", "Close")]
    DEFAULT_CSS = """
    PassageScreen { align: center middle; }
    PassageScreen > VerticalScroll { width: 80%; height: 80%; border: thick $primary; background: $surface; }
    """

    def __init__(self, passage: dict[str, Any]) -> None:
        super().__init__()
        self.passage = passage

    def compose(self) -> ComposeResult:
        heading = f"**[{self.passage['id']}] {self.passage['title']} — {self.passage['section']}**"
        body = self.passage["text"].split("\n", 1)[-1]
        with VerticalScroll():
            yield Markdown(visible(f"{heading}\n\n{body}\n\n_escape to close_"))


class SourcesList(OptionList):
    def show(self, passages: list[dict[str, Any]], citations: list[Any]) -> None:
        self.clear_options()
        self._passages = {p["chunk_id"]: p for p in passages if "chunk_id" in p}
        if self._passages:
            for key, passage in self._passages.items():
                label = visible(f"{passage['id']}  {passage['title']} — {passage['section']}", keep="")
                self.add_option(Option(label, id=key))
        else:
            for citation in citations:
                label = visible(f"{citation.id}  {citation.title}", keep="")
                self.add_option(Option(label, id=citation.id, disabled=True))

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        passage = getattr(self, "_passages", {}).get(event.option.id)
        if passage is not None:
            self.app.push_screen(PassageScreen(passage))
