"""Model-name normalisation: recognise the same model behind different provider routes."""

from __future__ import annotations

import re

_REGION_PREFIX = re.compile(r"^(us|eu|apac|global|au|jp|ca|in)\.")
_VENDOR_PREFIX = re.compile(r"^(meta|anthropic|mistral|mistralai|deepseek|qwen|google|amazon|ai21|cohere)\.")
_SUFFIXES = (
    re.compile(r"-v\d+(:\d+)?$"),
    re.compile(r":\d+$"),
    re.compile(r"@[\w-]+$"),
    re.compile(r"-\d{8}$"),
    re.compile(r"-\d{4}-\d{2}-\d{2}$"),
    re.compile(r"-(maas|fp8|fp8-dynamic|fp8-fast|turbo|instruct|it)$"),
)
_SKIP = re.compile(r"^ft:|search-preview|audio-preview|realtime|computer-use|-tts|transcribe")
_EU_MARKERS = re.compile(r"(^|[/.])eu([-./]|$)|europe|eu-(west|central|north|south)")
_US_MARKERS = re.compile(r"(^|[/.])us([-./]|$)|us-(east|west)")


def normalise(model_id: str) -> str:
    """`bedrock/eu.anthropic.claude-haiku-4-5-20251001-v1:0` -> `claude-haiku-4-5`."""
    name = model_id.lower().rsplit("/", 1)[-1]
    name = _REGION_PREFIX.sub("", name)
    name = _VENDOR_PREFIX.sub("", name)
    changed = True
    while changed:
        changed = False
        for pattern in _SUFFIXES:
            stripped = pattern.sub("", name)
            if stripped != name:
                name, changed = stripped, True
    return name.replace(".", "-").replace("_", "-")


def is_variant_worth_matching(model_id: str) -> bool:
    """Fine-tunes, audio/realtime and search variants are different products."""
    return not _SKIP.search(model_id.lower())


def regions_in_name(model_id: str) -> tuple[str, ...]:
    """A route pinned to a region by its name (`eu.` prefix, `eu-west-1` segment)."""
    lowered = model_id.lower()
    if _EU_MARKERS.search(lowered):
        return ("eu",)
    if _US_MARKERS.search(lowered):
        return ("us",)
    return ()


_MAKERS = (
    (re.compile(r"^(gpt|o\d|chatgpt|text-embedding|davinci|babbage)"), "openai"),
    (re.compile(r"^claude"), "anthropic"),
    (re.compile(r"^(gemini|gemma|palm)"), "google"),
    (re.compile(r"^(meta-)?llama"), "meta"),
    (re.compile(r"^(mistral|codestral|magistral|ministral|pixtral|devstral|mixtral|open-mistral)"), "mistral"),
    (re.compile(r"^deepseek"), "deepseek"),
    (re.compile(r"^(qwen|qwq)"), "alibaba"),
    (re.compile(r"^smollm"), "huggingface"),
    (re.compile(r"^grok"), "xai"),
)


MAKERS: tuple[str, ...] = tuple(dict.fromkeys(maker for _, maker in _MAKERS))


def maker_of(model_id: str) -> str | None:
    """Who trained the model behind a route (`bedrock/eu.anthropic.claude-...` -> anthropic); None if unsure."""
    name = normalise(model_id)
    return next((maker for pattern, maker in _MAKERS if pattern.search(name)), None)


def every_maker_but(kept: list[str]) -> list[str]:
    """The known makers not in `kept`: an allow-list as the makers it rules out, or the other way round."""
    return [maker for maker in MAKERS if maker not in kept]


def allow_list(excluded: list[str]) -> list[str]:
    """The makers still allowed when the rule reads as an allow-list (fewer allowed than ruled out), else []."""
    allowed = every_maker_but(excluded)
    return allowed if len(allowed) < len(excluded) else []


def makers_rule(excluded: list[str]) -> str:
    """The makers rule in the fewer words: "only models by anthropic" for an allow-list, else "no models by ..."."""
    if allowed := allow_list(excluded):
        return "only models by " + ", ".join(allowed)
    return "no models by " + ", ".join(excluded)
