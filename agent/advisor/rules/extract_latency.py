"""Time targets from a developer's words: the first words (TTFT) or the whole answer. Pure functions."""

from __future__ import annotations

import re

from agent.advisor.rules.digit_groups import written_number
from agent.advisor.rules.extract_languages import clause_around
from agent.advisor.rules.size_units import sentence_bounds

_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "eight": 8,
    "ten": 10,
    "half a": 0.5,
}

_LATENCY = re.compile(
    r"(?:under|below|less than|within|<|max(?:imum)?|at most|no more than|faster than|slower than|longer than|sub[- ]?|"
    r"in|up to|exceed|(?:n[’']t|not|never)\s+(?:\w+\s+){0,2}?(?:more|longer)\s+than|"  # "can't add more than 400ms"
    r"(?:take|takes|taking)\s+(?:over|more\s+than|longer\s+than)|"  # "nothing should take over a minute"
    r"(?:budget|target|goal|limit|sla)\s*(?:is|of|:|=))\s*"  # "Latency budget is 250ms to first token"
    r"(?:about\s*|around\s*|roughly\s*|~\s*)?(\d+(?:[.,]\d+)*|a|an|one|two|three|four|five|six|eight|ten|half a)\s*"
    r"(ms|milliseconds?|s|secs?|seconds?|minutes?|mins?)\b",
    re.IGNORECASE,
)

# "2 seconds for the full answer", "10 s or less per summary": a time with no "under" or "within".
_LATENCY_FOR = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)*)\s*(ms|milliseconds?|s|secs?|seconds?|minutes?|mins?)\b"
    r"(?=\s+(?:or less|max\b|at most|"
    r"(?:for|to)\s+(?:\w+\s+){0,3}(?:answers?|responses?|repl(?:y|ies)|summar(?:y|ies)|outputs?|results?|"
    r"generat\w*|finish|complete))|\s*(?:to|till|until)\s+(?:the\s+)?first\s+(?:token|word|byte|chunk))",
    re.IGNORECASE,
)


def _latency_ms(amount: str, unit: str) -> float:
    value = _WORDS.get(amount.lower()) if not amount[0].isdigit() else written_number(amount)  # "1,5 s", "2,000ms"
    assert value is not None
    unit = unit.lower()
    return value * 60_000 if unit.startswith("min") else value if unit.startswith("m") else value * 1000


_FIRST_WORDS = re.compile(r"\bstart|\bbegin|first (?:token|word|byte|chunk|character|audio|sound)s?|ttft|time to first|"
                          r"appear|"
                          r"stream|\bfeel|instant|snappy", re.I)  # fmt: skip
_WHOLE_ANSWER = re.compile(r"\b(?:whole|full|fully|entire|complete|completed|total|finish\w*|done|arrive\w*)\b|"
                           r"end[- ]to[- ]end|response time|round[- ]trip|generated|generation|final token|"
                           r"last token|\bdecid\w*|\bdecision|\bverdict|\btak(?:e|es|ing)\b|\bp(?:50|9\d)\b",
                           re.I)  # fmt: skip
_ANSWER_WORDS = re.compile(r"\b(?:answers?|responses?|repl(?:y|ies)|respond\w*|results?|summar(?:y|ies)|outputs?)\b",
                           re.I)  # fmt: skip


# "Answers within 2 s" for a chat means the first words (a whole 300-token answer in 2 s is rarely
# possible); "answers within 10 s" means the whole answer, which also bounds the first words.
WHOLE_ANSWER_FROM_MS = 5_000


def _sentence_around(text: str, at: int) -> str:
    start, end = sentence_bounds(text, at)
    return text[start:end]


def latency(text: str) -> list[tuple[str, float, str]]:
    """(field, milliseconds, words) for each time target. A time for the first words is a TTFT
    target; a time for the whole answer ("the whole reply", "end to end", "for the full answer") is an
    end-to-end one. The first statement of each wins."""
    found: dict[str, tuple[float, str]] = {}
    for match in sorted([*_LATENCY.finditer(text), *_LATENCY_FOR.finditer(text)], key=lambda m: m.start()):
        if not match.group(1)[0].isdigit() and match.group(2).lower() in ("s", "ms"):
            continue  # "come in as 1-2 pages": "in a s" is no time
        ms = _latency_ms(match.group(1), match.group(2))
        clause = clause_around(text, match.start(), match.end())
        words = clause.strip()
        if not _WHOLE_ANSWER.search(clause) and not _FIRST_WORDS.search(clause):
            clause = _sentence_around(text, match.start())  # "The total response time, ..., can't exceed 4 s"
        whole = bool(_WHOLE_ANSWER.search(clause))
        answer = bool(_ANSWER_WORDS.search(clause)) and ms >= WHOLE_ANSWER_FROM_MS
        if (whole or answer) and not _FIRST_WORDS.search(clause) and "max_response_ms" not in found:
            found["max_response_ms"] = (ms, f"{words} (the whole answer)")
            if whole:
                continue
            words = f"{words} (the first words come no later than the whole answer)"
        if "max_ttft_ms" not in found:
            found["max_ttft_ms"] = (ms, words if answer else match.group(0))
    return [(name, ms, words) for name, (ms, words) in found.items()]
