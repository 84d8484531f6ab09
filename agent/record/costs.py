"""The record's cost projections, every figure from catalog/cost.py: a table of what each option
(chosen, fallback, runners-up) costs a month at the stated volume, 2x and 10x, and the chosen
model's what-ifs (caching, batch, routing, self-hosting)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from catalog.cost import monthly_cost, routing_savings, self_host_break_even
from catalog.entries import Catalog, ModelEntry
from catalog.requirements import DAYS_PER_MONTH, Requirements
from catalog.workload import PriceUnknownError

VOLUME_MULTIPLES = (1, 2, 10)
# A line every bill shares; the table says it once.
_SHARED_ASSUMPTION = f"{DAYS_PER_MONTH} days a month"


class CostScenario(BaseModel):
    model_config = ConfigDict(frozen=True)

    label: str
    requests_per_day: float = Field(ge=0)
    cache_hit_rate: float = Field(ge=0, le=1)
    batch_share: float = Field(ge=0, le=1)


class CostRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    model: str
    role: Literal["chosen", "fallback", "runner-up"]
    usd_month: list[float | None] = Field(description="one figure per scenario; None where a price is unknown")
    assumptions: list[str] = Field(default_factory=list)


class CostTable(BaseModel):
    """Monthly cost per option per scenario."""

    model_config = ConfigDict(frozen=True)

    scenarios: list[CostScenario]
    rows: list[CostRow]


def _scenarios(req: Requirements) -> list[CostScenario]:
    names = {1: "at the stated volume", 2: "at 2x the volume", 10: "at 10x the volume"}
    scenarios = [CostScenario(label=names[m], requests_per_day=req.requests_per_day * m,
                              cache_hit_rate=req.cache_hit_rate, batch_share=req.batch_share)
                 for m in VOLUME_MULTIPLES]  # fmt: skip
    if req.cache_hit_rate or req.batch_share:  # what the stated discounts are worth
        scenarios.append(CostScenario(label="at the stated volume, no cache or batch discount",
                                      requests_per_day=req.requests_per_day, cache_hit_rate=0.0,
                                      batch_share=0.0))  # fmt: skip
    return scenarios


def _bill(entry: ModelEntry, req: Requirements, scenario: CostScenario) -> Any:
    return monthly_cost(entry, scenario.requests_per_day, req.input_tokens, req.output_tokens,
                        scenario.cache_hit_rate, scenario.batch_share, reasoning_override=req.reasoning_tokens,
                        operations_usd_month=req.operations_usd_month)  # fmt: skip


def cost_table(catalog: Catalog, req: Requirements, options: Sequence[str], fallback: str | None) -> CostTable:
    """`options` in ranked order (the first is the chosen one), then any fallback outside them."""
    scenarios = _scenarios(req)
    rows = []
    for index, model in enumerate(dict.fromkeys([*options, *([fallback] if fallback else [])])):
        entry = catalog.get(model)
        if entry is None:
            continue
        role: Literal["chosen", "fallback", "runner-up"] = (
            "chosen" if index == 0 else "fallback" if model == fallback else "runner-up"
        )
        figures: list[float | None] = []
        assumptions: list[str] = []
        for scenario in scenarios:
            try:
                bill = _bill(entry, req, scenario)
            except PriceUnknownError:
                figures.append(None)
                continue
            figures.append(bill.monthly_cost_usd)
            if scenario is scenarios[0]:
                assumptions = [line for line in bill.assumptions if line != _SHARED_ASSUMPTION]
        rows.append(CostRow(model=model, role=role, usd_month=figures, assumptions=assumptions))
    return CostTable(scenarios=scenarios, rows=rows)


def cost_projection(catalog: Catalog, options: list[dict[str, Any]], req: Requirements) -> dict[str, Any]:
    """What the chosen model costs as planned, with caching, with batch, routed, and self-hosted."""
    if not options:
        return {}
    chosen = catalog.get(options[0]["model"])
    if chosen is None:
        return {}
    args = (req.requests_per_day, req.input_tokens, req.output_tokens)
    as_planned = monthly_cost(chosen, *args, req.cache_hit_rate, req.batch_share,
                              reasoning_override=req.reasoning_tokens,
                              operations_usd_month=req.operations_usd_month)  # fmt: skip
    projection: dict[str, Any] = {"as_planned_usd_month": as_planned.monthly_cost_usd}
    # A what-if only where the user stated no share of their own: the cost table shows theirs.
    if chosen.prices.cache_read is not None and not req.cache_hit_rate:
        projection["with_50pct_cache_hits_usd_month"] = monthly_cost(chosen, *args, cache_hit_rate=0.5).monthly_cost_usd
    if chosen.prices.input_batch is not None and not req.batch_share:
        projection["with_50pct_batch_usd_month"] = monthly_cost(chosen, *args, batch_share=0.5).monthly_cost_usd
    projection |= _routing_projection(catalog, options, chosen, args)
    hosted = next((catalog.get(o["model"]) for o in options if o["provider"] == "self-hosted"), None)
    api_chosen = chosen.prices.known and not chosen.is_self_hosted_route
    if hosted is not None and hosted.self_hosting is not None and api_chosen:
        even = self_host_break_even(hosted, chosen, req.input_tokens, req.output_tokens, req.operations_usd_month,
                                    req.requests_per_month, cache_hit_rate=req.cache_hit_rate,
                                    batch_share=req.batch_share)  # fmt: skip
        projection["self_host_model"] = hosted.id
        projection["self_host_fixed_usd_month"] = even.gpu_usd_per_replica_month + even.operations_usd_month
        projection["self_host_break_even_requests_month"] = even.break_even_requests_per_month
        projection["self_host_conclusion"] = even.conclusion
    return projection


def _routing_projection(
    catalog: Catalog, options: list[dict[str, Any]], chosen: ModelEntry, args: tuple[float, int, int]
) -> dict[str, Any]:
    """70% of traffic to a cheaper shortlisted API model: an estimate, said so; never a negative "saving"."""
    if chosen.is_self_hosted_route:
        return {}
    candidates = [entry for o in sorted(options, key=lambda o: o["monthly_cost_usd"])
                  if o["model"] != chosen.id and (entry := catalog.get(o["model"])) is not None
                  and not entry.is_self_hosted_route]  # fmt: skip
    for cheap_entry in candidates:
        routed = routing_savings(chosen, [(cheap_entry, 0.7), (chosen, 0.3)], *args)
        if routed.savings_fraction > 0:
            return {"routing_70pct_to": cheap_entry.id, "routing_usd_month": routed.routed_monthly_usd,
                    "routing_savings_fraction": round(routed.savings_fraction, 3),
                    "routing_basis": "estimate: 70% of requests to the cheaper model (the course's rule of "
                                     "thumb), assuming it handles them; tradeoff route measures it on your eval "
                                     "results"}  # fmt: skip
    return {"routing_note": f"no routing saving estimated: no other shortlisted API model costs less than {chosen.id} "
            "per request at this size, so routing traffic to one would raise the bill; measure a lower tier on your "
            "own prompts with tradeoff eval --save and tradeoff route"}  # fmt: skip
