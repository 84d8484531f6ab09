"""What the user said, as a record's context: the messages that describe the problem, the answers
to the advisor's interview questions (as the requirement each one set), and the questions the user
asked along the way. Short replies ("2", "ok") are counted, not quoted."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from agent.advisor.intents import classify
from agent.advisor.interview import QUESTIONS, SIZE_CHOICES, read_choice, size_question, skipped
from agent.advisor.rules.extract import extract
from agent.advisor.state import ChatMessage, Question
from agent.record import wording

# A message of fewer words that states nothing the rules can read is a reply, not the problem.
MIN_WORDS_QUOTED = 4
_ASKING = frozenset({"knowledge", "explain", "compare", "economics"})
_REPLIES = frozenset({"greeting", "recommend"})
_CHANGES = frozenset({"drop", "what_if"})


class InterviewAnswer(BaseModel):
    """One interview question and the requirement the user's answer set."""

    model_config = ConfigDict(frozen=True)

    field: str
    question: str
    answer: str  # the user's words
    requirement: str  # what it set, in words
    skipped: bool = False


class Conversation(BaseModel):
    model_config = ConfigDict(frozen=True)

    said: list[str] = []
    answers: list[InterviewAnswer] = []
    questions: list[str] = []
    unquoted: int = 0


# Every question the interview can put; their texts differ, so the text names the question.
_KNOWN: tuple[Question, ...] = (*QUESTIONS.values(), *(size_question(task) for task in SIZE_CHOICES))


def _asked(previous: ChatMessage | None) -> Question | None:
    """The interview question the advisor's message put, if it put one."""
    if previous is None or previous.role != "assistant":
        return None
    return next((q for q in _KNOWN if f"**{q.text}**" in previous.content), None)


def _requirement(question: Question, chosen: Any) -> str:
    """What the answer set, in words."""
    match = next((c for c in question.choices if c.value == chosen), None)
    if question.field == "input_tokens":
        shown = match.label if match else "the usual size for the task (assumed)"
    elif isinstance(chosen, str) and chosen.startswith("region-locked:"):
        shown = f"must stay in the {chosen.split(':', 1)[1].upper()}"
    else:
        shown = wording.value(question.field, chosen)
    return f"{wording.label(question.field)}: {shown}"


def summarise(messages: Sequence[ChatMessage], changed_at: Collection[int] = ()) -> Conversation:
    """The user's messages sorted into what they said, what they answered and what they asked;
    `changed_at` holds the turns (1 = the first user message) the requirements' history names."""
    said: list[str] = []
    answers: list[InterviewAnswer] = []
    questions: list[str] = []
    unquoted = 0
    previous: ChatMessage | None = None
    turn = 0
    for message in messages:
        if message.role == "user":
            turn += 1
            text = message.content.strip()
            question = _asked(previous)
            chosen, value = read_choice(question, text) if question is not None else (False, None)
            if question is not None and chosen:
                answers.append(InterviewAnswer(field=question.field, question=question.text, answer=text,
                                               requirement=_requirement(question, value),
                                               skipped=skipped(question, text)))  # fmt: skip
            elif text:
                found = extract(text)
                intent = classify(text, found).kind
                states = bool(found.fields) or intent in _CHANGES or turn in changed_at
                if intent in _ASKING and not states:
                    questions.append(text)
                elif not states and (intent in _REPLIES or len(text.split()) < MIN_WORDS_QUOTED):
                    unquoted += 1
                else:
                    said.append(text)
        previous = message
    return Conversation(said=said, answers=answers, questions=questions, unquoted=unquoted)
