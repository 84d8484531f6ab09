"""What one trial run measured, and summaries over repeated runs. Pure."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class TrialRun:
    """One model's answer to one prompt, with the measurements SPEC §4 defines.

    ttft_ms: request sent -> first non-empty content chunk. tokens_per_s: output tokens after the
    first one, over the time after the first one (never TTFT divided by tokens).
    """

    model: str
    label: str = ""
    run: int = 1  # counts up within a trial: the same models, compared again
    compared: list[str] = field(default_factory=list)  # the trial's models, sorted
    text: str = ""
    ttft_ms: float | None = None
    latency_ms: float | None = None
    input_tokens: int | None = None
    output_tokens: int | None = None
    tokens_per_s: float | None = None
    cost_usd: float | None = None
    finish_reason: str | None = None
    error: str | None = None
    retries: int = 0
    chunks: int = 0
    usage_reported: bool = False
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TrialRun:
        """A stored run back; keys this version does not know are ignored."""
        known = {name: value for name, value in data.items() if name in cls.__dataclass_fields__}
        return cls(**{"model": "?", **known})


def tokens_per_second(
    output_tokens: int | None, first_token_at: float | None, finished_at: float | None
) -> float | None:
    """Output tokens after the first, over the seconds after the first token."""
    if output_tokens is None or output_tokens < 2 or first_token_at is None or finished_at is None:
        return None
    elapsed = finished_at - first_token_at
    return (output_tokens - 1) / elapsed if elapsed > 0 else None


def _spread(values: list[float]) -> dict[str, float] | None:
    if not values:
        return None
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "stdev": statistics.stdev(values) if len(values) > 1 else 0.0,
    }


def summarise(runs: list[TrialRun]) -> list[dict[str, Any]]:
    """Per model: median and spread of TTFT, latency, tokens/s and cost across successful runs."""
    by_model: dict[str, list[TrialRun]] = {}
    for run in runs:
        by_model.setdefault(run.model, []).append(run)
    summaries = []
    for model, model_runs in by_model.items():
        ok = [r for r in model_runs if r.error is None]
        summaries.append(
            {
                "model": model,
                "runs": len(model_runs),
                "errors": len(model_runs) - len(ok),
                "ttft_ms": _spread([r.ttft_ms for r in ok if r.ttft_ms is not None]),
                "latency_ms": _spread([r.latency_ms for r in ok if r.latency_ms is not None]),
                "tokens_per_s": _spread([r.tokens_per_s for r in ok if r.tokens_per_s is not None]),
                "cost_usd": _spread([r.cost_usd for r in ok if r.cost_usd is not None]),
            }
        )
    return summaries
