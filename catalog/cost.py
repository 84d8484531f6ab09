"""Cost tools: pure functions over catalog entries and volumes, each stating its assumptions."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from catalog.entries import ModelEntry, Prices
from catalog.requirements import DAYS_PER_MONTH
from catalog.workload import BilledPrices, PriceUnknownError, billed_prices, hidden_tokens, reasoning_tokens

__all__ = ["PriceUnknownError"]

HOURS_PER_MONTH = 730.0
DEFAULT_PEAK_TO_AVERAGE = 2.0
TARGET_UTILISATION = 0.7
# A quarter of an infrastructure engineer ($150k a year) to run GPUs: on-call, upgrades, monitoring.
DEFAULT_OPERATIONS_USD_MONTH = 3_125.0


class CostBreakdown(BaseModel):
    """A monthly bill, split so every dollar can be traced to a price and a volume."""

    model_config = ConfigDict(frozen=True)

    model: str
    monthly_cost_usd: float = Field(ge=0)
    per_request_usd: float = Field(ge=0)
    input_usd: float = Field(ge=0)
    cached_input_usd: float = Field(ge=0)
    cache_write_usd: float = Field(0.0, ge=0)
    output_usd: float = Field(ge=0)
    reasoning_usd: float = Field(0.0, ge=0)
    infrastructure_usd: float = Field(0.0, ge=0)
    operations_usd: float = Field(0.0, ge=0)
    requests_per_month: float
    input_tokens: int = 0
    output_tokens: int = 0
    reasoning_tokens: int = 0
    prices: BilledPrices | None = None
    replicas: int | None = None
    assumptions: tuple[str, ...] = ()
    cache_hit_rate: float = 0.0  # the shares the bill was split by, so its arithmetic can be shown whole
    batch_share: float = 0.0

    def breakdown(self) -> dict[str, float]:
        return {
            "input_usd": self.input_usd,
            "cached_input_usd": self.cached_input_usd,
            "cache_write_usd": self.cache_write_usd,
            "output_usd": self.output_usd,
            "reasoning_usd": self.reasoning_usd,
            "infrastructure_usd": self.infrastructure_usd,
            "operations_usd": self.operations_usd,
            "requests_per_month": self.requests_per_month,
        }


def request_cost(prices: Prices, input_tokens: int, output_tokens: int) -> float:
    """List-price cost of one request at the tier its size falls in, no cache and no batch discount."""
    billed = billed_prices(prices, input_tokens)
    return input_tokens * billed.input + output_tokens * billed.output


@dataclass(frozen=True, slots=True)
class _Segment:
    """Requests billed alike (realtime or batch) and the token prices they pay."""

    requests: float
    input_price: float
    output_price: float
    reasoning_price: float


def _segments(billed: BilledPrices, requests: float, batch_share: float) -> tuple[_Segment, _Segment]:
    """The real-time requests and the batch ones, each at its prices (batch at the real-time price where
    the route has no batch price; its reasoning at the batch discount of its output)."""
    batch_in = billed.input_batch if billed.input_batch is not None else billed.input
    batch_out = billed.output_batch if billed.output_batch is not None else billed.output
    batch_reasoning = billed.reasoning * (batch_out / billed.output if billed.output else 1.0)
    return (_Segment(requests * (1 - batch_share), billed.input, billed.output, billed.reasoning),
            _Segment(requests * batch_share, batch_in, batch_out, batch_reasoning))  # fmt: skip


def _cache_read_price(billed: BilledPrices, segment: _Segment) -> float:
    # A cache read is never dearer than a fresh read; guard against odd price-map rows.
    return min(billed.cache_read, segment.input_price) if billed.cache_read is not None else 0.0


def _api_bill(
    billed: BilledPrices, requests: float, input_tokens: int, output_tokens: int, reasoning: int,
    cache_hit_rate: float, batch_share: float,
) -> dict[str, float]:  # fmt: skip
    if batch_share == 0 and (cache_hit_rate == 0 or billed.cache_read is None):  # the common case, kept fast
        return {"input_usd": requests * input_tokens * billed.input,
                "output_usd": requests * output_tokens * billed.output,
                "reasoning_usd": requests * reasoning * billed.reasoning}  # fmt: skip
    hit = cache_hit_rate if billed.cache_read is not None else 0.0
    bill = dict.fromkeys(("input_usd", "cached_input_usd", "cache_write_usd", "output_usd", "reasoning_usd"), 0.0)
    for segment in _segments(billed, requests, batch_share):
        read_price = _cache_read_price(billed, segment)
        fresh = segment.requests * input_tokens * (1 - hit)
        if hit > 0 and billed.cache_write is not None:
            bill["cache_write_usd"] += fresh * billed.cache_write
        else:
            bill["input_usd"] += fresh * segment.input_price
        bill["cached_input_usd"] += segment.requests * input_tokens * hit * read_price
        bill["output_usd"] += segment.requests * output_tokens * segment.output_price
        bill["reasoning_usd"] += segment.requests * reasoning * segment.reasoning_price
    return bill


def _bill(
    entry: ModelEntry, requests: float, input_tokens: int, output_tokens: int, cache_hit_rate: float,
    batch_share: float, peak_to_average: float, reasoning_override: int | None, operations_usd_month: float | None,
) -> tuple[dict[str, float], BilledPrices | None, int, int | None]:  # fmt: skip
    """(dollars by kind, the prices used, reasoning tokens a request, self-hosting replicas)."""
    reasoning = hidden_tokens(entry, reasoning_override)
    if entry.is_self_hosted_route and entry.self_hosting is not None:
        profile = entry.self_hosting
        replicas = replicas_needed(entry, requests, input_tokens, output_tokens + reasoning, peak_to_average)
        operations = DEFAULT_OPERATIONS_USD_MONTH if operations_usd_month is None else operations_usd_month
        infrastructure = replicas * profile.gpu_count * profile.usd_per_gpu_hour * HOURS_PER_MONTH
        return {"infrastructure_usd": infrastructure, "operations_usd": operations}, None, reasoning, replicas
    try:
        billed = billed_prices(entry.prices, input_tokens)
    except PriceUnknownError:
        raise PriceUnknownError(f"{entry.id} has no input/output price in the catalog") from None
    bill = _api_bill(billed, requests, input_tokens, output_tokens, reasoning, cache_hit_rate, batch_share)
    return bill, billed, reasoning, None


def monthly_cost_usd(
    entry: ModelEntry,
    requests_per_day: float,
    input_tokens: int,
    output_tokens: int,
    cache_hit_rate: float = 0.0,
    batch_share: float = 0.0,
    peak_to_average: float = DEFAULT_PEAK_TO_AVERAGE,
    reasoning_override: int | None = None,
    operations_usd_month: float | None = None,
) -> float:
    """The monthly total alone: the ranking's hot path."""
    bill, _, _, _ = _bill(
        entry, requests_per_day * DAYS_PER_MONTH, input_tokens, output_tokens, cache_hit_rate, batch_share,
        peak_to_average, reasoning_override, operations_usd_month,
    )  # fmt: skip
    return sum(bill.values())


def monthly_cost(
    entry: ModelEntry,
    requests_per_day: float,
    input_tokens: int,
    output_tokens: int,
    cache_hit_rate: float = 0.0,
    batch_share: float = 0.0,
    peak_to_average: float = DEFAULT_PEAK_TO_AVERAGE,
    reasoning_override: int | None = None,
    operations_usd_month: float | None = None,
) -> CostBreakdown:
    """Monthly API bill (or self-hosting bill) for a steady daily volume, with its assumptions."""
    requests = requests_per_day * DAYS_PER_MONTH
    bill, billed, reasoning, replicas = _bill(
        entry, requests, input_tokens, output_tokens, cache_hit_rate, batch_share, peak_to_average,
        reasoning_override, operations_usd_month,
    )  # fmt: skip
    total = sum(bill.values())
    if requests:
        per_request = total / requests
    elif entry.is_self_hosted_route or billed is None:
        per_request = 0.0
    else:
        per_request = input_tokens * billed.input + output_tokens * billed.output + reasoning * billed.reasoning
    # Built without re-validation: every field is computed here (the ranking builds one per shown model).
    return CostBreakdown.model_construct(
        model=entry.id, monthly_cost_usd=total, per_request_usd=per_request, requests_per_month=requests,
        input_usd=bill.get("input_usd", 0.0), cached_input_usd=bill.get("cached_input_usd", 0.0),
        cache_write_usd=bill.get("cache_write_usd", 0.0), output_usd=bill.get("output_usd", 0.0),
        reasoning_usd=bill.get("reasoning_usd", 0.0), infrastructure_usd=bill.get("infrastructure_usd", 0.0),
        operations_usd=bill.get("operations_usd", 0.0), input_tokens=input_tokens, output_tokens=output_tokens,
        reasoning_tokens=reasoning, prices=billed, replicas=replicas, cache_hit_rate=cache_hit_rate,
        batch_share=batch_share,
        assumptions=tuple(_assumptions(entry, billed, replicas, reasoning_override, operations_usd_month,
                                       cache_hit_rate, batch_share, peak_to_average)),
    )  # fmt: skip


def _assumptions(
    entry: ModelEntry, billed: BilledPrices | None, replicas: int | None, reasoning_override: int | None,
    operations: float | None, cache_hit_rate: float, batch_share: float, peak: float,
) -> list[str]:  # fmt: skip
    lines = [f"{DAYS_PER_MONTH} days a month"]
    _, reasoning_rule = reasoning_tokens(entry, reasoning_override)
    if reasoning_rule:
        lines.append(reasoning_rule)
    profile = entry.self_hosting
    if entry.is_self_hosted_route and profile is not None:
        ops = (f"operations ${operations:,.0f}/month (stated)" if operations is not None else
               f"operations ${DEFAULT_OPERATIONS_USD_MONTH:,.0f}/month: a quarter of an infrastructure engineer "
               "(assumption; state yours with --operations-usd-month)")  # fmt: skip
        return [
            *lines,
            f"{replicas} replica(s) of {profile.gpu_count}x {profile.gpu} "
            f"at ${profile.usd_per_gpu_hour:g}/GPU-hour, {HOURS_PER_MONTH:g} h/month",
            f"one replica prefills ~{profile.prefill_rate:,.0f} input tokens/s and decodes "
            f"~{profile.throughput_tokens_per_s:,.0f} output tokens/s"
            + ("" if profile.prefill_tokens_per_s else " (prefill: 8x decode, estimate)"),
            f"sized for the peak ({peak:g}x the average) at {TARGET_UTILISATION:.0%} utilisation",
            ops,
        ]
    assert billed is not None
    if billed.tier_above_tokens is not None:
        lines.append(
            f"prompts over {billed.tier_above_tokens:,} tokens: the whole request billed at the long-prompt "
            f"rate (${billed.input * 1e6:g} in / ${billed.output * 1e6:g} out per M tokens)"
        )
    if batch_share > 0 and billed.batch_scaled:
        lines.append(f"batch discount above {billed.tier_above_tokens:,} tokens assumed equal to the base tier's")
    if entry.prices.has_off_peak_pricing:
        lines.append("list (peak) prices; this provider is cheaper in off-peak hours")
    if cache_hit_rate > 0:
        if billed.cache_read is None:
            lines.append("no cached-input price for this model: cache hit rate not applied")
        else:
            lines.append(f"{cache_hit_rate:.0%} of input tokens read from the prompt cache")
            if billed.cache_write is not None:
                lines.append("the other input tokens are written to the cache at its write price (upper bound)")
    if batch_share > 0:
        if billed.input_batch is None or billed.output_batch is None:
            lines.append("no batch price for this model: batch share billed at list price")
        else:
            lines.append(f"{batch_share:.0%} of requests through the batch API")
    return lines


def replicas_needed(
    entry: ModelEntry, requests_per_month: float, input_tokens: int, output_tokens: int, peak_to_average: float
) -> int:
    """Replicas of the self-hosting profile that serve the peak: each second of traffic needs
    prefill time for its input and decode time for its output, kept under the target utilisation."""
    assert entry.self_hosting is not None
    profile = entry.self_hosting
    per_second = requests_per_month / (DAYS_PER_MONTH * 86_400) * peak_to_average
    busy = per_second * (input_tokens / profile.prefill_rate + output_tokens / profile.throughput_tokens_per_s)
    return max(1, math.ceil(busy / TARGET_UTILISATION - 1e-9))


def per_m(price: float) -> str:
    return f"${price * 1e6:,.4g}/M"


def cost_arithmetic(bill: CostBreakdown) -> list[str]:
    """The sums behind a bill, one line per part, each with every factor it multiplies, so a user can
    redo them by hand (the cached and the batch shares included)."""
    requests = bill.requests_per_month
    lines = [f"requests/month = {requests:,.0f}"]
    if bill.prices is None:
        replicas = bill.replicas or 0
        lines += [f"infrastructure = {replicas} replica(s) -> ${bill.infrastructure_usd:,.2f}",
                  f"operations = ${bill.operations_usd:,.2f}"]  # fmt: skip
    else:
        lines += _token_lines(bill, bill.prices)
        if bill.prices.tier_above_tokens is not None:
            lines.append(f"(long-prompt tier: prompts over {bill.prices.tier_above_tokens:,} tokens)")
    lines.append(f"total = ${bill.monthly_cost_usd:,.2f}/month; per request = ${bill.per_request_usd:.6f}")
    return lines


def _token_lines(bill: CostBreakdown, prices: BilledPrices) -> list[str]:
    """Input, cache, output and reasoning lines, per segment (real time, batch) when a batch share is set."""
    hit = bill.cache_hit_rate if prices.cache_read is not None else 0.0
    realtime, batched = _segments(prices, bill.requests_per_month, bill.batch_share)
    named = [(" (real time)", realtime), (" (batch)", batched)] if bill.batch_share else [("", realtime)]
    lines = []
    for name, segment in named:
        if segment.requests <= 0:
            continue
        share = segment.requests / bill.requests_per_month
        count = f"{bill.requests_per_month:,.0f}" + (f" x {share:.0%}" if share < 1 else "")
        fresh = f" x {1 - hit:.0%} uncached" if hit else ""
        fresh_usd = segment.requests * bill.input_tokens * (1 - hit)
        if hit and prices.cache_write is not None:
            lines.append(f"cache writes{name} = {count}{fresh} x {bill.input_tokens:,} tokens x "
                         f"{per_m(prices.cache_write)} = ${fresh_usd * prices.cache_write:,.2f}")  # fmt: skip
        else:
            lines.append(f"input{name} = {count}{fresh} x {bill.input_tokens:,} tokens x "
                         f"{per_m(segment.input_price)} = ${fresh_usd * segment.input_price:,.2f}")  # fmt: skip
        if hit:
            read = _cache_read_price(prices, segment)
            cached_usd = segment.requests * bill.input_tokens * hit * read
            lines.append(f"cached input{name} = {count} x {hit:.0%} cached x {bill.input_tokens:,} tokens x "
                         f"{per_m(read)} = ${cached_usd:,.2f}")  # fmt: skip
        output_usd = segment.requests * bill.output_tokens * segment.output_price
        lines.append(f"output{name} = {count} x {bill.output_tokens:,} tokens x {per_m(segment.output_price)} = "
                     f"${output_usd:,.2f}")  # fmt: skip
        if bill.reasoning_tokens:
            reasoning_usd = segment.requests * bill.reasoning_tokens * segment.reasoning_price
            lines.append(f"reasoning{name} = {count} x {bill.reasoning_tokens:,} hidden tokens x "
                         f"{per_m(segment.reasoning_price)} = ${reasoning_usd:,.2f}")  # fmt: skip
    return lines


class RoutingSavings(BaseModel):
    model_config = ConfigDict(frozen=True)

    baseline_monthly_usd: float
    routed_monthly_usd: float
    savings_usd: float
    savings_fraction: float
    assumptions: tuple[str, ...]


def routing_savings(
    baseline: ModelEntry,
    mix: Sequence[tuple[ModelEntry, float]],
    requests_per_day: float,
    input_tokens: int,
    output_tokens: int,
) -> RoutingSavings:
    """Savings from sending shares of traffic to other tiers instead of all to `baseline`.

    The course's rule of thumb: routing ~70% of traffic to a cheap tier saves 60-80%.
    """
    shares = sum(share for _, share in mix)
    if not math.isclose(shares, 1.0, abs_tol=1e-6):
        raise ValueError(f"routing shares must add up to 1, not {shares:g}")
    base = monthly_cost(baseline, requests_per_day, input_tokens, output_tokens).monthly_cost_usd
    routed = sum(
        monthly_cost(entry, requests_per_day * share, input_tokens, output_tokens).monthly_cost_usd
        for entry, share in mix
    )
    saved = base - routed
    return RoutingSavings(
        baseline_monthly_usd=base,
        routed_monthly_usd=routed,
        savings_usd=saved,
        savings_fraction=saved / base if base else 0.0,
        assumptions=(
            "every tier sees the same average request size",
            "the router itself is free; misroutes and escalations are not priced",
        ),
    )


class Payback(BaseModel):
    model_config = ConfigDict(frozen=True)

    investment_usd: float
    monthly_savings_usd: float
    payback_months: float | None = Field(description="None when the change never pays back")
    assumptions: tuple[str, ...]


def fine_tuning_roi(investment_usd: float, current_monthly_usd: float, projected_monthly_usd: float) -> Payback:
    """Payback months = investment / (current - projected monthly inference cost).

    The course puts a fine-tuning project at $10K-$50K: data preparation $5K-$20K, compute
    $1K-$10K per run, 3-5 runs.
    """
    if investment_usd < 0 or current_monthly_usd < 0 or projected_monthly_usd < 0:
        raise ValueError("costs cannot be negative")
    savings = current_monthly_usd - projected_monthly_usd
    return Payback(
        investment_usd=investment_usd,
        monthly_savings_usd=savings,
        payback_months=investment_usd / savings if savings > 0 else None,
        assumptions=("volume stays at today's level", "no retraining during the payback period"),
    )


class BreakEven(BaseModel):
    model_config = ConfigDict(frozen=True)

    break_even_requests_per_month: float | None
    fixed_monthly_usd: float
    api_per_request_usd: float
    assumptions: tuple[str, ...]


def distillation_break_even(
    training_cost_usd: float, large_per_request_usd: float, small_per_request_usd: float
) -> BreakEven:
    """Requests after which a distilled small model has repaid its training cost."""
    saving = large_per_request_usd - small_per_request_usd
    return BreakEven(
        break_even_requests_per_month=training_cost_usd / saving if saving > 0 else None,
        fixed_monthly_usd=0.0,
        api_per_request_usd=large_per_request_usd,
        assumptions=(
            "the result is a total request count (one-off training cost), not a monthly rate",
            "the course says a distilled model runs at 10-100x lower inference cost",
        ),
    )


class SelfHostBreakEven(BaseModel):
    model_config = ConfigDict(frozen=True)

    break_even_requests_per_month: float | None
    replica_capacity_requests_per_month: float
    gpu_usd_per_replica_month: float
    operations_usd_month: float
    api_per_request_usd: float
    self_hosted_monthly_usd: float | None
    api_monthly_usd: float | None
    conclusion: str
    assumptions: tuple[str, ...]


def self_host_break_even(
    self_hosted: ModelEntry,
    api: ModelEntry,
    input_tokens: int,
    output_tokens: int,
    operations_usd_month: float | None = None,
    requests_per_month: float | None = None,
    peak_to_average: float = DEFAULT_PEAK_TO_AVERAGE,
    cache_hit_rate: float = 0.0,
    batch_share: float = 0.0,
) -> SelfHostBreakEven:
    """The monthly volume above which self-hosting `self_hosted` costs less than `api`, with GPUs
    added as the peak needs them and operations paid from the first request. The API side is billed
    as the shortlist bills it, with the user's cache and batch shares: at list price alone a batch
    workload's API bill read twice what the shortlist showed.

    The guide's rule of thumb: self-hosting breaks even around 5-10M requests a month.
    """
    profile = self_hosted.self_hosting
    if profile is None:
        raise ValueError(f"{self_hosted.id} has no self-hosting profile")
    operations = DEFAULT_OPERATIONS_USD_MONTH if operations_usd_month is None else operations_usd_month
    gpu = profile.gpu_count * profile.usd_per_gpu_hour * HOURS_PER_MONTH
    reasoning, _ = reasoning_tokens(self_hosted)
    per_request = request_cost(api.prices, input_tokens, output_tokens) + reasoning_tokens(api)[0] * (
        billed_prices(api.prices, input_tokens).reasoning
    )
    if cache_hit_rate or batch_share:
        per_request = monthly_cost_usd(api, 1.0, input_tokens, output_tokens, cache_hit_rate, batch_share) / (
            DAYS_PER_MONTH
        )
    seconds_per_request = input_tokens / profile.prefill_rate + (output_tokens + reasoning) / (
        profile.throughput_tokens_per_s
    )
    capacity = TARGET_UTILISATION * DAYS_PER_MONTH * 86_400 / (seconds_per_request * peak_to_average)
    even = _crossing(gpu, operations, per_request, capacity)
    hosted_now = api_now = None
    if requests_per_month is not None:
        replicas = max(1, math.ceil(requests_per_month / capacity - 1e-9))
        hosted_now, api_now = replicas * gpu + operations, requests_per_month * per_request
    return SelfHostBreakEven(
        break_even_requests_per_month=even, replica_capacity_requests_per_month=capacity,
        gpu_usd_per_replica_month=gpu, operations_usd_month=operations, api_per_request_usd=per_request,
        self_hosted_monthly_usd=hosted_now, api_monthly_usd=api_now,
        conclusion=_self_host_conclusion(self_hosted.id, api.id, even, requests_per_month, hosted_now, api_now),
        assumptions=(
            f"one replica: {profile.gpu_count}x {profile.gpu} at ${profile.usd_per_gpu_hour:g}/GPU-hour "
            f"= ${gpu:,.0f}/month",
            f"one replica serves ~{capacity:,.0f} requests/month of this size at the {peak_to_average:g}x peak "
            f"and {TARGET_UTILISATION:.0%} utilisation",
            f"operations ${operations:,.0f}/month" + ("" if operations_usd_month is not None else " (assumption)"),
            f"the API costs ${per_request:.6f} a request ({api.id}, list price"
            + (f", {batch_share:.0%} through the batch API" if batch_share else "")
            + (f", {cache_hit_rate:.0%} of input from the cache" if cache_hit_rate else "") + ")",
        ),
    )  # fmt: skip


def _crossing(gpu: float, operations: float, per_request: float, capacity: float) -> float | None:
    """Smallest monthly volume where the API bill reaches the self-hosting bill; None if never."""
    if per_request <= 0 or per_request * capacity <= gpu:
        return None  # each replica's worth of traffic costs less on the API than the replica
    replicas = 1
    while True:
        volume = (replicas * gpu + operations) / per_request
        if volume <= replicas * capacity:
            return max(volume, (replicas - 1) * capacity)
        replicas += 1


def _self_host_conclusion(
    hosted: str, api: str, even: float | None, volume: float | None, hosted_now: float | None, api_now: float | None
) -> str:
    if even is None:
        return f"Self-hosting {hosted} never costs less than {api} at this request size: a replica's capacity costs more than the same traffic on the API."  # noqa: E501
    threshold = f"{even:,.0f} requests/month (~{even / DAYS_PER_MONTH:,.0f}/day)"
    if volume is None or hosted_now is None or api_now is None:
        return f"Self-hosting {hosted} costs less than {api} above {threshold}."
    if hosted_now < api_now:
        return (f"At your volume self-hosting {hosted} costs ${hosted_now:,.0f}/month against ${api_now:,.0f} on "
                f"{api}: it pays from {threshold}.")  # fmt: skip
    return (f"Not worth it at your volume: self-hosting {hosted} costs ${hosted_now:,.0f}/month against "
            f"${api_now:,.0f} on {api}; it only pays above {threshold}.")  # fmt: skip


class TotalCostOfOwnership(BaseModel):
    model_config = ConfigDict(frozen=True)

    monthly_usd: float
    parts: dict[str, float]
    assumptions: tuple[str, ...]


def total_cost_of_ownership(
    inference_monthly_usd: float,
    engineering_hours_month: float = 0.0,
    hourly_rate_usd: float = 100.0,
    maintenance_usd_month: float = 0.0,
    infrastructure_usd_month: float = 0.0,
) -> TotalCostOfOwnership:
    """TCO = inference + development time + maintenance + infrastructure (the course's formula)."""
    parts = {
        "inference": inference_monthly_usd,
        "engineering": engineering_hours_month * hourly_rate_usd,
        "maintenance": maintenance_usd_month,
        "infrastructure": infrastructure_usd_month,
    }
    if any(value < 0 for value in parts.values()):
        raise ValueError("costs cannot be negative")
    return TotalCostOfOwnership(
        monthly_usd=sum(parts.values()),
        parts=parts,
        assumptions=(f"engineering at ${hourly_rate_usd:g}/hour",),
    )
