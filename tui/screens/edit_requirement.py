"""A small dialog to edit one requirement; the value is parsed like the CLI's flags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from agent.advisor.view import FIELD_LABELS, format_value
from catalog.quantities import parse_fraction, parse_quantity
from tui.widgets.history_input import PromptInput

NUMBER_FIELDS = {"requests_per_day", "input_tokens", "output_tokens", "max_ttft_ms", "budget_usd_month", "min_context"}
FRACTION_FIELDS = {"cache_hit_rate", "batch_share"}
LIST_FIELDS = {"needs", "regions", "compliance"}
HINTS = {
    "task": "chat, coding, reasoning, creative, document-analysis, classification, extraction, vision, "
    "summarization, rag, agent, general",
    "privacy": "none, no-training, region-locked, self-hosted",
    "needs": "comma-separated: vision, video, audio, tools, json, reasoning, caching, batch",
    "compliance": "comma-separated: hipaa, gdpr, soc2, eu-residency",
    "deployment": "api, self-hosted, either",
    "open_weights": "yes or no",
}


def parse_value(field: str, text: str) -> Any:
    """Text from the dialog -> a value for the field; ValueError says what was expected."""
    text = text.strip()
    if text in ("", "—", "-"):
        return None
    if field in NUMBER_FIELDS:
        value = parse_quantity(text)
        return int(value) if field in ("input_tokens", "output_tokens", "min_context") else value
    if field in FRACTION_FIELDS:
        return parse_fraction(text)
    if field in LIST_FIELDS:
        return [part.strip().lower() for part in text.split(",") if part.strip()]
    if field == "open_weights":
        if text.lower() not in ("yes", "no", "true", "false"):
            raise ValueError("answer yes or no")
        return text.lower() in ("yes", "true")
    return text.lower()


class EditRequirement(ModalScreen[tuple[str, Any] | None]):
    CSS_PATH = Path(__file__).with_name("edit_requirement.tcss")
    BINDINGS = [("escape", "cancel", "Cancel")]

    def __init__(self, field: str, value: Any) -> None:
        super().__init__()
        self.field = field
        self.value = value
        self._prefilled = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(f"Edit {FIELD_LABELS.get(self.field, self.field)}")
            current = "" if self.value is None else format_value(self.value).replace(",", "")
            if self.field in LIST_FIELDS and isinstance(self.value, list):
                current = ", ".join(self.value)
            self._prefilled = current
            yield PromptInput(value=current, id="value")
            yield Label(HINTS.get(self.field, "a number: 5000, 50k, 2M, $1,500; empty clears it"), classes="hint")
            yield Label("", id="error")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        if event.value == self._prefilled and self.value is not None:  # unchanged: keep 1142.857, not its shown 1143
            self.dismiss(None)
            return
        try:
            value = parse_value(self.field, event.value)
        except ValueError as exc:
            self.query_one("#error", Label).update(str(exc))
            return
        self.dismiss((self.field, value))

    def action_cancel(self) -> None:
        self.dismiss(None)
