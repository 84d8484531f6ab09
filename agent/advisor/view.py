"""What a front end shows after a turn, as typed rows: requirements, shortlist, eliminated models,
sources, the pending question and the fallback. The TUI renders these; it never reads state JSON."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from agent.advisor.interview import build_requirements
from agent.advisor.state import AdvisorState, RankingRows
from catalog.display import context_size, count, milliseconds, money, short_model_name
from catalog.requirements import default_output_tokens

Origin = Literal["stated", "inferred", "edited", "assumed"]

FIELD_LABELS: dict[str, str] = {
    "task": "task",
    "requests_per_day": "requests/day",
    "input_tokens": "input tokens",
    "output_tokens": "output tokens",
    "max_ttft_ms": "max TTFT (ms)",
    "budget_usd_month": "budget $/month",
    "min_context": "min context",
    "needs": "needs",
    "privacy": "privacy",
    "regions": "regions",
    "compliance": "compliance",
    "open_weights": "open weights",
    "deployment": "deployment",
    "cache_hit_rate": "cache hit rate",
    "batch_share": "batch share",
    "languages": "languages",
    "max_response_ms": "max answer time (ms)",
    "excluded_makers": "makers ruled out",
}


def format_value(value: Any) -> str:
    """A requirement's value in words: no Python literals (True, [], 3000.0)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):  # "8k a week" is 1,143 a day, never "1.14e+03"
        return count(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    return str(value)


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True)


class RequirementRow(_Row):
    field: str
    label: str
    value: Any
    shown: str
    origin: Origin
    evidence: str = ""  # the user's words it was read from, or the rule that inferred it


class ShortlistRow(_Row):
    rank: int
    model: str
    name: str  # the short name a table shows
    provider: str
    score: float
    quality: float | None
    monthly_cost_usd: float
    cost: str
    within_budget: bool | None  # None: no budget was stated, so no cost is within or over one
    ttft_ms: float | None
    ttft: str
    max_input_tokens: int | None
    context: str
    why: str
    reasons: tuple[str, ...]


class EliminatedRow(_Row):
    model: str
    name: str
    reasons: tuple[str, ...]


class SourceRow(_Row):
    id: str
    title: str
    section: str
    text: str | None = None  # the passage, when this answer retrieved it
    chunk_id: str | None = None


class QuestionView(_Row):
    field: str
    text: str
    choices: tuple[str, ...]


class TurnView(_Row):
    session: str | None
    answer: str
    requirements: tuple[RequirementRow, ...]
    shortlist: tuple[ShortlistRow, ...]
    fallback: str | None
    eliminated: tuple[EliminatedRow, ...]
    sources: tuple[SourceRow, ...]
    question: QuestionView | None


_ORIGIN: dict[str, Origin] = {"inferred": "inferred", "edited": "edited", "default": "assumed"}


def origin(state: AdvisorState, name: str) -> tuple[Origin, str]:
    """Where a field's value came from, by the state's history: stated (the user's words), inferred
    (and from what), edited in the panel, or assumed (a default, or a question skipped)."""
    if name not in state.requirements:
        event = state.origin(name)
        return "assumed", event.evidence if event is not None and event.action == "default" else ""
    event = state.origin(name)
    if event is None:
        return "stated", ""  # a session from before the history was kept
    if event.action == "inferred":
        said = event.evidence
        return "inferred", said if said.startswith(("inferred", "classified")) else f"inferred from '{said}'"
    if event.action == "stated" and (conventions := _size_conventions(state, name)):
        return "inferred", "worked out: " + "; ".join(conventions)  # "60 words" is stated, its 78 tokens are not
    return _ORIGIN.get(event.action, "stated"), event.evidence


def _size_conventions(state: AdvisorState, name: str) -> list[str]:
    """The assumed conventions a stated size was worked out with (tokens a word, earlier turns), if any."""
    if name not in ("input_tokens", "output_tokens"):
        return []
    notes: dict[str, str] = state.requirements.get("size_notes", {})
    # the output has one note; the input is its own note and its parts' (user text, history, documents)
    mine = [notes.get(name, "")] if name == "output_tokens" else [n for p, n in notes.items() if p != "output_tokens"]
    return [note for note in mine if "(assumption)" in note]


def requirement_rows(state: AdvisorState) -> tuple[RequirementRow, ...]:
    full = build_requirements(state.requirements).model_dump()
    rows = []
    for name, label in FIELD_LABELS.items():
        value = full.get(name)
        source, evidence = origin(state, name)
        if source == "assumed" and not evidence and name == "output_tokens":
            # the one default that follows the task, said as the default it is (not as words of the user's)
            evidence = f"default: {default_output_tokens(full['task'])[1]}"
        rows.append(RequirementRow(field=name, label=label, value=value, shown=format_value(value), origin=source,
                                   evidence=evidence))  # fmt: skip
    return tuple(rows)


def shortlist_rows(ranking: RankingRows | None) -> tuple[ShortlistRow, ...]:
    rows = []
    ranked_for = ranking.get("requirements", {}) if ranking else {}
    budget_set = ranked_for.get("budget_usd_month") is not None
    for index, item in enumerate(ranking["ranked"] if ranking else [], 1):
        reasons = tuple(item.get("reasons") or ())
        rows.append(
            ShortlistRow(
                rank=index,
                model=item["model"],
                name=short_model_name(item["model"]),
                provider=item.get("provider", ""),
                score=item["score"],
                quality=item.get("quality"),
                monthly_cost_usd=item["monthly_cost_usd"],
                cost=money(item["monthly_cost_usd"]),
                within_budget=item["within_budget"] if budget_set else None,
                ttft_ms=item.get("ttft_ms"),
                ttft=milliseconds(item.get("ttft_ms")),
                max_input_tokens=item.get("max_input_tokens"),
                context=context_size(item.get("max_input_tokens")),
                why=reasons[0].removeprefix("quality: ") if reasons else "",
                reasons=reasons,
            )
        )
    return tuple(rows)


def source_rows(state: AdvisorState) -> tuple[SourceRow, ...]:
    if state.passages:
        return tuple(
            SourceRow(
                id=p["id"],
                title=p["title"],
                section=p.get("section", ""),
                text=p.get("text"),
                chunk_id=p.get("chunk_id"),
            )
            for p in state.passages
        )
    return tuple(SourceRow(id=c.id, title=c.title, section=c.section) for c in state.citations)


def turn_view(state: AdvisorState, session: str | None, answer: str = "") -> TurnView:
    ranking = state.ranking
    question = state.next_question
    return TurnView(
        session=session,
        answer=answer,
        requirements=requirement_rows(state),
        shortlist=shortlist_rows(ranking),
        fallback=ranking["fallback"] if ranking and ranking["ranked"] else None,
        eliminated=tuple(
            EliminatedRow(model=e["model"], name=short_model_name(e["model"]), reasons=tuple(e["reasons"]))
            for e in (ranking["eliminated"] if ranking else [])
        ),
        sources=source_rows(state),
        question=QuestionView(
            field=question.field, text=question.text, choices=tuple(c.label for c in question.choices)
        )
        if question
        else None,
    )
