"""What a message asks for, as one registry: each intent has a name, how it is recognised and the
node it routes to. The graph's conditional edge reads it (graph.route_intent), so a new intent is
one entry here plus one node. Recognised from the words alone, before anything is extracted: a
question never becomes a requirement."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from agent.advisor.economics import topic
from agent.advisor.rules.questions import is_question
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
# A change of mind about a requirement already stated: "drop the budget", "forget the EU thing - legal
# says it's fine", "never mind the latency requirement, we'll stream", "it doesn't need to be open-weights".
_DROP = re.compile(
    r"\b(?:drop|remove|ignore|forget(?: about)?|relax|scratch|disregard|never ?mind|no longer need|"
    r"(?:don'?t|do not|doesn'?t|does not) (?:really )?need(?: to be| to have)?|without)\s+"
    r"(?:the\s+|that\s+|our\s+|my\s+|any\s+)?(?P<what>[\w-]+(?:\s+[\w-]+){0,3}?)"
    r"(?:\s+(?:requirements?|constraints?|limits?|targets?|part|thing|bit|stuff|rule|angle))?"
    r"\s*(?:$|[.!;,:]|\s[-–—]\s|[-–—]\s|\s(?:because|since|as|we|legal|it|they|for now|after all)\b)",
    re.IGNORECASE,
)
# Ends the interview: rank now with what is known. ("skip" alone skips one question; see interview.py.)
_RECOMMEND_NOW = re.compile(
    r"^(?:just\s+)?(?:recommend|show (?:me )?(?:the )?(?:shortlist|ranking|results|recommendation)|"
    r"skip (?:the |all |all the )?questions|go ahead|that'?s all|that is all|that'?s it|nothing else|"
    r"use (?:the )?defaults?|no more questions)\b",
    re.IGNORECASE,
)
_GREETING = re.compile(r"^(?:hi|hello|hey|good (?:morning|afternoon|evening))\b[\s!.]*$", re.IGNORECASE)

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


def _asks(text: str) -> bool:
    from agent.advisor.definitions import asks_definition

    return is_question(text) or asks_definition(text)  # "What is RAG?" asks for a definition; it sets no task


def _explain(text: str) -> list[str] | None:
    match = _EXPLAIN.search(text)
    return [(match.group("name") or match.group("name2")).strip()] if match else None


def _compare(text: str) -> list[str] | None:
    match = _COMPARE.search(text)
    if not match:
        return None
    a, b = (match.group("a"), match.group("b")) if match.group("a") else (match.group("c"), match.group("d"))
    return [a.strip(), b.strip()]


def _economics(text: str) -> list[str] | None:
    kind = topic(text) if is_question(text) else None
    return [kind] if kind else None


# The items of a list requirement a drop can name: "scratch the HIPAA part" drops HIPAA, not SOC 2.
_DROP_ITEMS: dict[str, dict[str, re.Pattern[str]]] = {
    "compliance": {"hipaa": re.compile(r"hipaa", re.I), "gdpr": re.compile(r"gdpr", re.I),
                   "soc2": re.compile(r"soc ?2", re.I)},
    "needs": {need: re.compile(need if need != "tools" else r"tools?|function", re.I)
              for need in ("vision", "video", "audio", "tools", "json", "reasoning")},
}  # fmt: skip


def _drop(text: str) -> list[str] | None:
    """The requirements a change of mind drops: a field ("budget_usd_month") or one item of a list
    ("compliance:hipaa")."""
    match = _DROP.search(text)
    if not match:
        return None
    what = match.group("what")
    dropped: list[str] = []
    for pattern, name in DROP_FIELDS:
        if not pattern.search(what):
            continue
        items = [f"{name}:{item}" for item, said in _DROP_ITEMS.get(name, {}).items() if said.search(what)]
        dropped += items or [name]
    return dropped or None


def drop_requirements(requirements: dict[str, Any], dropped: list[str]) -> dict[str, Any]:
    """The requirements without what was dropped, and without what only made sense with it (a region
    lock without its regions, EU residency without the EU)."""
    kept = dict(requirements)
    for name in dropped:
        field_name, _, item = name.partition(":")
        if item:
            remaining = [value for value in kept.get(field_name, []) if value != item]
            kept[field_name] = remaining
            if not remaining:
                kept.pop(field_name)
            continue
        kept.pop(field_name, None)
        if field_name == "privacy":
            kept.pop("regions", None)
        if field_name == "regions":
            if kept.get("privacy") == "region-locked":
                kept.pop("privacy")
            if "eu-residency" in kept.get("compliance", []):
                kept = drop_requirements(kept, ["compliance:eu-residency"])
    return kept


def _matches(pattern: re.Pattern[str]) -> Callable[[str], list[str] | None]:
    return lambda text: [] if pattern.search(text) else None


@dataclass(frozen=True)
class IntentRule:
    """One intent: `recognise` returns its subject (possibly empty) when the message is one, else None.
    `changes_requirements` is False for questions: they are answered and leave the requirements alone."""

    name: str
    node: str
    recognise: Callable[[str], list[str] | None]
    changes_requirements: bool


# First match wins; "constraints" matches everything left.
INTENTS: tuple[IntentRule, ...] = (
    IntentRule("explain", "explain", _explain, changes_requirements=False),
    IntentRule("compare", "compare", _compare, changes_requirements=False),
    IntentRule("what_if", "what_if", _matches(_WHAT_IF), changes_requirements=False),
    IntentRule("economics", "economics", _economics, changes_requirements=False),
    IntentRule("drop", "update", _drop, changes_requirements=True),
    IntentRule("recommend", "update", _matches(_RECOMMEND_NOW), changes_requirements=True),
    IntentRule("greeting", "update", _matches(_GREETING), changes_requirements=True),
    IntentRule("knowledge", "retrieve", lambda text: [] if _asks(text) else None, changes_requirements=False),
    IntentRule("constraints", "update", lambda text: [], changes_requirements=True),
)
BY_NAME = {rule.name: rule for rule in INTENTS}


@dataclass
class Intent:
    kind: str
    subject: list[str] = field(default_factory=list)


def classify(text: str, extraction: Any = None) -> Intent:
    """The first intent that recognises the message. (`extraction` is accepted and unused: the
    intent is read from the words before anything is extracted.)"""
    stripped = text.strip()
    for rule in INTENTS:
        subject = rule.recognise(stripped)
        if subject is not None:
            return Intent(rule.name, subject)
    return Intent("constraints")


# Words that end a sentence after a model's name and are never part of one.
_TRAILING_WORDS = frozenset(
    [
        "for",
        "this",
        "that",
        "these",
        "us",
        "me",
        "our",
        "my",
        "we",
        "you",
        "it",
        "them",
        "here",
        "now",
        "then",
        "instead",
        "please",
        "too",
        "also",
        "again",
        "anyway",
        "today",
        "case",
        "use",
        "team",
        "project",
        "app",
        "thanks",
    ]
)


@functools.lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s/]+", normalise(text.replace(" ", "-")).replace("-", " ")) if w)


def find_models(name: str, entries: Iterable[ModelEntry]) -> list[ModelEntry]:
    """Curated models whose id or family contains every word the user typed ("gemini flash", "gpt-4.1").

    Rated models are searched first; the rest of the catalog only when none matches."""
    wanted = _words(name.strip().rstrip(".,;:!?"))
    while wanted and wanted[-1] in _TRAILING_WORDS:  # "gpt-4.1 for this", "claude sonnet then"
        wanted = wanted[:-1]
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
