"""What routing, prompt caching and the batch API would save at this session's workload: the
cost tool's bill without and with each, on the top pick's own prices, every assumption named."""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.cost import CostBreakdown, monthly_cost, routing_savings
from catalog.display import money, price_per_million
from catalog.entries import Catalog, ModelEntry
from catalog.requirements import Requirements
from catalog.scoring import Ranking

ROUTED_SHARE = 0.7  # module 2.2.2's worked example: 70% of queries to the cheap tier
ASSUMED_CACHE_HIT_RATE = 0.5  # the middle of what caching workloads see; the user's own rate replaces it
RESPONSE_CACHE_STEP = 0.1  # the response-cache line is priced per 10% of requests answered from it


_SHARE = re.compile(
    r"\b(?:if|with|assuming|suppose|say|when)\b[^.?!]*?(?:(?P<pct>\d{1,3}(?:\.\d+)?)\s*(?:%|percent)|"
    r"\b(?P<word>half|a third|one third|a quarter|one quarter|two thirds|three quarters)\b)",
    re.I,
)
_SHARE_WORDS = {"half": 1 / 2, "a third": 1 / 3, "one third": 1 / 3, "a quarter": 1 / 4, "one quarter": 1 / 4,
                "two thirds": 2 / 3, "three quarters": 3 / 4}  # fmt: skip


def share_in(question: str) -> float | None:
    """A share the question itself supposes ("if half the prompts hit the cache", "with 30% batched")."""
    match = _SHARE.search(question)
    if match is None:
        return None
    share = float(match["pct"]) / 100 if match["pct"] else _SHARE_WORDS[match["word"].lower()]
    return share if 0 < share <= 1 else None


@dataclass(frozen=True)
class Saving:
    """One saving: the bill without and with it, the Markdown lines, and what it took for granted."""

    kind: str
    model: str
    baseline_usd: float
    with_usd: float
    lines: list[str]
    assumed: list[str]

    @property
    def saved_usd(self) -> float:
        return self.baseline_usd - self.with_usd


def bill(entry: ModelEntry, req: Requirements, requests_per_day: float | None = None, *,
         cache_hit_rate: float | None = None, batch_share: float | None = None) -> CostBreakdown:  # fmt: skip
    """The cost tool's bill for this session's workload, as the ranking computes it."""
    return monthly_cost(
        entry, req.requests_per_day if requests_per_day is None else requests_per_day, req.input_tokens,
        req.output_tokens, req.cache_hit_rate if cache_hit_rate is None else cache_hit_rate,
        req.batch_share if batch_share is None else batch_share, reasoning_override=req.reasoning_tokens,
        operations_usd_month=req.operations_usd_month,
    )  # fmt: skip


def _api_models(catalog: Catalog, ranking: Ranking) -> list[tuple[int, ModelEntry]]:
    found = []
    for position, item in enumerate(ranking.ranked, 1):
        entry = catalog.get(item.model)
        if entry is not None and not entry.is_self_hosted_route:
            found.append((position, entry))
    return found


def _priced_pick(catalog: Catalog, ranking: Ranking, has_price: str, what: str) -> tuple[ModelEntry, str] | None:
    """The top pick when the catalog has its `has_price`, else the best-ranked model that has it."""
    candidates = _api_models(catalog, ranking)
    if not candidates:
        return None
    top_position, top = candidates[0]
    if getattr(top.prices, has_price) is not None:
        return top, ""
    other = next(((p, e) for p, e in candidates if getattr(e.prices, has_price) is not None), None)
    if other is None:
        return None
    where = "your top pick" if top_position == 1 else f"your best API pick (#{top_position})"
    return other[1], (f"{top.id}, {where}, has no {what} price in the catalog, so this is for {other[1].id} "
                      f"(#{other[0]}), the best-ranked model that has one.")  # fmt: skip


def caching(catalog: Catalog, ranking: Ranking, stated: set[str], asked: float | None = None) -> Saving | str:
    req = ranking.requirements
    pick = _priced_pick(catalog, ranking, "cache_read", "cached-input")
    if pick is None:
        return ("**Prompt caching would save $0/month on your bill**: no model on your shortlist has a cached-input "
                "price in the catalog (self-hosted models pay for GPUs, not tokens, so a cache saves GPU time "
                "rather than a per-token price) [course/5.4].")  # fmt: skip
    entry, note = pick
    system = req.input_parts.get("system_prompt", 0)
    assumed: list[str] = []
    if asked is not None:
        rate = asked
        basis = f"the {rate:.0%} cache hit rate you asked about"
    elif "cache_hit_rate" in stated and req.cache_hit_rate > 0:
        rate = req.cache_hit_rate
        basis = f"your {rate:.0%} cache hit rate"
    elif system and req.input_tokens:
        rate = system / req.input_tokens
        basis = f"your {system:,}-token system prompt ({rate:.0%} of each request's input) read from the cache"
        assumed = [f"the system prompt repeats on every request, so {rate:.0%} of input tokens are cached"]
    else:
        rate = ASSUMED_CACHE_HIT_RATE
        basis = f"{rate:.0%} of input tokens read from the cache"
        assumed = [f"a {rate:.0%} cache hit rate (tell me yours: the share of each prompt that repeats)"]
    before, after = bill(entry, req, cache_hit_rate=0.0), bill(entry, req, cache_hit_rate=rate)
    saved = before.monthly_cost_usd - after.monthly_cost_usd
    share = saved / before.monthly_cost_usd if before.monthly_cost_usd else 0.0
    prices = after.prices
    assert prices is not None and prices.cache_read is not None
    head = (
        f"**Prompt caching would save about {money(saved)}/month on {entry.id}** ({share:.0%} of its bill)"
        if saved > 0
        # cache writes can cost more than a low hit rate saves
        else f"**Prompt caching would save $0/month on {entry.id}**: the cache-write surcharge outweighs the reads"
    )
    lines = [f"{head}: {money(before.monthly_cost_usd)} → {money(after.monthly_cost_usd)}, with {basis}."]  # fmt: skip
    if note:
        lines.append(f"- {note}")
    # with the batch API the uncached input is billed at the batch price, so the discount is from that
    batched = req.batch_share > 0 and prices.input_batch is not None
    instead = price_per_million(prices.input)
    if batched and prices.input_batch is not None:
        instead = f"{price_per_million(prices.input_batch)} (the batch price)" + (
            "" if req.batch_share >= 1 else f" for the {req.batch_share:.0%} sent in batches, {instead} for the rest")
    lines.append(f"- Only input is discounted: cached tokens at {price_per_million(prices.cache_read)} per million "
                 f"instead of {instead}; output ({money(after.output_usd)}/month) is unchanged.")  # fmt: skip
    if prices.cache_write is not None:
        lines.append(f"- The uncached input is billed at the cache-write price "
                     f"({price_per_million(prices.cache_write)} per million), an upper bound.")  # fmt: skip
    fewer = bill(entry, req, req.requests_per_day * (1 - RESPONSE_CACHE_STEP), cache_hit_rate=0.0)
    lines.append(f"- A response cache on top answers repeated questions without calling the model: each "
                 f"{RESPONSE_CACHE_STEP:.0%} of requests it answers saves another "
                 f"{money(before.monthly_cost_usd - fewer.monthly_cost_usd)}/month.")  # fmt: skip
    lines.append("- The course reports 40–70% lower cost where caching works well; put stable content (instructions, "
                 "tool definitions, shared documents) first so prefixes match [course/5.4].")  # fmt: skip
    return Saving("caching", entry.id, before.monthly_cost_usd, after.monthly_cost_usd, lines, assumed)


def batching(catalog: Catalog, ranking: Ranking, stated: set[str], asked: float | None = None) -> Saving | str:
    req = ranking.requirements
    pick = _priced_pick(catalog, ranking, "input_batch", "batch")
    if pick is None:
        return ("**The batch API would save $0/month on your bill**: no model on your shortlist has a batch price in "
                "the catalog (self-hosted models pay for GPUs, not tokens) [course/5.5].")  # fmt: skip
    entry, note = pick
    assumed: list[str] = []
    if asked is not None:
        share_sent = asked
        basis = f"the {share_sent:.0%} of requests you asked about sent as batch jobs"
    elif "batch_share" in stated and req.batch_share > 0:
        share_sent = req.batch_share
        basis = f"your {share_sent:.0%} of requests that can wait"
    else:
        share_sent = 1.0
        basis = "all requests sent as batch jobs"
        assumed = ["every request can wait up to 24 hours for its answer (tell me the share that can)"]
    before, after = bill(entry, req, batch_share=0.0), bill(entry, req, batch_share=share_sent)
    saved = before.monthly_cost_usd - after.monthly_cost_usd
    share = saved / before.monthly_cost_usd if before.monthly_cost_usd else 0.0
    prices = after.prices
    assert prices is not None and prices.input_batch is not None and prices.output_batch is not None
    lines = [f"**The batch API would save about {money(saved)}/month on {entry.id}** ({share:.0%} of its bill): "
             f"{money(before.monthly_cost_usd)} → {money(after.monthly_cost_usd)}, with {basis}."]  # fmt: skip
    if note:
        lines.append(f"- {note}")
    batch = f"{price_per_million(prices.input_batch)} in / {price_per_million(prices.output_batch)} out"
    listed = f"{price_per_million(prices.input)} / {price_per_million(prices.output)}"
    lines.append(f"- Batch prices: {batch} per million tokens, against {listed} at list price.")
    if req.max_ttft_ms is not None or req.task in ("chat", "agent"):
        lines.append("- Your users wait for these answers, so only the work nobody waits for (reports, backfills, "
                     "evaluations) belongs in a batch; the figure above is the ceiling.")  # fmt: skip
    lines.append("- The course: batch APIs return results within about 24 hours at about 50% of the normal price "
                 "[course/5.5].")  # fmt: skip
    return Saving("batching", entry.id, before.monthly_cost_usd, after.monthly_cost_usd, lines, assumed)


def cheaper_than(
    catalog: Catalog, ranking: Ranking, chosen: ModelEntry, self_hosted: bool = False
) -> ModelEntry | None:
    """The cheapest shortlisted API model (or self-hosted one, when asked) that costs less than the choice."""
    cost = {r.model: r.monthly_cost_usd for r in ranking.ranked}
    cheaper = [r.model for r in ranking.ranked if r.monthly_cost_usd < cost[chosen.id] and r.model != chosen.id]
    entries = [entry for name in sorted(cheaper, key=cost.__getitem__) if (entry := catalog.get(name))]
    return next((entry for entry in entries if self_hosted or not entry.is_self_hosted_route), None)


def routing(catalog: Catalog, ranking: Ranking, stated: set[str], asked: float | None = None) -> Saving | str:
    req = ranking.requirements
    candidates = _api_models(catalog, ranking)
    hosted_only = not candidates  # then routing is between self-hosted deployments, each with its own GPUs
    if hosted_only:
        candidates = [(i, e) for i, r in enumerate(ranking.ranked, 1) if (e := catalog.get(r.model)) is not None]
    if not candidates:
        return "**Routing would save $0/month**: nothing on your shortlist has a bill to route."
    chosen = candidates[0][1]
    cheaper = cheaper_than(catalog, ranking, chosen, self_hosted=hosted_only)
    if cheaper is None:
        return _no_cheaper_tier(catalog, ranking, chosen)
    cheap_share = ROUTED_SHARE if asked is None else asked
    mix = [(cheaper, cheap_share), (chosen, 1 - cheap_share)]
    routed = routing_savings(chosen, mix, req.requests_per_day, req.input_tokens, req.output_tokens)
    headline = (f"**Routing would save about {money(routed.savings_usd)}/month** ({routed.savings_fraction:.0%})"
                if routed.savings_usd > 0 else
                f"**Routing would save $0/month: it would cost {money(-routed.savings_usd)}/month more**")  # fmt: skip
    lines = [
        f"{headline}: "
        f"{cheap_share:.0%} of requests to {cheaper.id} and {1 - cheap_share:.0%} to {chosen.id} cost "
        f"{money(routed.routed_monthly_usd)} instead of {money(routed.baseline_monthly_usd)}/month.",
        f"- Tiers: {chosen.id} is {chosen.tier or 'unrated'}, {cheaper.id} is {cheaper.tier or 'unrated'}; "
        f"{cheaper.id} is the cheapest model on your shortlist.",
        "- The course: a router that sends about 70% of traffic to a cheap tier saves 60–80% [module/2.2.2]; "
        "escalations and the classifier itself take a little of that back.",
        "- It holds only if the cheap model handles those requests well: measure it on your prompts "
        "(`tradeoff eval ... --save results.json`, then `tradeoff route --results results.json`).",
    ]
    if hosted_only:
        lines.insert(1, "- Both are self-hosted: each deployment keeps its own GPUs and operations, so a split can "
                        "cost more than one model serving everything.")  # fmt: skip
    assumed = (
        []
        if asked is not None
        else [f"a {ROUTED_SHARE:.0%}/{1 - ROUTED_SHARE:.0%} split between the two (your easy/hard mix decides it)"]
    )
    assumed.append("the router itself is free and every request is the same size")  # fmt: skip
    return Saving("routing", chosen.id, routed.baseline_monthly_usd, routed.routed_monthly_usd, lines, assumed)


def _no_cheaper_tier(catalog: Catalog, ranking: Ranking, chosen: ModelEntry) -> str:
    """The top pick is already the cheapest: routing can only buy quality; price that instead."""
    req = ranking.requirements
    cost = bill(chosen, req).monthly_cost_usd
    text = (
        f"**Routing would save $0/month on your shortlist**: {chosen.id} is already the cheapest model that "
        f"meets your constraints ({money(cost)}/month), so sending traffic to any other would raise the bill."
    )
    best = max((item for item in ranking.ranked if item.model != chosen.id), key=lambda i: i.quality, default=None)
    stronger = catalog.get(best.model) if best is not None else None
    top_quality = ranking.ranked[0].quality
    if best is not None and stronger is not None and not stronger.is_self_hosted_route and best.quality > top_quality:
        hard = 1 - ROUTED_SHARE
        mix = [(chosen, ROUTED_SHARE), (stronger, hard)]
        routed = routing_savings(chosen, mix, req.requests_per_day, req.input_tokens, req.output_tokens)
        text += (f" Routing the hardest {hard:.0%} to {stronger.id} (quality {best.quality:.0f} against "
                 f"{top_quality:.0f}) would instead cost {money(-routed.savings_usd)}/month more "
                 f"({money(routed.routed_monthly_usd)} in all).")  # fmt: skip
    return text + " Routing saves when a cheap tier can take the easy requests [module/2.2.2]."


def basis_line(req: Requirements, stated: set[str], assumed: list[str]) -> str:
    """Which of the figures the user stated and which were assumed, in one line."""

    def origin(name: str) -> str:
        return "stated" if name in stated else "assumed"

    parts = [f"{req.requests_per_day:,.0f} requests/day ({origin('requests_per_day')})",
             f"{req.input_tokens:,} input tokens ({origin('input_tokens')})",
             f"{req.output_tokens:,} output tokens ({origin('output_tokens')})",
             "the catalog's list prices"]  # fmt: skip
    line = "_Figures: " + ", ".join(parts) + "."
    if assumed:
        line += " Assumed: " + "; ".join(assumed) + "."
    return line + "_"
