"""The interview: which missing constraint to ask next, with choices, and how to read the answer.

"Most informative" is measured, not guessed: a question is worth asking when its answers would
change the top of the shortlist.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from pydantic import ValidationError

from agent.advisor.rules.size_merge import merge_sizes
from agent.advisor.state import Choice, Question
from catalog.display import count
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


def _sizes(input_tokens: int, output_tokens: int, note: str) -> dict[str, Any]:
    return {"input_tokens": input_tokens, "output_tokens": output_tokens,
            "size_notes": {"input_tokens": note, "output_tokens": note}}  # fmt: skip


def _part(part: str, tokens: int, rule: str) -> dict[str, Any]:
    return {"input_parts": {part: tokens}, "size_notes": {part: rule}}


# Tasks whose cost hinges on how much goes into one request (a page or a book is a 100x difference):
# the interview asks about it first, with choices in the task's own terms; (label, part, tokens, rule).
_PAGES = [
    ("a page or two", "documents", 900, "a page or two: 1.5 pages x ~600 tokens a page (assumption)"),
    ("~10 pages", "documents", 6_000, "~10 pages x ~600 tokens a page (assumption)"),
    ("~100 pages", "documents", 60_000, "~100 pages x ~600 tokens a page (assumption)"),
    ("a whole book", "documents", 150_000, "a whole book: ~250 pages x ~600 tokens a page (assumption)"),
]
SIZE_CHOICES: dict[str, tuple[str, list[tuple[str, str, int, str]], int]] = {
    "document-analysis": ("How much text goes into one request?", _PAGES, 1),
    "summarization": ("How long is what you summarise in one request?", _PAGES, 1),
    "extraction": ("How long is one input you extract from?", _PAGES, 0),
    "rag": (
        "How much retrieved text goes into one request?",
        [
            ("3 passages", "retrieved", 900, "~300 tokens a retrieved passage x 3 passages (assumption)"),
            ("5 passages", "retrieved", 1_500, "~300 tokens a retrieved passage x 5 passages (assumption)"),
            ("10 passages", "retrieved", 3_000, "~300 tokens a retrieved passage x 10 passages (assumption)"),
            ("whole documents", "retrieved", 20_000, "whole documents: ~33 pages x ~600 tokens a page (assumption)"),
        ],
        1,
    ),
    "coding": (
        "How much code goes into one request?",
        [
            ("a few lines around the cursor", "documents", 300, "~30 lines x ~10 tokens a line of code (assumption)"),
            ("the current file", "documents", 2_000, "the current file: ~200 lines x ~10 tokens a line (assumption)"),
            ("several files", "documents", 10_000, "several files: ~1,000 lines x ~10 tokens a line (assumption)"),
            (
                "a large part of the repository",
                "documents",
                50_000,
                "a large part of the repository: ~5,000 lines x ~10 tokens a line (assumption)",
            ),
        ],
        1,
    ),
}


def size_question(task: str) -> Question:
    """The question about what goes into one request, in the task's terms; skipping assumes the
    middle choice and says so."""
    text, choices, default = SIZE_CHOICES[task]
    _, part, tokens, rule = choices[default]
    return Question(
        field="input_tokens",
        text=text,
        choices=[Choice(label=f"{label} (~{tokens:,} tokens)", value=_part(part, tokens, rule))
                 for label, part, tokens, rule in choices],
        default=_part(part, tokens, f"{rule}, assumed when the question was skipped"),
    )  # fmt: skip


def question_for(field: str, requirements: dict[str, Any]) -> Question:
    task = requirements.get("task", "")
    return size_question(task) if field == "input_tokens" and task in SIZE_CHOICES else QUESTIONS[field]


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
        choices=[Choice(label=label, value=_sizes(inp, out, f"{label} (chosen)"))
                 for label, inp, out in (("short (500 in / 200 out tokens)", 500, 200),
                                         ("medium (2,000 in / 500 out)", 2_000, 500),
                                         ("long documents (20,000 in / 1,000 out)", 20_000, 1_000))],
        default=_sizes(500, 300, "500 in / 300 out tokens, assumed when the question was skipped"),
    ),
}  # fmt: skip
OPTIONAL_ORDER = ("max_ttft_ms", "budget_usd_month", "privacy", "input_tokens")


def apply_choice(requirements: dict[str, Any], field: str, value: Any) -> dict[str, Any]:
    """The requirements with one interview answer applied (None means: no constraint)."""
    updated = dict(requirements)
    if field == "input_tokens":
        return merge_sizes(updated, value)  # an answer about size changes only the sizes
    if field == "privacy" and isinstance(value, str) and value.startswith("region-locked:"):
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
    for name in invalid_fields(data):
        data.pop(name)
    try:
        return Requirements.model_validate(data)
    except ValidationError:
        return Requirements()


def invalid_fields(fields: dict[str, Any]) -> dict[str, str]:
    """Each field that would not validate, with why in words ("requests_per_day": "it can be at most
    10,000,000,000")."""
    data, bad = dict(fields), dict[str, str]()
    if data.get("requests_per_day") == 0:  # a model nobody calls costs $0: every bill would read as free
        bad["requests_per_day"] = "it must be above 0, or every cost reads $0"
        data.pop("requests_per_day")
    while True:
        try:
            Requirements.model_validate(data)
            return bad
        except ValidationError as exc:
            error = exc.errors()[0]
            name = str(error["loc"][0]) if error["loc"] else ""
            if name not in data:
                return bad
            bad[name] = _reason(error)
            data.pop(name)


def _reason(error: Any) -> str:
    """Pydantic's reason with its bound as people write figures ("at most 10,000,000,000", not
    "less than or equal to 10000000000")."""
    bound = error.get("ctx") or {}
    if error["type"] == "less_than_equal" and isinstance(bound.get("le"), (int, float)):
        return f"it can be at most {count(bound['le'])}"
    if error["type"] == "greater_than_equal" and isinstance(bound.get("ge"), (int, float)):
        return f"it can't be less than {count(bound['ge'])}"
    return str(error["msg"])


def missing_fields(requirements: dict[str, Any]) -> list[str]:
    return [name for name in IMPORTANT if name not in requirements]


def _top(catalog: Catalog, fields: dict[str, Any], today: dt.date, seen: dict[str, Any] | None = None) -> Any:
    key = json.dumps(fields, sort_keys=True, default=str)
    if seen is not None and key in seen:  # "no constraint" answers leave the requirements as they are
        return seen[key]
    top = tuple(r.canonical for r in rank(catalog, build_requirements(fields), today, top=3).ranked)
    if seen is not None:
        seen[key] = top
    return top


def informativeness(
    catalog: Catalog, requirements: dict[str, Any], field: str, today: dt.date, seen: dict[str, Any] | None = None
) -> int:
    """How many different top-3 shortlists the question's answers would produce."""
    question = question_for(field, requirements)
    outcomes = {_top(catalog, apply_choice(requirements, field, c.value), today, seen) for c in question.choices}
    return len(outcomes)


def next_question(catalog: Catalog, requirements: dict[str, Any], asked: list[str], today: dt.date) -> Question | None:
    """The essential constraint still missing, else the most informative optional one, else None."""
    for field in ESSENTIAL:
        if field not in requirements and field not in asked:
            return QUESTIONS[field]
    stated = sum(1 for name in IMPORTANT if name in requirements)
    if len(asked) >= MAX_QUESTIONS or stated >= ENOUGH_STATED:
        return None
    if requirements.get("task") in SIZE_CHOICES and "input_tokens" not in requirements and "input_tokens" not in asked:
        return size_question(requirements["task"])
    candidates = [f for f in OPTIONAL_ORDER if f not in requirements and f not in asked]
    if "input_tokens" in requirements or "output_tokens" in requirements:
        candidates = [f for f in candidates if f != "input_tokens"]
    # In order, the first of the most informative wins; once one splits the shortlist as many ways
    # as any later question could, the later ones need not be ranked (each costs ~4 rankings).
    best: tuple[int, str] | None = None
    seen: dict[str, Any] = {}
    for index, name in enumerate(candidates):
        score = informativeness(catalog, requirements, name, today, seen)
        if score > 1 and (best is None or score > best[0]):
            best = (score, name)
        most = max((len(question_for(f, requirements).choices) for f in candidates[index + 1 :]), default=0)
        if best is not None and best[0] >= most:
            break
    return question_for(best[1], requirements) if best else None


# "3", "3.", "option 3", "#2", and a choice with words after it: "3, we're in Germany", "2 - the EU one"
# ("1,000 a day" and "1.5k" are figures, not choices).
_CHOICE_NUMBER = re.compile(r"^\s*(?:(?:option|choice|number|no\.?|#)\s*)?(\d)\s*"
                            r"(?:[.)]?\s*$|[.),:;–—-](?!\d)\s*(?P<rest>.*)$)", re.IGNORECASE | re.DOTALL)  # fmt: skip
_ACCEPT_DEFAULT = re.compile(r"^\s*(?:skip|default|defaults|don'?t know|not sure|no idea|pass|any|whatever|n/?a)\b",
                             re.IGNORECASE)  # fmt: skip


def read_choice(question: Question, answer: str) -> tuple[bool, Any]:
    """(True, value) when the answer picks a choice by number or label, or accepts the default."""
    number = _CHOICE_NUMBER.match(answer)
    if number and 1 <= int(number.group(1)) <= len(question.choices):
        return True, question.choices[int(number.group(1)) - 1].value
    if _declines(answer):
        return True, question.default
    lowered = answer.strip().lower()
    for choice in question.choices:
        if lowered and (lowered == choice.label.lower() or lowered == str(choice.value).lower()):
            return True, choice.value
    for choice in question.choices:  # "no fixed budget really, but cheap is nice": the label, then a remark
        label = choice.label.lower()
        if len(label) > 6 and lowered.startswith(label) and not lowered[len(label) : len(label) + 1].isalnum():
            return True, choice.value
    return False, None


def beside_the_choice(answer: str) -> str:
    """The words after a choice picked by number ("3, and budget is $500" -> "and budget is $500")."""
    number = _CHOICE_NUMBER.match(answer)
    return (number.group("rest") or "").strip() if number else ""


def skipped(question: Question, answer: str) -> bool:
    """The answer declines the question ("skip", "not sure"), so its default is taken."""
    return _declines(answer)


# "any" and "whatever" decline only as a short reply ("any is fine"): "any savings from a smaller model?" asks.
_LOOSE_DECLINE = re.compile(r"^\s*(?:any|whatever|pass)\b", re.IGNORECASE)


def _declines(answer: str) -> bool:
    if not _ACCEPT_DEFAULT.match(answer):
        return False
    return not (_LOOSE_DECLINE.match(answer) and (len(answer.split()) > 4 or answer.rstrip().endswith("?")))


def default_label(question: Question) -> str:
    """The default in the words of its choice ("no fixed budget", "1,000 a day")."""
    for choice in question.choices:
        if choice.value == question.default:
            return choice.label
    if isinstance(question.default, dict) and question.default.get("size_notes"):
        return "; ".join(dict.fromkeys(question.default["size_notes"].values()))
    return str(question.default)


# The requirement keys an answer to each question may set; anything else needs its own words.
ANSWER_FIELDS: dict[str, frozenset[str]] = {
    "input_tokens": frozenset({"input_tokens", "output_tokens", "input_parts", "size_notes"}),
    "privacy": frozenset({"privacy", "regions"}),
}


def answer_fields(field: str) -> frozenset[str]:
    return ANSWER_FIELDS.get(field, frozenset({field}))
