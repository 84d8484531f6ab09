"""When no model fits the budget: say so, and what would fit, each option with its figure."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pydantic import BaseModel, ConfigDict

from catalog.cost import PriceUnknownError, monthly_cost_usd
from catalog.display import money
from catalog.entries import ModelEntry
from catalog.requirements import DAYS_PER_MONTH, Requirements

ASSUMED_CACHE_HIT_RATE = 0.5
# Neither a routing mix nor another small model is offered: each costs at least what the cheapest route does,
# which already misses the budget, so neither could fit. What routing saves against the frontier is its own
# answer (agent/advisor/savings.py).


class BudgetOption(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: str  # volume, batch, caching, budget
    model: str
    monthly_cost_usd: float
    fits: bool
    detail: str


class BudgetAdvice(BaseModel):
    model_config = ConfigDict(frozen=True)

    budget_usd_month: float
    cheapest_model: str
    cheapest_monthly_usd: float
    summary: str
    options: tuple[BudgetOption, ...]


def _cost(entry: ModelEntry, req: Requirements, **changes: float) -> float:
    return monthly_cost_usd(
        entry, changes.get("requests_per_day", req.requests_per_day), req.input_tokens, req.output_tokens,
        changes.get("cache_hit_rate", req.cache_hit_rate), changes.get("batch_share", req.batch_share),
        reasoning_override=req.reasoning_tokens, operations_usd_month=req.operations_usd_month,
    )  # fmt: skip


def budget_advice(req: Requirements, eligible: Sequence[tuple[ModelEntry, float]]) -> BudgetAdvice:
    """Options for a budget no eligible model meets; `eligible` holds (route, monthly cost)."""
    assert req.budget_usd_month is not None and eligible
    budget = req.budget_usd_month
    cheapest, cost = min(eligible, key=lambda pair: (pair[1], pair[0].id))
    options: list[BudgetOption] = []
    if not cheapest.is_self_hosted_route and cost > 0:
        per_day = req.requests_per_day * budget / cost
        options.append(BudgetOption(
            kind="volume", model=cheapest.id, monthly_cost_usd=budget, fits=True,
            detail=f"{per_day:,.0f} requests/day ({per_day * DAYS_PER_MONTH:,.0f}/month) fit {money(budget)} on "
                   f"{cheapest.id}, against the {req.requests_per_day:,.0f}/day stated",
        ))  # fmt: skip
    api = [(entry, c) for entry, c in eligible if not entry.is_self_hosted_route]
    batched = _best_with(api, req, "batch_share", 1.0, lambda e: e.prices.input_batch is not None)
    if batched is not None and req.batch_share < 1:
        entry, value = batched
        options.append(_option("batch", entry, value, budget, "every request through the batch API "
                                                               "(answers within 24 h)"))  # fmt: skip
    cached = _best_with(api, req, "cache_hit_rate", ASSUMED_CACHE_HIT_RATE, lambda e: e.prices.cache_read is not None)
    if cached is not None and req.cache_hit_rate < ASSUMED_CACHE_HIT_RATE:
        entry, value = cached
        options.append(_option("caching", entry, value, budget, f"{ASSUMED_CACHE_HIT_RATE:.0%} of input read from "
                                                                 "the prompt cache (assumption: a shared prefix)"))
    if not options or not any(option.fits for option in options):
        options.append(BudgetOption(
            kind="budget", model=cheapest.id, monthly_cost_usd=cost, fits=True,
            detail=f"a budget of {money(cost)}/month, what {cheapest.id} costs"
                   + (" (a self-hosted route costs its GPUs whatever the volume: fewer requests would not cut it; "
                      "relaxing a constraint that ruled out the hosted APIs, under Eliminated, would)"
                      if cheapest.is_self_hosted_route else ""),
        ))  # fmt: skip
    times = f" ({cost / budget:,.1f}x the budget)" if budget > 0 else ""
    summary = (f"No model that meets your other constraints fits {money(budget)}/month: the cheapest, {cheapest.id}, "
               f"costs {money(cost)}/month{times}.")  # fmt: skip
    return BudgetAdvice(budget_usd_month=budget, cheapest_model=cheapest.id, cheapest_monthly_usd=cost,
                        summary=summary, options=tuple(options))  # fmt: skip


def _option(kind: str, entry: ModelEntry, value: float, budget: float, what: str) -> BudgetOption:
    return BudgetOption(kind=kind, model=entry.id, monthly_cost_usd=value, fits=value <= budget,
                        detail=f"{what}: {entry.id} at {money(value)}/month")  # fmt: skip


def _best_with(
    eligible: Sequence[tuple[ModelEntry, float]], req: Requirements, field: str, value: float,
    usable: Callable[[ModelEntry], bool],
) -> tuple[ModelEntry, float] | None:  # fmt: skip
    """The cheapest route once `field` takes `value`, among those where it changes the bill."""
    best: tuple[ModelEntry, float] | None = None
    for entry, _ in eligible:
        if not usable(entry):
            continue
        try:
            cost = _cost(entry, req, **{field: value})
        except PriceUnknownError:
            continue
        if best is None or (cost, entry.id) < (best[1], best[0].id):
            best = (entry, cost)
    return best
