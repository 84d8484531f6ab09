"""The shortlist: rank, model, score, $/month, within budget, TTFT, context and why."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.widgets import DataTable

from catalog.display import money, short_model_name


class EliminatedTable(DataTable[str]):
    """Every model a hard constraint ruled out, with the reasons."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.add_columns("model", "why eliminated")

    def show(self, eliminated: list[dict[str, Any]]) -> None:
        self.clear()
        for item in eliminated:
            self.add_row(short_model_name(item["model"]), "; ".join(item["reasons"]), key=item["model"])


class ShortlistTable(DataTable[str]):
    """Space marks (and unmarks) models for a trial, shown by ● in the first column; t starts one
    with the marked models (or the top two)."""

    BINDINGS = [
        Binding("space", "mark", "Mark/unmark for trial", id="shortlist.mark"),
        Binding("t", "app.trial", "Trial", id="shortlist.trial"),
    ]
    MAX_MARKED = 4
    MARK = "●"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.marked: list[str] = []  # in the order they were marked

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
        self.add_column("", key="mark")
        self.add_columns("#", "model", "score", "$/month", "budget", "TTFT", "context", "why")

    def show(self, ranked: list[dict[str, Any]]) -> None:
        self.clear()
        self.marked = [model for model in self.marked if any(item["model"] == model for item in ranked)]
        for index, item in enumerate(ranked, 1):
            context = item.get("max_input_tokens")
            ttft = item.get("ttft_ms")
            self.add_row(
                self._mark_of(item["model"]),
                str(index),
                short_model_name(item["model"]),
                f"{item['score']:.1f}",
                money(item["monthly_cost_usd"]),
                "ok" if item["within_budget"] else "OVER",
                f"{ttft:,.0f} ms" if ttft is not None else "?",
                f"{context // 1000:,}k" if context else "?",
                item["reasons"][0].removeprefix("quality: ") if item.get("reasons") else "",
                key=item["model"],
            )

    def selected_model(self) -> str | None:
        if self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return str(key) if key is not None else None
