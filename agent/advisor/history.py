"""Provenance: every change to the requirements as a RequirementEvent, with the words it came from."""

from __future__ import annotations

from typing import Any

from agent.advisor.state import Action, RequirementEvent

# Requirement keys whose value is read from a differently named extraction field.
_SOURCE = {"priorities": "priority", "regions": "privacy", "input_parts": "input_tokens"}
_UNTRACKED = {"size_notes"}  # the notes explain input/output tokens; their events say it
_MISSING = object()


def words(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:157] + "..."


def changes(
    before: dict[str, Any],
    after: dict[str, Any],
    *,
    turn: int,
    evidence: dict[str, str] | None = None,
    inferred: Any = (),
    said: str = "",
    action: Action | None = None,
) -> list[RequirementEvent]:
    """One event per field that differs. `action` forces one (edited, default); otherwise a new field
    is stated or inferred, a different value is a change, a removed one is dropped."""
    evidence = evidence or {}
    events = []
    for name in sorted({*before, *after} - _UNTRACKED):
        old, new = before.get(name, _MISSING), after.get(name, _MISSING)
        if old == new:
            continue
        source = name if name in evidence else _SOURCE.get(name, name)
        kind: Action
        if new is _MISSING:
            kind, value = "dropped", None
        elif action is not None:
            kind, value = action, new
        elif name in inferred or source in inferred:
            kind, value = "inferred", new
        else:
            kind, value = ("stated" if old is _MISSING else "changed"), new
        why = evidence.get(source) or words(said)
        events.append(RequirementEvent(field=name, action=kind, value=value, evidence=why, turn=turn))
    # In the order the message said them ("a chatbot, 50k a day, $2,000 a month"), then the rest.
    spoken = said.lower()
    return sorted(events, key=lambda e: (spoken.find(e.evidence.lower()) % (len(spoken) + 1), e.field))
