"""The live requirements: every field with its value, where it came from (stated, inferred,
edited or assumed) and the evidence for it."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from agent.terminal_text import visible
from tui.widgets.back_to_chat import BackToChat

if TYPE_CHECKING:  # the rows' module loads with the advisor, off the first paint
    from agent.advisor.view import RequirementRow


COLUMNS = ("field", "value", "from", "evidence")
MIN_EVIDENCE_WIDTH = 16  # narrower than this, the table scrolls sideways rather than wrap a word a line


class RequirementsTable(BackToChat, DataTable[str]):
    """Select a row and press enter to edit it; the ranking updates at once."""

    BINDINGS = [
        Binding("enter", "edit", "Edit", id="requirements.edit"),
        Binding("escape", "back_to_chat", "Back to the chat", id="requirements.back"),
    ]

    @dataclass
    class EditRequested(Message):
        field: str
        value: Any


    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows_shown: dict[str, RequirementRow] = {}
        self._wrapped_for = 0  # the evidence width the rows were wrapped to

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.add_columns(*COLUMNS)

    def show(self, rows: Sequence[RequirementRow]) -> None:
        kept = self._cursor_field()
        self.rows_shown = {row.field: row for row in rows}
        self.clear(columns=True)  # a column keeps its widest cell ever otherwise: the wrap would not narrow it
        self.add_columns(*COLUMNS)
        cells = [(row.label, visible(row.shown, keep=""), row.origin, visible(row.evidence, keep="")) for row in rows]
        room = self._evidence_room(cells)
        for row, (label, shown, origin, evidence) in zip(rows, cells, strict=True):
            # the evidence wraps in the room the other columns leave: a quote cut at the panel's edge hid
            # the words a requirement was read from
            lines = textwrap.wrap(evidence, room) or [""]
            self.add_row(label, shown, origin, "\n".join(lines), key=row.field, height=len(lines))
        self._wrapped_for = room
        if kept in self.rows_shown:  # a re-wrap on resize keeps the row the user is on
            self.move_cursor(row=self.get_row_index(kept))

    def _cursor_field(self) -> str | None:
        if self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return str(key) if key is not None else None

    def _evidence_room(self, cells: Sequence[tuple[str, str, str, str]]) -> int:
        width = self.scrollable_content_region.width or self.size.width
        if not width or not cells:
            return 60
        others = sum(max(len(cell[index]) for cell in cells) for index in range(3))
        return max(MIN_EVIDENCE_WIDTH, width - others - 8 * self.cell_padding - 1)

    def on_resize(self) -> None:
        rows = list(self.rows_shown.values())
        if rows and self._evidence_room([(r.label, r.shown, r.origin, r.evidence) for r in rows]) != self._wrapped_for:
            self.show(rows)  # only when the room for the evidence changed: a rebuild on every resize is churn

    def action_edit(self) -> None:
        if self.row_count == 0:
            return
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        if key is not None and key in self.rows_shown:
            self.post_message(self.EditRequested(key, self.rows_shown[key].value))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()
