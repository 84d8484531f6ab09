"""Latency for a request of a given size: time to the first visible token grows with the prompt
(prefill) and with hidden reasoning; the whole answer adds decoding its output."""

from __future__ import annotations

from dataclasses import dataclass

from catalog.entries import ModelEntry

# Typical TTFT figures are for short prompts; only input beyond this adds prefill time.
SHORT_PROMPT_TOKENS = 1_000
# Prompt tokens/s an API reads before its first token, by tier (estimate from long-context
# TTFT reports: ~30-60 s for a 500k-token prompt on frontier models). Overlay figures win.
PREFILL_TOKENS_PER_S_BY_TIER: dict[str, float] = {
    "frontier": 10_000.0, "mid": 15_000.0, "small": 20_000.0, "open": 8_000.0,
    "specialised": 12_000.0, "local": 400.0,
}  # fmt: skip
DEFAULT_PREFILL_TOKENS_PER_S = 8_000.0


@dataclass(frozen=True, slots=True)
class Latency:
    """TTFT = typical short-prompt TTFT + prefill of the rest of the prompt + hidden thinking;
    total = TTFT + output tokens / tokens per second. Every input of the formula is kept."""

    base_ttft_ms: float
    base_kind: str  # "measured by you" or "typical (estimate)"
    input_tokens: int
    prefill_tokens_per_s: float
    prefill_source: str
    prefill_ms: float
    reasoning_tokens: int
    thinking_ms: float
    ttft_ms: float
    output_tokens: int
    tokens_per_s: float | None
    total_ms: float | None

    def formula(self) -> str:
        parts = [f"{self.base_ttft_ms:,.0f} ms {self.base_kind}"]
        if self.prefill_ms:
            parts.append(f"{self.input_tokens - SHORT_PROMPT_TOKENS:,} prompt tokens beyond {SHORT_PROMPT_TOKENS:,} "
                         f"at {self.prefill_tokens_per_s:,.0f} tokens/s ({self.prefill_source}) = "
                         f"{self.prefill_ms:,.0f} ms")  # fmt: skip
        if self.thinking_ms:
            parts.append(f"{self.reasoning_tokens:,} reasoning tokens at {self.tokens_per_s or 0:,.0f} tokens/s = "
                         f"{self.thinking_ms:,.0f} ms")  # fmt: skip
        return f"TTFT {self.ttft_ms:,.0f} ms = " + " + ".join(parts)


def prefill_tokens_per_s(entry: ModelEntry) -> float:
    """Prompt tokens/s read before the first token (the ranking's hot path: no words)."""
    if entry.is_self_hosted_route and entry.self_hosting is not None:
        return entry.self_hosting.prefill_rate
    if entry.prefill_tokens_per_s is not None:
        return entry.prefill_tokens_per_s
    return PREFILL_TOKENS_PER_S_BY_TIER.get(entry.tier or "", DEFAULT_PREFILL_TOKENS_PER_S)


def prefill_rate(entry: ModelEntry) -> tuple[float, str]:
    """Prompt tokens/s read before the first token, and where the figure comes from."""
    if entry.is_self_hosted_route and entry.self_hosting is not None:
        source = "the self-hosting profile (estimate)"
    elif entry.prefill_tokens_per_s is not None:
        source = entry.latency_source or "catalog"
    else:
        source = f"estimate for a {entry.tier or 'unrated'} model"
    return prefill_tokens_per_s(entry), source


def ttft_and_total_ms(
    entry: ModelEntry, input_tokens: int, output_tokens: int, reasoning_tokens: int = 0
) -> tuple[float, float | None] | None:
    """`latency()`'s two results without its record: the ranking checks every route with this."""
    base = entry.effective_ttft_ms()
    tps = entry.effective_tokens_per_s()
    if base is None or (reasoning_tokens and not tps):
        return None
    rate = prefill_tokens_per_s(entry)
    ttft = base + max(0, input_tokens - SHORT_PROMPT_TOKENS) / rate * 1000
    if tps:
        ttft += reasoning_tokens / tps * 1000
        return ttft, ttft + output_tokens / tps * 1000
    return ttft, None


def latency(entry: ModelEntry, input_tokens: int, output_tokens: int, reasoning_tokens: int = 0) -> Latency | None:
    """None when the model has no TTFT on record: an unknown latency is never guessed."""
    base = entry.effective_ttft_ms()
    if base is None:
        return None
    tps = entry.effective_tokens_per_s()
    if reasoning_tokens and not tps:
        return None  # thinking time needs a speed
    rate, source = prefill_rate(entry)
    prefill = max(0, input_tokens - SHORT_PROMPT_TOKENS) / rate * 1000
    # Thinking tokens stream at the decode rate before the first visible one; unknown speed, unknown time.
    thinking = reasoning_tokens / tps * 1000 if reasoning_tokens and tps else 0.0
    ttft = base + prefill + thinking
    kind = "measured by you (short prompt)" if entry.measured_ttft_ms is not None else "typical (estimate)"
    return Latency(
        base_ttft_ms=base, base_kind=kind, input_tokens=input_tokens, prefill_tokens_per_s=rate,
        prefill_source=source, prefill_ms=prefill, reasoning_tokens=reasoning_tokens, thinking_ms=thinking,
        ttft_ms=ttft, output_tokens=output_tokens, tokens_per_s=tps,
        total_ms=ttft + output_tokens / tps * 1000 if tps else None,
    )  # fmt: skip
