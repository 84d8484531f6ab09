"""Answers to "compare A and B": a compact table from the ranking, then a verdict for this user's
requirements naming the one to pick and the criteria that decide it. Pure: ranking and catalog in."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from agent.advisor.why_not import canonical_named, comparison_sentence, constraint_clause
from catalog.display import milliseconds, money
from catalog.entries import Catalog
from catalog.scoring import Elimination, RankedModel, Ranking


@dataclass(frozen=True)
class Side:
    """One compared model: its name, where it ranks, or why it is out."""

    asked: str
    model: str | None
    position: int | None = None
    item: RankedModel | None = None
    eliminated: Elimination | None = None


def side(name: str, ranking: Ranking, catalog: Catalog) -> Side:
    canonical = canonical_named(name, ranking, catalog)
    if canonical is None:
        return Side(name, None)
    for position, item in enumerate(ranking.ranked, 1):
        if item.canonical == canonical:
            return Side(name, item.model, position, item)
    out = next((e for e in ranking.eliminated if e.model == canonical), None)
    return Side(name, canonical, eliminated=out)


def table(sides: Sequence[Side]) -> list[str]:
    rows = {
        "rank": [f"#{s.position}" if s.position else ("out" if s.eliminated else "not ranked") for s in sides],
        "$/month": [money(s.item.monthly_cost_usd) if s.item else "—" for s in sides],
        "quality": [f"{s.item.quality:.0f}" if s.item else "—" for s in sides],
        "TTFT": [milliseconds(s.item.ttft_ms) if s.item else "—" for s in sides],
        "score": [f"{s.item.score:.1f}" if s.item else "—" for s in sides],
    }
    if any(s.eliminated for s in sides):
        rows["why out"] = ["; ".join(s.eliminated.reasons[:2]) if s.eliminated else "" for s in sides]
    rows = {"model": [s.model or f"unknown: {s.asked}" for s in sides], **rows}
    lines = ["| | " + " | ".join(s.asked for s in sides) + " |", "|---|" + "---|" * len(sides)]
    return lines + [f"| {label} | " + " | ".join(values) + " |" for label, values in rows.items()]


def verdict(sides: Sequence[Side], ranking: Ranking) -> str:
    """Which of the two to pick for these requirements, and why, in a sentence or two."""
    req = ranking.requirements
    unknown = [s.asked for s in sides if s.model is None]
    if unknown:
        return f"I do not know a model called “{unknown[0]}”; try `tradeoff catalog` for names."
    a, b = sides[0], sides[1]
    if a.model == b.model:
        return f"Both names are {a.model}: there is nothing to choose between."
    ranked = sorted((s for s in (a, b) if s.item), key=lambda s: s.position or 0)
    if len(ranked) == 2:
        better, worse = ranked
        assert better.item is not None and worse.item is not None
        return (f"**Verdict: {better.model}** for your requirements (#{better.position} against #{worse.position}): "
                f"{comparison_sentence(better.item, worse.item, req)}.")  # fmt: skip
    if len(ranked) == 1:
        winner = ranked[0]
        loser = b if winner is a else a
        why = (constraint_clause(loser.eliminated.reasons[0], req) if loser.eliminated else
               "it has no quality figures in the catalog, so it cannot be ranked")  # fmt: skip
        over = "" if winner.item is None or winner.item.within_budget else ", though it is over your budget"
        return (f"**Verdict: {winner.model}** (#{winner.position}) for your requirements{over}: {loser.model} is out "
                f"because {why}.")  # fmt: skip
    reasons = [f"{s.model} because {constraint_clause(s.eliminated.reasons[0], req)}" for s in (a, b) if s.eliminated]
    return ("**Verdict: neither** meets your requirements: " + "; ".join(reasons or ["neither is ranked"]) + ". "
            + (f"Your top pick is {ranking.ranked[0].model}." if ranking.ranked else ""))  # fmt: skip


# What the question asks about, when it names one criterion: "is gemini cheaper than claude for us?"
_ASKED = [
    ("cost", re.compile(r"\b(?:cheaper|cheapest|costs?|costlier|pricier|price[sd]?|expensive|spend|bill)\b", re.I)),
    ("latency", re.compile(r"\b(?:faster|fastest|quicker|slower|latency|ttft|speed|snappier)\b", re.I)),
    ("quality", re.compile(r"\b(?:smarter|better\s+quality|quality|more\s+accurate|accuracy|stronger|dumber)\b", re.I)),
]


def _answer_to_the_criterion(sides: Sequence[Side], asked: str) -> str:
    """The asked criterion first, in one sentence from the ranking's figures; "" when none is asked."""
    criterion = next((name for name, words in _ASKED if words.search(asked)), None)
    a, b = sides[0], sides[1]
    if criterion is None or a.item is None or b.item is None:
        return ""
    if criterion == "cost":
        low, high = sorted((a, b), key=lambda s: s.item.monthly_cost_usd if s.item else 0)
        assert low.item is not None and high.item is not None
        if high.item.monthly_cost_usd <= low.item.monthly_cost_usd * 1.02:
            return f"On cost they are level for your workload: about {money(low.item.monthly_cost_usd)}/month each."
        return (f"On cost, **{low.model} is cheaper** for your workload: {money(low.item.monthly_cost_usd)}/month "
                f"against {money(high.item.monthly_cost_usd)} for {high.model}.")  # fmt: skip
    if criterion == "latency":
        known = [s for s in (a, b) if s.item and s.item.ttft_ms is not None]
        if len(known) < 2:
            return ""
        fast, slow = sorted(known, key=lambda s: s.item.ttft_ms if s.item and s.item.ttft_ms else 0)
        assert fast.item is not None and slow.item is not None
        return (f"On speed, **{fast.model} is faster** to its first token: {milliseconds(fast.item.ttft_ms)} against "
                f"{milliseconds(slow.item.ttft_ms)} for {slow.model} (estimates for your prompt size).")  # fmt: skip
    good, weak = sorted((a, b), key=lambda s: -(s.item.quality or 0) if s.item else 0)
    assert good.item is not None and weak.item is not None
    return (f"On quality for your task, **{good.model}** scores {good.item.quality:.0f} against "
            f"{weak.item.quality:.0f} for {weak.model}.")  # fmt: skip


def compare(names: Sequence[str], ranking: Ranking, catalog: Catalog, asked: str = "") -> str:
    if len(names) < 2:
        return "Which two models should I compare? For example: *compare gpt-4.1 and claude sonnet*."
    sides = [side(name, ranking, catalog) for name in names[:2]]
    first = _answer_to_the_criterion(sides, asked)
    return "\n".join([*table(sides), "", *([first, ""] if first else []), verdict(sides, ranking)])
