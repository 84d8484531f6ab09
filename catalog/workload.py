"""One workload, read from what the user said: what a request carries, how often, and what it is
billed at on a given model. Every figure is stated or an assumption with its rule."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from catalog.entries import ModelEntry, Prices
from catalog.requirements import DAYS_PER_MONTH, DEFAULT_SIZES, Requirements

ASSUMED = "assumed default"


class Workload(BaseModel):
    """The traffic behind every cost and latency figure, with how each number was obtained."""

    model_config = ConfigDict(frozen=True)

    requests_per_day: float = Field(ge=0)
    input_tokens: int = Field(ge=0)
    output_tokens: int = Field(ge=0)
    input_parts: dict[str, int] = Field(default_factory=dict)
    cache_hit_rate: float = Field(0.0, ge=0, le=1)
    batch_share: float = Field(0.0, ge=0, le=1)
    basis: dict[str, str] = Field(default_factory=dict, description="field -> 'stated', a rule, or 'assumed default'")

    @classmethod
    def of(cls, req: Requirements) -> Workload:
        stated = req.stated_fields()
        basis = {}
        for name in ("requests_per_day", "input_tokens", "output_tokens", "cache_hit_rate", "batch_share"):
            basis[name] = req.size_notes.get(name) or ("stated" if name in stated else ASSUMED)
        parts = dict(req.input_parts) if sum(req.input_parts.values()) == req.input_tokens else {}
        for part in parts:
            basis[part] = req.size_notes.get(part, "stated")
        return cls(
            requests_per_day=req.requests_per_day, input_tokens=req.input_tokens, output_tokens=req.output_tokens,
            input_parts=parts, cache_hit_rate=req.cache_hit_rate, batch_share=req.batch_share, basis=basis,
        )  # fmt: skip

    @property
    def requests_per_month(self) -> float:
        return self.requests_per_day * DAYS_PER_MONTH

    def assumed(self) -> list[str]:
        """The sizes nobody stated, in words (the default each took)."""
        return [f"{name.replace('_', ' ')} {getattr(self, name):,.0f}" for name, how in self.basis.items()
                if how == ASSUMED and name in DEFAULT_SIZES]  # fmt: skip


@dataclass(frozen=True, slots=True)
class BilledPrices:
    """The USD-per-token prices one request of a given size is billed at on one route (a dataclass:
    the ranking builds one per route per ranking)."""

    input: float
    output: float
    reasoning: float
    cache_read: float | None
    cache_write: float | None
    input_batch: float | None
    output_batch: float | None
    tier_above_tokens: int | None = None  # the long-prompt tier in force, if any
    batch_scaled: bool = False  # the tier has no batch price: the base tier's discount is applied


class PriceUnknownError(ValueError):
    """The catalog has no input/output price for this model."""


def billed_prices(prices: Prices, input_tokens: float) -> BilledPrices:
    """The base prices, or a long-prompt tier's when the prompt exceeds its threshold: the provider
    then bills the whole request at the tier's rates (Gemini above 200k, GPT-5.4 above 272k)."""
    if prices.input is None or prices.output is None:
        raise PriceUnknownError("no input/output price")
    tier = prices.tier_for(input_tokens) if prices.tiers else None
    if tier is None:
        return _base_prices(prices)
    scaled_any = False
    tier_in = tier.input if tier.input is not None else prices.input
    tier_out = tier.output if tier.output is not None else prices.output

    def scaled(tier_value: float | None, base_batch: float | None, base: float, list_price: float) -> float | None:
        nonlocal scaled_any
        if tier_value is not None or base_batch is None:
            return tier_value
        scaled_any = True
        return list_price * base_batch / base if base else None

    return BilledPrices(
        input=tier_in, output=tier_out, reasoning=tier_out,
        cache_read=tier.cache_read if tier.cache_read is not None else prices.cache_read,
        cache_write=tier.cache_write if tier.cache_write is not None else prices.cache_write,
        input_batch=scaled(tier.input_batch, prices.input_batch, prices.input, tier_in),
        output_batch=scaled(tier.output_batch, prices.output_batch, prices.output, tier_out),
        tier_above_tokens=tier.above_tokens, batch_scaled=scaled_any,
    )  # fmt: skip


# The base prices of a route, built once: the ranking asks for them for every route on every ranking.
_BASE: dict[int, tuple[Prices, BilledPrices]] = {}


def _base_prices(prices: Prices) -> BilledPrices:
    cached = _BASE.get(id(prices))
    if cached is not None and cached[0] is prices:
        return cached[1]
    assert prices.input is not None and prices.output is not None
    billed = BilledPrices(
        input=prices.input, output=prices.output, reasoning=prices.output_reasoning or prices.output,
        cache_read=prices.cache_read, cache_write=prices.cache_write,
        input_batch=prices.input_batch, output_batch=prices.output_batch,
    )  # fmt: skip
    _BASE[id(prices)] = (prices, billed)  # keeps `prices` alive, so its id is never reused
    return billed


def hidden_tokens(entry: ModelEntry, override: int | None = None) -> int:
    """`reasoning_tokens()`'s count without its words (the ranking's hot path)."""
    if not entry.reasoning_tokens:
        return 0
    return override if override is not None else entry.reasoning_tokens


def reasoning_tokens(entry: ModelEntry, override: int | None = None) -> tuple[int, str | None]:
    """Hidden reasoning tokens one request spends, billed as output, and the rule behind the figure."""
    if not entry.reasoning_tokens:
        return 0, None  # the model does not think by default; a stated figure is for those that do
    if override is not None:
        return override, f"{override:,} hidden reasoning tokens a request (stated)"
    return entry.reasoning_tokens, (
        f"~{entry.reasoning_tokens:,} hidden reasoning tokens a request at the default effort, billed as output "
        f"(estimate, {entry.latency_source or 'tradeoff'})"
    )
