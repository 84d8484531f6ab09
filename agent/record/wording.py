"""How a requirement reads in a decision record: its name and its value in words a team reviews,
never a field name or a Python literal (`budget_usd_month`, `False`, `['tools']`, `3000.0`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from catalog.display import context_size, count, milliseconds, money, requirement_word

LABELS: dict[str, str] = {
    "task": "task",
    "requests_per_day": "volume",
    "input_tokens": "input per request",
    "output_tokens": "output per request",
    "max_ttft_ms": "time to first token",
    "budget_usd_month": "monthly budget",
    "min_context": "minimum context window",
    "needs": "capabilities needed",
    "privacy": "data sensitivity",
    "regions": "regions",
    "open_weights": "open weights",
    "priorities": "priorities",
    "compliance": "compliance",
    "deployment": "deployment",
    "cache_hit_rate": "prompt-cache hit rate",
    "batch_share": "batch share",
    "input_parts": "what one request carries",
    "size_notes": "how the sizes were worked out",
    "max_response_ms": "time for the whole answer",
    "languages": "languages besides English",
    "operations_usd_month": "people and tooling for self-hosting",
    "reasoning_tokens": "hidden reasoning tokens",
    "excluded_makers": "model makers ruled out",
}
_PRIVACY = {"none": "not sensitive", "no-training": "providers must not train on it",
            "region-locked": "must stay in the allowed regions",
            "self-hosted": "must not leave our infrastructure"}  # fmt: skip
_DEPLOYMENT = {"either": "an API or self-hosted", "api": "an API", "self-hosted": "self-hosted"}
_NONE = {"max_ttft_ms": "no limit", "budget_usd_month": "no fixed budget", "min_context": "no minimum",
         "max_response_ms": "no limit", "operations_usd_month": "not stated", "reasoning_tokens": "the model's default",
         "needs": "none beyond text", "regions": "any", "compliance": "none", "languages": "none",
         "input_parts": "not broken down", "excluded_makers": "none"}  # fmt: skip
_PARTS = {"system_prompt": "system prompt", "user_text": "user text", "documents": "documents",
          "retrieved": "retrieved passages", "history": "conversation history"}  # fmt: skip


def label(field: str) -> str:
    return LABELS.get(field, field.replace("_", " "))


def _percent(value: float) -> str:
    share = value * 100
    if round(share, 6).is_integer():
        return f"{share:.0f}%"
    return f"{share:.3g}%" if share >= 0.1 else "under 0.1%"


def priorities(weights: Mapping[str, float]) -> str:
    """The soft criteria's weights as shares of the whole: "quality 45%, cost 25%, ..."."""
    total = sum(weights.values()) or 1.0
    return ", ".join(f"{name} {_percent(weight / total)}" for name, weight in weights.items())


def _number(field: str, shown: float) -> str:
    if field == "requests_per_day":
        return f"{count(shown)} requests a day"
    if field in ("input_tokens", "output_tokens", "reasoning_tokens"):
        return f"{count(shown)} tokens"
    if field in ("max_ttft_ms", "max_response_ms"):
        return milliseconds(shown)
    if field in ("budget_usd_month", "operations_usd_month"):
        return f"{money(shown)} a month"
    if field == "min_context":
        return f"{context_size(int(shown))} tokens"
    if field == "cache_hit_rate":
        return f"{_percent(shown)} of input tokens" if shown else "none"
    if field == "batch_share":
        return f"{_percent(shown)} of requests" if shown else "none"
    return count(shown)


def _mapping(field: str, shown: Mapping[str, Any]) -> str:
    if field == "priorities":
        return priorities(shown)
    if field == "input_parts":
        return ", ".join(f"{_PARTS.get(part, part)} {value('input_tokens', tokens)}" for part, tokens in shown.items())
    if field == "size_notes":
        return "; ".join(dict.fromkeys(str(note) for note in shown.values()))
    if field in shown:  # an interview answer that set several fields at once
        return value(field, shown[field])
    return "; ".join(f"{label(name)} {value(name, item)}" for name, item in shown.items() if name != "size_notes")


def value(field: str, shown: Any) -> str:
    """A requirement's value in words; None and empty read as what they mean for that field."""
    if shown is None or shown == [] or shown == {}:
        return _NONE.get(field, "not set")
    if field == "open_weights" or isinstance(shown, bool):
        return ("required" if shown else "not required") if field == "open_weights" else ("yes" if shown else "no")
    if isinstance(shown, int | float):
        return _number(field, float(shown))
    if isinstance(shown, Mapping):
        return _mapping(field, shown)
    if field == "privacy":
        return _PRIVACY.get(str(shown), str(shown))
    if field == "deployment":
        return _DEPLOYMENT.get(str(shown), str(shown))
    if field == "languages" and isinstance(shown, list):
        return ", ".join(str(item).capitalize() for item in shown)
    if isinstance(shown, list):
        return ", ".join(requirement_word(str(item)) for item in shown)
    return str(shown)
