"""Inputs other than a chat message, entering the graph like one: an edit from the requirements
panel, a decision record imported into a new session, and the trial runs and votes recorded since
the last turn (graph.route_input sends each to its node; every path ends in `recommend`)."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from agent.advisor.context import AdvisorTools
from agent.advisor.history import changes
from agent.advisor.interview import IMPORTANT
from agent.advisor.state import AdvisorState, ChatMessage


def apply_edit(state: AdvisorState, runtime: Runtime[AdvisorTools]) -> dict[str, Any]:
    """Set (or, with an empty value, remove) one field; an edit ends the interview."""
    assert state.edit is not None
    edit = state.edit
    requirements = dict(state.requirements)
    if edit.value is None or edit.value == "" or edit.value == []:
        requirements.pop(edit.field, None)
    else:
        requirements[edit.field] = edit.value
    events = changes(state.requirements, requirements, turn=state.turn_number(), action="edited",
                     said="edited in the requirements panel")  # fmt: skip
    return {"requirements": requirements, "history": events, "edit": None, "next_question": None,
            "asked": sorted({*state.asked, *IMPORTANT})}  # fmt: skip


def import_record(state: AdvisorState, runtime: Runtime[AdvisorTools]) -> dict[str, Any]:
    """A record's words, stated requirements, trial runs and votes become this session's."""
    assert state.imported is not None
    record = state.imported
    events = changes({}, record.requirements, turn=0, said="imported from a decision record")
    return {"requirements": dict(record.requirements), "history": events, "imported": None,
            "messages": [ChatMessage(role="user", content=text) for text in record.context],
            "trials": list(record.trials), "votes": list(record.votes), "asked": list(IMPORTANT),
            "next_question": None}  # fmt: skip


def rerank(state: AdvisorState, runtime: Runtime[AdvisorTools]) -> dict[str, Any]:
    """Rank again with the requirements as they are: your own evidence (votes) changed the catalog."""
    return {"rerank": False}
