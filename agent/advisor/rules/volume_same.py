"""A count said again in other words: "each conversation is roughly 4 exchanges (so 4 model calls)",
"~6 turns, i.e. 6 LLM calls", "3 steps - that's 3 requests", or its total ("30 pickers each (so 360
pickers)"). The second figure names the same things again and must not multiply the first; when it counts
calls, it says how many calls the first makes. Pure; numbers as digits."""

from __future__ import annotations

import re

# Between the first figure's words and the second: an opening bracket or a comma and a restating word.
_RESTATES = re.compile(
    r"[^.;!?()\d]{0,40}?(?:\(\s*|,\s*|\s[-–—]\s*|\s)(?:so|i\.?e\.?,?|ie|that\s+is|that'?s|which\s+is|which\s+means|"
    r"meaning|aka|or|=)\s*(?:(?:about|around|roughly|approx\.?|approximately|also|again|basically|just|~)\s*)*$",
    re.IGNORECASE,
)
_CALLS = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s+(?:(?:model|llm|api|ai|bot|gpt|separate)\s+)?(?:calls|requests)\b", re.I)
_REACH = 60


def restates(text: str, before_end: int, start: int) -> bool:
    """Whether the figure at `start` restates the one ending at `before_end`: a restating word between them
    ("(so", ", i.e.", "- that's")."""
    return 0 <= start - before_end <= _REACH and _RESTATES.match(text, before_end, start) is not None


def restated_calls(text: str, end: int) -> tuple[float, str] | None:
    """(calls, the words) when the words ending at `end` are said again as a count of calls: "(so 4 model calls)"."""
    digit = re.compile(r"\d").search(text, end, end + _REACH)
    if digit is None or not restates(text, end, digit.start()):
        return None
    calls = _CALLS.match(text, digit.start())
    if calls is None:
        return None
    said = text[end : calls.end()]
    return float(calls.group("n")), said + ")" * (said.count("(") - said.count(")"))
