"""Tier advice in words (course Module 2.2, lesson 1: match the task's complexity to the model's
tier): for a shortlisted model, would a lower tier likely do for this task, and what it saves."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

# Higher is more capable and dearer. Open-weight and specialised models sit with the mid tier.
TIER_RANK: dict[str, int] = {"frontier": 3, "mid": 2, "open": 2, "specialised": 2, "small": 1, "local": 0}
# A lower tier "likely does" when its quality for the task is within this many points (0-100 scale).
LIKELY_DOES_WITHIN = 5.0


class Ranked(Protocol):
    @property
    def model(self) -> str: ...
    @property
    def tier(self) -> str | None: ...
    @property
    def quality(self) -> float: ...
    @property
    def monthly_cost_usd(self) -> float: ...


def tier_advice(item: Ranked, candidates: Sequence[Ranked], task: str) -> str:
    """One sentence: the model's tier, and the cheapest lower-tier model within reach on quality."""
    rank = TIER_RANK.get(item.tier or "", 2)
    tier = item.tier or "unrated"
    if rank <= 1:
        return f"tier: {tier}, already the cheapest tier for {task}"
    lower = [other for other in candidates
             if TIER_RANK.get(other.tier or "", 2) < rank and other.quality >= item.quality - LIKELY_DOES_WITHIN
             and other.monthly_cost_usd < item.monthly_cost_usd]  # fmt: skip
    if not lower:
        return (f"tier: {tier}; no cheaper lower-tier model comes within {LIKELY_DOES_WITHIN:g} quality points "
                f"for {task}")  # fmt: skip
    best = min(lower, key=lambda other: (other.monthly_cost_usd, -other.quality, other.model))
    saving = 1 - best.monthly_cost_usd / item.monthly_cost_usd if item.monthly_cost_usd else 0.0
    article = "an" if (best.tier or "x")[0] in "aeiou" else "a"
    return (f"tier: {tier}; {article} {best.tier} model would likely do for {task}: {best.model} (quality "
            f"{best.quality:.0f} vs {item.quality:.0f}) at ${best.monthly_cost_usd:,.2f}/month, {saving:.0%} less; "
            "measure it on your prompts (tradeoff eval, then tradeoff route)")
