"""The status bar: advisor mode, index status, session and spend so far."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static


class StatusBar(Static):
    advisor: reactive[str] = reactive("advisor: loading…")
    index: reactive[str] = reactive("index: loading…")
    session: reactive[str] = reactive("new session")
    spend: reactive[float] = reactive(0.0)

    def render(self) -> str:
        return f" {self.advisor}  │  {self.index}  │  {self.session}  │  spend ${self.spend:,.4f}"
