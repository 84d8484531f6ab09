"""A volume sent several to a call: "~3M log lines per night, we chunk 2,000 lines per call" is 1,500
calls, "500k rows a day, batched 100 rows per request" 5,000. The items must be the ones the volume
counts (or a chunking word must say so: "we chunk 2,000 per call"), and the call must be a model call
("per conversation" or "per ticket" says nothing of it). Pure; numbers as digits."""

from __future__ import annotations

import re

from agent.advisor.rules.digit_groups import written_number

_ABOUT = r"(?:(?:about|around|roughly|approx\.?|approximately|up\s+to|~)\s*)*"
_CALL = r"(?:(?:single\s+)?(?:model|llm|api|gpt|inference)\s+)?(?:call|request|prompt|query|completion)\b"
_PER_CALL = re.compile(
    r"\b(?P<chunk>(?:chunk|batch|group|bundle|pack|split)(?:ed|ing|s)?\s+(?:them\s+|it\s+|these\s+|those\s+)?"
    r"(?:(?:into|in)\s+(?:chunks|batches|groups)\s+of\s+)?)?"
    + _ABOUT + r"(?<![\d.,])(?P<n>\d+(?:,\d{3})*)(?P<k>\s?k)?\s+(?:(?:[a-z-]+\s+)?(?P<noun>[a-z][a-z-]*s)\s+)?"
    r"(?:(?:at\s+a\s+time\s+)?(?:per|a|each|every|in\s+(?:one|each|a|every))\s+|at\s+a\s+time\b[^.;!?]{0,20}?)"
    + _CALL,
    re.IGNORECASE,
)
_REACH = 160


def items_per_call(text: str, volume_words: str) -> tuple[float, str] | None:
    """(items a call, the words) when the volume's items are sent several to a model call."""
    at = text.find(volume_words) if volume_words else -1
    if at < 0:
        return None
    counted = {w.lower() for w in re.findall(r"[a-z][a-z-]*s\b", volume_words, re.IGNORECASE)}
    end = at + len(volume_words)
    for match in _PER_CALL.finditer(text, end, end + _REACH):
        noun = (match.group("noun") or "").lower()
        if (noun and noun not in counted) or not (noun or match.group("chunk")):
            continue  # "3 messages per call" of a volume of calls; "2,000 per call" with no chunking said
        n = written_number(match.group("n")) * (1e3 if match.group("k") else 1.0)
        if n > 1:
            return n, match.group(0)
    return None
