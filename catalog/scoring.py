"""Deterministic ranking: hard constraints eliminate, weighted subscores rank, Pareto shows trade-offs."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from catalog.budget import BudgetAdvice, budget_advice
from catalog.cost import PriceUnknownError, SelfHostBreakEven, monthly_cost, monthly_cost_usd, self_host_break_even
from catalog.entries import Catalog, ModelEntry, ProviderPolicy
from catalog.latency import Latency, latency, ttft_and_total_ms
from catalog.names import maker_of
from catalog.price_check import price_note
from catalog.requirements import Requirements
from catalog.tiers import tier_advice
from catalog.workload import Workload, hidden_tokens, reasoning_tokens

MIN_TASK_QUALITY = 40.0
Eligible = Sequence[tuple[ModelEntry, float, float, object]]  # route, monthly cost, quality, timing

# How much each quality dimension counts for a task.
TASK_PROFILES: dict[str, dict[str, float]] = {
    "chat": {"creative_writing": 0.3, "reasoning": 0.3, "multilingual": 0.2, "tool_use": 0.2},
    "coding": {"coding": 0.8, "reasoning": 0.2},
    "reasoning": {"reasoning": 1.0},
    "creative": {"creative_writing": 1.0},
    "document-analysis": {"long_document": 0.7, "extraction": 0.3},
    "classification": {"classification": 1.0},
    "extraction": {"extraction": 0.8, "long_document": 0.2},
    "vision": {"vision": 1.0},
    "summarization": {"long_document": 0.6, "creative_writing": 0.2, "extraction": 0.2},
    "rag": {"long_document": 0.5, "extraction": 0.3, "reasoning": 0.2},
    "agent": {"tool_use": 0.6, "reasoning": 0.4},
    "general": {
        "reasoning": 0.2,
        "coding": 0.15,
        "creative_writing": 0.15,
        "long_document": 0.15,
        "classification": 0.1,
        "extraction": 0.1,
        "multilingual": 0.05,
        "tool_use": 0.1,
    },
}
TASK_IMPLIED_NEEDS: dict[str, str] = {"vision": "vision"}
# Stated languages besides English: this share of task quality comes from the multilingual dimension.
MULTILINGUAL_SHARE = 0.3
# Licences that forbid production use of the weights: they never pass an open-weights or self-hosting need.
NON_PRODUCTION_LICENCE_MARKERS = ("non-production", "non-commercial", "research only", "research-only")
_EXTRAS = frozenset({"tools", "json", "caching", "batch"})


class Elimination(BaseModel):
    model_config = ConfigDict(frozen=True)

    model: str
    reasons: tuple[str, ...]


class RankedModel(BaseModel):
    model_config = ConfigDict(frozen=True)

    model: str
    canonical: str
    provider: str
    score: float
    subscores: dict[str, float]
    quality: float
    monthly_cost_usd: float
    within_budget: bool
    ttft_ms: float | None
    tokens_per_s: float | None
    open_weights: bool
    max_input_tokens: int | None
    capabilities: tuple[str, ...]
    tier: str | None
    reasons: tuple[str, ...]
    maker: str | None = None
    total_ms: float | None = None
    costing: dict[str, object] = {}
    latency_formula: dict[str, object] = {}
    tier_advice: str = ""


class Ranking(BaseModel):
    model_config = ConfigDict(frozen=True)

    requirements: Requirements
    ranked: tuple[RankedModel, ...]
    eliminated: tuple[Elimination, ...]
    fallback: str | None
    pareto: tuple[str, ...]
    unrated_count: int = 0
    catalog_version: str
    failover_route: str | None = None
    workload: Workload | None = None
    budget: BudgetAdvice | None = None
    self_hosting: SelfHostBreakEven | None = None


def task_quality(entry: ModelEntry, task: str, multilingual: bool = False) -> float:
    """Quality for the task as ranked: an estimated dimension counts its penalty (catalog/evidence.py)."""
    precomputed = entry.ranked_task_quality.get(task)
    if precomputed is not None:
        return precomputed[multilingual]
    profile = TASK_PROFILES[task]
    quality = entry.quality_for_ranking()
    score = sum(quality.get(dim, 0.0) * weight for dim, weight in profile.items())
    if multilingual:
        score = (1 - MULTILINGUAL_SHARE) * score + MULTILINGUAL_SHARE * quality.get("multilingual", 0.0)
    return score


def production_licence(entry: ModelEntry) -> bool:
    licence = (entry.licence or "").lower()
    return not any(marker in licence for marker in NON_PRODUCTION_LICENCE_MARKERS)


def _region_ok(entry: ModelEntry, policy: ProviderPolicy | None, allowed: frozenset[str]) -> bool:
    regions = set(entry.regions) or (set(policy.regions) if policy else set())
    return "any" in regions or bool(regions & allowed)


@dataclass(frozen=True, slots=True)
class HardLimits:
    """Requirements reduced to what elimination checks, computed once per ranking."""

    task: str
    needs: frozenset[str]
    required_context: int
    max_ttft_ms: float | None
    max_response_ms: float | None
    input_tokens: int
    output_tokens: int
    reasoning_override: int | None
    open_weights: bool
    self_hosting: bool
    api_only: bool
    no_training: bool
    region_locked: bool
    regions: frozenset[str]
    compliance: tuple[str, ...]
    excluded_makers: frozenset[str]

    @classmethod
    def of(cls, req: Requirements) -> HardLimits:
        needs: set[str] = set(req.needs)
        if req.task in TASK_IMPLIED_NEEDS:
            needs.add(TASK_IMPLIED_NEEDS[req.task])
        regions = frozenset(req.effective_regions)
        return cls(
            task=req.task,
            needs=frozenset(needs),
            required_context=req.required_context,
            max_ttft_ms=req.max_ttft_ms,
            max_response_ms=req.max_response_ms,
            input_tokens=req.input_tokens,
            output_tokens=req.output_tokens,
            reasoning_override=req.reasoning_tokens,
            open_weights=req.open_weights,
            self_hosting=req.needs_self_hosting,
            api_only=req.deployment == "api",
            no_training=req.privacy in ("no-training", "region-locked"),
            region_locked=req.privacy == "region-locked" or bool(regions),
            regions=regions,
            compliance=tuple(req.compliance),
            excluded_makers=frozenset(req.excluded_makers),
        )


def hard_constraint_failures(entry: ModelEntry, req: Requirements, catalog: Catalog, today: dt.date) -> list[str]:
    """Every hard constraint this model breaks, in words a user can act on."""
    limits = HardLimits.of(req)
    return _failures(entry, limits, catalog, today, task_quality(entry, req.task, bool(req.languages)),
                     _timing(entry, limits))  # fmt: skip


def request_latency(entry: ModelEntry, limits: HardLimits) -> Latency | None:
    """This model's latency for the stated request size, hidden reasoning included, with its formula."""
    hidden, _ = reasoning_tokens(entry, limits.reasoning_override)
    return latency(entry, limits.input_tokens, limits.output_tokens, hidden)


def _timing(entry: ModelEntry, limits: HardLimits) -> tuple[float, float | None] | None:
    hidden = hidden_tokens(entry, limits.reasoning_override)
    return ttft_and_total_ms(entry, limits.input_tokens, limits.output_tokens, hidden)


def _failures(
    entry: ModelEntry, limits: HardLimits, catalog: Catalog, today: dt.date, quality: float,
    timing: tuple[float, float | None] | None,
) -> list[str]:  # fmt: skip
    """A value we do not know never passes: the route is out as "cannot verify <field>"."""
    reasons: list[str] = []
    if not limits.needs <= entry.capabilities:
        reasons.append(f"lacks {', '.join(sorted(limits.needs - entry.capabilities))}")
    if entry.max_input_tokens is None:
        reasons.append(f"cannot verify context: no context size on record ({limits.required_context:,} tokens needed)")
    elif entry.max_input_tokens < limits.required_context:
        reasons.append(f"context {entry.max_input_tokens:,} < {limits.required_context:,} tokens needed")
    if entry.deprecation_date is not None and entry.deprecation_date <= today:
        reasons.append(f"deprecated on {entry.deprecation_date.isoformat()}")
    if quality < MIN_TASK_QUALITY:
        reasons.append(f"{limits.task} quality {quality:.0f} < {MIN_TASK_QUALITY:.0f} minimum")
    if limits.max_ttft_ms is not None:
        if timing is None:
            reasons.append("cannot verify TTFT: no latency on record")
        elif timing[0] > limits.max_ttft_ms:
            reasons.append(f"TTFT ~{timing[0]:,.0f} ms for a {limits.input_tokens:,}-token prompt > "
                           f"{limits.max_ttft_ms:,.0f} ms target")  # fmt: skip
    if limits.max_response_ms is not None:
        if timing is None or timing[1] is None:
            reasons.append("cannot verify answer time: no latency or speed on record")
        elif timing[1] > limits.max_response_ms:
            reasons.append(f"whole answer ~{timing[1] / 1000:,.1f} s > {limits.max_response_ms / 1000:,.1f} s "
                           "target")  # fmt: skip
    if (limits.open_weights or limits.self_hosting) and entry.open_weights and not production_licence(entry):
        reasons.append(f"licence forbids production use ({entry.licence})")
    if limits.open_weights and not entry.open_weights:
        reasons.append("weights are not open")
    if limits.self_hosting and not (entry.is_self_hosted_route or entry.provider == "local"):
        reasons.append("privacy/deployment requires self-hosting; this is a hosted API")
    if limits.api_only and entry.is_self_hosted_route:
        reasons.append("deployment is API-only; this route is self-hosted")
    if limits.excluded_makers:
        maker = entry.maker or maker_of(entry.id)
        if maker is None:
            reasons.append(f"cannot verify who made it ({', '.join(sorted(limits.excluded_makers))} ruled out)")
        elif maker in limits.excluded_makers:
            reasons.append(f"made by {maker}, which is ruled out")
    policy = catalog.policy_for(entry.provider)
    if limits.no_training and (policy is None or policy.trains_on_api_data):
        reasons.append(f"{entry.provider} may train on API data or publishes no policy")
    if limits.region_locked and not _region_ok(entry, policy, limits.regions):
        listed = sorted(set(entry.regions) or (set(policy.regions) if policy else set()))
        served = f"; {entry.provider} lists {'/'.join(listed)}" if listed else f"; {entry.provider} lists no regions"
        reasons.append(f"not served in {'/'.join(sorted(limits.regions)) or 'an allowed region'}{served}")
    for regime in limits.compliance:
        if regime == "hipaa" and not (policy and policy.hipaa_baa):
            reasons.append(f"{entry.provider}: no HIPAA BAA on record")
        elif regime == "soc2" and not (policy and policy.soc2):
            reasons.append(f"{entry.provider}: no SOC 2 report on record")
        elif regime == "gdpr" and not (policy and policy.gdpr_dpa):
            reasons.append(f"{entry.provider}: no GDPR data-processing agreement on record")
    return reasons


def _log_position(value: float, low: float, high: float) -> float:
    """0 at `low`, 1 at `high`, on a log scale, clamped."""
    value = min(max(value, low), high)
    return math.log(value / low) / math.log(high / low)


def latency_subscore(ttft_ms: float | None, tokens_per_s: float | None) -> float:
    if ttft_ms is None:
        return 0.3
    ttft_part = 1 - _log_position(ttft_ms, 150, 15_000)
    speed_part = _log_position(tokens_per_s, 10, 300) if tokens_per_s else 0.3
    return 0.7 * ttft_part + 0.3 * speed_part


def quality_subscore(quality: float) -> float:
    """0 at the minimum acceptable quality, 1 at 100: differences above the floor are what matter."""
    return max(0.0, (quality - MIN_TASK_QUALITY) / (100 - MIN_TASK_QUALITY))


def cost_subscore(cost: float, cheapest: float, dearest: float, budget: float | None) -> float:
    """With a budget: how much of it stays free (spending all of it still scores 0.4, over it 0).
    Without one: 1 for the cheapest candidate, 0 for the dearest, log-scaled in between."""
    if budget is not None:
        if cost > budget:
            return 0.0
        return 1.0 - 0.6 * (cost / budget) if budget > 0 else 1.0
    floor = 0.01
    low, high = cheapest + floor, dearest + floor
    if high <= low:
        return 1.0
    return 1 - _log_position(cost + floor, low, high)


def fit_subscore(entry: ModelEntry, req: Requirements, today: dt.date) -> float:
    """Context headroom and useful extras, less a penalty for an approaching deprecation."""
    score = 0.6
    if entry.max_input_tokens:
        score += 0.15 if entry.max_input_tokens >= 4 * max(req.required_context, 1) else 0.05
    score += 0.05 * len(entry.capabilities & _EXTRAS)
    if entry.deprecation_date is not None and (entry.deprecation_date - today).days < 180:
        score -= 0.3
    return max(0.0, min(1.0, score))


def _fit_reason(entry: ModelEntry, today: dt.date) -> str:
    notes = []
    if entry.max_input_tokens:
        notes.append(f"{entry.max_input_tokens:,} context")
    extras = sorted(entry.capabilities & _EXTRAS)
    if extras:
        notes.append("+" + ",".join(extras))
    if entry.deprecation_date is not None and (entry.deprecation_date - today).days < 180:
        notes.append(f"deprecates {entry.deprecation_date.isoformat()}")
    if entry.measured_ttft_ms is not None:
        notes.append("latency measured in your trials")
    return "fit: " + ", ".join(notes or ["no notes"])


def rank(catalog: Catalog, req: Requirements, today: dt.date, top: int | None = None) -> Ranking:
    """Rank every rated chat route, best route per model; same inputs give the same result."""
    eligible: list[tuple[ModelEntry, float, float, tuple[float, float | None] | None]] = []
    failures: dict[str, dict[str, tuple[str, ...]]] = {}
    limits = HardLimits.of(req)
    multilingual = bool(req.languages)
    for entry in catalog.rankable():
        quality = task_quality(entry, req.task, multilingual)
        timing = _timing(entry, limits)
        reasons = _failures(entry, limits, catalog, today, quality, timing)
        cost = math.inf
        if not reasons:  # an eliminated route's cost is never shown
            try:
                cost = monthly_cost_usd(
                    entry, req.requests_per_day, req.input_tokens, req.output_tokens, req.cache_hit_rate,
                    req.batch_share, reasoning_override=req.reasoning_tokens,
                    operations_usd_month=req.operations_usd_month,
                )  # fmt: skip
            except PriceUnknownError:
                reasons.append("no price in the catalog")
        if reasons:
            failures.setdefault(entry.canonical, {})[entry.id] = tuple(reasons)
        else:
            eligible.append((entry, cost, quality, timing))
    eligible_models = {entry.canonical for entry, _, _, _ in eligible}
    eliminated = [
        # Report the curated route's reasons: that is the model the user knows by name.
        Elimination(model=canonical, reasons=routes.get(canonical) or routes[min(routes)])
        for canonical, routes in failures.items()
        if canonical not in eligible_models
    ]
    scored = _score(eligible, req, today, limits)
    nothing_fits = req.budget_usd_month is not None and bool(scored) and not any(r.within_budget for r in scored)
    # When nothing fits the budget, the closest to it comes first: cost is what must change.
    order = (lambda r: (r.monthly_cost_usd, -r.score, r.model)) if nothing_fits else (
        lambda r: (not r.within_budget, -r.score, r.model))  # fmt: skip
    ordered = sorted(scored, key=order)
    leader = ordered[0] if ordered else None
    return Ranking(
        requirements=req,
        ranked=tuple(_with_costing(r, catalog, req, tier_advice(r, ordered, req.task)) for r in ordered[: top or None]),
        eliminated=tuple(sorted(eliminated, key=lambda e: e.model)),
        fallback=_fallback(leader, ordered),
        failover_route=_failover_route(leader, eligible),
        pareto=pareto_frontier(scored),
        unrated_count=len(catalog.chat_models()) - len(catalog.rankable()),
        catalog_version=catalog.version,
        workload=Workload.of(req),
        budget=budget_advice(req, [(e, c) for e, c, _, _ in eligible]) if nothing_fits else None,
        self_hosting=_self_hosting_verdict(catalog, req, ordered, eligible),
    )


def _self_hosting_verdict(
    catalog: Catalog, req: Requirements, ordered: list[RankedModel], eligible: Eligible
) -> SelfHostBreakEven | None:
    """The best-ranked model's self-hosted route against the best API option, when both are eligible."""
    hosted_routes = {entry.canonical: entry for entry, _, _, _ in eligible if entry.is_self_hosted_route}
    hosted = next((hosted_routes[r.canonical] for r in ordered if r.canonical in hosted_routes), None)
    api = next((catalog.get(r.model) for r in ordered if r.provider != "self-hosted"), None)
    if hosted is None or api is None or not api.prices.known:
        return None
    return self_host_break_even(hosted, api, req.input_tokens, req.output_tokens, req.operations_usd_month,
                                req.requests_per_month, cache_hit_rate=req.cache_hit_rate,
                                batch_share=req.batch_share)  # fmt: skip


def _fallback(leader: RankedModel | None, ordered: list[RankedModel]) -> str | None:
    """The best model from a different model maker: the same model on another host fails together."""
    if leader is None:
        return None

    def maker(ranked: RankedModel) -> str:
        return ranked.maker or maker_of(ranked.model) or ranked.provider

    return next((r.model for r in ordered if r is not leader and maker(r) != maker(leader)), None)


def _failover_route(leader: RankedModel | None, eligible: Eligible) -> str | None:
    """The leader's model on another host that meets every constraint, cheapest first."""
    if leader is None:
        return None
    routes = [(cost, e.id) for e, cost, _, _ in eligible
              if e.canonical == leader.canonical and e.provider != leader.provider]  # fmt: skip
    return min(routes)[1] if routes else None


def _with_costing(item: RankedModel, catalog: Catalog, req: Requirements, tier_line: str) -> RankedModel:
    """The shown models carry the workload they were costed on and the prices used, to be recomputed."""
    entry = catalog.get(item.model)
    assert entry is not None
    bill = monthly_cost(entry, req.requests_per_day, req.input_tokens, req.output_tokens, req.cache_hit_rate,
                        req.batch_share, reasoning_override=req.reasoning_tokens,
                        operations_usd_month=req.operations_usd_month)  # fmt: skip
    prices = None
    if bill.prices is not None:
        prices = {name: getattr(bill.prices, name) for name in
                  ("input", "output", "reasoning", "cache_read", "cache_write", "input_batch", "output_batch")}
    costing: dict[str, object] = {
        "requests_per_month": bill.requests_per_month, "input_tokens": bill.input_tokens,
        "output_tokens": bill.output_tokens, "reasoning_tokens": bill.reasoning_tokens,
        "price_tier_above_tokens": bill.prices.tier_above_tokens if bill.prices else None,
        "cache_hit_rate": req.cache_hit_rate, "batch_share": req.batch_share,
        "prices_usd_per_token": prices, "replicas": bill.replicas,
        "breakdown_usd": {k: round(v, 6) for k, v in bill.breakdown().items() if k != "requests_per_month"},
        "assumptions": list(bill.assumptions),
    }  # fmt: skip
    return item.model_copy(update={"costing": costing, "tier_advice": tier_line})


def _score(
    eligible: list[tuple[ModelEntry, float, float, tuple[float, float | None] | None]], req: Requirements,
    today: dt.date, limits: HardLimits,
) -> list[RankedModel]:  # fmt: skip
    """Score every route as plain floats, keep the best route per model, then explain the winners."""
    if not eligible:
        return []
    weights = req.priorities.normalised()
    w_quality, w_cost, w_latency, w_fit = weights["quality"], weights["cost"], weights["latency"], weights["fit"]
    cheapest = min(cost for _, cost, _, _ in eligible)
    dearest = max(cost for _, cost, _, _ in eligible)
    budget = req.budget_usd_month
    best: dict[str, tuple[float, str, ModelEntry, float, float, tuple[float, float, float, float]]] = {}
    for entry, cost, quality, timing in eligible:
        # Plain floats in the loop (every eligible route, every ranking); dicts only for the winners.
        parts = (
            quality_subscore(quality),
            cost_subscore(cost, cheapest, dearest, budget),
            latency_subscore(timing[0] if timing else None, entry.effective_tokens_per_s()),
            fit_subscore(entry, req, today),
        )
        score = round((parts[0] * w_quality + parts[1] * w_cost + parts[2] * w_latency + parts[3] * w_fit) * 100, 2)
        current = best.get(entry.canonical)
        # Higher score wins; ties go to the cheaper route, then the smaller id, so output is stable.
        if current is None or (-score, cost, entry.id) < (-current[0], current[3], current[1]):
            best[entry.canonical] = (score, entry.id, entry, cost, quality, parts)
    ranked = []
    for score, _, entry, cost, quality, parts in best.values():
        subscores = dict(zip(("quality", "cost", "latency", "fit"), parts, strict=True))
        formula = request_latency(entry, limits)
        ranked.append(_ranked_model(entry, req, score, cost, quality, subscores, _fit_reason(entry, today), formula))
    return ranked


def _ranked_model(
    entry: ModelEntry, req: Requirements, score: float, cost: float, quality: float,
    subscores: dict[str, float], fit_reason: str, timing: Latency | None,
) -> RankedModel:  # fmt: skip
    ttft, tps = (timing.ttft_ms if timing else None), entry.effective_tokens_per_s()
    within_budget = req.budget_usd_month is None or cost <= req.budget_usd_month
    return RankedModel(
        model=entry.id,
        canonical=entry.canonical,
        provider=entry.provider,
        score=score,
        subscores={k: round(v * 100, 1) for k, v in subscores.items()},
        quality=round(quality, 1),
        monthly_cost_usd=round(cost, 2),
        within_budget=within_budget,
        ttft_ms=ttft,
        tokens_per_s=tps,
        open_weights=entry.open_weights,
        max_input_tokens=entry.max_input_tokens,
        capabilities=tuple(sorted(entry.capabilities)),
        tier=entry.tier,
        reasons=_reasons(entry, req, quality, cost, within_budget, timing, fit_reason),
        maker=entry.maker,
        total_ms=round(timing.total_ms, 1) if timing and timing.total_ms is not None else None,
        latency_formula=_latency_formula(timing),
    )


def _latency_formula(timing: Latency | None) -> dict[str, object]:
    if timing is None:
        return {}
    return {
        "base_ttft_ms": timing.base_ttft_ms, "base_kind": timing.base_kind, "input_tokens": timing.input_tokens,
        "prefill_tokens_per_s": timing.prefill_tokens_per_s, "prefill_source": timing.prefill_source,
        "prefill_ms": round(timing.prefill_ms, 1), "reasoning_tokens": timing.reasoning_tokens,
        "thinking_ms": round(timing.thinking_ms, 1), "ttft_ms": round(timing.ttft_ms, 1),
        "tokens_per_s": timing.tokens_per_s, "output_tokens": timing.output_tokens,
        "total_ms": round(timing.total_ms, 1) if timing.total_ms is not None else None, "formula": timing.formula(),
    }  # fmt: skip


def _reasons(
    entry: ModelEntry,
    req: Requirements,
    quality: float,
    cost: float,
    within_budget: bool,
    timing: Latency | None,
    fit_reason: str,
) -> tuple[str, ...]:
    languages = f", weighted for {', '.join(req.languages)}" if req.languages else ""
    evidence = entry.quality_reasons.get(req.task) or entry.quality_source or "no source"
    quality_line = f"quality: {quality:.0f}/100 for {req.task}{languages} ({evidence})"
    sizes = f"{req.input_tokens:,} in / {req.output_tokens:,} out tokens"
    hidden, _ = reasoning_tokens(entry, req.reasoning_tokens)
    if hidden:
        sizes += f" + ~{hidden:,} reasoning billed as output"
    if req.batch_share and entry.prices.input_batch is not None:  # the discounts the figure already holds
        sizes += f", {req.batch_share:.0%} at the batch price"
    if req.cache_hit_rate and entry.prices.cache_read is not None:
        sizes += f", {req.cache_hit_rate:.0%} of input read from the cache"
    if req.budget_usd_month is not None:
        share = cost / req.budget_usd_month if req.budget_usd_month else math.inf
        budget = (
            f"{share:.0%} of ${req.budget_usd_month:,.0f} budget"
            if within_budget
            else (f"OVER the ${req.budget_usd_month:,.0f} budget")
        )
        cost_line = f"cost: ${cost:,.2f}/month ({sizes}), {budget}"
    else:
        cost_line = f"cost: ${cost:,.2f}/month at {req.requests_per_day:,.0f} requests/day, {sizes}"
    if (disagreement := price_note(entry)) is not None:
        cost_line += f"; {disagreement}"
    if timing is None:
        latency_line = "latency: no typical TTFT on record"
    else:
        kind = "measured" if entry.measured_ttft_ms is not None else "estimated"
        target = f" vs {req.max_ttft_ms:,.0f} ms target" if req.max_ttft_ms else ""
        grown = f" for a {req.input_tokens:,}-token prompt" if timing.prefill_ms or timing.thinking_ms else ""
        speed = f", ~{timing.tokens_per_s:.0f} tokens/s" if timing.tokens_per_s else ""
        whole = (f", whole answer ~{timing.total_ms / 1000:,.1f} s" if timing.total_ms is not None and
                 (req.max_response_ms or timing.total_ms > 10_000) else "")  # fmt: skip
        latency_line = f"latency: {kind} TTFT ~{timing.ttft_ms:,.0f} ms{grown}{target}{speed}{whole}"
    return (quality_line, cost_line, latency_line, fit_reason)


def pareto_frontier(ranked: list[RankedModel]) -> tuple[str, ...]:
    """Models no other model beats on cost, quality and TTFT at once."""
    frontier = []
    for candidate in ranked:
        c_ttft = candidate.ttft_ms if candidate.ttft_ms is not None else math.inf
        dominated = False
        for other in ranked:
            if other is candidate:
                continue
            o_ttft = other.ttft_ms if other.ttft_ms is not None else math.inf
            no_worse = (
                other.monthly_cost_usd <= candidate.monthly_cost_usd
                and other.quality >= candidate.quality
                and o_ttft <= c_ttft
            )
            better = (
                other.monthly_cost_usd < candidate.monthly_cost_usd
                or other.quality > candidate.quality
                or o_ttft < c_ttft
            )
            if no_worse and better:
                dominated = True
                break
        if not dominated:
            frontier.append(candidate.model)
    return tuple(sorted(frontier))
