"""The context window a developer asks for: "a context of 1 million tokens", "at least a 128k window",
"Context window ≥ 300k tokens", and the floor beside a wish ("1M tokens preferred, 200k minimum": 200k).
A size the prompts reach ("prompts hit 60k tokens of context") is the input, read by extract_sizes.py;
a question whether a window is enough ("Is a 200k context enough?") asks for none. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from agent.advisor.rules.extract_volume import NUM, number
from agent.advisor.rules.size_asked import asked_if_enough
from agent.advisor.rules.size_units import sentence_bounds

_WINDOW_WORDS = r"context(?:\s+(?:window|length|size))?"
# "a context of 1 million tokens", "Context of at least 500k tokens"
_CONTEXT_OF = re.compile(
    r"\b" + _WINDOW_WORDS + r"\s+of\s+(?:at least\s+|up to\s+|about\s+|around\s+|~\s*)?" + NUM + r"\s*tokens?",
    re.IGNORECASE,
)
# "a big context window — at least 200k tokens", "context window: 128k tokens minimum", "Context window ≥ 300k"
_CONTEXT_WINDOW_OF = re.compile(
    r"\b" + _WINDOW_WORDS + r"\s*(?:[-–—:,(]|of|is|needs to be|has to be|must be|should be|"
    r"(?:needs?\s+to|must|has\s+to|should)\s+(?:hold|fit|take|handle)|(?=>=|≥|at least\b|minimum\b))\s*"
    r"(?:at least|minimum|min\.?|>=|≥|of|about|around|~|up to|\s)*"
    + NUM
    + r"(?:\s*(?:tokens?|tok)\b|(?<=[km])(?!\s*(?!(?:min|minimum|or more)\b)[a-z]))",  # "has to be at least 128k"
    re.IGNORECASE,
)
# "need big context, we paste whole scripts, 32k min": a floor said later in the context's sentence.
_CONTEXT_FLOOR = re.compile(
    r"\bcontext\b[^.;!?\n]{0,60}?(?:\b(?:min(?:imum)?(?:\s+of)?|at\s+(?:the\s+)?(?:very\s+)?least)\s+(?P<a>\d+)\s?"
    r"(?P<ak>[km])\b|"
    r"(?<![\d.,])(?P<b>\d+)\s?(?P<bk>[km])\s*(?:tokens?\s*)?(?:min(?:imum)?\b|at\s+least\b|or\s+more\b|\+))",
    re.IGNORECASE,
)
_CONTEXT = re.compile(
    NUM + r"\s*(?:tokens?\s*(?:of\s*)?)?(?:context|context window|token context|tokens? of context)",
    re.IGNORECASE,
)
# "at least a 128k window", "a 1M-token window", "window of at least 256k": a window of tokens, said as
# thousands (k) or millions (a capital M, "million") or tokens, since "a 5m window" may be five minutes.
_TOKEN_COUNT = (
    r"(?<![\d.,])(?P<n>\d+(?:[.,]\d+)*)\s?(?:(?P<k>[kK]|M|million)\b(?:[\s-]*(?i:tokens?)\b)?|"
    r"[\s-]*(?i:tokens?)\b)"
)
_OTHER_UNIT = r"(?![\s-]*(?i:(?!tokens?\b)(?:[a-z]+s|request|call|user|row|item|doc|word|page|line|message|event)\b))"
_WINDOW = re.compile(
    _TOKEN_COUNT + r"[\s-]*(?i:context[\s-]+)?(?i:window)\b|"
    r"\b(?i:window)\s*(?i:of|:|is|>=|≥|at\s+least|minimum|min\.?|about|around|~|\s)*"
    + _TOKEN_COUNT.replace("?P<", "?P<w_")
    + _OTHER_UNIT,
)
# "1M tokens preferred": the figure wished for, beside the floor that must hold
_WISH = re.compile(r"\b(?:preferred|preferably|ideally|ideal|would\s+be\s+(?:nice|great|ideal|better)|"
                   r"nice[\s-]+to[\s-]+have|if\s+possible|if\s+we\s+can|would\s+love|we'?d\s+love|prefer)\b",
                   re.I)  # fmt: skip
# "200k minimum", "at least 200k", "200k at the very least", "no less than 200k", "a floor of 200k"
_FLOOR = re.compile(
    r"(?:\b(?:min(?:imum)?|at\s+(?:the\s+)?(?:very\s+)?least|no\s+less\s+than|(?:a\s+)?floor\s+of)\s*(?:of\s+|is\s+|:\s*)?"
    r"(?P<a>\d+(?:[.,]\d+)*)\s?(?P<ak>k|m|million)\b" + _OTHER_UNIT + "|"
    r"(?<![\d.,])(?P<b>\d+(?:[.,]\d+)*)\s?(?P<bk>k|m|million)\b\s*(?:tokens?\s*)?(?:(?:at\s+)?min(?:imum)?\b|"
    r"at\s+(?:the\s+)?(?:very\s+)?least\b|or\s+more\b|\+))",
    re.I,
)


@dataclass(frozen=True)
class Window:
    tokens: int
    words: str
    end: int  # where its words end: "... tokens per request" after them says it is each request's size
    floor: bool = False  # the floor beside a wish, or one said alone ("context ... 32k min")


def stated_window(text: str, input_words: Iterable[str]) -> Window | None:
    """The context window these words ask for; `input_words` are the words of the request's sizes, since a
    context figure among them ("prompts hit 60k tokens of context") is what a request carries."""
    carried = [words for words in input_words if words]
    for pattern in (_CONTEXT, _CONTEXT_OF, _CONTEXT_WINDOW_OF, _WINDOW):
        for match in pattern.finditer(text):
            if any(match.group(0) in words for words in carried) or asked_if_enough(text, match.start()):
                continue
            digits, suffix = _count(match)
            return _floor_beside(text, match) or Window(int(number(digits, suffix)), match.group(0), match.end())
    floor = _CONTEXT_FLOOR.search(text)
    if floor and not asked_if_enough(text, floor.start()):
        digits, suffix = floor.group("a", "ak") if floor.group("a") else floor.group("b", "bk")
        return Window(int(number(digits, suffix)), floor.group(0), floor.end(), floor=True)
    return None


def _count(match: re.Match[str]) -> tuple[str, str | None]:
    if match.re is not _WINDOW:
        return match.group(1), match.group(2)
    digits, suffix = ("n", "k") if match.group("n") else ("w_n", "w_k")
    return match.group(digits), match.group(suffix)


def _floor_beside(text: str, figure: re.Match[str]) -> Window | None:
    """ "1M tokens preferred, 200k minimum": a figure wished for, and a floor in its sentence, which must hold."""
    start, end = sentence_bounds(text, figure.start())
    wished = _WISH.search(text, max(start, figure.start() - 25), min(end, figure.end() + 30))
    if not wished:
        return None
    for floor in _FLOOR.finditer(text, start, end):
        if floor.start() < figure.end() and floor.end() > figure.start():
            continue  # the figure itself ("at least 1M, ideally more")
        digits, suffix = floor.group("a", "ak") if floor.group("a") else floor.group("b", "bk")
        return Window(int(number(digits, suffix)), f"{figure.group(0)} ... {floor.group(0)}", floor.end(), floor=True)
    return None
