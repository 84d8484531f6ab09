"""Requests a day from a token total and the size of one call: "~90M input tokens/month ... ~3k in per call"
is 90M / 3k / 30 = 1,000 calls a day. A token total is no count of requests; without a stated size of
one call it sets no volume. Pure; numbers as digits."""

from __future__ import annotations

import re

from agent.advisor.rules.digit_groups import written_number
from agent.advisor.rules.extract_volume import PERIOD_PER_DAY
from agent.advisor.rules.size_mentions import daily_throughput
from agent.advisor.rules.size_units import Sizes

_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
_SIDE = r"input|prompt|output|completion|generated"
# "90M input tokens/month", "15M output tokens a month", "40M tokens of input per month", "2B prompt tokens monthly"
_TOTAL = re.compile(
    r"(?<![\d.,$€£])(?P<n>\d+(?:[.,]\d+)*)\s?(?P<s>k|thousand|m|mm|million|b|bn|billion)?\s*"
    r"(?:(?P<side>" + _SIDE + r")\s+)?(?:tokens?|toks?)\b(?:\s+of\s+(?P<side2>input|output|prompt)\b)?\s*"
    r"(?:(?:a|an|per|each|every|/|in\s+a)\s*(?P<period>day|week|month|year)\b|(?P<ly>daily|weekly|monthly|yearly)\b)",
    re.IGNORECASE,
)
# "Monthly usage: 300M input tokens", "daily volume ~ 8M tokens": the period first, as a label
_LABELLED = re.compile(
    r"\b(?P<ly>daily|weekly|monthly|yearly)\s+(?:[a-z]+\b\s*){0,2}?(?:is|of|:|=|~|around|about|roughly|\s)*"
    r"(?<![\d.,$€£])(?P<n>\d+(?:[.,]\d+)*)\s?(?P<s>k|thousand|m|mm|million|b|bn|billion)?\s*"
    r"(?:(?P<side>" + _SIDE + r")\s+)?(?:tokens?|toks?)\b(?:\s+of\s+(?P<side2>input|output|prompt)\b)?",
    re.IGNORECASE,
)
_LY = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year"}


def _side(match: re.Match[str]) -> str:
    side = (match.group("side") or match.group("side2") or "input").lower()
    return "output" if side in ("output", "completion", "generated") else "input"


def calls_from_tokens(text: str, sizes: Sizes) -> tuple[float, str] | None:
    """(requests a day, the words and the arithmetic) from a token total over a period divided by the stated
    tokens of one call on the same side (input or output)."""
    # a history of turns is an assumed size of a call, no stated one
    per_call = {"input": sizes.input_tokens if "history" not in sizes.parts else None, "output": sizes.output}
    for match in sorted([*_TOTAL.finditer(text), *_LABELLED.finditer(text)], key=lambda m: m.start()):
        side = _side(match)
        each = per_call[side]
        if not each:
            continue
        scale = match.group("s")
        total = written_number(match.group("n"), scaled=bool(scale)) * _SCALE.get((scale or "").lower(), 1.0)
        period = match.groupdict().get("period") or _LY[match.group("ly").lower()]
        period = period.lower()
        per_day = total * PERIOD_PER_DAY[period] / each
        days = "" if period == "day" else f" / {1 / PERIOD_PER_DAY[period]:g} days"
        return per_day, f"{match.group(0)} / {each:,} {side} tokens a call{days} (derived)"
    if per_call["input"] and (throughput := daily_throughput(text)):  # "the daily intake is 5,000 pages"
        return throughput[0] / per_call["input"], f"{throughput[1]} / {per_call['input']:,} tokens a request (derived)"
    return None
