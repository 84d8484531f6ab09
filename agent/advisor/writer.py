"""The last node of every turn. Offline it has nothing to do: each node streamed its words as it
said them. With the advisor model, the answer is written again in the model's words from the
tools' results and the retrieved passages and streamed token by token; the interview's own words
stream as they are. On any failure the offline answer stands, and the turn says so once."""

from __future__ import annotations

from typing import Any

from langgraph.config import get_stream_writer
from langgraph.runtime import Runtime

from agent.advisor.context import AdvisorTools
from agent.advisor.llm import LLMUnavailable
from agent.advisor.nodes import stream
from agent.advisor.state import AdvisorState, ChatMessage

ANSWERING = frozenset({"recommend", "answer", "explain", "compare", "what_if", "economics"})
_SHORTLIST_KEYS = ("model", "provider", "score", "quality", "monthly_cost_usd", "within_budget", "ttft_ms")


def facts(state: AdvisorState) -> dict[str, Any]:
    """What the model may draw on: the user's requirements, the shortlist's figures, the passages."""
    ranking = state.ranking
    return {
        "requirements": state.requirements,
        "shortlist": [{k: row.get(k) for k in _SHORTLIST_KEYS} for row in (ranking["ranked"] if ranking else [])[:5]],
        "eliminated": [dict(row) for row in (ranking["eliminated"] if ranking else [])[:5]],
        "passages": [{"id": p["id"], "title": p["title"], "text": p["text"][:800]} for p in state.passages],
        "citations": [c.id for c in state.citations],
    }


def _this_turn(state: AdvisorState) -> list[ChatMessage]:
    last_user = max((i for i, m in enumerate(state.messages) if m.role == "user"), default=-1)
    return [m for m in state.messages[last_user + 1 :] if m.role == "assistant"]


def write(state: AdvisorState, runtime: Runtime[AdvisorTools]) -> dict[str, Any]:
    tools = runtime.context
    if tools.llm_write is None:
        return {}
    send = get_stream_writer()
    rewritten: list[ChatMessage] = []
    noticed = state.llm_failed_notice
    for message in _this_turn(state):
        if message.node not in ANSWERING:
            stream(message.content)
            continue
        pieces: list[str] = []
        try:
            for piece in tools.llm_write(state.last_user_message(), facts(state), message.content):
                send({"text": piece, "start": not pieces})
                pieces.append(piece)
            rewritten.append(message.model_copy(update={"content": "".join(pieces)}))
        except LLMUnavailable as exc:
            note = []
            if pieces:  # part of it was shown: say it is withdrawn, whatever was said before
                note.append(f"_The advisor model's answer above was withdrawn: {exc}._")
            if not noticed:
                note.append(f"_Note: {exc}; answering with the offline advisor._")
                noticed = True
            text = "\n\n".join([*note, message.content])
            stream(text)
            rewritten.append(message.model_copy(update={"content": text}))
    update: dict[str, Any] = {"messages": rewritten}
    if noticed != state.llm_failed_notice:
        update["llm_failed_notice"] = True
    return update
