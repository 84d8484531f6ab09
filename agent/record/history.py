"""How each requirement came about, for the record: stated, inferred (from which words), changed,
dropped, edited or defaulted. A session that kept no history shows its stated fields as stated."""

from __future__ import annotations

from collections.abc import Sequence

from agent.advisor.state import RequirementEvent
from agent.record import wording

ACTION_WORDS = {"stated": "stated", "inferred": "inferred", "changed": "changed", "dropped": "dropped",
                "edited": "edited by hand", "default": "default taken"}  # fmt: skip


def events(
    history: Sequence[RequirementEvent], stated: Sequence[str], requirements: dict[str, object]
) -> list[RequirementEvent]:
    """The history as kept, or "stated" for each stated field when none was kept (older sessions)."""
    if history:
        return list(history)
    order = [name for name in requirements if name in stated] + [name for name in stated if name not in requirements]
    return [RequirementEvent(field=name, action="stated", value=requirements.get(name)) for name in order]


def _message(turn: int) -> str:
    return f"message {turn}" if turn > 0 else "—"


def _quoted(event: RequirementEvent) -> str:
    words = " ".join(event.evidence.split())
    if not words:
        return ""
    return words if event.action in ("edited", "default") else f"“{words}”"


def origin(field: str, history: Sequence[RequirementEvent], stated: Sequence[str], size_note: str | None) -> str:
    """Where a driver's value comes from, in words, from the last event for that field."""
    last = next((event for event in reversed(history) if event.field == field), None)
    if last is None:
        if size_note:  # how a size was worked out says whether it was stated, chosen or assumed
            return size_note
        return "stated" if field in stated else "assumed: tradeoff's default"
    where = f" in {_message(last.turn)}" if last.turn > 0 else ""
    evidence = _quoted(last)
    if last.action == "dropped":
        return f"dropped{where}, so the default applies"
    if last.action == "inferred":
        # the extractor's evidence may already say so ("inferred from 'Patient data'"): said once
        said = " ".join(last.evidence.split())
        if said.startswith("inferred"):
            return said
        return f"inferred from {evidence}" if evidence else f"inferred{where}"
    if last.action == "default":
        return f"default taken{where}" + (f": {size_note}" if size_note else "")
    return f"{ACTION_WORDS[last.action]}{where}"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def history_table(history: Sequence[RequirementEvent]) -> list[str]:
    """The events in order, one table row each."""
    lines = ["| when | requirement | what happened | value | from |", "|---|---|---|---|---|"]
    before: dict[str, str] = {}
    for event in history:
        was = f" (was {before[event.field]})" if event.field in before else ""
        if event.action == "dropped":
            shown = f"no longer a requirement{was}"
            before.pop(event.field, None)
        else:
            shown = wording.value(event.field, event.value)
            shown += was if event.action in ("changed", "edited") and before.get(event.field) != shown else ""
            before[event.field] = wording.value(event.field, event.value)
        lines.append(f"| {_message(event.turn)} | {wording.label(event.field)} | {ACTION_WORDS[event.action]} | "
                     f"{_cell(shown)} | {_cell(_quoted(event))} |")  # fmt: skip
    return lines
