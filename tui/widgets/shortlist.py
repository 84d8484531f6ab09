"""The shortlist and the eliminated models, from the advisor's typed rows (formatted there)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from catalog.display import route_label, short_model_name
from tui.widgets.back_to_chat import BackToChat

if TYPE_CHECKING:  # the rows' module loads with the advisor, off the first paint
    from agent.advisor.view import EliminatedRow, ShortlistRow


class EliminatedTable(BackToChat, DataTable[str]):
    """Every model a hard constraint ruled out, with the reasons wrapped in full: a reason cut at the
    table's edge ("made by alibaba, which is rul") hides the very constraint that decided."""

    BINDINGS = BackToChat.BACK_BINDINGS

    NAME_WIDTH = 40
    SPARE = 6  # each cell's padding and the scrollbar

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows_shown: tuple[EliminatedRow, ...] = ()
        self.widths = (0, 0)

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self._columns_for(self.size.width)

    def on_resize(self) -> None:
        if self._columns_for(self.size.width):
            self.show(self.rows_shown)

    def _columns_for(self, width: int) -> bool:
        """The name column up to a third of the width, the reasons the rest. True if they changed."""
        width = width or 120
        name = max(12, min(self.NAME_WIDTH, width // 3))
        widths = (name, max(20, width - name - self.SPARE))
        if self.columns and widths == self.widths:
            return False
        self.widths = widths
        self.clear(columns=True)
        self.add_column("model", width=widths[0])
        self.add_column("why eliminated", width=widths[1])
        return True

    def show(self, rows: Sequence[EliminatedRow]) -> None:
        self.clear()
        self.rows_shown = tuple(rows)
        name_width = self.widths[0]
        for row in rows:
            name = row.name if len(row.name) <= name_width else short_model_name(row.model, name_width)
            self.add_row(name, Text("; ".join(row.reasons)), height=None, key=row.model)


class ShortlistTable(DataTable[str]):
    """Space marks (and unmarks) models for a trial, shown by ● in the first column; t starts one
    with the marked models (or the top two)."""

    BINDINGS = [
        Binding("space", "mark", "Mark/unmark for trial", id="shortlist.mark"),
        Binding("t", "app.trial", "Trial", id="shortlist.trial"),
    ]
    MAX_MARKED = 4
    MARK = "●"
    # Cell widths with their padding: mark, #, score, $/month, budget and the scrollbar; then the
    # optional columns; then the model name's room.
    BASE_WIDTH = 4 + 4 + 7 + 9 + 8 + 2 + 2
    TTFT_WIDTH, CONTEXT_WIDTH = 11, 9
    MIN_NAME, FULL_NAME = 16, 30

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.marked: list[str] = []  # in the order they were marked
        self.rows_shown: tuple[ShortlistRow, ...] = ()
        self.fit: tuple[bool, bool, int] = (True, True, self.FULL_NAME)  # TTFT shown, context shown, name width

    def action_mark(self) -> None:
        model = self.selected_model()
        if model is None:
            return
        if model in self.marked:
            self.marked.remove(model)
        elif len(self.marked) >= self.MAX_MARKED:
            self.notify(f"A trial takes {self.MAX_MARKED} models at most: unmark one (space).", severity="warning")
            return
        else:
            self.marked.append(model)
        for changed in {model, *self.marked}:  # the numbers after an unmarked one move up
            self.update_cell(changed, "mark", self._mark_of(changed))

    def marked_models(self) -> list[str]:
        return list(self.marked)

    def _mark_of(self, model: str) -> str:
        return f"{self.MARK}{self.marked.index(model) + 1}" if model in self.marked else ""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self._columns_for(self.size.width)

    def on_resize(self) -> None:
        if self._columns_for(self.size.width):
            self.show(self.rows_shown)

    def _columns_for(self, width: int) -> bool:
        """As many columns as fit the width, none cut off: TTFT and context go when it is narrow, and
        model names are shortened to what is left. The line under the table says why for the
        selected row. True if the columns changed."""
        room = (width or 120) - self.BASE_WIDTH
        ttft = room - self.TTFT_WIDTH >= self.MIN_NAME
        context = ttft and room - self.TTFT_WIDTH - self.CONTEXT_WIDTH >= self.FULL_NAME
        name = min(self.FULL_NAME, room - (self.TTFT_WIDTH if ttft else 0) - (self.CONTEXT_WIDTH if context else 0))
        fit = (ttft, context, max(name, 8))
        if self.columns and fit == self.fit:
            return False
        self.fit = fit
        self.clear(columns=True)
        self.add_column("", key="mark")
        self.add_columns("#", "model", "score", "$/month", "budget", *(("TTFT",) if ttft else ()),
                         *(("context",) if context else ()))  # fmt: skip
        return True

    def show(self, rows: Sequence[ShortlistRow]) -> None:
        self.clear()
        self.rows_shown = tuple(rows)
        self.marked = [model for model in self.marked if any(row.model == model for row in rows)]
        ttft, context, name_width = self.fit
        names = [row.name for row in rows]
        for row in rows:
            # one model on two hosts would read the same twice: those rows name their host too
            twice = names.count(row.name) > 1
            name = route_label(row.model, row.provider if twice else "", name_width)
            cells = [self._mark_of(row.model), str(row.rank), name, f"{row.score:.1f}", row.cost,
                     {None: "—", True: "ok", False: "OVER"}[row.within_budget]]  # fmt: skip
            self.add_row(*cells, *((row.ttft,) if ttft else ()), *((row.context,) if context else ()), key=row.model)

    def selected_row(self) -> ShortlistRow | None:
        model = self.selected_model()
        return next((row for row in self.rows_shown if row.model == model), None)

    def selected_model(self) -> str | None:
        if self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return str(key) if key is not None else None
