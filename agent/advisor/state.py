"""The advisor graph's typed state, and the inputs a turn, an edit or an import brings into it."""

from __future__ import annotations

import operator
from typing import Annotated, Any, Literal, NotRequired

from pydantic import BaseModel, ConfigDict, Field, with_config
from typing_extensions import TypedDict


class ChatMessage(BaseModel):
    role: Literal["user", "assistant"]
    content: str
    id: str | None = None  # set on what the advisor says, so the advisor model's version can replace it
    node: str = ""  # the graph node that said it


def add_messages(left: list[ChatMessage], right: list[ChatMessage]) -> list[ChatMessage]:
    """Append; a message with the id of an earlier one replaces it (the model's rewrite of a draft)."""
    merged = list(left)
    index = {message.id: i for i, message in enumerate(merged) if message.id}
    for message in right:
        if message.id and message.id in index:
            merged[index[message.id]] = message
        else:
            merged.append(message)
    return merged


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


Action = Literal["stated", "inferred", "changed", "dropped", "edited", "default"]


class RequirementEvent(BaseModel):
    """One change to a requirement, for the record's history: what the user stated, what the advisor
    inferred (and from which words), what an edit or a change of mind replaced, what was dropped."""

    field: str
    action: Action
    value: Any = None
    evidence: str = ""  # the user's words, or the rule that inferred the value
    turn: int = 0  # the user message it came from (1 = the first)


# The rows below are also JSON contracts (SPEC §7's `recommend --json`, trial and vote rows that the
# trial screen and the record write and read as JSON), so they are TypedDicts: validated by pydantic
# and checked by mypy, yet still the plain dicts every other room reads. Extra keys are kept.
@with_config(ConfigDict(extra="allow"))
class RankedRow(TypedDict):
    model: str
    provider: str
    score: float
    monthly_cost_usd: float
    within_budget: bool
    ttft_ms: float | None
    quality: float | None
    reasons: list[str]
    max_input_tokens: NotRequired[int | None]
    canonical: NotRequired[str]


@with_config(ConfigDict(extra="allow"))
class EliminatedRow(TypedDict):
    model: str
    reasons: list[str]


@with_config(ConfigDict(extra="allow"))
class RankingRows(TypedDict):
    ranked: list[RankedRow]
    eliminated: list[EliminatedRow]
    fallback: str | None
    warnings: list[str]
    requirements: NotRequired[dict[str, Any]]  # what was ranked: a cost is within a budget only if one was set


@with_config(ConfigDict(extra="allow"))
class Passage(TypedDict):
    id: str
    title: str
    section: str
    text: str
    chunk_id: NotRequired[str]


@with_config(ConfigDict(extra="allow"))
class TrialRow(TypedDict):
    model: str
    run: NotRequired[int]
    ttft_ms: NotRequired[float | None]
    error: NotRequired[str | None]


@with_config(ConfigDict(extra="allow"))
class VoteRow(TypedDict):
    models: list[str]
    winner: NotRequired[str | None]
    vote: NotRequired[str]


class Edit(BaseModel):
    """The requirements panel set one field (None or empty: remove it)."""

    field: str
    value: Any = None


class Imported(BaseModel):
    """A saved decision record coming back into a new session."""

    requirements: dict[str, Any]
    context: list[str] = Field(default_factory=list)
    trials: list[TrialRow] = Field(default_factory=list)
    votes: list[VoteRow] = Field(default_factory=list)


class AdvisorState(BaseModel):
    model_config = ConfigDict(extra="ignore")  # keys an older version saved and this one no longer has

    messages: Annotated[list[ChatMessage], add_messages] = Field(default_factory=list)
    requirements: dict[str, Any] = Field(default_factory=dict, description="fields the user stated")
    asked: list[str] = Field(default_factory=list, description="fields already asked or declined")
    next_question: Question | None = None
    intent: str = "constraints"  # a name from intents.INTENTS
    subject: list[str] = Field(default_factory=list, description="models named in explain/compare")
    then_ask: str | None = Field(None, description="a question asked beside a statement, answered after it")
    citations: list[Citation] = Field(default_factory=list)
    passages: list[Passage] = Field(default_factory=list)
    ranking: RankingRows | None = None
    # Trial runs and votes arrive as appended evidence rows (see Advisor.record_trial); each turn
    # brings the rows recorded since the last one into the state, up to `evidence_seq`.
    trials: Annotated[list[TrialRow], operator.add] = Field(default_factory=list)
    votes: Annotated[list[VoteRow], operator.add] = Field(default_factory=list)
    evidence_seq: int = 0
    decision: dict[str, Any] | None = None
    llm_failed_notice: bool = False
    language_notice: bool = Field(False, description="said once: a message in another language was read as English")
    history: Annotated[list[RequirementEvent], operator.add] = Field(default_factory=list)
    # Inputs other than a chat message; the node that takes one clears it.
    edit: Edit | None = None
    imported: Imported | None = None
    rerank: bool = Field(False, description="an input: rank again on the catalog as it is now (new votes)")

    def last_user_message(self) -> str:
        for message in reversed(self.messages):
            if message.role == "user":
                return message.content
        return ""

    def user_message_before_last(self) -> str:
        said = [message.content for message in self.messages if message.role == "user"]
        return said[-2] if len(said) > 1 else ""

    def turn_number(self) -> int:
        return sum(1 for message in self.messages if message.role == "user")

    def latest_actions(self) -> dict[str, Action]:
        """Each field's latest action (stated, inferred, default...), for saying how a value came about."""
        return {event.field: event.action for event in self.history}

    def origin(self, field: str) -> RequirementEvent | None:
        """The latest event that set this field, if it is still set."""
        for event in reversed(self.history):
            if event.field == field:
                return None if event.action == "dropped" else event
        return None
