"""The interview: which missing constraint to ask next, with choices, and how to read the answer.

"Most informative" is measured, not guessed: a question is worth asking when its answers would
change the top of the shortlist.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import ValidationError

from agent.state import Choice, Question
from catalog.entries import Catalog
from catalog.requirements import Requirements
from catalog.scoring import rank

MAX_QUESTIONS = 3
# With this many important fields stated, a recommendation is already useful: show it, list the
# assumptions, and let the user refine instead of answering more questions.
ENOUGH_STATED = 4
ESSENTIAL = ("task", "requests_per_day")
IMPORTANT = ("task", "requests_per_day", "input_tokens", "output_tokens", "max_ttft_ms", "budget_usd_month",
             "privacy")  # fmt: skip

QUESTIONS: dict[str, Question] = {
    "task": Question(
        field="task",
        text="What will the model mainly do?",
        choices=[Choice(label=label, value=value) for label, value in (
            ("chat / customer support", "chat"), ("coding", "coding"), ("document analysis", "document-analysis"),
            ("classification", "classification"), ("extraction to JSON", "extraction"), ("RAG over our docs", "rag"),
            ("agent with tools", "agent"), ("reasoning / maths", "reasoning"),
        )],
        default="general",
    ),
    "requests_per_day": Question(
        field="requests_per_day",
        text="Roughly how many requests a day?",
        choices=[Choice(label=f"{label} a day", value=value) for label, value in (
            ("1,000", 1_000), ("10,000", 10_000), ("100,000", 100_000), ("1 million", 1_000_000))],
        default=1_000,
    ),
    "max_ttft_ms": Question(
        field="max_ttft_ms",
        text="How quickly must the first words appear?",
        choices=[Choice(label="under 0.5 s (real time)", value=500),
                 Choice(label="under 2 s (interactive)", value=2_000),
                 Choice(label="under 10 s", value=10_000), Choice(label="no limit (batch)", value=None)],
        default=None,
    ),
    "budget_usd_month": Question(
        field="budget_usd_month",
        text="What monthly budget should it fit?",
        choices=[Choice(label="$100", value=100), Choice(label="$1,000", value=1_000),
                 Choice(label="$10,000", value=10_000), Choice(label="no fixed budget", value=None)],
        default=None,
    ),
    "privacy": Question(
        field="privacy",
        text="How sensitive is the data?",
        choices=[Choice(label="not sensitive", value="none"),
                 Choice(label="providers must not train on it", value="no-training"),
                 Choice(label="must stay in the EU", value="region-locked:eu"),
                 Choice(label="must not leave our infrastructure", value="self-hosted")],
        default="none",
    ),
    "input_tokens": Question(
        field="input_tokens",
        text="How long are typical requests and answers?",
        choices=[Choice(label="short (500 in / 200 out tokens)", value=(500, 200)),
                 Choice(label="medium (2,000 in / 500 out)", value=(2_000, 500)),
                 Choice(label="long documents (20,000 in / 1,000 out)", value=(20_000, 1_000))],
        default=(500, 300),
    ),
}  # fmt: skip
OPTIONAL_ORDER = ("max_ttft_ms", "budget_usd_month", "privacy", "input_tokens")


def apply_choice(requirements: dict[str, Any], field: str, value: Any) -> dict[str, Any]:
    """The requirements with one interview answer applied (None means: no constraint)."""
    updated = dict(requirements)
    if field == "input_tokens":
        updated["input_tokens"], updated["output_tokens"] = value
    elif field == "privacy" and isinstance(value, str) and value.startswith("region-locked:"):
        updated["privacy"] = "region-locked"
        updated["regions"] = sorted({*updated.get("regions", []), value.split(":", 1)[1]})
    elif value is None:
        updated.pop(field, None)
    else:
        updated[field] = value
    return updated


def build_requirements(fields: dict[str, Any]) -> Requirements:
    """Stated fields over defaults; a field that does not validate is dropped rather than fatal."""
    data = dict(fields)
    while True:
        try:
            return Requirements.model_validate(data)
        except ValidationError as exc:
            bad = str(exc.errors()[0]["loc"][0])
            if bad not in data:
                return Requirements()
            data.pop(bad)


def missing_fields(requirements: dict[str, Any]) -> list[str]:
    return [name for name in IMPORTANT if name not in requirements]


def _top(catalog: Catalog, fields: dict[str, Any], today: dt.date) -> tuple[str, ...]:
    return tuple(r.canonical for r in rank(catalog, build_requirements(fields), today, top=3).ranked)


def informativeness(catalog: Catalog, requirements: dict[str, Any], field: str, today: dt.date) -> int:
    """How many different top-3 shortlists the question's answers would produce."""
    question = QUESTIONS[field]
    outcomes = {_top(catalog, apply_choice(requirements, field, c.value), today) for c in question.choices}
    return len(outcomes)


def next_question(catalog: Catalog, requirements: dict[str, Any], asked: list[str], today: dt.date) -> Question | None:
    """The essential constraint still missing, else the most informative optional one, else None."""
    for field in ESSENTIAL:
        if field not in requirements and field not in asked:
            return QUESTIONS[field]
    stated = sum(1 for name in IMPORTANT if name in requirements)
    if len(asked) >= MAX_QUESTIONS or stated >= ENOUGH_STATED:
        return None
    candidates = [f for f in OPTIONAL_ORDER if f not in requirements and f not in asked]
    if "input_tokens" in requirements or "output_tokens" in requirements:
        candidates = [f for f in candidates if f != "input_tokens"]
    scored = [(informativeness(catalog, requirements, f, today), -i, f) for i, f in enumerate(candidates)]
    scored = [item for item in scored if item[0] > 1]
    if not scored:
        return None
    return QUESTIONS[max(scored)[2]]


_CHOICE_NUMBER = re.compile(r"^\s*(\d)\s*[.)]?\s*$")
_ACCEPT_DEFAULT = re.compile(r"^\s*(?:skip|default|defaults|don'?t know|not sure|no idea|pass|any|whatever|n/?a)\b",
                             re.IGNORECASE)  # fmt: skip


def read_choice(question: Question, answer: str) -> tuple[bool, Any]:
    """(True, value) when the answer picks a choice by number or label, or accepts the default."""
    number = _CHOICE_NUMBER.match(answer)
    if number and 1 <= int(number.group(1)) <= len(question.choices):
        return True, question.choices[int(number.group(1)) - 1].value
    if _ACCEPT_DEFAULT.match(answer):
        return True, question.default
    lowered = answer.strip().lower()
    for choice in question.choices:
        if lowered and (lowered == choice.label.lower() or lowered == str(choice.value).lower()):
            return True, choice.value
    return False, None
