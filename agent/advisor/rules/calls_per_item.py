"""Model calls per item of work: "1,200 reconciliations a day, each one is roughly 8 model calls", "~300
companies a day, about 12 LLM calls per company", "6k chats a day with about 3 bot replies per chat",
"10k member chats a week, ~4 bot turns each". The volume counts the items; every call is a request, so
the requests are the items times the calls. The item must be the one the volume counts (or "each" must
follow it), so "3 messages per ticket" read into one request stays one. Pure; numbers as digits."""

from __future__ import annotations

import re

_NUM = r"(?P<n>\d+(?:\.\d+)?)"
_ABOUT = r"(?:(?:about|around|roughly|approx\.?|approximately|maybe|typically|usually|like|some|up\s+to|~)\s*)*"
# What a call is called: "model calls", "LLM calls", "bot replies", "agent steps", "completions".
_CALLS = (r"(?:(?:model|llm|api|ai|bot|agent|assistant|gpt|inference|separate)\s+)?"
          r"(?P<calls>calls|requests|steps|iterations|turns|replies|responses|rounds|generations|completions)\b"
          r"|(?:model|llm|bot|ai|assistant)\s+(?P<messages>messages)\b")  # fmt: skip
_PER_ITEM = re.compile(
    # "12 LLM calls per company", "3 bot replies per chat", "5 calls for each ticket"
    _NUM + r"\s+(?:" + _CALLS + r")\s+(?:per|a|an|each|every|for\s+each|for\s+every|in\s+(?:an?|each|every))\s+"
    r"(?P<item>[a-z][a-z-]*)"
    # "each one is roughly 8 model calls", "each ticket takes roughly 5 model calls"
    r"|\b(?:each|every)\s+(?P<item2>one|[a-z][a-z-]*)\s+(?:is|takes|needs|makes|uses|runs|involves|triggers|means|="
    r"|is\s+made\s+of|works?\s+out\s+(?:to|at))\s+" + _ABOUT + _NUM.replace("<n>", "<n2>") + r"\s+(?:"
    + _CALLS.replace("<calls>", "<calls2>").replace("<messages>", "<messages2>") + r")"
    # "~4 bot turns each"
    r"|" + _NUM.replace("<n>", "<n3>") + r"\s+(?:" + _CALLS.replace("<calls>", "<calls3>").replace(
        "<messages>", "<messages3>") + r")\s+(?P<each>each|apiece)\b"
    # "in each convo the bot replies like 6 times", "answers 4 times per chat"
    r"|\bin\s+(?:each|every)\s+(?P<item4>[a-z][a-z-]*)\b[^.;?!]{0,40}?\b(?:repl(?:y|ies)|respond\w*|answers?|"
    r"talks?|speaks?|is\s+called|gets\s+called|runs?)\s+" + _ABOUT + _NUM.replace("<n>", "<n4>") + r"\s+times\b"
    r"|\b(?:repl(?:y|ies)|respond\w*|answers?|is\s+called|gets\s+called|runs?)\s+" + _ABOUT
    + _NUM.replace("<n>", "<n5>") + r"\s+times\s+(?:per|a|an|each|every|in\s+(?:an?|each|every))\s+"
    r"(?P<item5>[a-z][a-z-]*)",
    re.IGNORECASE,
)
# Names for one conversation: a volume of "chats" counts what "in each convo" names.
_SESSION = {"conversation", "convo", "chat", "session", "thread", "dialog", "dialogue"}
_TIME = {"hour", "day", "night", "week", "month", "year", "minute", "second", "shift", "quarter"}


def _stem(word: str) -> str:
    word = word.lower()
    if word.rstrip("s") in _SESSION:
        return "conversation"
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-2] if word.endswith(("ches", "shes", "sses", "xes")) else word.rstrip("s")


def calls_per_item(text: str, volume_words: str) -> tuple[float, str] | None:
    """(calls per item, the words) when the text says how many model calls each counted item takes."""
    counted = {_stem(word) for word in re.findall(r"[a-z][a-z-]*", volume_words.lower())}
    at = text.lower().find(volume_words.lower()) if volume_words else -1
    for match in _PER_ITEM.finditer(text):
        if at >= 0 and match.start() < at + len(volume_words) and at < match.end():
            continue  # the volume was read from these words already ("each agent takes 35 calls per shift")
        n = float(next(match.group(name) for name in ("n", "n2", "n3", "n4", "n5") if match.group(name)))
        item = match.group("item") or match.group("item2") or match.group("item4") or match.group("item5")
        if item is not None and item.lower() != "one":
            if _stem(item) in _TIME or _stem(item) not in counted:
                continue  # "3 calls per hour" is a rate; "per ticket" of a volume of chats is another item
        elif at < 0 or not 0 <= match.start() - (at + len(volume_words)) <= 120:
            continue  # "each one", "each" point back at the volume only right after it
        if 1 < n <= 1_000:
            return n, match.group(0)
    return None
