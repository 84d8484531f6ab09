"""A volume the message itself goes on to restate: a correction ("about 10k a day - actually scratch that,
more like 14k") replaces the figure, and a future the user asks to size for ("2k a day now, we expect to
triple by Q3, so size everything for Q3"; "230 stores ... rolling out to all 410 stores, price it at full
rollout") scales it. Growth said without asking to size for it ("might double next year"), or with "size
for today", leaves today's figure. Pure; numbers as digits; `read` is the volume reader for a span."""

from __future__ import annotations

import re
from collections.abc import Callable

from agent.advisor.rules.digit_groups import written_number
from agent.advisor.rules.number_words import share_of
from agent.advisor.rules.volume_rescale import rescaled

Reading = tuple[float, str]
_NUM = r"(?<![\d.,$€£])(?P<n>\d+(?:[.,]\d+)*)(?:\s?(?P<s>k|thousand|m|million)\b)?"
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6}

# "actually scratch that", "wait, no", "correction:", "sorry, I meant", "make that", "that's last year's"
_CORRECTION = re.compile(
    r"\b(?:scratch\s+that|strike\s+that|wait,?\s+no\b|no,?\s+wait\b|correction\s*[:,-]|sorry,?\s+(?:i\s+meant|no)\b|"
    r"i\s+meant\b|make\s+that\b|or\s+rather\b|actually\s+no\b|let\s+me\s+correct\s+(?:that|myself)|"
    r"that(?:'s|\s+is|\s+was)\s+(?:last\s+year|old|outdated|wrong|out\s+of\s+date))",
    re.IGNORECASE,
)
# The corrected figure alone, taking the old one's period: "since launch it's more like 14k".
_BARE = re.compile(r"[^\d.;!?]{0,40}?" + _NUM
                   + r"(?P<noun>\s+[a-z]+)?(?=\s*(?:[.,;!?)]|$|(?:now|today|instead|or\s+so|tops)\b))",
                   re.IGNORECASE)  # fmt: skip


def _value(match: re.Match[str]) -> float:
    scale = match.group("s")
    return written_number(match.group("n"), scaled=bool(scale)) * _SCALE.get((scale or "").lower(), 1.0)


def corrected(text: str, found: Reading, read: Callable[[str], Reading | None]) -> Reading | None:
    """The figure a later correction gives, in place of the one it corrects."""
    per_day, words = found
    at = text.find(words)
    for mark in _CORRECTION.finditer(text, max(at, 0) + len(words) if at >= 0 else 0):
        rest = text[mark.end() :]
        if again := read(rest):
            return again[0], f"{again[1]} (correcting {words})"
        old = list(re.finditer(_NUM, words))
        bare = _BARE.match(rest)
        simple = len(old) == 1 and " x " not in words and "(" not in words
        if bare and simple and (not bare.group("noun") or bare.group("noun").strip().lower() in words.lower()):
            before = _value(old[0])
            if before > 0:
                return per_day * _value(bare) / before, f"{bare.group(0).strip(' ,;:-')} (correcting {words})"
    return None


# "so size everything for Q3", "want pricing at full rollout", "plan for next year's volume"
_SIZE_FOR = re.compile(
    r"\b(?:size|sized|sizing|plan|planning|price|pricing|priced|provision|spec|design)\b"
    r"(?:\s+(?:it|this|everything|things|all|the\s+\w+|us))?\s+(?:for|at|on|around|against)\s+(?:the\s+)?"
    r"(?P<when>[^.;!?,]{1,30})",
    re.IGNORECASE,
)
_NOW = re.compile(r"^(?:today|now|current|present|the\s+present|what\s+we\s+have|launch\s+day|day\s+one|mvp)\b", re.I)
_LATER = re.compile(r"\b(?:q[1-4]|h[12]|rollout|roll-out|launch|next|year|end|future|growth|grown|target|then|that|"
                    r"scale|expected|projected|forecast|full|later|peak\s+season|20\d\d|jan|feb|mar|apr|may|jun|jul|"
                    r"aug|sep|oct|nov|dec)", re.IGNORECASE)  # fmt: skip
_SHARE = r"half|a\s+third|one\s+third|a\s+quarter|one\s+quarter|\d{1,2}\s?%"
# "cut the budget in half", "slashed our spend by 30%", "traffic dropped to a quarter"
_CUT = (r"\b(?:cut|cuts|slashed|reduced|trimmed|lowered|dropped|shrunk|shrank|(?:went|came|is|are)\s+down)\s+"
        r"(?:[\w']+\s+){0,3}?(?:(?P<in_half>in\s+half)|by\s+(?P<by>" + _SHARE + r")|to\s+(?P<to>" + _SHARE + r"))")
_GROWTH = re.compile(r"\b(?P<word>double|triple|quadruple|halve)[sd]?\b|(?<![\d.])(?P<x>\d+(?:\.\d+)?)\s?x\b|"
                     r"\bx\s?(?P<x2>\d+(?:\.\d+)?)\b|\b(?:gr[eo]w\w*|(?:went|go(?:es)?|is|are)\s+up)\s+(?:by\s+)?(?P<pct>\d+)\s?%|"
                     + _CUT, re.IGNORECASE)  # fmt: skip
_FACTORS = {"double": 2.0, "triple": 3.0, "quadruple": 4.0, "halve": 0.5}


def _factor(growth: re.Match[str]) -> float:
    """What a growth word multiplies by: "triple" 3, "50%" 1.5, "3x" 3, "halve" 0.5, "cut by a third" 2/3."""
    if growth.group("word"):
        return _FACTORS[growth.group("word").lower()]
    if growth.group("pct"):
        return 1 + float(growth.group("pct")) / 100
    if growth.group("in_half"):
        return 0.5
    if growth.group("by"):
        return 1 - share_of(growth.group("by"))
    if growth.group("to"):
        return share_of(growth.group("to"))
    return float(growth.group("x") or growth.group("x2"))


def growth_factor(text: str) -> float | None:
    """What the first growth or cut the text names multiplies by ("what if volume triples?" 3), or None."""
    growth = _GROWTH.search(text)
    return _factor(growth) if growth else None


def sized_for_later(text: str, found: Reading) -> Reading | None:
    """Today's volume scaled to the future the user asks to size for: a growth factor ("triple", "3x") or
    a new count of what the volume multiplied ("all 410 stores")."""
    per_day, words = found
    asked = [m for m in _SIZE_FOR.finditer(text) if _LATER.search(m.group("when"))]
    if not asked or any(_NOW.match(m.group("when").strip()) for m in _SIZE_FOR.finditer(text)):
        return None  # "we'll double seats by year end, but let's size for today"
    said = re.sub(r"\s*\([^()]*\)$", "", words)  # without the arithmetic note
    at = text.find(said)
    after = text[at + len(said) :] if at >= 0 else text
    if growth := _GROWTH.search(after):
        factor = _factor(growth)
        if factor > 1:
            return per_day * factor, f"{words}; {growth.group(0)} (x{factor:g}, sized for {asked[0].group('when')})"
    if (recount := rescaled(after, per_day, words)) and recount[0] > per_day:
        return recount[0], f"{recount[1]}, sized for {asked[0].group('when').strip()}"
    return None


# A later message that scales a figure already stated: "our volume just doubled", "size it for triple the
# traffic", "make it 3x", "we expect to triple by Q3, size for Q3", "the budget doubled". Growth only
# foreseen ("will double next year") changes nothing until the user asks to size for it; a factor on
# something else ("prompts are twice as long") is neither the volume's nor the budget's.
_HAPPENED = re.compile(r"\b(?:doubled|tripled|quadrupled|halved|cut|slashed|reduced|trimmed|lowered|dropped|shrunk|"
                       r"shrank)\b|\b(?:went|came)\s+down\b|\b(?:is|are|it'?s|we'?re|now)\s+"
                       r"(?:now\s+)?(?:at\s+)?(?:double|triple|quadruple|\d+(?:\.\d+)?\s?x)\b|\bgrew\b|\bwent\s+up\b",
                       re.I)  # fmt: skip
_ASKED = re.compile(r"\b(?:size|sized|sizing|plan|planning|price|pricing|provision|assume|make\s+it|"
                    r"(?:double|triple|quadruple|halve)\s+(?:it|that|the|our))\b", re.I)  # fmt: skip
_FORESEEN = re.compile(r"\b(?:will|might|may|could|expect\w*|forecast\w*|project\w*|plan\s+to|going\s+to|"
                       r"next\s+(?:year|quarter|month)|by\s+(?:q[1-4]|20\d\d|year[- ]end|the\s+end))\b", re.I)
_BUDGET = re.compile(r"\b(?:budget|spend|spending|ceiling|cap)\b", re.I)
_NEITHER = re.compile(r"\b(?:cost|costs|price|prices|latency|ttft|tokens?|prompts?|context|outputs?|answers?|"
                      r"replies|words|pages|longer|shorter|faster|slower|team|headcount|staff)\b", re.I)  # fmt: skip


def scaled_by_growth(text: str) -> tuple[str, float, bool] | None:
    """("requests_per_day" or "budget_usd_month", factor, applies) when a message with no figure of its own
    scales one; `applies` is False for growth only foreseen ("will double next year"), to be offered."""
    growth = _GROWTH.search(text)
    if growth is None or _NEITHER.search(text):
        return None
    factor = _factor(growth)
    asked, happened = _ASKED.search(text) or _SIZE_FOR.search(text), _HAPPENED.search(text)
    foreseen = bool(_FORESEEN.search(text)) and not asked
    if factor <= 0 or factor == 1 or not (asked or happened or foreseen):
        return None
    return ("budget_usd_month" if _BUDGET.search(text) else "requests_per_day"), factor, not foreseen
