"""The status bar: advisor mode, index status, session and spend so far."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from catalog.display import money


class StatusBar(Static):
    advisor: reactive[str] = reactive("advisor: loading…")
    index: reactive[str] = reactive("index: loading…")
    session: reactive[str] = reactive("new session")
    spend: reactive[float] = reactive(0.0)

    def render(self) -> str:
        full = f" {self.advisor}  │  {self.index}  │  {self.session}  │  spend {money(self.spend)}"
        if len(full) <= self.size.width:
            return full
        # Narrow: the labels go, the facts stay (the spend last of all).
        advisor, index = self.advisor.removeprefix("advisor: "), self.index.removeprefix("index: ")
        return f" {advisor} │ {index} │ {self.session.removeprefix('session ')} │ {money(self.spend)}"
