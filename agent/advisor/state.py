"""The advisor graph's typed state."""

from __future__ import annotations

import operator
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

Intent = Literal["constraints", "knowledge", "explain", "compare", "what_if", "drop", "recommend", "greeting",
                 "economics"]


class ChatMessage(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class Choice(BaseModel):
    label: str
    value: Any


class Question(BaseModel):
    """An interview question about one requirement field, with choices and a default."""

    field: str
    text: str
    choices: list[Choice]
    default: Any = None


class Citation(BaseModel):
    id: str
    title: str
    section: str = ""


class RequirementEvent(BaseModel):
    """One change to a requirement, for the record's history: what the user stated, what the advisor
    inferred (and from which words), what an edit or a change of mind replaced, what was dropped."""

    field: str
    action: Literal["stated", "inferred", "changed", "dropped", "edited", "default"]
    value: Any = None
    evidence: str = ""  # the user's words, or the rule that inferred the value
    turn: int = 0  # the user message it came from (1 = the first)


class AdvisorState(BaseModel):
    messages: Annotated[list[ChatMessage], operator.add] = Field(default_factory=list)
    requirements: dict[str, Any] = Field(default_factory=dict, description="fields the user stated")
    asked: list[str] = Field(default_factory=list, description="fields already asked or declined")
    next_question: Question | None = None
    intent: Intent = "constraints"
    subject: list[str] = Field(default_factory=list, description="models named in explain/compare")
    citations: list[Citation] = Field(default_factory=list)
    passages: list[dict[str, Any]] = Field(default_factory=list)
    ranking: dict[str, Any] | None = None
    trials: list[dict[str, Any]] = Field(default_factory=list)
    votes: list[dict[str, Any]] = Field(default_factory=list)
    decision: dict[str, Any] | None = None
    llm_failed_notice: bool = False
    history: Annotated[list[RequirementEvent], operator.add] = Field(default_factory=list)

    def last_user_message(self) -> str:
        for message in reversed(self.messages):
            if message.role == "user":
                return message.content
        return ""
