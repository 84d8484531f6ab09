"""What a developer needs from a model: the validated input to scoring and cost tools."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from catalog.names import MAKERS

Task = Literal[
    "chat",
    "coding",
    "reasoning",
    "creative",
    "document-analysis",
    "classification",
    "extraction",
    "vision",
    "summarization",
    "rag",
    "agent",
    "general",
]
TASKS: tuple[str, ...] = Task.__args__  # type: ignore[attr-defined]

Capability = Literal["vision", "video", "audio", "tools", "json", "reasoning", "caching", "batch"]
CAPABILITIES: tuple[str, ...] = Capability.__args__  # type: ignore[attr-defined]

Privacy = Literal["none", "no-training", "region-locked", "self-hosted"]
PRIVACY_LEVELS: tuple[str, ...] = Privacy.__args__  # type: ignore[attr-defined]

Compliance = Literal["hipaa", "gdpr", "soc2", "eu-residency"]
COMPLIANCE_REGIMES: tuple[str, ...] = Compliance.__args__  # type: ignore[attr-defined]

Deployment = Literal["api", "self-hosted", "either"]
InputPart = Literal["system_prompt", "user_text", "documents", "retrieved", "history"]
INPUT_PARTS: tuple[str, ...] = InputPart.__args__  # type: ignore[attr-defined]
PriorityPreset = Literal["quality", "cost", "latency", "balanced"]
PRIORITY_PRESETS: tuple[str, ...] = PriorityPreset.__args__  # type: ignore[attr-defined]

DAYS_PER_MONTH = 30
REGION_BLOCS = ("eu", "us", "asia", "cn", "uae")  # besides countries by their two-letter codes
DEFAULT_SIZES: dict[str, int] = {"requests_per_day": 1_000, "input_tokens": 500, "output_tokens": 300}
# An answer nobody sized is a few paragraphs, except where the task fixes its shape: a classifier
# answers with a label (as JSON with a confidence, about 20 tokens), so 300 would overstate its
# output cost 15x and its time to a whole answer by seconds.
TASK_OUTPUT_TOKENS: dict[str, tuple[int, str]] = {"classification": (20, "a label, as JSON with a confidence")}


def default_output_tokens(task: str) -> tuple[int, str]:
    """The answer size assumed for a task when none was stated, and what it stands for."""
    return TASK_OUTPUT_TOKENS.get(task, (DEFAULT_SIZES["output_tokens"], "a few paragraphs"))


class Priorities(BaseModel):
    """Relative weights of the soft criteria; they are normalised before use."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    quality: float = Field(0.45, ge=0)
    cost: float = Field(0.25, ge=0)
    latency: float = Field(0.2, ge=0)
    fit: float = Field(0.1, ge=0)

    @model_validator(mode="after")
    def _not_all_zero(self) -> Priorities:
        if self.quality + self.cost + self.latency + self.fit <= 0:
            raise ValueError("at least one priority weight must be above 0")
        return self

    @classmethod
    def preset(cls, name: str) -> Priorities:
        presets = {
            "balanced": cls(quality=0.45, cost=0.25, latency=0.2, fit=0.1),
            "quality": cls(quality=0.7, cost=0.1, latency=0.1, fit=0.1),
            "cost": cls(quality=0.25, cost=0.55, latency=0.1, fit=0.1),
            "latency": cls(quality=0.25, cost=0.15, latency=0.5, fit=0.1),
        }
        if name not in presets:
            raise ValueError(f"priority must be one of {', '.join(PRIORITY_PRESETS)}, not {name!r}")
        return presets[name]

    def normalised(self) -> dict[str, float]:
        total = self.quality + self.cost + self.latency + self.fit
        return {
            "quality": self.quality / total,
            "cost": self.cost / total,
            "latency": self.latency / total,
            "fit": self.fit / total,
        }


class Requirements(BaseModel):
    """A developer's constraints. Fields the user did not state keep documented defaults;
    `stated_fields()` tells the two apart."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)

    task: Task = "general"
    requests_per_day: float = Field(1_000, ge=0, le=1e10)
    input_tokens: int = Field(500, ge=0, le=10_000_000)
    output_tokens: int = Field(300, ge=0, le=1_000_000)
    max_ttft_ms: float | None = Field(None, gt=0)
    budget_usd_month: float | None = Field(None, ge=0)
    min_context: int | None = Field(None, ge=0)
    needs: list[Capability] = Field(default_factory=list)
    privacy: Privacy = "none"
    regions: list[str] = Field(default_factory=list)
    open_weights: bool = False
    priorities: Priorities = Field(default_factory=Priorities)
    compliance: list[Compliance] = Field(default_factory=list)
    deployment: Deployment = "either"
    cache_hit_rate: float = Field(0.0, ge=0, le=1)
    batch_share: float = Field(0.0, ge=0, le=1)
    # The workload behind input_tokens: what one request carries, part by part (they add up to
    # input_tokens when present), and how each size was worked out from the user's words.
    input_parts: dict[InputPart, int] = Field(default_factory=dict)
    size_notes: dict[str, str] = Field(default_factory=dict)
    max_response_ms: float | None = Field(None, gt=0, description="end-to-end time for the whole answer")
    languages: list[str] = Field(default_factory=list, description="languages besides English, lower case")
    operations_usd_month: float | None = Field(None, ge=0, description="people and tooling to run self-hosting")
    reasoning_tokens: int | None = Field(None, ge=0, le=1_000_000, description="hidden tokens a reasoning model spends")
    excluded_makers: list[str] = Field(default_factory=list, description="model makers ruled out, whoever hosts them")

    @field_validator("needs", "compliance")
    @classmethod
    def _sorted_unique(cls, value: list[str]) -> list[str]:
        return sorted(set(value))

    @field_validator("languages")
    @classmethod
    def _normalise_languages(cls, value: list[str]) -> list[str]:
        return sorted({language.strip().lower() for language in value if language.strip()})

    @field_validator("excluded_makers")
    @classmethod
    def _known_makers(cls, value: list[str]) -> list[str]:
        makers = sorted({maker.strip().lower() for maker in value if maker.strip()})
        if unknown := [maker for maker in makers if maker not in MAKERS]:
            raise ValueError(f"unknown model maker {', '.join(unknown)}: one of {', '.join(MAKERS)}")
        return makers

    @field_validator("input_parts")
    @classmethod
    def _no_negative_parts(cls, value: dict[str, int]) -> dict[str, int]:
        if any(tokens < 0 or tokens > 10_000_000 for tokens in value.values()):
            raise ValueError("each input part must be between 0 and 10,000,000 tokens")
        return value

    @field_validator("regions")
    @classmethod
    def _normalise_regions(cls, value: list[str]) -> list[str]:
        regions = sorted({region.strip().lower() for region in value if region.strip()})
        unknown = [region for region in regions if region not in REGION_BLOCS and not re.fullmatch("[a-z]{2}", region)]
        if unknown:
            raise ValueError(f"unknown region {unknown[0]!r}: name a region as {', '.join(REGION_BLOCS)}, or a country "
                             "by its two-letter code (uk, de, jp)")  # fmt: skip
        return regions

    @model_validator(mode="after")
    def _answer_sized_by_task(self) -> Requirements:
        if "output_tokens" not in self.model_fields_set:  # unstated: follows the task, and stays unstated
            self.__dict__["output_tokens"] = default_output_tokens(self.task)[0]
        return self

    def stated_fields(self) -> set[str]:
        return set(self.model_fields_set)

    @property
    def requests_per_month(self) -> float:
        return self.requests_per_day * DAYS_PER_MONTH

    @property
    def needs_self_hosting(self) -> bool:
        return self.privacy == "self-hosted" or self.deployment == "self-hosted"

    @property
    def required_context(self) -> int:
        """The context a model must accept: the stated minimum, or at least one request."""
        return max(self.min_context or 0, self.input_tokens)

    @property
    def effective_regions(self) -> list[str]:
        """Allowed regions, with EU implied by GDPR residency or eu-residency."""
        regions = set(self.regions)
        if "eu-residency" in self.compliance:
            regions.add("eu")
        return sorted(regions)
