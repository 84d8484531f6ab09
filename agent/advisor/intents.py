"""What a message asks for: new constraints, a knowledge question, an explanation, a comparison,
a what-if, or dropping a requirement. Pure rules over the text."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from agent.advisor.rules.extract import Extraction
from catalog.entries import ModelEntry
from catalog.names import normalise

_EXPLAIN = re.compile(
    r"\bwhy (?:not|isn'?t|wasn'?t|no|didn'?t you (?:pick|choose|recommend))\s+(?P<name>[\w .\-/]+?)\s*\??$|"
    r"\bwhat about\s+(?P<name2>[\w .\-/]+?)\s*\??$",
    re.IGNORECASE,
)
_COMPARE = re.compile(
    r"\bcompare\s+(?P<a>[\w .\-/]+?)\s+(?:and|with|to|vs\.?|versus)\s+(?P<b>[\w .\-/]+?)\s*\??$|"
    r"^(?P<c>[\w .\-/]+?)\s+(?:vs\.?|versus)\s+(?P<d>[\w .\-/]+?)\s*\??$",
    re.IGNORECASE,
)
_WHAT_IF = re.compile(r"\bwhat if\b|\bwhat happens if\b|\bsuppose\b|\bif (?:we|our|the) .* (?:grows?|doubles?)", re.I)
_DROP = re.compile(
    r"\b(?:drop|remove|ignore|forget|relax|no longer need|don'?t need|without)\b\s+(?:the\s+)?(?P<what>[\w\s-]+?)"
    r"(?:\s+(?:requirement|constraint|limit|target))?\s*[.!]?$",
    re.IGNORECASE,
)
_RECOMMEND_NOW = re.compile(
    r"^(?:just\s+)?(?:recommend|show (?:me )?(?:the )?(?:shortlist|ranking|results|recommendation)|"
    r"skip|go ahead|that'?s all|that is all|nothing else|use defaults?)\b",
    re.IGNORECASE,
)
_GREETING = re.compile(r"^(?:hi|hello|hey|good (?:morning|afternoon|evening))\b[\s!.]*$", re.IGNORECASE)
_QUESTION = re.compile(
    r"\?\s*$|^(?:what|how|why|when|which|should|is|are|does|do|can|could|explain|tell me|define)\b",
    re.IGNORECASE,
)

DROP_FIELDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"privacy|self[- ]host|on[- ]?prem|data center|training", re.I), "privacy"),
    (re.compile(r"region|residency|\beu\b", re.I), "regions"),
    (re.compile(r"budget|cost|price|spend", re.I), "budget_usd_month"),
    (re.compile(r"latency|ttft|speed|fast|second", re.I), "max_ttft_ms"),
    (re.compile(r"context|window", re.I), "min_context"),
    (re.compile(r"open[- ]?weights?|open[- ]source", re.I), "open_weights"),
    (re.compile(r"hipaa|gdpr|soc ?2|compliance", re.I), "compliance"),
    (re.compile(r"vision|image|video|audio|tools?|json|function|reasoning|capabilit", re.I), "needs"),
]


@dataclass
class Intent:
    kind: str
    subject: list[str] = field(default_factory=list)


def classify(text: str, extraction: Extraction) -> Intent:
    stripped = text.strip()
    match = _EXPLAIN.search(stripped)
    if match:
        return Intent("explain", [(match.group("name") or match.group("name2")).strip()])
    match = _COMPARE.search(stripped)
    if match:
        a, b = (match.group("a"), match.group("b")) if match.group("a") else (match.group("c"), match.group("d"))
        return Intent("compare", [a.strip(), b.strip()])
    if _WHAT_IF.search(stripped):
        return Intent("what_if")
    if _QUESTION.search(stripped):
        from agent.advisor.economics import topic

        if (kind := topic(stripped)) is not None:
            return Intent("economics", [kind])
    match = _DROP.search(stripped)
    if match:
        fields = [name for pattern, name in DROP_FIELDS if pattern.search(match.group("what"))]
        if fields:
            return Intent("drop", fields)
    if _RECOMMEND_NOW.search(stripped):
        return Intent("recommend")
    if _GREETING.search(stripped):
        return Intent("greeting")
    from agent.advisor.definitions import asks_definition

    if asks_definition(stripped):  # "What is RAG?" asks for a definition; it sets no task
        return Intent("knowledge")
    if extraction.fields:
        return Intent("constraints")
    if _QUESTION.search(stripped):
        return Intent("knowledge")
    return Intent("constraints")


@functools.lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s/]+", normalise(text.replace(" ", "-")).replace("-", " ")) if w)


def find_models(name: str, entries: Iterable[ModelEntry]) -> list[ModelEntry]:
    """Curated models whose id or family contains every word the user typed ("gemini flash", "gpt-4.1").

    Rated models are searched first; the rest of the catalog only when none matches."""
    wanted = _words(name)
    if not wanted:
        return []
    pool = list(entries)
    rated = [entry for entry in pool if entry.rated]
    return _matching(wanted, rated) or _matching(wanted, pool)


def _matching(wanted: tuple[str, ...], entries: list[ModelEntry]) -> list[ModelEntry]:
    matches = []
    for entry in entries:
        if entry.id != entry.canonical:
            continue
        haystack = " ".join((*_words(entry.id), *_words(entry.family or "")))
        haystack_words = set(haystack.split())
        if all(word in haystack_words or (len(word) > 3 and word in haystack) for word in wanted):
            matches.append(entry)
    # Rated models first; then shorter ids: "gemini flash" means Flash, not Flash-Lite.
    return sorted(matches, key=lambda e: (not e.rated, len(e.id), e.id))
