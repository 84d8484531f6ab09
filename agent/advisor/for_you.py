"""After a definition, one line that ties the term to this session: the top pick's own figure from
the ranking (TTFT, speed, context), or the question that prices the idea on the user's shortlist."""

from __future__ import annotations

import re
from typing import Any

from catalog.display import context_size, milliseconds

# Which question prices an idea at the session's workload (agent/advisor/economics.py answers them).
_PRICED_BY = [
    (re.compile(r"cach", re.I), "how much would caching save us?"),
    (re.compile(r"batch", re.I), "how much would the batch API save us?"),
    (re.compile(r"rout|cascad", re.I), "how much would routing save us?"),
    (re.compile(r"self[\s-]?host|open[\s-]?weight|quanti[sz]", re.I), "when does self-hosting beat the API?"),
    (re.compile(r"fine[\s-]?tun|lora", re.I), "should we fine-tune?"),
    (re.compile(r"distil", re.I), "is distillation worth it?"),
]
_TTFT = re.compile(r"\bttft\b|first token|^latency$", re.I)
_SPEED = re.compile(r"tokens?\s*(?:/|per)\s*s(?:ec(?:ond)?)?\b|output speed|\bthroughput\b", re.I)
_CONTEXT = re.compile(r"context(?:\s+window)?\b", re.I)


def line(term: str, ranking: dict[str, Any] | None, requirements: dict[str, Any]) -> str | None:
    """The session's figure for the term, or a pointer to the question that computes it; None when
    there is no shortlist yet or the term has no figure of its own here."""
    ranked = (ranking or {}).get("ranked") or []
    if not ranked:
        return None
    top = ranked[0]
    model = top["model"]
    if _TTFT.search(term) and top.get("ttft_ms") is not None:
        target = requirements.get("max_ttft_ms")
        against = f", against your {target:,.0f} ms target" if target else ""
        return (
            f"For you: your top pick, {model}, takes about {milliseconds(top['ttft_ms'])} to its first token{against}."
        )
    if _SPEED.search(term) and top.get("tokens_per_s"):
        return f"For you: your top pick, {model}, streams about {top['tokens_per_s']:,.0f} tokens per second."
    if _CONTEXT.search(term) and top.get("max_input_tokens"):
        tokens = (ranking or {}).get("requirements", {}).get("input_tokens")
        need = f"; your requests carry about {tokens:,} input tokens" if tokens else ""
        return f"For you: your top pick, {model}, holds {context_size(top['max_input_tokens'])} tokens{need}."
    question = next((q for pattern, q in _PRICED_BY if pattern.search(term)), None)
    return f"For you: ask “{question}” and I will price it on your shortlist." if question else None
