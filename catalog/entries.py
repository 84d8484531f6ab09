"""Typed catalog records: one `ModelEntry` per routable model, with provenance for its figures."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

Tier = Literal["frontier", "mid", "small", "open", "specialised", "local"]
QUALITY_DIMENSIONS: tuple[str, ...] = (
    "reasoning",
    "coding",
    "creative_writing",
    "long_document",
    "classification",
    "extraction",
    "vision",
    "multilingual",
    "tool_use",
)
EvidenceKind = Literal["measured", "benchmark", "estimate"]
# Points an estimated quality dimension ranks below its figure (half its +/-10 uncertainty).
ESTIMATE_PENALTY = 5.0


class Source(BaseModel):
    """Where a group of figures comes from, and how fresh it is."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str
    as_of: dt.date
    estimate: bool = True
    url: str | None = None


class BenchmarkFigure(BaseModel):
    """One published figure behind a quality score, as published and as rescaled."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    benchmark: str
    category: str
    leaderboard_name: str
    setting: str | None = None
    value: float
    interval: tuple[float, float] | None = None
    rescaled: float
    rescaled_interval: tuple[float, float]
    as_of: dt.date
    url: str


class QualityEvidence(BaseModel):
    """What one quality figure rests on: a measurement, a benchmark or an estimate."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: float
    kind: EvidenceKind
    interval: tuple[float, float]
    source: str
    url: str | None = None
    as_of: dt.date | None = None
    basis: str
    figures: tuple[BenchmarkFigure, ...] = ()
    estimate: float | None = None

    @property
    def ranking_value(self) -> float:
        """Estimates rank lower than their figure: an uncertainty penalty, shown in the "why" line."""
        return self.value - ESTIMATE_PENALTY if self.kind == "estimate" else self.value


class ModelFacts(BaseModel):
    """What models.dev says about a model (at its maker's own API), and where it disagrees with
    LiteLLM's map on this route."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    url: str
    key: str = Field(description="provider/model at models.dev")
    release_date: dt.date | None = None
    knowledge_cutoff: str | None = None
    input_modalities: tuple[str, ...] = ()
    output_modalities: tuple[str, ...] = ()
    open_weights: bool | None = None
    structured_output: bool | None = None
    tool_call: bool | None = None
    reasoning: bool | None = None
    context_tokens: int | None = None
    output_tokens: int | None = None
    disagreements: tuple[str, ...] = ()


class PriceCheck(BaseModel):
    """This route's prices at a second source (genai-prices), and where they differ by more than 5%."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    url: str
    as_of: dt.date
    model: str = Field(description="provider/model at the second source")
    input: float = Field(ge=0, description="USD per input token")
    output: float = Field(ge=0, description="USD per output token")
    disagreements: tuple[str, ...] = ()


class SelfHosting(BaseModel):
    """The hardware an open-weight model needs, for break-even maths."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    gpu: str
    gpu_count: int = Field(ge=1)
    usd_per_gpu_hour: float = Field(gt=0)
    throughput_tokens_per_s: float = Field(gt=0, description="aggregate output tokens/s one replica serves")
    prefill_tokens_per_s: float | None = Field(None, gt=0, description="aggregate input tokens/s one replica reads")
    source: str

    @property
    def prefill_rate(self) -> float:
        """Input tokens/s a replica prefills; unstated, 8x its decode rate (vLLM at moderate batch, estimate)."""
        return self.prefill_tokens_per_s or PREFILL_TO_DECODE_ESTIMATE * self.throughput_tokens_per_s


PREFILL_TO_DECODE_ESTIMATE = 8.0


class PriceTier(BaseModel):
    """Prices that apply to a whole request once its prompt exceeds `above_tokens` (how Gemini,
    GPT-5.4 and Qwen bill long prompts); None falls back to the base price of that kind."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    above_tokens: int = Field(ge=0)
    input: float | None = Field(None, ge=0)
    output: float | None = Field(None, ge=0)
    input_batch: float | None = Field(None, ge=0)
    output_batch: float | None = Field(None, ge=0)
    cache_read: float | None = Field(None, ge=0)
    cache_write: float | None = Field(None, ge=0)


class Prices(BaseModel):
    """Per-token prices in USD; None where the price map has no figure."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    input: float | None = Field(None, ge=0)
    output: float | None = Field(None, ge=0)
    input_batch: float | None = Field(None, ge=0)
    output_batch: float | None = Field(None, ge=0)
    cache_read: float | None = Field(None, ge=0)
    cache_write: float | None = Field(None, ge=0)
    output_reasoning: float | None = Field(None, ge=0, description="hidden reasoning tokens, when priced apart")
    tiers: tuple[PriceTier, ...] = ()
    has_off_peak_pricing: bool = False

    @property
    def known(self) -> bool:
        return self.input is not None and self.output is not None

    def tier_for(self, input_tokens: float) -> PriceTier | None:
        """The long-prompt tier a request of `input_tokens` is billed at; None for the base prices."""
        chosen = None
        for tier in self.tiers:
            if input_tokens > tier.above_tokens:
                chosen = tier
        return chosen


class ModelEntry(BaseModel):
    """A model reachable through one provider route, merged from the price map and our overlay."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(description="litellm model string")
    provider: str
    mode: str = "chat"
    canonical: str = Field(description="curated model this route belongs to, or its own id")
    family: str | None = None
    prices: Prices = Field(default_factory=Prices)
    price_source: str = "litellm-map"
    max_input_tokens: int | None = Field(None, ge=0)
    max_output_tokens: int | None = Field(None, ge=0)
    capabilities: frozenset[str] = frozenset()
    deprecation_date: dt.date | None = None
    # Overlay fields; None/empty for models we have not rated.
    tier: Tier | None = None
    open_weights: bool = False
    licence: str | None = None
    self_hostable: bool = False
    quality: dict[str, float] = Field(default_factory=dict)
    quality_source: str | None = None
    ttft_ms: float | None = Field(None, gt=0)
    tokens_per_s: float | None = Field(None, gt=0)
    latency_source: str | None = None
    regions: tuple[str, ...] = ()
    self_hosting: SelfHosting | None = None
    measured_ttft_ms: float | None = None
    measured_tokens_per_s: float | None = None
    measured_win_rate: float | None = None
    notes: str | None = None
    maker: str | None = Field(None, description="who trains the model (openai, google, ...), whoever hosts it")
    reasoning_tokens: int | None = Field(None, ge=0, description="hidden reasoning tokens a request spends by default")
    prefill_tokens_per_s: float | None = Field(None, gt=0, description="prompt tokens/s read before the first token")
    inherited: dict[str, str] = Field(default_factory=dict, description="field -> where a route took it from")
    quality_evidence: dict[str, QualityEvidence] = Field(default_factory=dict, description="what each figure rests on")
    ranking_quality: dict[str, float] = Field(
        default_factory=dict, description="quality as ranked: estimates less their penalty; empty means `quality` as is"
    )
    # Precomputed at catalog build so a ranking only looks them up (SPEC §8: all routes under 5 ms).
    ranked_task_quality: dict[str, tuple[float, float]] = Field(
        default_factory=dict, description="task -> (quality as ranked, the same weighted for other languages)"
    )
    quality_reasons: dict[str, str] = Field(default_factory=dict, description="task -> what its quality rests on")
    facts: ModelFacts | None = Field(None, description="models.dev facts, each labelled with its source")
    price_check: PriceCheck | None = Field(None, description="the same prices at a second source")

    @property
    def rated(self) -> bool:
        return bool(self.quality)

    def quality_for_ranking(self) -> dict[str, float]:
        return self.ranking_quality or self.quality

    @property
    def is_self_hosted_route(self) -> bool:
        return self.provider == "self-hosted"

    def effective_ttft_ms(self) -> float | None:
        """A measured TTFT from the user's own trials beats a published typical figure."""
        return self.measured_ttft_ms if self.measured_ttft_ms is not None else self.ttft_ms

    def effective_tokens_per_s(self) -> float | None:
        if self.measured_tokens_per_s is not None:
            return self.measured_tokens_per_s
        return self.tokens_per_s


class ProviderPolicy(BaseModel):
    """What a provider promises about data: regions, training use, and attestations."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    regions: tuple[str, ...] = ()
    trains_on_api_data: bool = True
    hipaa_baa: bool = False
    soc2: bool = False
    gdpr_dpa: bool = False
    source: str


class Catalog(BaseModel):
    """The merged catalog: every model route, provider policies and the sources behind them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    models: tuple[ModelEntry, ...]
    providers: dict[str, ProviderPolicy]
    sources: dict[str, Source]
    version: str
    prices_as_of: dt.date | None = None
    benchmarks_as_of: dt.date | None = Field(None, description="date of the public benchmark snapshot")
    _by_id: dict[str, ModelEntry] = PrivateAttr(default_factory=dict)
    _rankable: tuple[ModelEntry, ...] = PrivateAttr(default=())
    _chat: tuple[ModelEntry, ...] = PrivateAttr(default=())

    def model_post_init(self, context: object, /) -> None:
        self._by_id = {entry.id: entry for entry in self.models}
        self._chat = tuple(entry for entry in self.models if entry.mode == "chat")
        self._rankable = tuple(
            sorted(
                (
                    entry
                    for entry in self.models
                    if entry.mode == "chat" and entry.rated and entry.provider in self.providers
                ),
                key=lambda entry: entry.id,
            )
        )

    def rankable(self) -> tuple[ModelEntry, ...]:
        """Chat routes with quality figures, from providers whose data policy we know; sorted by id."""
        return self._rankable

    def get(self, model_id: str) -> ModelEntry | None:
        if model_id in self._by_id:
            return self._by_id[model_id]
        lowered = model_id.lower()
        for entry in self.models:
            if entry.id.lower() == lowered:
                return entry
        return None

    def policy_for(self, provider: str) -> ProviderPolicy | None:
        return self.providers.get(provider)

    def chat_models(self) -> tuple[ModelEntry, ...]:
        return self._chat
