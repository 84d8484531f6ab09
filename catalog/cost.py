"""Cost tools: pure functions over catalog entries and volumes, each stating its assumptions."""

from __future__ import annotations

import math
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from catalog.entries import ModelEntry, Prices
from catalog.requirements import DAYS_PER_MONTH

HOURS_PER_MONTH = 730.0
DEFAULT_PEAK_TO_AVERAGE = 2.0


class CostBreakdown(BaseModel):
    """A monthly bill, split so every dollar can be traced to a price and a volume."""

    model_config = ConfigDict(frozen=True)

    model: str
    monthly_cost_usd: float = Field(ge=0)
    per_request_usd: float = Field(ge=0)
    input_usd: float = Field(ge=0)
    cached_input_usd: float = Field(ge=0)
    output_usd: float = Field(ge=0)
    infrastructure_usd: float = Field(0.0, ge=0)
    requests_per_month: float
    assumptions: tuple[str, ...] = ()

    def breakdown(self) -> dict[str, float]:
        return {
            "input_usd": self.input_usd,
            "cached_input_usd": self.cached_input_usd,
            "output_usd": self.output_usd,
            "infrastructure_usd": self.infrastructure_usd,
            "requests_per_month": self.requests_per_month,
        }


class PriceUnknownError(ValueError):
    """The catalog has no input/output price for this model."""


def request_cost(prices: Prices, input_tokens: int, output_tokens: int) -> float:
    """List-price cost of one request, no cache and no batch discount."""
    if not prices.known:
        raise PriceUnknownError("no input/output price")
    assert prices.input is not None and prices.output is not None
    return input_tokens * prices.input + output_tokens * prices.output


def _segment_cost(
    input_price: float,
    output_price: float,
    cache_price: float | None,
    requests: float,
    input_tokens: int,
    output_tokens: int,
    cache_hit_rate: float,
) -> tuple[float, float, float]:
    """(uncached input, cached input, output) dollars for one pricing segment."""
    hit = cache_hit_rate if cache_price is not None else 0.0
    # A cache read is never dearer than a fresh read; guard against odd price-map rows.
    cache_price = min(cache_price, input_price) if cache_price is not None else input_price
    uncached = requests * input_tokens * (1 - hit) * input_price
    cached = requests * input_tokens * hit * cache_price
    output = requests * output_tokens * output_price
    return uncached, cached, output


def _bill(
    entry: ModelEntry,
    requests: float,
    input_tokens: int,
    output_tokens: int,
    cache_hit_rate: float,
    batch_share: float,
    peak_to_average: float,
) -> tuple[float, float, float, float]:
    """(uncached input, cached input, output, infrastructure) dollars for a month of requests."""
    if entry.is_self_hosted_route and entry.self_hosting is not None:
        profile = entry.self_hosting
        replicas = replicas_needed(entry, requests, output_tokens, peak_to_average)
        return 0.0, 0.0, 0.0, replicas * profile.gpu_count * profile.usd_per_gpu_hour * HOURS_PER_MONTH
    prices = entry.prices
    if prices.input is None or prices.output is None:
        raise PriceUnknownError(f"{entry.id} has no input/output price in the catalog")
    batch_in = prices.input_batch if prices.input_batch is not None else prices.input
    batch_out = prices.output_batch if prices.output_batch is not None else prices.output
    realtime = _segment_cost(
        prices.input, prices.output, prices.cache_read,
        requests * (1 - batch_share), input_tokens, output_tokens, cache_hit_rate,
    )  # fmt: skip
    batched = _segment_cost(
        batch_in, batch_out, prices.cache_read,
        requests * batch_share, input_tokens, output_tokens, cache_hit_rate,
    )  # fmt: skip
    return realtime[0] + batched[0], realtime[1] + batched[1], realtime[2] + batched[2], 0.0


def monthly_cost_usd(
    entry: ModelEntry,
    requests_per_day: float,
    input_tokens: int,
    output_tokens: int,
    cache_hit_rate: float = 0.0,
    batch_share: float = 0.0,
    peak_to_average: float = DEFAULT_PEAK_TO_AVERAGE,
) -> float:
    """The monthly total alone: the ranking's hot path."""
    bill = _bill(
        entry, requests_per_day * DAYS_PER_MONTH, input_tokens, output_tokens,
        cache_hit_rate, batch_share, peak_to_average,
    )  # fmt: skip
    return sum(bill)


def monthly_cost(
    entry: ModelEntry,
    requests_per_day: float,
    input_tokens: int,
    output_tokens: int,
    cache_hit_rate: float = 0.0,
    batch_share: float = 0.0,
    peak_to_average: float = DEFAULT_PEAK_TO_AVERAGE,
) -> CostBreakdown:
    """Monthly API bill (or self-hosting bill) for a steady daily volume, with its assumptions."""
    requests = requests_per_day * DAYS_PER_MONTH
    input_usd, cached_usd, output_usd, infra_usd = _bill(
        entry, requests, input_tokens, output_tokens, cache_hit_rate, batch_share, peak_to_average
    )
    total = input_usd + cached_usd + output_usd + infra_usd
    if requests:
        per_request = total / requests
    elif entry.is_self_hosted_route:
        per_request = 0.0
    else:
        per_request = request_cost(entry.prices, input_tokens, output_tokens)
    return CostBreakdown(
        model=entry.id,
        monthly_cost_usd=total,
        per_request_usd=per_request,
        input_usd=input_usd,
        cached_input_usd=cached_usd,
        output_usd=output_usd,
        infrastructure_usd=infra_usd,
        requests_per_month=requests,
        assumptions=tuple(_assumptions(entry, requests, output_tokens, cache_hit_rate, batch_share, peak_to_average)),
    )


def _assumptions(
    entry: ModelEntry,
    requests: float,
    output_tokens: int,
    cache_hit_rate: float,
    batch_share: float,
    peak: float,
) -> list[str]:
    lines = [f"{DAYS_PER_MONTH} days a month"]
    profile = entry.self_hosting
    if entry.is_self_hosted_route and profile is not None:
        replicas = replicas_needed(entry, requests, output_tokens, peak)
        return [
            *lines,
            f"{replicas} replica(s) of {profile.gpu_count}x {profile.gpu} "
            f"at ${profile.usd_per_gpu_hour:g}/GPU-hour, {HOURS_PER_MONTH:g} h/month",
            f"one replica serves ~{profile.throughput_tokens_per_s:g} output tokens/s; peak is {peak:g}x the average",
            "excludes engineering and operations time (see total cost of ownership)",
        ]
    prices = entry.prices
    if prices.has_off_peak_pricing:
        lines.append("list (peak) prices; this provider is cheaper in off-peak hours")
    if cache_hit_rate > 0:
        if prices.cache_read is None:
            lines.append("no cached-input price for this model: cache hit rate not applied")
        else:
            lines.append(f"{cache_hit_rate:.0%} of input tokens read from the prompt cache")
    if batch_share > 0:
        if prices.input_batch is None or prices.output_batch is None:
            lines.append("no batch price for this model: batch share billed at list price")
        else:
            lines.append(f"{batch_share:.0%} of requests through the batch API")
    return lines


def replicas_needed(entry: ModelEntry, requests_per_month: float, output_tokens: int, peak_to_average: float) -> int:
    """Replicas of the self-hosting profile needed to serve the peak output rate."""
    assert entry.self_hosting is not None
    average_tps = requests_per_month * output_tokens / (DAYS_PER_MONTH * 86_400)
    return max(1, math.ceil(average_tps * peak_to_average / entry.self_hosting.throughput_tokens_per_s))


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


def self_host_break_even(
    self_hosted: ModelEntry,
    api: ModelEntry,
    input_tokens: int,
    output_tokens: int,
    operations_usd_month: float = 0.0,
) -> BreakEven:
    """Requests/month above which one replica of `self_hosted` is cheaper than `api`.

    The guide's rule of thumb: self-hosting breaks even around 5-10M requests a month.
    """
    profile = self_hosted.self_hosting
    if profile is None:
        raise ValueError(f"{self_hosted.id} has no self-hosting profile")
    fixed = profile.gpu_count * profile.usd_per_gpu_hour * HOURS_PER_MONTH + operations_usd_month
    per_request = request_cost(api.prices, input_tokens, output_tokens)
    capacity = profile.throughput_tokens_per_s * DAYS_PER_MONTH * 86_400 / max(output_tokens, 1)
    return BreakEven(
        break_even_requests_per_month=fixed / per_request if per_request > 0 else None,
        fixed_monthly_usd=fixed,
        api_per_request_usd=per_request,
        assumptions=(
            f"one replica: {profile.gpu_count}x {profile.gpu} at ${profile.usd_per_gpu_hour:g}/GPU-hour",
            f"one replica serves at most ~{capacity:,.0f} requests/month at full load",
            f"operations ${operations_usd_month:,.0f}/month",
        ),
    )


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
