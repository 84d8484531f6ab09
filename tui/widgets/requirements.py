"""The live requirements: every field with its value and whether it was stated or assumed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.message import Message
from textual.widgets import DataTable

from agent.advisor.view import FIELD_LABELS, format_value
from agent.terminal_text import visible


class RequirementsTable(DataTable[str]):
    """Select a row and press enter to edit it; the ranking updates at once."""

    BINDINGS = [("enter", "edit", "Edit")]

    @dataclass
    class EditRequested(Message):
        field: str
        value: Any

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.add_columns("field", "value", "from")
        self.show(requirements={}, stated=set())

    def show(self, requirements: dict[str, Any], stated: set[str]) -> None:
        self._values = requirements
        self.clear()
        for name, label in FIELD_LABELS.items():
            origin = "stated" if name in stated else "assumed"
            self.add_row(label, visible(format_value(requirements.get(name)), keep=""), origin, key=name)

    def action_edit(self) -> None:
        if self.row_count == 0:
            return
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        if key is not None:
            self.post_message(self.EditRequested(str(key), self._values.get(str(key))))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()
